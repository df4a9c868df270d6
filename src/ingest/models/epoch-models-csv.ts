// Reads a table of AI models in Epoch AI's published CSV format (the Notable, Large-Scale and
// All AI Models tables) or the transcribed selection's format. Columns are found by header (see
// model-columns.ts); every row is validated, and the first malformed one fails the whole file
// with file:line, so nothing is loaded from a bad file.
import { z } from 'zod';
import { MODEL_DATASETS, type AiModelInput, type ModelDataset, type ModelFileFormat } from '../../model/ai-model.js';
import { csvHeader, parseCsvText } from '../read-csv-file.js';
import { isoDate } from '../csv-fields.js';
import { DataFileError } from '../data-file-error.js';
import { mapColumns, type ModelField } from './model-columns.js';

export interface ModelsFile {
  file: string;
  sha256: string;
  format: ModelFileFormat;
  /** Source column names read, in file order. */
  columns: string[];
  /** Columns airace does not read (notes, abstracts, authors…), counted for the summary. */
  ignoredColumns: number;
  rows: AiModelInput[];
}

const blank = (s: string) => s.trim() === '';

const optionalText = z.string().transform((s) => (blank(s) ? null : s));

const optionalCount = z.string().transform((s, ctx) => {
  if (blank(s)) return null;
  const n = Number(s.trim());
  if (!Number.isFinite(n) || n < 0) {
    ctx.addIssue({ code: 'custom', message: 'expected a non-negative number or an empty cell' });
    return z.NEVER;
  }
  return n;
});

const optionalDate = z.string().transform((s, ctx) => {
  if (blank(s)) return null;
  const parsed = isoDate.safeParse(s.trim());
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'expected a publication date YYYY-MM-DD' });
    return z.NEVER;
  }
  return parsed.data;
});

const yesNo = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase();
  if (v === '') return null;
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  ctx.addIssue({ code: 'custom', message: 'expected yes, no or an empty cell' });
  return z.NEVER;
});

const dataset = z.string().transform((s, ctx) => {
  const v = s.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (v === '') return null;
  if ((MODEL_DATASETS as readonly string[]).includes(v)) return v as ModelDataset;
  ctx.addIssue({ code: 'custom', message: `expected one of ${MODEL_DATASETS.join(', ')}` });
  return z.NEVER;
});

const snapshot = z.string().transform((s, ctx) => {
  const v = s.trim();
  if (v === '') return null;
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(v)) return v;
  ctx.addIssue({ code: 'custom', message: 'expected a snapshot month YYYY-MM' });
  return z.NEVER;
});

const FIELD_SCHEMAS: Record<ModelField, z.ZodType<unknown, string>> = {
  name: z.string().refine((s) => !blank(s), 'a model name is required'),
  organization: optionalText,
  country: optionalText,
  publicationDate: optionalDate,
  domain: optionalText,
  parameters: optionalCount,
  trainingComputeFlop: optionalCount,
  trainingCostUsd: optionalCount,
  hardware: optionalText,
  hardwareQuantity: optionalCount,
  confidence: optionalText,
  accessibility: optionalText,
  openWeights: yesNo,
  link: optionalText,
  dataset,
  snapshot,
};

/** What the file says a row's cost is, when the column does not (the transcribed selection, per its README). */
const COST_BASIS_BY_DATASET: Record<ModelDataset, string | null> = { notable: '2023 USD', large_scale: 'cloud', all: null };

export interface ParseModelsOptions {
  /** The table a file without a `dataset` column comes from (from its name or URL when not given). */
  dataset?: ModelDataset | null;
}

