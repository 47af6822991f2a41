// What /ask's confidence means: the measured precision (mean SQuAD token F1) of the direct answers
// given at a raw score, fitted on the tuning half of the SQuAD 2.0 development part
// (`npm run eval -- --squad <file> --calibrate` prints a fresh table). The shown confidence is this
// figure, and the answer / quote-only / decline decision reads it.

export interface CalibrationStep {
  /** Raw scores from here up (to the next step) ... */
  from: number;
  /** ... gave direct answers this good on the tuning half (0..1). */
  precision: number;
  /** How many tuning answers the step rests on. */
  n: number;
}

export const FEATURE_NAMES = ['bias', 'own coverage', 'coverage with context', 'type fit', 'word pairs kept', 'missing words', 'sentence length', 'answer length', 'answer repeats question', 'every word in the sentence', 'exact type', 'context share', 'when', 'who', 'count', 'where', 'list', 'why', 'distance to the question words', 'question words near the answer', 'rival answers in the sentence', 'what', 'what × type fit', 'what × distance', 'what × word pairs', 'what × own coverage', 'farthest question word from the answer', 'aligned typed answer'];

/**
 * The table is read from out-of-fold scores (`--calibrate`): each step rests on at least this many
 * answers, and is shrunk toward the mean of all answers by this many pseudo-answers. With 20 answers a
 * step and no shrinking, the top step showed 90 % on the tuning half where 61 % held on the held-out.
 */
export const CALIBRATION_STEP = 30;
export const CALIBRATION_PRIOR = 5;

/** Weights of the logistic model over answerFeatures() (answer.ts), fitted on the tuning half. */
export const WEIGHTS: number[] = [-2.997, 1.487, 1.312, -0.512, 1.577, -0.498, -0.475, -0.104, -0.132, -0.409, 1.183, -0.174, 0.922, 0.287, 0.094, 0.335, -0.491, 0.184, -1.528, -0.39, -0.711, 0, 0, 0, 0, 0, 0.516, 0.3];

/**
 * The what/which model: the same features plus the phrase's slot (span.ts), fitted on the tuning half's
 * what-questions alone, so a phrase read out of a sentence is judged by how what-answers fared.
 */
export const WHAT_WEIGHTS: number[] = [-4.498, 1.277, -0.536, 0.416, 0.289, 0.761, -1.298, 1.906, 0.583, -0.06, 0.649, -1.812, 0, 0, 0, 0, 0, 0, -0.172, 0.105, -1.213, -0.252, 0.416, -0.172, 0.289, 1.277, 1.196, 0];

/** The weights for a question of this type. */
export const weightsFor = (type: string): number[] => (type === 'what' && WHAT_WEIGHTS.length > 0 ? WHAT_WEIGHTS : WEIGHTS);

export function logistic(features: number[], weights: number[] = WEIGHTS): number {
  if (weights.length === 0) return features[1] * features[3];
  let z = 0;
  for (let i = 0; i < features.length; i++) z += features[i] * (weights[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

/** Logistic regression with soft targets (the answer's F1), by gradient descent with a little L2. */
export function fitWeights(rows: { features: number[]; f1: number }[], iterations = 6000, rate = 1, l2 = 1e-3): number[] {
  const dim = rows[0]?.features.length ?? 0;
  const w = new Array<number>(dim).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(dim).fill(0);
    for (const r of rows) {
      const err = logistic(r.features, w) - r.f1;
      for (let i = 0; i < dim; i++) grad[i] += err * r.features[i];
    }
    for (let i = 0; i < dim; i++) w[i] -= rate * (grad[i] / rows.length + (i === 0 ? 0 : l2 * w[i]));
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}

/** Fitted on the tuning half; regenerate with `--calibrate` after changing how raw scores are made. */
export const CALIBRATION: CalibrationStep[] = [
  { from: 0, precision: 0.06, n: 116 },
  { from: 0.042, precision: 0.07, n: 102 },
  { from: 0.068, precision: 0.11, n: 204 },
  { from: 0.144, precision: 0.21, n: 92 },
  { from: 0.199, precision: 0.26, n: 111 },
  { from: 0.281, precision: 0.35, n: 96 },
  { from: 0.526, precision: 0.47, n: 30 },
  { from: 0.643, precision: 0.68, n: 42 },
];

export function calibrated(raw: number, table: CalibrationStep[] = CALIBRATION): number {
  if (table.length === 0) return raw;
  let precision = 0;
  for (const step of table) {
    if (raw >= step.from) precision = step.precision;
    else break;
  }
  return precision;
}

/**
 * Isotonic regression (pool adjacent violators) of answer quality on raw score: a step function that
 * never falls as the raw score rises, so a higher score never shows a lower confidence. Each step rests
 * on at least `minPerStep` answers, and its figure is shrunk toward the mean of all answers by `prior`
 * pseudo-answers ((sum + prior × mean) / (n + prior)), so a step measured on few answers does not show
 * the luck of those few: the fewer, the nearer the overall mean.
 */
export function fitCalibration(points: { raw: number; f1: number }[], minPerStep = 15, prior = 0): CalibrationStep[] {
  const sorted = [...points].filter((p) => p.raw > 0).sort((a, b) => a.raw - b.raw);
  const mean = sorted.length === 0 ? 0 : sorted.reduce((a, p) => a + p.f1, 0) / sorted.length;
  type Block = { from: number; sum: number; n: number };
  const blocks: Block[] = [];
  for (const p of sorted) {
    blocks.push({ from: p.raw, sum: p.f1, n: 1 });
    // Merge while the order is violated or the last block is too small to stand on its own.
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.n >= b.sum / b.n || a.n < minPerStep) {
        blocks.splice(blocks.length - 2, 2, { from: a.from, sum: a.sum + b.sum, n: a.n + b.n });
      } else break;
    }
  }
  // A small last block is folded into its neighbour.
  while (blocks.length >= 2 && blocks[blocks.length - 1].n < minPerStep) {
    const b = blocks.pop()!;
    const a = blocks.pop()!;
    blocks.push({ from: a.from, sum: a.sum + b.sum, n: a.n + b.n });
  }
  const steps = blocks.map((b) => ({ from: Math.round(b.from * 1000) / 1000, precision: Math.round(((b.sum + prior * mean) / (b.n + prior)) * 100) / 100, n: b.n }));
  // Isotonic again after folding, by carrying the maximum forward.
  for (let i = 1; i < steps.length; i++) steps[i].precision = Math.max(steps[i].precision, steps[i - 1].precision);
  if (steps.length > 0) steps[0].from = 0;
  return steps;
}

/**
 * Out-of-fold raw scores: each group's answers (a SQuAD title) scored by a model fitted on the other
 * groups only. A table read from in-sample scores shows the model's fit to the very answers it was
 * fitted on (90 % shown at the top step where 61 % held); fitted on out-of-fold scores, each step shows
 * what the model does on answers it has not seen.
 */
export function crossFittedScores<R extends { group: string }>(rows: R[], fit: (train: R[]) => (row: R) => number): number[] {
  const groups = [...new Set(rows.map((r) => r.group))];
  if (groups.length < 2) {
    const score = fit(rows);
    return rows.map(score);
  }
  const out = new Array<number>(rows.length).fill(0);
  for (const g of groups) {
    const score = fit(rows.filter((r) => r.group !== g));
    rows.forEach((r, i) => {
      if (r.group === g) out[i] = score(r);
    });
  }
  return out;
}
