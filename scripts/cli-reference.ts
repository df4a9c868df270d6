import { writeFileSync } from 'node:fs';
import { cliReference } from '../src/cli/cli-reference.js';

writeFileSync(new URL('../docs/cli.md', import.meta.url), cliReference());
console.log('wrote docs/cli.md');