export function parseModelsCsv(text: string, displayName: string, options: ParseModelsOptions = {}): ModelsFile {
  const header = csvHeader(text, displayName);
  if (!header.length) throw new DataFileError(displayName, 1, 'empty file: expected a header row with Epoch AI model columns');
  const map = mapColumns(header);
  if (map.missing.length) {
    const names = { name: 'Model', publicationDate: 'Publication date' } as Record<string, string>;
    throw new DataFileError(
      displayName,
      1,
      `not a table of AI models: no ${map.missing.map((f) => `"${names[f] ?? f}"`).join(' or ')} column (columns found: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})`,
    );
  }
  const shape: Record<string, z.ZodType> = {};
  const fieldOf = new Map<string, ModelField>();
  for (const [field, i] of Object.entries(map.index) as [ModelField, number][]) {
    shape[header[i]!] = z.string().default('').pipe(FIELD_SCHEMAS[field]);
    fieldOf.set(header[i]!, field);
  }
  const parsed = parseCsvText(text, z.object(shape), displayName);
  if (!parsed.rows.length) throw new DataFileError(displayName, 1, 'no rows: the file has a header but no models');

  const fallbackDataset = options.dataset === undefined ? datasetFromName(displayName) : options.dataset;
  const rows = parsed.rows.map(({ line, value }) => {
    const r = Object.fromEntries(Object.entries(value).map(([h, v]) => [fieldOf.get(h)!, v])) as Partial<Record<ModelField, unknown>>;
    const accessibility = (r.accessibility as string | null | undefined) ?? null;
    const rowDataset = (r.dataset as ModelDataset | null | undefined) ?? fallbackDataset ?? null;
    const model: AiModelInput = {
      name: r.name as string,
      organization: (r.organization as string | null | undefined) ?? null,
      country: (r.country as string | null | undefined) ?? null,
      publicationDate: (r.publicationDate as string | null | undefined) ?? null,
      domain: (r.domain as string | null | undefined) ?? null,
      parameters: (r.parameters as number | null | undefined) ?? null,
      trainingComputeFlop: (r.trainingComputeFlop as number | null | undefined) ?? null,
      trainingCostUsd: (r.trainingCostUsd as number | null | undefined) ?? null,
      costBasis: null,
      hardware: (r.hardware as string | null | undefined) ?? null,
      hardwareQuantity: (r.hardwareQuantity as number | null | undefined) ?? null,
      confidence: (r.confidence as string | null | undefined)?.trim() ?? null,
      accessibility: accessibility?.trim() ?? null,
      openWeights: r.openWeights === undefined ? openWeightsOf(accessibility) : (r.openWeights as boolean | null),
      link: (r.link as string | null | undefined) ?? null,
      dataset: rowDataset,
      snapshot: (r.snapshot as string | null | undefined) ?? null,
      line,
    };
    if (model.trainingCostUsd !== null) model.costBasis = map.costBasis ?? (rowDataset ? COST_BASIS_BY_DATASET[rowDataset] : null);
    if (r.openWeights !== undefined && model.openWeights !== null && accessibility && model.openWeights !== openWeightsOf(accessibility)) {
      throw new DataFileError(displayName, line, `open_weights says ${model.openWeights ? 'yes' : 'no'} but accessibility is "${accessibility}"`);
    }
    return model;
  });
  const nameHeader = header[map.index.name!]!;
  return {
    file: displayName,
    sha256: parsed.sha256,
    // Epoch capitalises its headers ("Model"); the transcribed selection writes snake_case ("model").
    format: nameHeader.trim() === nameHeader.trim().toLowerCase() ? 'transcribed' : 'epoch',
    columns: map.read,
    ignoredColumns: header.length - map.read.length,
    rows,
  };
}

/** Epoch's accessibility values that mean the weights can be downloaded all start this way. */
export function openWeightsOf(accessibility: string | null): boolean | null {
  if (accessibility === null || blank(accessibility)) return null;
  return /^open weights\b/i.test(accessibility.trim());
}

/** notable_ai_models.csv → notable; large_scale_ai_models.csv → large_scale; all_ai_models.csv → all. */
export function datasetFromName(name: string): ModelDataset | null {
  const base = name.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (/notable/.test(base)) return 'notable';
  if (/large[-_ ]?scale/.test(base)) return 'large_scale';
  if (/(^|[-_ ])all[-_ ]/.test(base)) return 'all';
  return null;
}
