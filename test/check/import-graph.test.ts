// The checker's modules import one another without a cycle (a cycle makes load order decide what is
// defined, and hides which module is the home of a concept). Read from the sources' own import lines.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../src/check');

/** Each module's imports of sibling modules (type-only imports included: they are edges too). */
function siblingImports(): Map<string, string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    const deps = [...src.matchAll(/^(?:import|export)\s[^;]*?from\s+'\.\/([^']+)\.js'/gms)].map((m) => `${m[1]}.ts`);
    graph.set(f, deps.filter((d) => files.includes(d)));
  }
  return graph;
}

function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d].join(' → '));
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('src/check import graph', () => {
  it('reads the imports (the graph is not empty, so the test can fail)', () => {
    const graph = siblingImports();
    expect(graph.get('verify-amount.ts')).toContain('claim-slot.ts');
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → a.ts']);
  });

  it('has no import cycle', () => {
    expect(cycles(siblingImports())).toEqual([]);
  });
});
