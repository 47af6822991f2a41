// npm run parse -- <file> [--now <ISO instant>]: prints what Herald understood of an article, as JSON.
import { readFile } from 'node:fs/promises';
import { parseArticle } from '../src/articles/parse';

function usage(): never {
  console.error('usage: npm run parse -- <article file> [--now 2026-11-27T12:00:00Z]');
  process.exit(2);
}

const args = process.argv.slice(2);
const nowAt = args.indexOf('--now');
let now = new Date(); // the script edge: the one place this reads the real clock
if (nowAt >= 0) {
  now = new Date(args[nowAt + 1] ?? '');
  if (Number.isNaN(now.getTime())) usage();
  args.splice(nowAt, 2);
}
const file = args[0];
if (!file) usage();

let text: string;
try {
  text = (await readFile(file)).toString('utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}
const result = parseArticle(text, { now, origin: file });
if (!result.ok) {
  console.error(`could not parse ${file}: ${result.error}`);
  process.exit(1);
}
const a = result.article;
const printed = {
  id: a.id,
  headline: a.headline,
  published: a.published,
  events: a.events.map((e) => ({ ...e, sentenceText: a.sentences[e.sentence]?.text })),
  people: a.people,
  organisations: a.organisations,
  places: a.places,
  lists: a.lists,
  attributions: a.attributions,
  meta: a.meta,
  paragraphs: a.paragraphs,
  sentences: a.sentences,
  contentHash: a.contentHash,
  warnings: a.warnings,
};
console.log(JSON.stringify(printed, null, 2));
