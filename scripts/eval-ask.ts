// npm run eval: asks every question in test/ask/questions.ts and prints the answer, pass/fail and totals.
import { percent, runEval } from '../test/ask/eval';

const summary = runEval(undefined, { heldOut: true });
for (const row of summary.rows) {
  const expected = row.expect === 'decline' ? 'decline' : JSON.stringify(row.expect);
  const confidence = 'confidence' in row.result ? ` (${row.result.confidence})` : '';
  console.log(`${row.pass ? 'PASS' : 'FAIL'} [${row.set}] ${row.question}\n     answer: ${row.answer.replace(/\s+/g, ' ').slice(0, 160)}${confidence}\n     expected: ${expected}`);
}
const seed = summary.rows.filter((r) => r.set === 'seed');
const corpus = summary.rows.filter((r) => r.set === 'corpus');
console.log('');
console.log(`seed:         ${seed.filter((r) => r.pass).length}/${seed.length} correct`);
console.log(`corpus:       ${corpus.filter((r) => r.pass).length}/${corpus.length} correct`);
console.log(`answerable:   ${summary.answerableCorrect}/${summary.answerable} correct (${percent(summary.answerableCorrect, summary.answerable)}%)`);
console.log(`unanswerable: ${summary.declined}/${summary.unanswerable} declined (${percent(summary.declined, summary.unanswerable)}%)`);
console.log(`citations:    ${summary.answeredCiting}/${summary.answered} answers cite their sentence (${percent(summary.answeredCiting, summary.answered)}%)`);
const held = summary.rows.filter((r) => r.set === 'held-out');
const heldAnswerable = held.filter((r) => r.expect !== 'decline');
const heldDecline = held.filter((r) => r.expect === 'decline');
console.log(
  `held-out:     ${heldAnswerable.filter((r) => r.pass).length}/${heldAnswerable.length} answerable correct, ` +
    `${heldDecline.filter((r) => r.pass).length}/${heldDecline.length} unanswerable declined (phrasings written after tuning)`,
);
