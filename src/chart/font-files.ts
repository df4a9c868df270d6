// The bundled fonts (assets/fonts) are the only fonts airace renders or measures text with.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FONT_FILES = {
  regular: 'IBMPlexSans_400Regular.ttf',
  semibold: 'IBMPlexSans_600SemiBold.ttf',
} as const;

let cached: string | undefined;

/**
 * assets/ sits at the repo root; this file runs as src/chart/font-files.ts (vitest, tsx) or
 * dist/src/chart/font-files.js (tsc), so walk up rather than hard-code a depth.
 */
export function fontsDir(): string {
  if (cached) return cached;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FONT_FILES.regular))) return (cached = candidate);
    if (dirname(dir) === dir) throw new Error(`assets/fonts/${FONT_FILES.regular} not found in ${start} or above`);
  }
}

export function fontFilePaths(): string[] {
  return Object.values(FONT_FILES).map((f) => join(fontsDir(), f));
}
