// npm run eval: asks every question in test/answers/ask/questions.ts and prints the answer, pass/fail and totals.
// npm run eval -- --squad <file> [--out <predictions.json>] [--half tuning|held-out|all] [--verbose]:
// runs /ask over a SQuAD 2.0 file and prints the official EM/F1 with precision and coverage, for the
// tuning half, the held-out half and the total.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { percent, runEval } from '../test/answers/ask/eval';
import { ANSWER_CLASSES, answerClass, CALIBRATION, CALIBRATION_PRIOR, CALIBRATION_STEP, crossFittedScores, FEATURE_NAMES, fitCalibration, fitWeights, logistic, type AnswerClass } from '../src/answers/ask/calibration';
import { ANSWER_PRECISION } from '../src/answers/ask/answer';
import { loadSquad, precisionCurve, runSquad, score, scoreLine, scoreOne, splitByTitle, type SquadScore } from '../test/answers/ask/squad';

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
    console.log(`  ${scoreLine(s)}`);
  }
  // Every question's best direct answer whatever its score: what each threshold would give.
  const undecided = halves.map(([name, part]) => [name, runSquad(part, { undecided: true })] as const);
  const thresholds = [...new Set(ANSWER_CLASSES.flatMap((k) => CALIBRATION[k].map((step) => step.precision)))].sort((x, y) => x - y);
  console.log('');
  console.log(`precision–coverage curve (direct answers given from a shown confidence up, whatever the class; /ask answers where a step's figure and lower bound reach ${ANSWER_PRECISION})`);
  console.log(`  ${'shown ≥'.padEnd(9)}${halves.map(([name]) => `│ ${name}: answered · precision · coverage · F1`.padEnd(48)).join('')}`);
  const curves = undecided.map(([, run]) => precisionCurve(run, thresholds));
  thresholds.forEach((from, i) => {
    const cells = curves.map((c) => `│ ${String(c[i].answered).padStart(4)} · ${(c[i].precision === null ? '–' : c[i].precision.toFixed(1)).padStart(5)} · ${c[i].coverage.toFixed(1).padStart(4)} · ${c[i].f1.toFixed(1)}`.padEnd(40));
    console.log(`  ${`${Math.round(from * 100)}%`.padEnd(9)}${cells.join('')}`);
  });
  console.log('');
  console.log('calibration, per answer class: the confidence shown at a raw score (and its lower bound), and the precision measured there (answers in that step only)');
  for (const cls of ANSWER_CLASSES) {
    const table = CALIBRATION[cls];
    table.forEach((step, i) => {
      const to = table[i + 1]?.from ?? Infinity;
      const cells = undecided.map(([name, run]) => {
        const inStep = run.questions.filter((q) => {
          const r = run.results.get(q.id);
          return r && r.ok && 'raw' in r && r.answerClass === cls && r.raw > 0 && r.raw >= step.from && r.raw < to && run.predictions[q.id] !== '';
        });
        const p = inStep.reduce((a, q) => a + scoreOne(run.predictions[q.id], q).f1, 0);
        return `${name} ${inStep.length === 0 ? '  –  ' : `${((100 * p) / inStep.length).toFixed(0).padStart(3)}%`} (n ${inStep.length})`;
      });
      const shown = `${String(Math.round(step.precision * 100)).padStart(3)}% (≥ ${String(Math.round(step.lower * 100)).padStart(2)}%)`;
      console.log(`  ${cls.padEnd(6)} raw ${step.from.toFixed(3)}–${Number.isFinite(to) ? to.toFixed(3) : '1    '}  shown ${shown}${step.precision >= ANSWER_PRECISION && step.lower >= ANSWER_PRECISION ? ' answers' : '        '} │ ${cells.join(' │ ')}`);
    });
  }
  if (out) {
    writeFileSync(out, `${JSON.stringify(predictions, null, 1)}\n`);
    console.log(`predictions written to ${out}`);
  }
}

