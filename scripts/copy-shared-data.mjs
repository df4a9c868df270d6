#!/usr/bin/env node
// Copies the verified figures from ../shared/data into the project's own data files,
// dropping the third-party `quote` column. Run by a maintainer when shared/data changes;
// the output is committed so that a clone needs nothing outside the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const shared = process.argv[2] ?? '../shared/data';

function copy(file, columns) {
  const rows = parse(readFileSync(`${shared}/${file}`, 'utf8'), { columns: true, skip_empty_lines: true });
  const out = rows.map((r) => columns.map((c) => r[c] ?? ''));
  writeFileSync(`data/${file}`, stringify([columns, ...out]));
  console.log(`data/${file}: ${out.length} rows`);
}

copy('facts.csv', ['ticker', 'metric', 'period_start', 'period_end', 'value', 'currency', 'unit', 'basis', 'confidence', 'preferred', 'source_url', 'note']);
