// Finds which model of Epoch AI's table an article means by a name ("DeepSeek-V3",
// "DeepSeek V3", "Qwen 2.5-72B"). Names are compared with case, spaces, hyphens and dots
// ignored, so a writer's spelling matches Epoch's. Epoch keeps versions as separate rows
// ("DeepSeek-R1" and "DeepSeek-R1 (May 2025)"): an exact name wins over its dated versions; a
// name that only starts several models ("Qwen2.5") is ambiguous and says which it could be.
import type { CatalogModel } from '../model/model-series.js';

export type ModelMatch =
  | { kind: 'found'; model: CatalogModel; how: 'exact' | 'version' }
  | { kind: 'ambiguous'; candidates: CatalogModel[] }
  | { kind: 'unknown'; near: CatalogModel[] };

/** "DeepSeek-V3 (Mar 2025)" → "deepseekv3mar2025"; "Qwen 2.5 72B" → "qwen2572b". */
export function nameKey(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The name without a trailing version note in brackets: "DeepSeek-R1 (May 2025)" → "DeepSeek-R1". */
function baseName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

export function matchModel(models: readonly CatalogModel[], mention: string): ModelMatch {
  const key = nameKey(mention);
  if (!key) return { kind: 'unknown', near: [] };
  const exact = models.filter((m) => nameKey(m.name) === key);
  if (exact.length === 1) return { kind: 'found', model: exact[0]!, how: 'exact' };
  if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
  // Dated versions of one name ("… (Mar 2025)"): the mention means the model; the first release is the model.
  const versions = models.filter((m) => nameKey(baseName(m.name)) === key);
  if (versions.length) {
    const first = [...versions].sort((a, b) => (a.publicationDate ?? '9999').localeCompare(b.publicationDate ?? '9999'))[0]!;
    return versions.length === 1 ? { kind: 'found', model: first, how: 'version' } : { kind: 'ambiguous', candidates: versions };
  }
  const starting = models.filter((m) => nameKey(m.name).startsWith(key));
  if (starting.length === 1) return { kind: 'found', model: starting[0]!, how: 'version' };
  if (starting.length > 1) return { kind: 'ambiguous', candidates: starting.slice(0, 12) };
  return { kind: 'unknown', near: models.filter((m) => key.length >= 4 && nameKey(m.name).includes(key.slice(0, 4))).slice(0, 5) };
}

/**
 * Model names of the table that a text mentions, longest first, each where it starts: for a
 * checker that has a sentence and needs to know whether it speaks of a model.
 */
export function findModelMentions(text: string, models: readonly CatalogModel[]): { start: number; end: number; model: CatalogModel }[] {
  const found: { start: number; end: number; model: CatalogModel }[] = [];
  const names = [...models].filter((m) => m.displayName.length >= 3).sort((a, b) => b.displayName.length - a.displayName.length);
  const taken = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  const lower = text.toLowerCase();
  for (const m of names) {
    const needle = m.displayName.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      // Whole words only: "GPT-4" is not in "GPT-4o".
      if (/[\p{L}\p{N}]/u.test(lower[i - 1] ?? '') || /[\p{L}\p{N}]/u.test(lower[end] ?? '')) continue;
      if (!taken(i, end)) found.push({ start: i, end, model: m });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
