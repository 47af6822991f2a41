// npm run eval: asks every question in test/ask/questions.ts and prints the answer, pass/fail and totals.
// npm run eval -- --squad <file> [--out <predictions.json>] [--half tuning|held-out|all] [--verbose]:
// runs /ask over a SQuAD 2.0 file and prints the official EM/F1 with precision and coverage, for the
// tuning half, the held-out half and the total.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { percent, runEval } from '../test/ask/eval';
import { FEATURE_NAMES, fitCalibration, fitWeights, logistic } from '../src/answers/ask/calibration';
import { loadSquad, runSquad, score, scoreOne, splitByTitle, type SquadScore } from '../test/ask/squad';

const { values } = parseArgs({
  options: {
    squad: { type: 'string' },
    out: { type: 'string' },
    half: { type: 'string', default: 'all' },
    verbose: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
  },
});

if (values.squad && values.calibrate) calibrate(values.squad);
else if (values.squad) squadEval(values.squad, values.out, values.half ?? 'all', values.verbose ?? false);
else ownEval();

function squadEval(file: string, out: string | undefined, half: string, verbose: boolean): void {
  if (!['all', 'tuning', 'held-out'].includes(half)) {
    console.error(`--half must be all, tuning or held-out (got ${half})`);
    process.exit(2);
  }
  const titles = loadSquad(file);
  const { tuning, heldOut } = splitByTitle(titles);
  const halves: [string, typeof titles][] = [];
  if (half !== 'held-out') halves.push(['tuning', tuning]);
  if (half !== 'tuning') halves.push(['held-out', heldOut]);
  const predictions: Record<string, string> = {};
  const rows: [string, SquadScore][] = [];
  const allQuestions = [];
  for (const [name, part] of halves) {
    const run = runSquad(part);
    Object.assign(predictions, run.predictions);
    allQuestions.push(...run.questions);
    rows.push([`${name} (${part.map((t) => t.title).join(', ')})`, score(run.questions, run.predictions)]);
    if (verbose) {
      for (const q of run.questions) {
        const r = run.results.get(q.id);
        const confidence = r && 'confidence' in r ? r.confidence : 0;
        const gold = q.impossible ? '(none)' : q.answers.join(' | ');
        console.log(`${q.id}\t${confidence}\t${q.question}\t→ ${JSON.stringify(run.predictions[q.id])}\tgold: ${gold}`);
      }
    }
  }
  if (halves.length > 1) rows.push(['total', score(allQuestions, predictions)]);
  for (const [name, s] of rows) {
    console.log(`${name}`);
    console.log(
      `  questions ${s.questions} (${s.answerable} answerable, ${s.unanswerable} not) · EM ${s.exact} · F1 ${s.f1} · ` +
        `answerable F1 ${s.hasAnsF1} · no-answer accuracy ${s.noAnsAccuracy} · precision of given answers ${s.precision} ` +
        `(${s.answered} answered) · coverage ${s.coverage}`,
    );
  }
  if (out) {
    writeFileSync(out, `${JSON.stringify(predictions, null, 1)}\n`);
    console.log(`predictions written to ${out}`);
  }
}

/** Fits the confidence model and table on the tuning half only, and prints them for src/answers/ask/calibration.ts. */
function calibrate(file: string): void {
  const { tuning } = splitByTitle(loadSquad(file));
  const run = runSquad(tuning, { undecided: true });
  const rows = run.questions
    .filter((q) => run.predictions[q.id] !== '')
    .map((q) => {
      const r = run.results.get(q.id);
      const ok = r && r.ok && 'raw' in r;
      return { features: ok ? (r.features ?? []) : [], f1: scoreOne(run.predictions[q.id], q).f1 };
    })
    .filter((r) => r.features.length > 0 && r.features[3] > 0);
  const weights = fitWeights(rows);
  const points = rows.map((r) => ({ raw: logistic(r.features, weights), f1: r.f1 }));
  console.log(`${rows.length} direct answers on the tuning half`);
  console.log(`export const WEIGHTS: number[] = [${weights.join(', ')}];`);
  console.log(FEATURE_NAMES.map((n, i) => `  ${n}: ${weights[i]}`).join('\n'));
  console.log(`export const CALIBRATION: CalibrationStep[] = [${fitCalibration(points).map((s) => `\n  { from: ${s.from}, precision: ${s.precision}, n: ${s.n} },`).join('')}\n];`);
}

function ownEval(): void {
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
}
