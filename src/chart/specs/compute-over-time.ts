// Training compute of AI models over time: one dot per model with an estimate, on a log scale,
// coloured US / China / other, with the models of the highlighted makers (Alibaba's Qwen and
// DeepSeek by default, the seed article's pair) ringed and labelled by name. Labels are placed
// here, not by Vega: each is tried right, left, above and below its dot and kept only where it
// overlaps no other label, largest models first, so the frontier ones are always named.
import type { TopLevelSpec } from 'vega-lite';
import type { CatalogModel } from '../../model/model-series.js';
import { COUNTRY_GROUPS, type CountryGroup } from '../../model/country-group.js';
import { formatFlop } from '../../model/format-figure.js';
import { measureText } from '../text-metrics.js';
import { FONT_SIZES, COLOURS } from '../theme.js';
import { retrievalAsOfText } from '../../series/data-as-of.js';
import { modelsChartFrame, type ModelsLayer } from './models-frame.js';

export const DEFAULT_HIGHLIGHT = ['Alibaba', 'DeepSeek'];

export interface ComputeChartOptions {
  title?: string;
  subtitle?: string;
  width?: number;
  height?: number;
  /** Actors whose models are ringed and labelled (company or lab names as the catalogue has them). */
  highlight?: string[];
  /** Most labels to place (the largest models first). */
  maxLabels?: number;
  /** A phone's chart: the legend above the plot, a shorter axis title. */
  narrow?: boolean;
  colours: Record<CountryGroup, string>;
  credit: string;
  dataAsOf: string | null;
  /** Models in the selection without an estimate, said in the footer. */
  withoutEstimate: number;
}

interface Placed {
  name: string;
  px: number;
  py: number;
  align: 'left' | 'right' | 'center';
  dotX: number;
  dotY: number;
  /** Placed away from its dot: a thin line joins them. */
  leader: boolean;
}

const LABEL_SIZE = FONT_SIZES.note + 1;

