// The pipeline's direction, enforced (docs/architecture.md): every import under src is parsed
// (TypeScript's own pre-processor, so comments and strings never count) and checked against the
// allowed edges between layers; SQL is written only in src/store; src/chart has no import cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(ROOT, 'src');

const LAYERS = ['model', 'config', 'store', 'ingest', 'series', 'chart', 'check', 'views', 'server', 'cli'] as const;
type LayerName = (typeof LAYERS)[number];

/** What each layer may import, besides itself: data flows one way, from documents to readers. */
const ALLOWED: Record<LayerName, readonly LayerName[]> = {
  model: [],
  config: ['model'],
  store: ['model', 'config'],
  ingest: ['model', 'config', 'store'],
  series: ['model', 'config', 'store'],
  chart: ['model', 'config', 'series'],
  check: ['model', 'config', 'series', 'chart'],
  views: ['model', 'config', 'series', 'chart', 'check'],
  server: ['model', 'config', 'ingest', 'series', 'chart', 'check', 'views'],
  cli: ['model', 'config', 'store', 'ingest', 'series', 'chart', 'check', 'views', 'server'],
};

/**
 * The server's composition root: the files that open the store and hand it to the rest (the
 * store itself, not reads from it). Everything else in src/server reads through the series layer.
 */
const SERVER_COMPOSITION_ROOT = new Set(['src/server/build-server.ts', 'src/server/server-context.ts', 'src/server/check-runner.ts', 'src/server/check-worker.ts']);

/**
 * Violations allowed for now, each with why it is still here: none are left. Never grow this list;
 * the fix is always to import `ReadDb` and the reads from src/series instead of src/store.
 */
const ALLOWED_VIOLATIONS: Record<string, string> = {};

/**
 * Import cycles still to break, as groups of the files that may take part in one, each with why:
 * none are left. Never grow this list; give the shared piece its own module instead.
 */
const KNOWN_CYCLES: { files: string[]; why: string }[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
}

/** Every relative import of `file` (static, re-export, dynamic), as repository paths. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
  const local = specs.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(dirname(file), s)).replace(/\.js$/, '.ts'));
  return { local, packages: specs.filter((s) => !s.startsWith('.')) };
}

const layerOf = (path: string): LayerName | null => {
  const [top, layer] = path.split('/');
  return top === 'src' && (LAYERS as readonly string[]).includes(layer!) ? (layer as LayerName) : null;
};

const FILES = sourceFiles(SRC).map((f) => relative(ROOT, f));
const EDGES: Edge[] = FILES.flatMap((from) => importsOf(join(ROOT, from)).local.map((to) => ({ from, to })));

function violates({ from, to }: Edge): boolean {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b || a === b) return false;
  if (b === 'store' && SERVER_COMPOSITION_ROOT.has(from)) return false;
  return !ALLOWED[a].includes(b);
}

describe('the pipeline’s direction', () => {
  it('puts every source file in one of the layers', () => {
    expect(FILES.filter((f) => !layerOf(f))).toEqual([]);
    expect(EDGES.length).toBeGreaterThan(500);
  });

  it('imports only along the allowed edges (or the listed violations being worked off)', () => {
    const found = EDGES.filter(violates).map((e) => `${e.from} -> ${e.to}`);
    const unexpected = found.filter((v) => !(v in ALLOWED_VIOLATIONS));
    expect(unexpected, 'see docs/architecture.md: readers ask the series layer (src/series/read-db.ts), never src/store').toEqual([]);
  });

  it('lists no violation that is already fixed, so the allow-list only shrinks', () => {
    const found = new Set(EDGES.filter(violates).map((e) => `${e.from} -> ${e.to}`));
    expect(Object.keys(ALLOWED_VIOLATIONS).filter((v) => !found.has(v))).toEqual([]);
  });

  it('writes SQL only in src/store: no query builder, no sql tag anywhere else', () => {
    const outside = FILES.filter((f) => layerOf(f) !== 'store').flatMap((f) => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const valueImport = /^import\s+(?!type\b)[^;]*from\s+'kysely'/m.test(text);
      const builder = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`/.test(text);
      return valueImport || builder ? [f] : [];
    });
    expect(outside).toEqual([]);
  });

  it('has no import cycle anywhere in src (type imports count: they tie the modules together too)', () => {
    const next = new Map<string, string[]>();
    for (const e of EDGES) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const t of next.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of next.keys()) visit(f, []);
    const known = (cycle: string) => KNOWN_CYCLES.some((k) => cycle.split(' -> ').every((f) => k.files.includes(f)));
    expect(cycles.filter((c) => !known(c))).toEqual([]);
    // The list only shrinks: every group still has a cycle.
    expect(KNOWN_CYCLES.filter((k) => !cycles.some((c) => c.split(' -> ').every((f) => k.files.includes(f)))).map((k) => k.files[0])).toEqual([]);
    expect(cycles.some((c) => c.includes('src/server/admin-auth.ts'))).toBe(false);
  });
});
