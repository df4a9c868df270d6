// The vocabulary of the models side of the race: an AI model as Epoch AI records it, and the
// load (one retrieval of Epoch's table) it came from. Text is kept as Epoch wrote it, so a row
// can always be matched back to Epoch's file; display forms are derived when reading.

/** Which of Epoch's tables a row comes from (its "Data on … AI Models" pages). */
export const MODEL_DATASETS = ['notable', 'large_scale', 'all'] as const;
export type ModelDataset = (typeof MODEL_DATASETS)[number];

/** How a file names its columns: Epoch's published headers, or the transcribed snake_case selection. */
export type ModelFileFormat = 'epoch' | 'transcribed';

export interface AiModelInput {
  /** Exactly as in the source, stray whitespace and line breaks included. */
  name: string;
  /** Epoch's `Organization` cell: developers, comma-separated, as Epoch spells them. */
  organization: string | null;
  /** Epoch's country cell: one country per organisation, in the same order. */
  country: string | null;
  /** ISO date of first publication or announcement; null when Epoch has none. */
  publicationDate: string | null;
  domain: string | null;
  /** Total parameters (for mixture-of-experts models usually the total, not the active count). */
  parameters: number | null;
  /** Epoch's estimate of total training compute, FLOP. Null = no public estimate, never zero. */
  trainingComputeFlop: number | null;
  /** Estimated cost of the final training run, USD, of the kind `costBasis` names. */
  trainingCostUsd: number | null;
  /** What the cost is: "2023 USD" (Epoch's notable table, cloud rental prices in 2023 dollars) or "cloud" (large-scale table). */
  costBasis: string | null;
  hardware: string | null;
  hardwareQuantity: number | null;
  /** Epoch's confidence in the compute and parameter estimates: Confident, Likely, Speculative, Unknown, Unverified. */
  confidence: string | null;
  /** Open weights (unrestricted | restricted use | non-commercial), API access, Hosted access (no API), Unreleased. */
  accessibility: string | null;
  /** From the file's open_weights column, else whether accessibility starts with "Open weights"; null when unknown. */
  openWeights: boolean | null;
  /** Primary source link(s); several are separated by line breaks, as in the source. */
  link: string | null;
  dataset: ModelDataset | null;
  /** The row's own vintage when the file states one (the transcribed selection's `snapshot`: 2025-04). */
  snapshot: string | null;
  /** Line of the source file the row starts on. */
  line: number;
}

/** One retrieval of an Epoch table: a sync or an import. Every load is kept. */
export interface ModelLoadInput {
  /** When the data was retrieved from Epoch: YYYY-MM-DD, or YYYY-MM when only the month is known. */
  retrieved: string;
  /** Where it was downloaded from (a URL), or the file imported. */
  source: string;
  sourceKind: 'sync' | 'import';
  sha256: string;
  format: ModelFileFormat;
  /** Tables the rows come from, for the credit line. */
  datasets: ModelDataset[];
  rows: number;
  /** The source's own column names that airace read, in file order. */
  columns: string[];
}

export interface ModelLoad extends ModelLoadInput {
  id: number;
  loadedAt: string;
  /** The last day this content was confirmed current (a later sync answered 304 or served the same bytes). */
  confirmed: string;
}

/** The credit Epoch's licence (CC BY 4.0) requires wherever these rows are shown. */
export const EPOCH_DATA_URL = 'https://epoch.ai/data/ai-models';

const DATASET_TITLES: Record<ModelDataset, string> = {
  notable: 'Data on Notable AI Models',
  large_scale: 'Data on Large-Scale AI Models',
  all: 'Data on AI Models',
};

/** "Data: Epoch AI, “Data on Notable AI Models”, published online at epoch.ai (…). Licensed under CC BY 4.0." */
export function epochCredit(datasets: readonly ModelDataset[], format: ModelFileFormat): string {
  const titles = (datasets.length ? MODEL_DATASETS.filter((d) => datasets.includes(d)) : (['all'] as const)).map((d) => `“${DATASET_TITLES[d]}”`);
  const named = titles.length > 1 ? `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}` : titles[0];
  const adapted = format === 'transcribed' ? ' Rows were selected and some columns renamed by airace.' : '';
  return `Data: Epoch AI, ${named}, published online at epoch.ai (${EPOCH_DATA_URL}). Licensed under CC BY 4.0.${adapted}`;
}