/** Fits the confidence model and table on the tuning half only, and prints them for src/answers/ask/calibration.ts. */
function calibrate(file: string): void {
  const { tuning } = splitByTitle(loadSquad(file));
  const rows = tuning.flatMap((title) => {
    const run = runSquad([title], { undecided: true });
    return run.questions
      .filter((q) => run.predictions[q.id] !== '')
      .map((q) => {
        const r = run.results.get(q.id);
        const ok = r && r.ok && 'raw' in r;
        return { features: ok ? (r.features ?? []) : [], raw: ok ? r.raw : 0, f1: scoreOne(run.predictions[q.id], q).f1, group: title.title, type: r ? r.type : 'what', cls: ok ? r.answerClass : answerClass('what') };
      })
      .filter((r) => r.features.length > 0 && r.features[3] > 0 && r.raw > 0);
  });
  // What-questions (feature 'what') get their own model; every other type shares one.
  const whatAt = FEATURE_NAMES.indexOf('what');
  const isWhat = (r: { features: number[] }) => r.features[whatAt] === 1;
  const fit = (train: typeof rows) => {
    const w = fitWeights(train.filter((r) => !isWhat(r)));
    const ww = fitWeights(train.filter(isWhat));
    return (r: (typeof rows)[number]) => logistic(r.features, isWhat(r) ? ww : w);
  };
  // Each class's table is read from out-of-fold scores (each title scored by models fitted on the other
  // titles), in steps of at least CALIBRATION_STEP answers shrunk toward the class's mean by
  // CALIBRATION_PRIOR: what the model does on answers it was not fitted on. The weights /ask runs with are
  // then fitted on every title.
  const outOfFold = crossFittedScores(rows, fit).map((raw, i) => ({ raw, f1: rows[i].f1, cls: rows[i].cls }));
  const weights = fitWeights(rows.filter((r) => !isWhat(r)));
  const whatWeights = fitWeights(rows.filter(isWhat));
  console.log(`${rows.length} direct answers on the tuning half (${rows.filter(isWhat).length} to what-questions), ${new Set(rows.map((r) => r.group)).size} titles as folds`);
  console.log(`export const WEIGHTS: number[] = [${weights.join(', ')}];`);
  console.log(`export const WHAT_WEIGHTS: number[] = [${whatWeights.join(', ')}];`);
  console.log(FEATURE_NAMES.map((n, i) => `  ${n}: ${weights[i]} · what ${whatWeights[i]}`).join('\n'));
  // A class with fewer answers than one step needs is measured together with "other", and reads its table.
  const small = new Set(ANSWER_CLASSES.filter((cls) => cls !== 'other' && cls !== 'partial' && outOfFold.filter((r) => r.cls === cls).length < CALIBRATION_STEP));
  const pooled = (cls: AnswerClass): AnswerClass => (small.has(cls) ? 'other' : cls);
  if (small.size > 0) console.log(`fewer than ${CALIBRATION_STEP} answers, measured with "other": ${[...small].join(', ')}`);
  const tables = ANSWER_CLASSES.map((cls) => {
    const steps = fitCalibration(outOfFold.filter((r) => pooled(r.cls) === pooled(cls)), CALIBRATION_STEP, CALIBRATION_PRIOR);
    return `\n  ${cls}: [${steps.map((s) => `\n    { from: ${s.from}, precision: ${s.precision}, n: ${s.n}, lower: ${s.lower} },`).join('')}\n  ],`;
  });
  console.log(`export const CALIBRATION: Record<AnswerClass, CalibrationStep[]> = {${tables.join('')}\n};`);
  for (const cls of ANSWER_CLASSES) {
    const ranked = outOfFold.filter((r) => r.cls === cls).sort((x, y) => y.raw - x.raw);
    const top = (k: number) => (ranked.length < k ? '–' : (ranked.slice(0, k).reduce((x, r) => x + r.f1, 0) / k).toFixed(2));
    console.log(`${cls}: ${ranked.length} answers, mean ${(ranked.reduce((x, r) => x + r.f1, 0) / Math.max(1, ranked.length)).toFixed(2)}; out of fold, the best-scored 10 / 20 / 40 / 80: ${top(10)} / ${top(20)} / ${top(40)} / ${top(80)}`);
  }
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
  console.log(`answerable:   ${summary.answerableCorrect}/${summary.answerable} answered directly and right (${percent(summary.answerableCorrect, summary.answerable)}%); ${summary.directWrong} wrong direct answers of ${summary.direct}`);
  console.log(`best read:    ${summary.bestCorrect}/${summary.answerable} right whatever the confidence (${percent(summary.bestCorrect, summary.answerable)}%)`);
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
