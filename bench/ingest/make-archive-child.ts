// Child: writes one SYNTHETIC companyfacts archive. Args: out sizeMb seed.
import { makeSyntheticCompanyFacts } from '../../scripts/make-synthetic-companyfacts.js';
import { childMain, reportResult } from '../child-process.js';

childMain(async () => {
  const [out, size, seed] = process.argv.slice(2);
  reportResult(await makeSyntheticCompanyFacts({ out: out!, sizeMb: Number(size), seed: Number(seed) }));
});