export function computeOverTimeSpec(models: CatalogModel[], o: ComputeChartOptions): TopLevelSpec {
  const width = o.width ?? 720;
  const height = o.height ?? 460;
  const highlight = o.highlight ?? DEFAULT_HIGHLIGHT;
  const plotted = models.filter((m) => m.trainingComputeFlop !== null && m.trainingComputeFlop > 0 && m.publicationDate !== null);
  const isHighlighted = (m: CatalogModel) => m.actors.some((a) => highlight.includes(a.name));

  const times = plotted.map((m) => Date.parse(`${m.publicationDate}T00:00:00Z`));
  const logs = plotted.map((m) => Math.log10(m.trainingComputeFlop!));
  const firstYear = times.length ? new Date(Math.min(...times)).getUTCFullYear() : new Date().getUTCFullYear();
  const lastYear = times.length ? new Date(Math.max(...times)).getUTCFullYear() : firstYear;
  // From the first year's start to a little past the newest model: no empty year at the right.
  const xDomain = [Date.UTC(firstYear, 0, 1), (times.length ? Math.max(...times) : Date.UTC(lastYear, 11, 31)) + 45 * 86_400_000] as const;
  const yLow = Math.floor(logs.length ? Math.min(...logs) : 20);
  const yDomain = [yLow, Math.max(yLow + 1, Math.ceil(logs.length ? Math.max(...logs) : 27))] as const;
  const px = (t: number) => ((t - xDomain[0]) / (xDomain[1] - xDomain[0])) * width;
  const py = (log: number) => height - ((log - yDomain[0]) / (yDomain[1] - yDomain[0])) * height;

  const rows = plotted.map((m, i) => ({
    name: m.displayName,
    org: m.actors.map((a) => a.name).join(', ') || m.organizations.join(', ') || '—',
    date: m.publicationDate,
    t: times[i],
    compute: m.trainingComputeFlop,
    computeText: formatFlop(m.trainingComputeFlop!, { unit: true, digits: 2 }),
    confidence: m.confidence ?? 'not stated',
    group: m.countryGroup,
    highlighted: isHighlighted(m),
    href: m.links[0] ?? null,
  }));

  const candidates = plotted
    .map((m, i) => ({ m, x: px(times[i]!), y: py(logs[i]!) }))
    .filter((c) => isHighlighted(c.m));
  const labels = placeLabels(labelOrder(candidates, highlight), width, height, o.maxLabels ?? 12);

  const colour = { field: 'group', type: 'nominal', title: 'Country', scale: { domain: [...COUNTRY_GROUPS], range: COUNTRY_GROUPS.map((g) => o.colours[g]) }, ...(o.narrow ? { legend: { orient: 'top', direction: 'horizontal' } } : {}) } as const;
  // Time as a plain number (ms since 1970) on a linear scale with a tick on each 1 January: a
  // temporal scale's explicit domain does not survive the browser's expression interpreter.
  const step = lastYear - firstYear > 12 ? 2 : 1;
  const ticks = range(firstYear, lastYear).filter((y) => (y - firstYear) % step === 0).map((y) => Date.UTC(y, 0, 1));
  const x = { field: 't', type: 'quantitative', title: null, scale: { domain: [...xDomain], nice: false, zero: false }, axis: { values: ticks, labelExpr: "utcFormat(datum.value, '%Y')", grid: false } } as const;
  // A phone's plot is shorter than the full axis title.
  const yTitle = o.narrow ? 'FLOP, log scale' : 'Training compute (FLOP, log scale)';
  const y = {
    field: 'compute',
    type: 'quantitative',
    title: yTitle,
    scale: { type: 'log', domain: [10 ** yDomain[0], 10 ** yDomain[1]], nice: false },
    axis: { values: range(yDomain[0], yDomain[1]).map((e) => 10 ** e), labelExpr: "'1e' + round(log(datum.value) / LN10)", title: yTitle, titleColor: COLOURS.muted },
  } as const;
  const tooltip = [
    { field: 'name', title: 'Model' },
    { field: 'org', title: 'By' },
    { field: 'date', title: 'Published' },
    { field: 'computeText', title: 'Training compute' },
    { field: 'confidence', title: 'Epoch confidence' },
  ];
  const layers: ModelsLayer[] = [
    {
      data: { values: rows },
      mark: { type: 'point', filled: true, size: 34, opacity: 0.55 },
      encoding: { x, y, color: colour, tooltip, href: { field: 'href' }, description: { field: 'name' } },
    } as unknown as ModelsLayer,
    {
      data: { values: rows.filter((r) => r.highlighted) },
      mark: { type: 'point', filled: true, size: 70, opacity: 1, stroke: COLOURS.text, strokeWidth: 1.2 },
      encoding: { x, y, color: colour, tooltip, href: { field: 'href' } },
    } as unknown as ModelsLayer,
    {
      data: { values: labels.filter((l) => l.leader) },
      mark: { type: 'rule', color: COLOURS.muted, strokeWidth: 0.8 },
      encoding: { x: { field: 'dotX', type: 'quantitative', scale: null }, y: { field: 'dotY', type: 'quantitative', scale: null }, x2: { field: 'px' }, y2: { field: 'py' } },
    } as unknown as ModelsLayer,
    // Each label twice: a white outline first (a halo over the dots), then the text.
    ...(['left', 'right', 'center'] as const).flatMap((align) =>
      [{ stroke: COLOURS.background, strokeWidth: 3, strokeOpacity: 0.9 }, {}].map(
        (halo): ModelsLayer => ({
          data: { values: labels.filter((l) => l.align === align) },
          mark: { type: 'text', align, baseline: 'middle', fontSize: LABEL_SIZE, color: COLOURS.text, ...halo },
          encoding: { text: { field: 'name' }, x: { field: 'px', type: 'quantitative', scale: null }, y: { field: 'py', type: 'quantitative', scale: null } },
        }),
      ),
    ),
  ];

  const counts = COUNTRY_GROUPS.map((g) => `${g} ${plotted.filter((m) => m.countryGroup === g).length}`).join(', ');
  const top = [...plotted].sort((a, b) => b.trainingComputeFlop! - a.trainingComputeFlop!)[0];
  const ringed = plotted.filter(isHighlighted);
  const alt =
    `Dot chart of the training compute of ${plotted.length} AI models published ${firstYear}–${lastYear}, on a log scale (${counts}).` +
    (top ? ` The largest estimate is ${top.displayName} (${top.publicationDate}, ${formatFlop(top.trainingComputeFlop!, { unit: true })}).` : '') +
    ` ${ringed.length} models by ${highlight.join(' and ')} are ringed${labels.length ? `, ${labels.length} of them labelled` : ''}.`;
  const long = [
    alt,
    ...ringed.map((m) => `${m.displayName} (${m.actors.map((a) => a.name).join(', ')}, ${m.publicationDate}): ${formatFlop(m.trainingComputeFlop!, { unit: true, digits: 2 })}${m.confidence ? `, ${m.confidence}` : ''}`),
  ].join('\n');
  return modelsChartFrame({
    kind: 'compute-over-time',
    title: o.title ?? `Training compute of AI models, ${firstYear}–${lastYear}`,
    subtitle: o.subtitle ?? `Each dot is a model with an Epoch AI compute estimate, coloured by where its developers are based. Ringed and named: models by ${highlight.join(' and ')}.`,
    width,
    height,
    alt,
    long,
    footer: [
      `${retrievalAsOfText(o.dataAsOf)}. ${o.withoutEstimate} model${o.withoutEstimate === 1 ? '' : 's'} in the selection ha${o.withoutEstimate === 1 ? 's' : 've'} no public compute estimate and ${o.withoutEstimate === 1 ? 'is' : 'are'} not shown. US / China: the developers’ countries include one but not the other; everything else is Other.`,
      o.credit,
    ],
    layers,
  });
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Greedy placement: each candidate takes the first free spot beside its dot (right, left, above,
 * below), then further out with a leader line, or goes unlabelled. A label may cover plain dots
 * (it has a white halo) but never another label or a ringed dot.
 */
export function placeLabels(candidates: { m: CatalogModel; x: number; y: number }[], width: number, height: number, max: number): Placed[] {
  const placed: (Placed & { box: Box })[] = [];
  const dots: Box[] = candidates.map((c) => ({ x0: c.x - 4, y0: c.y - 4, x1: c.x + 4, y1: c.y + 4 }));
  const h = LABEL_SIZE + 2;
  for (const c of candidates) {
    if (placed.length >= max) break;
    const w = measureText(c.m.displayName, LABEL_SIZE);
    const side = (align: 'left' | 'right', dx: number, dy: number) => {
      const px = c.x + dx;
      const py = c.y + dy;
      const box = align === 'left' ? { x0: px - 1, y0: py - h / 2, x1: px + w + 1, y1: py + h / 2 } : { x0: px - w - 1, y0: py - h / 2, x1: px + 1, y1: py + h / 2 };
      return { align, px, py, box, leader: Math.abs(dy) > 12 };
    };
    const centred = (dy: number) => ({ align: 'center' as const, px: c.x, py: c.y + dy, box: { x0: c.x - w / 2 - 1, y0: c.y + dy - h / 2, x1: c.x + w / 2 + 1, y1: c.y + dy + h / 2 }, leader: Math.abs(dy) > 12 });
    const spots = [
      side('left', 7, 0), side('right', -7, 0), centred(-11), centred(11),
      side('left', 12, -20), side('left', 12, 20), side('right', -12, -20), side('right', -12, 20),
      side('left', 16, -34), side('left', 16, 34), side('right', -16, -34), side('right', -16, 34),
      centred(-30), centred(30),
      side('left', 20, -50), side('left', 20, 50), side('right', -20, -50), side('right', -20, 50),
      side('left', 24, -68), side('left', 24, 68), side('right', -24, -68), side('right', -24, 68),
    ];
    const spot = spots.find(
      (s) =>
        s.box.x0 >= 0 && s.box.x1 <= width && s.box.y0 >= 0 && s.box.y1 <= height &&
        !placed.some((p) => overlaps(p.box, s.box)) &&
        !dots.some((d) => overlaps(d, s.box)),
    );
    if (spot) placed.push({ name: c.m.displayName, px: spot.px, py: spot.py, align: spot.align, box: spot.box, dotX: c.x, dotY: c.y, leader: spot.leader });
  }
  return placed.map(({ box: _box, ...p }) => p);
}

/**
 * Which ringed models to name first: each maker's record-setters (a model larger than any it
 * made before), taken in turn across makers so every one is named, largest first; then the rest.
 */
export function labelOrder<T extends { m: CatalogModel }>(candidates: T[], highlight: string[]): T[] {
  const byDate = [...candidates].sort((a, b) => a.m.publicationDate!.localeCompare(b.m.publicationDate!));
  const records = new Map<string, T[]>();
  for (const actor of highlight) {
    let best = 0;
    const mine: T[] = [];
    for (const c of byDate) {
      if (!c.m.actors.some((a) => a.name === actor)) continue;
      if (c.m.trainingComputeFlop! > best) {
        best = c.m.trainingComputeFlop!;
        mine.push(c);
      }
    }
    records.set(actor, mine.sort((a, b) => b.m.trainingComputeFlop! - a.m.trainingComputeFlop!));
  }
  const ordered: T[] = [];
  for (let i = 0; [...records.values()].some((r) => i < r.length); i++) for (const r of records.values()) if (r[i] && !ordered.includes(r[i]!)) ordered.push(r[i]!);
  const rest = candidates.filter((c) => !ordered.includes(c)).sort((a, b) => b.m.trainingComputeFlop! - a.m.trainingComputeFlop!);
  return [...ordered, ...rest];
}
