// /timeline picture: render time (layout → SVG → PNG) for the seed article and for a 40-event story, p50 and
// p99 over many renders, each a cache miss (a fresh renderer), the same with none of the picture's words shaped
// yet (a fresh typesetter, its fonts opened before the clock starts), and the cost of a cached picture.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrackedArticle } from '../src/articles/library';
import { parseArticle } from '../src/articles/parse';
import { timelinePictureInput } from '../src/answers/timeline';
import { Typesetter } from '../src/pictures/glyphs';
import { PngRenderer } from '../src/pictures/png';
import { TimelinePictures } from '../src/pictures/timeline-picture';
import type { TimelineInput } from '../src/pictures/timeline-layout';
import { sharedPath } from '../test/support/shared-data';
import { percentile } from './measure';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NOW = new Date('2026-11-27T12:00:00Z');
const ROUNDS = 60;

function tracked(file: string): TrackedArticle | undefined {
  const parsed = parseArticle(readFileSync(file, 'utf8'), { now: NOW, origin: file });
  return parsed.ok ? { article: parsed.article, ingestedAt: NOW, origin: file } : undefined;
}

/** 40 dated events from corpus articles (in file order), drawn as one story of those articles. */
function storyOf40(): TimelineInput {
  const dir = sharedPath('corpus/articles', 'the held-out news corpus');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
  const articles: TrackedArticle[] = [];
  let count = 0;
  for (const f of files) {
    const t = tracked(f);
    if (!t || t.article.events.length === 0) continue;
    articles.push(t);
    count += t.article.events.length;
    if (count >= 40) break;
  }
  const input = timelinePictureInput(articles[0], NOW, articles);
  return { ...input, events: input.events.slice(0, 40) };
}

type Case = 'cached' | 'miss' | 'new words';

async function measure(input: TimelineInput, kind: Case): Promise<{ p50: number; p99: number; bytes: number }> {
  const shared = new TimelinePictures(new PngRenderer());
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < ROUNDS + 3; i++) {
    let pictures = shared;
    if (kind === 'miss') pictures = new TimelinePictures(new PngRenderer());
    if (kind === 'new words') {
      const typesetter = new Typesetter();
      typesetter.shape('x'); // opens the fonts
      pictures = new TimelinePictures(new PngRenderer(), typesetter);
    }
    const started = performance.now();
    const picture = await pictures.render(input, 'dark');
    const elapsed = performance.now() - started;
    bytes = picture.attachment.data.length;
    if (i >= 3) samples.push(elapsed);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), bytes };
}

export async function run(): Promise<void> {
  const seed = tracked(resolve(repoRoot, 'data/articles/csto-border-plan.txt'));
  const cases: [string, TimelineInput][] = [];
  if (seed) cases.push([`seed (${seed.article.events.length} events)`, timelinePictureInput(seed, NOW)]);
  const story = storyOf40();
  cases.push([`story (${story.events.length} events, ${story.sources.length} articles)`, story]);
  console.log(`${ROUNDS} renders each after 3 warm-up; 800 px wide, dark theme`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`);
  console.log(`${'picture'.padEnd(36)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'new words p50/p99'.padStart(18)} ${'cached p50'.padStart(11)} ${'PNG KB'.padStart(7)}`);
  for (const [name, input] of cases) {
    const miss = await measure(input, 'miss');
    const fresh = await measure(input, 'new words');
    const hit = await measure(input, 'cached');
    const cold = `${fresh.p50.toFixed(1)} / ${fresh.p99.toFixed(1)}`;
    console.log(`${name.padEnd(36)} ${miss.p50.toFixed(1).padStart(8)} ${miss.p99.toFixed(1).padStart(8)} ${cold.padStart(18)} ${hit.p50.toFixed(2).padStart(11)} ${(miss.bytes / 1024).toFixed(0).padStart(7)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
