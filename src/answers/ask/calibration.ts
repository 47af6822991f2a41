// What /ask's confidence means: the measured precision (mean SQuAD token F1) of the direct answers
// given at a raw score, fitted on the tuning half of the SQuAD 2.0 development part
// (`npm run eval -- --squad <file> --calibrate` prints a fresh table). The shown confidence is this
// figure, and the answer / quote-only / decline decision reads it.

export interface CalibrationStep {
  /** Raw scores from here up (to the next step) ... */
  from: number;
  /** ... gave direct answers this good on the tuning half (0..1), shrunk toward the class's mean. */
  precision: number;
  /** How many tuning answers the step rests on. */
  n: number;
  /**
   * The step's measured precision LOWER_BOUND_Z standard errors down (Wilson lower bound from its n
   * answers, not shrunk): a step answers directly only when this too reaches ANSWER_PRECISION, so a
   * step read from a lucky few does not answer.
   */
  lower: number;
}

/**
 * The classes of answer calibrated apart: a when-question's date, a count, a who-answer, a place and a
 * what/which phrase are read by different extractors and are right at very different rates, so one
 * table for all mixes easy classes with hard ones. List, why, yes/no and acronym questions share one.
 * An answer from a sentence that does not state every key word of the question (`stated` false) is of
 * the class "partial", whatever its type: such a sentence may be about something else, and /ask never
 * answers from it directly (decide in answer.ts).
 */
export type AnswerClass = 'when' | 'count' | 'who' | 'where' | 'what' | 'other' | 'partial';
export const ANSWER_CLASSES: AnswerClass[] = ['when', 'count', 'who', 'where', 'what', 'other', 'partial'];

export function answerClass(type: string, stated = true): AnswerClass {
  if (!stated) return 'partial';
  return type === 'when' || type === 'count' || type === 'who' || type === 'where' || type === 'what' ? type : 'other';
}

/**
 * How far down a step's measured precision is read before it may answer directly: a one-sided 95 % bound.
 * At one standard error (z = 1) the when class passed with 25 of 27 tuning answers right (0.93, bound
 * 0.86) and then measured 63 % on 24 answers of the held-out half (2026-11-29): the rules that read its
 * answers were written while reading tuning answers, which out-of-fold fitting does not guard against.
 * Precision comes first, so a class answers only when it is very likely, not just likely, to be right.
 */
export const LOWER_BOUND_Z = 1.645;

/** Wilson's lower bound on a proportion measured as `mean` over `n`, `z` standard errors down. */
export function wilsonLower(mean: number, n: number, z = LOWER_BOUND_Z): number {
  if (n <= 0) return 0;
  const p = Math.min(1, Math.max(0, mean));
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

export const FEATURE_NAMES = ['bias', 'own coverage', 'coverage with context', 'type fit', 'word pairs kept', 'missing words', 'sentence length', 'answer length', 'answer repeats question', 'every word in the sentence', 'exact type', 'context share', 'when', 'who', 'count', 'where', 'list', 'why', 'distance to the question words', 'question words near the answer', 'rival answers in the sentence', 'what', 'what × type fit', 'what × distance', 'what × word pairs', 'what × own coverage', 'farthest question word from the answer', 'aligned typed answer'];

/**
 * Each class's table is read from out-of-fold scores (`--calibrate`): each step rests on at least this
 * many answers, and is shrunk toward the mean of its class by this many pseudo-answers. (With 20 answers a
 * step, in-sample and no shrinking, one table for all showed 90 % at its top step where 61 % held on the
 * held-out half.)
 */
export const CALIBRATION_STEP = 15;
export const CALIBRATION_PRIOR = 5;

/** Weights of the logistic model over answerFeatures() (answer.ts), fitted on the tuning half. */
export const WEIGHTS: number[] = [-3.395, 1.579, 1.304, -0.103, 1.416, -0.459, 0.017, -0.169, -0.528, 0.113, 1.06, -0.275, 1.313, 0.058, 0.006, 0.274, -0.445, 0.248, -1.595, -0.638, -0.304, 0, 0, 0, 0, 0, 0.15, 0.11];

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

/**
 * Fitted on the tuning half, one table per answer class (a class with fewer answers than one step needs
 * reads the table of "other", measured together with it); regenerate with `--calibrate` after changing
 * how raw scores are made.
 */
export const CALIBRATION: Record<AnswerClass, CalibrationStep[]> = {
  when: [
    { from: 0, precision: 0.93, n: 27, lower: 0.8 },
  ],
  count: [
    { from: 0, precision: 0.68, n: 19, lower: 0.5 },
  ],
  who: [
    { from: 0, precision: 0.46, n: 36, lower: 0.33 },
  ],
  where: [
    { from: 0, precision: 0.46, n: 36, lower: 0.33 },
  ],
  what: [
    { from: 0, precision: 0.07, n: 16, lower: 0 },
    { from: 0.088, precision: 0.07, n: 32, lower: 0.01 },
    { from: 0.132, precision: 0.13, n: 49, lower: 0.06 },
    { from: 0.205, precision: 0.3, n: 30, lower: 0.19 },
    { from: 0.26, precision: 0.39, n: 52, lower: 0.31 },
  ],
  other: [
    { from: 0, precision: 0.46, n: 36, lower: 0.33 },
  ],
  partial: [
    { from: 0, precision: 0.06, n: 121, lower: 0.03 },
    { from: 0.045, precision: 0.07, n: 65, lower: 0.03 },
    { from: 0.063, precision: 0.11, n: 165, lower: 0.07 },
    { from: 0.134, precision: 0.17, n: 18, lower: 0.08 },
    { from: 0.145, precision: 0.19, n: 39, lower: 0.11 },
    { from: 0.192, precision: 0.2, n: 44, lower: 0.12 },
    { from: 0.232, precision: 0.31, n: 65, lower: 0.24 },
    { from: 0.502, precision: 0.52, n: 23, lower: 0.43 },
  ],
};

/** The step of a class's table a raw score falls in (none: an empty table, or a score of 0). */
export function stepAt(raw: number, table: CalibrationStep[]): CalibrationStep | undefined {
  let at: CalibrationStep | undefined;
  for (const step of table) {
    if (raw >= step.from) at = step;
    else break;
  }
  return at;
}

/** The confidence shown for a raw score of an answer class: the class's measured precision there. */
export function calibrated(raw: number, cls: AnswerClass, tables: Record<AnswerClass, CalibrationStep[]> = CALIBRATION): number {
  return stepAt(raw, tables[cls])?.precision ?? 0;
}

/** The lower bound of that step (see CalibrationStep.lower): what the answer / quote decision reads too. */
export function calibratedLower(raw: number, cls: AnswerClass, tables: Record<AnswerClass, CalibrationStep[]> = CALIBRATION): number {
  return stepAt(raw, tables[cls])?.lower ?? 0;
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
  const steps = blocks.map((b) => ({
    from: Math.round(b.from * 1000) / 1000,
    precision: Math.round(((b.sum + prior * mean) / (b.n + prior)) * 100) / 100,
    n: b.n,
    lower: Math.round(wilsonLower(b.sum / b.n, b.n) * 100) / 100,
  }));
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
