// `npm run eval:check`: runs the claim checker on the labelled articles and prints the scores, the
// confusion matrix and every miss. `--summary` prints the scores only.
import { bundledStore } from '../../helpers/bundled-store.js';
import { formatEval, runEval } from './evaluate.js';

const store = await bundledStore();
try {
  const result = await runEval(store);
  process.stdout.write(formatEval(result, !process.argv.includes('--summary')));
} finally {
  await store.close();
}
