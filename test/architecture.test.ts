// docs/architecture.md's floors, checked on the source: no import cycle among src/ and commands/, core/ (the
// contracts, the router) and format/ import no feature above them, and the lowest floors nothing above them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './answers/helpers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = resolve(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const files = [...sourceFiles(resolve(repoRoot, 'src')), ...sourceFiles(resolve(repoRoot, 'commands'))];
const known = new Set(files);

/** Every relative import of a file (static, type-only and dynamic), resolved to a source file. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), m[1]);
    const found = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), resolve(base, 'index.ts')].find((c) => known.has(c));
    if (found) out.push(found);
  }
  return out;
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));
const name = (f: string) => relative(repoRoot, f);

/** The strongly connected groups of more than one file (Tarjan): each is an import cycle. */
function cycles(): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(name(w));
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the floors of docs/architecture.md', () => {
  it('has no import cycle among src/ and commands/ (type-only and dynamic imports included)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(cycles()).toEqual([]);
  });

  it('keeps core/ free of the features: it imports only core/, format/text.ts and format/parts.ts', () => {
    const core = resolve(repoRoot, 'src/core');
    const allowed = (target: string) => dirname(target) === core || ['src/format/text.ts', 'src/format/parts.ts'].includes(name(target));
    const upward = files
      .filter((f) => dirname(f) === core)
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => !allowed(t)).map((t) => `${name(f)} → ${name(t)}`));
    expect(upward).toEqual([]);
  });

  it('keeps format/ (text and dates for any message) free of the features above it: it imports only format/, language/ and core/', () => {
    const below = ['src/format/', 'src/language/', 'src/core/'];
    const upward = files
      .filter((f) => name(f).startsWith('src/format/'))
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => !below.some((dir) => name(t).startsWith(dir))).map((t) => `${name(f)} → ${name(t)}`));
    expect(upward).toEqual([]);
  });

  it('keeps the lowest floors (language/, net/, scheduler/) free of everything above them', () => {
    const lowest = ['src/language/', 'src/net/', 'src/scheduler/'];
    const floorOf = (f: string) => lowest.find((dir) => name(f).startsWith(dir));
    const upward = files
      .filter((f) => floorOf(f) !== undefined)
      .flatMap((f) => (graph.get(f) ?? []).filter((t) => floorOf(t) !== floorOf(f)).map((t) => `${name(f)} → ${name(t)}`));
    expect(upward).toEqual([]);
  });
});
