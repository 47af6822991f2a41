// npm run eval -- timebank [--half dev|held-out|all] [--errors]: Herald's TIMEX3 dates against TimeBank's
// gold annotations (../shared/eval/timebank, TempEval-3 TBAQ-cleaned), with chrono-node on the same text
// and reference date in the same run as the anchor. Scores DATE values that are a calendar date, month or
// year; documents are split by sorted file name (even = dev, odd = held-out) so rules are tuned on one
// half and checked on the other. Also parses every document with its creation date removed and counts the
// publication years Herald asserts with certainty that are wrong (goal: none).
import { parseArgs } from 'node:util';
import { timebankDocuments, scoreTimebank, type TimebankScore } from '../test/articles/timebank';

const { values } = parseArgs({ options: { half: { type: 'string' }, errors: { type: 'boolean' } } });
const docs = timebankDocuments();
if (!docs.ok) {
  console.error(docs.error);
  process.exit(2);
}
const halves = { dev: docs.documents.filter((_, i) => i % 2 === 0), 'held-out': docs.documents.filter((_, i) => i % 2 === 1), all: docs.documents };
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const line = (name: string, s: TimebankScore['herald']) =>
  `  ${name.padEnd(12)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  found ${pct(s.found)}  (${s.correct} right of ${s.predicted} given, ${s.gold} gold)`;
const which = (values.half ?? 'all') === 'all' ? (['dev', 'held-out', 'all'] as const) : ([values.half] as (keyof typeof halves)[]);
for (const half of which) {
  const docsOfHalf = halves[half];
  if (!docsOfHalf) {
    console.error('--half is dev, held-out or all');
    process.exit(2);
  }
  const s = scoreTimebank(docsOfHalf);
  console.log(`TimeBank ${half}: ${docsOfHalf.length} documents, DATE values (calendar date/month/year)`);
  console.log(line('Herald', s.herald));
  console.log(line('chrono-node', s.chrono));
  console.log(`  Herald − chrono-node: ${(100 * (s.herald.f1 - s.chrono.f1)).toFixed(1)} F1 points`);
  console.log(`  creation date removed (text only, now 2026-11-28): ${s.undated.certainWrong} wrong publication years asserted with certainty, ${s.undated.certainRight} right, ${s.undated.unknown} unknown`);
  if (values.errors && half === 'dev') for (const e of s.errors.slice(0, 400)) console.log(`    ${e}`);
}
