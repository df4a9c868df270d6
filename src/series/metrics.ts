// The metric registry: what each airace metric means and how a derived one is computed.
import { UnknownChoiceError } from '../model/errors.js';
import type { Missing } from '../model/series.js';

export type MetricKind = 'reported' | 'derived';

/** The two input metrics a derived metric is computed from, in the order `compute` takes them. */
export type MetricInputs = readonly [string, string];

/** What `compute` is given besides the two values: which inputs, whose, for which period (for its wording). */
export interface ComputeContext {
  inputs: MetricInputs;
  ticker: string;
  period: string;
}

/** A derived value and how it was computed, or why it cannot be. */
export type Computation = { value: number; derivation: string } | { value: null; missing: Missing };

export interface MetricDef {
  id: string;
  label: string;
  /** money metrics are in the company's currency; ratios in percent. */
  unit: 'money' | 'percent';
  kind: MetricKind;
  /** The full definition, with the XBRL concepts it is read from (methodology, API). */
  definition: string;
  /** The same in plain words, without tag names: chart subtitles, tooltips, table notes. */
  summary: string;
  /** Other metrics a derived metric is computed from. */
  inputs?: MetricInputs;
  /** A derived metric's formula, from its two inputs' values (the engine holds no formula of its own). */
  compute?: (a: number, b: number, ctx: ComputeContext) => Computation;
  /** Reported metric tried first before computing from inputs (capex incl. finance leases). */
  reportedFirst?: boolean;
  /** Per-company wording when the definition differs between companies. */
  companyDefinitions?: Record<string, string>;
  /** Per-company inputs where the computation differs; null means "reported figures only". */
  companyInputs?: Record<string, MetricInputs | null>;
}

const defs: MetricDef[] = [
  {
    id: 'capex',
    label: 'Capital expenditures',
    unit: 'money',
    kind: 'reported', summary: 'Cash paid for property and equipment, from the cash-flow statement; excludes finance leases.',
    definition:
      'Cash paid for property and equipment (cash-flow statement), gross, excluding finance leases. XBRL: PaymentsToAcquirePropertyPlantAndEquipment (Alphabet, Meta, Microsoft), PaymentsToAcquireProductiveAssets (Amazon). Amazon capex includes retail, not only AWS.',
  },
  {
    id: 'finance_lease_principal',
    label: 'Finance lease principal repayments',
    unit: 'money',
    kind: 'reported', summary: 'Principal repaid on finance leases: servers and data centres paid for this way never appear in capex.',
    definition: 'Principal repayments of finance leases (a financing cash flow). Servers and data centres financed this way do not appear in capex.',
  },
  {
    id: 'capex_incl_finance_leases',
    label: 'Capex incl. finance leases',
    unit: 'money',
    kind: 'derived', summary: 'Capex plus what is financed with leases, in each company’s own definition.',
    reportedFirst: true,
    inputs: ['capex', 'finance_lease_principal'],
    compute: (capex, leases, { inputs }) => ({ value: capex + leases, derivation: `capex + ${inputs[1].replace(/_/g, ' ')}` }),
    definition:
      "Capex including finance leases: the company's or an analyst's reported figure when there is one, otherwise computed the company's way. Definitions differ by company (see each company's definition).",
    companyDefinitions: {
      AMZN: 'Purchases of property and equipment plus property and equipment acquired under finance leases: as reported by analysts, otherwise capex + finance lease additions.',
      MSFT: "Microsoft's headline figure: additions to property and equipment plus assets acquired under finance leases, as reported only (the new-lease figure it needs is not in the cash-flow statement).",
      GOOGL: 'Capex + finance lease principal repayments (Alphabet reports no separate headline figure).',
      META: "Meta's own definition: purchases of property and equipment plus principal payments on finance leases.",
      BABA: 'Capex + finance lease principal repayments (Alibaba reports no separate headline figure).',
    },
    companyInputs: { AMZN: ['capex', 'finance_lease_additions'], MSFT: null },
  },
  { id: 'revenue', label: 'Revenue', unit: 'money', kind: 'reported', summary: 'Total revenue (net sales), as reported.', definition: 'Total revenue (net sales) as reported.' },
  { id: 'operating_income', label: 'Operating income', unit: 'money', kind: 'reported', summary: 'Income from operations, as reported.', definition: 'Income from operations as reported.' },
  {
    id: 'net_income',
    label: 'Net income',
    unit: 'money',
    kind: 'reported', summary: 'Net income, as reported; for Alibaba including minority interests.',
    definition: 'Net income as reported. For Alibaba, total net income including noncontrolling interests (net income attributable to shareholders is their share).',
  },
  {
    id: 'net_income_attributable',
    label: 'Net income attributable to shareholders',
    unit: 'money',
    kind: 'reported', summary: 'Net income that belongs to the company’s shareholders.',
    definition: 'Net income attributable to ordinary shareholders (Alibaba reports it beside the total).',
  },
  { id: 'operating_cash_flow', label: 'Operating cash flow', unit: 'money', kind: 'reported', summary: 'Cash generated by operations.', definition: 'Net cash provided by operating activities.' },
  {
    id: 'free_cash_flow',
    label: 'Free cash flow',
    unit: 'money',
    kind: 'derived', summary: 'Operating cash flow minus capex.',
    inputs: ['operating_cash_flow', 'capex'],
    compute: (cash, capex) => ({ value: cash - capex, derivation: 'operating cash flow − capex' }),
    definition: 'Operating cash flow minus capex (airace definition; companies that subtract finance leases too report lower figures).',
  },
  {
    id: 'capex_intensity',
    label: 'Capex intensity',
    unit: 'percent',
    kind: 'derived', summary: 'Capex as a share of revenue for the same period.',
    inputs: ['capex', 'revenue'],
    compute: (capex, revenue, { ticker, period }) =>
      revenue === 0 ? { value: null, missing: { reason: 'divide-by-zero', detail: `${ticker} revenue is zero for ${period}` } } : { value: (capex / revenue) * 100, derivation: 'capex ÷ revenue × 100' },
    definition: 'Capex as a percentage of revenue for the same period.',
  },
  {
    id: 'cloud_revenue',
    label: 'Cloud revenue',
    unit: 'money',
    kind: 'reported', summary: 'Revenue of each company’s cloud business, in its own segment definition.',
    definition:
      'AWS segment sales; Google Cloud revenue; Microsoft Intelligent Cloud or Microsoft Cloud (segments were redefined in August 2024, see each fact’s note); Alibaba Cloud Intelligence Group revenue.',
  },
  {
    id: 'aws_capex',
    label: 'AWS capex',
    unit: 'money',
    kind: 'reported', summary: 'Capital expenditures of Amazon’s AWS segment.',
    definition: "Capital expenditures of Amazon's AWS segment (segment disclosure).",
  },
];

export const METRICS: ReadonlyMap<string, MetricDef> = new Map(defs.map((d) => [d.id, d]));
export const METRIC_IDS: readonly string[] = defs.map((d) => d.id);

/** Looks up a metric, or throws an error that lists the valid ids. */
export function metricDef(id: string): MetricDef {
  const d = METRICS.get(id);
  if (!d) throw new UnknownChoiceError('metric', id, METRIC_IDS);
  return d;
}
