// `npm run eval:check`: runs the claim checker on the labelled articles and prints the scores, the
// confusion matrix and every miss. `--summary` prints the scores only; `--dir DIR` scores another
// labelled set (a folder with articles/ and labels/, such as one held out from tuning).
import path from 'node:path';
import { bundledStore } from '../../helpers/bundled-store.js';
import { formatEval, runEval } from './evaluate.js';

const store = await bundledStore();
try {
  const at = process.argv.indexOf('--dir');
  const dir = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && !dir) throw new Error('--dir needs a folder holding articles/ and labels/');
  const result = await runEval(store, dir ? path.resolve(dir) : undefined);
  process.stdout.write(formatEval(result, !process.argv.includes('--summary')));
} finally {
  await store.close();
}
