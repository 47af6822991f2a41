// Compiles Herald for `npm start`: src/main.ts (and the parse worker) bundled by esbuild into dist/, with
// the packages left to node_modules. Plain JavaScript, run by node itself, so checking that dist/ is up to
// date costs a few stat calls, not a TypeScript loader. `node scripts/build.mjs --if-stale` builds only
// when a source file (src/, commands/), package.json, package-lock.json or this script is newer than
// the build. Running compiled JavaScript spares every start the TypeScript loader's time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(root, 'dist');
/** Entry points: what `npm start` runs, what a parse worker thread runs, and the /timeline picture's thread. */
const ENTRIES = { main: 'src/main.ts', 'parse-worker': 'src/articles/parse-worker.ts', 'picture-worker': 'src/pictures/picture-worker.ts' };

/**
 * The parser's fingerprint, as src/articles/cache.ts computes it from the sources (hash of
 * src/articles/* bar the plumbing, src/articles/entities/ and src/language/): compiled in, so the compiled
 * and the tsx runs share the parsed-article cache and a parser change still invalidates it. A test checks
 * both agree.
 */
export function parserFingerprint(dir = join(root, 'src/articles')) {
  const hash = createHash('sha256');
  for (const sub of ['.', 'entities', '../language']) {
    const files = readdirSync(join(dir, sub)).filter((f) => /\.(ts|js)$/.test(f) && !/^(library|ingest|watcher|cache|parse-worker)\./.test(f)).sort();
    for (const f of files) hash.update(`${sub}/${f}`).update('\0').update(readFileSync(join(dir, sub, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const info = statSync(path);
    if (info.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of ['src', 'commands', 'package.json', 'package-lock.json', 'scripts/build.mjs']) {
    if (existsSync(join(root, path))) visit(join(root, path));
  }
  return newest;
}

export function isStale() {
  const built = Object.keys(ENTRIES).map((name) => join(DIST, `${name}.js`));
  if (!built.every((f) => existsSync(f))) return true;
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return newestSource() > oldest;
}

export async function build(outdir = DIST) {
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    // Positions only: `--enable-source-maps` keeps each map in the heap, and the sources' text (≈ 2 MB) would
    // come with it. Stack traces still name src/ files and lines; the text is in src/ itself.
    sourcesContent: false,
    logLevel: 'warning',
    define: { __HERALD_PARSER__: JSON.stringify(parserFingerprint()) },
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || isStale()) {
    const started = performance.now();
    await build();
    process.stderr.write(`Herald compiled into dist/ (${Math.round(performance.now() - started)} ms)\n`);
  }
}
