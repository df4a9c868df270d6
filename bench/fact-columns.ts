/** The facts table's columns in insert order (all but the generated id), for the bench's bare inserts. */
export const FACT_COLUMNS = [
  'ticker', 'metric', 'concept', 'value', 'unit', 'period_start', 'period_end', 'basis', 'confidence', 'preferred',
  'source_kind', 'source_url', 'form', 'accession', 'filed', 'fy', 'fp', 'frame', 'note', 'run_id',
  'read_at_url', 'verified', 'superseded_by',
] as const;
