import { Option } from '@commander-js/extra-typings';
import type { Program } from '../cli-context.js';
import { openStore, storeErrorOf } from '../../store/database.js';
import { problemLines } from '../../store/store-health.js';
import { CorruptStoreError } from '../../model/errors.js';
import { ensureBundledData } from '../../ingest/bundled-data.js';
import { countFacts } from '../../store/facts-repository.js';
import { resolveDbTarget } from '../../config/paths.js';

export function registerInit(program: Program): void {
  program
    .command('init')
    .description('create or migrate the database and load the bundled verified data (runs automatically on first use)')
    .option('--force', 'reload the data even if it has not changed')
    .option('--data-dir <dir>', 'load companies.csv, facts.csv, events.csv (and corrections.csv if present) from this folder instead of the bundled data/; remembered for later commands')
    .addOption(new Option('--bundled', 'forget a folder chosen with --data-dir and load the bundled data/ again').conflicts('dataDir'))
    .action(async (o, cmd) => {
      const store = await openStore(resolveDbTarget((cmd.optsWithGlobals()).db));
      try {
        // A damaged file must not pass as "Up to date": SQLite's quick check reads every page first.
        const problems = store.dialect.integrityProblems ? problemLines(await store.dialect.integrityProblems(store.db, { quick: true, limit: 20 })) : [];
        if (problems.length) throw new CorruptStoreError(store.dialect.location, problems);
        const r = await ensureBundledData(store, { force: o.force, dataDir: o.dataDir, bundled: o.bundled }).catch((e: unknown) => {
          throw storeErrorOf(e, store.dialect, 'loading the data') ?? e;
        });
        const total = await countFacts(store.db);
        const from = r.dataDir ? `${r.dataDir} (remembered: later commands load from it; \`airace init --bundled\` goes back)` : 'the bundled data/';
        process.stdout.write(
          `${r.loaded ? 'Loaded' : 'Up to date:'} ${r.facts} facts${r.corrections ? ` (${r.corrections} corrected)` : ''} for ${r.companies} companies and ${r.events} events from ${from}.\n` +
            `Database: ${store.dialect.location} (${total} facts in all${store.dialect.readOnlyReason ? `; read-only: ${store.dialect.readOnlyReason}` : ''})\n`,
        );
      } finally {
        await store.close();
      }
    });
}
