// npm run parse -- [--now <ISO instant>] <file> [<file>…]: prints what Herald understood of each article as
// JSON: one file pretty-printed, several as JSON Lines (one object a line, in the order given) so a
// benchmark pays the start-up once.
import { readFile } from 'node:fs/promises';
import { parseArticle } from '../src/articles/parse';

function usage(): never {
  console.error('usage: npm run parse -- [--now 2026-11-27T12:00:00Z] <article file> [<article file>…]');
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
const files = args;
if (files.length === 0) usage();

let failed = false;
for (const file of files) {
  const printed = await parseFile(file);
  if (printed === null) {
    failed = true;
    continue;
  }
  console.log(files.length === 1 ? JSON.stringify(printed, null, 2) : JSON.stringify(printed));
}
process.exit(failed ? 1 : 0);

async function parseFile(file: string): Promise<object | null> {
  let text: string;
  try {
    text = (await readFile(file)).toString('utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
  const result = parseArticle(text, { now, origin: file });
  if (!result.ok) {
    console.error(`could not parse ${file}: ${result.error}`);
    return null;
  }
  const a = result.article;
  return {
    file,
    id: a.id,
    headline: a.headline,
    published: a.published,
    timexes: a.timexes.map(({ text, type, value, sentence, start }) => ({ text, type, value, sentence, start })),
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
}
