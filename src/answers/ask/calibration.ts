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

export const FEATURE_NAMES = ['bias', 'own coverage', 'coverage with context', 'type fit', 'word pairs kept', 'missing words', 'sentence length', 'answer length', 'answer repeats question', 'every word in the sentence', 'exact type', 'context share', 'when', 'who', 'count', 'where', 'list', 'why', 'distance to the question words', 'question words near the answer', 'rival answers in the sentence', 'what', 'what × type fit', 'what × distance', 'what × word pairs', 'what × own coverage'];

/** Weights of the logistic model over answerFeatures() (answer.ts), fitted on the tuning half. */
export const WEIGHTS: number[] = [-3.595, 1.537, 1.354, -0.3, 1.86, -0.074, -0.324, -0.037, -0.192, -0.282, 1.051, -0.183, 0.685, 0.03, 0.153, 0.327, -0.475, 0.313, -1.118, -0.099, -0.459, 0, 0, 0, 0, 0];

/**
 * The what/which model: the same features plus the phrase's slot (span.ts), fitted on the tuning half's
 * what-questions alone, so a phrase read out of a sentence is judged by how what-answers fared.
 */
export const WHAT_WEIGHTS: number[] = [-4.058, 1.559, -0.591, 0.544, 0.226, 0.832, -0.978, 1.332, 0.458, -0.053, 0.588, -2.15, 0, 0, 0, 0, 0, 0, -0.196, -0.644, -1.061, -0.224, 0.544, -0.196, 0.226, 1.559];

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
  { from: 0, precision: 0, n: 59 },
  { from: 0.04, precision: 0.04, n: 26 },
  { from: 0.045, precision: 0.05, n: 86 },
  { from: 0.07, precision: 0.05, n: 19 },
  { from: 0.074, precision: 0.06, n: 34 },
  { from: 0.082, precision: 0.09, n: 83 },
  { from: 0.106, precision: 0.11, n: 36 },
  { from: 0.115, precision: 0.12, n: 93 },
  { from: 0.161, precision: 0.16, n: 41 },
  { from: 0.187, precision: 0.19, n: 78 },
  { from: 0.233, precision: 0.24, n: 39 },
  { from: 0.264, precision: 0.31, n: 75 },
  { from: 0.348, precision: 0.4, n: 49 },
  { from: 0.438, precision: 0.62, n: 43 },
  { from: 0.61, precision: 0.68, n: 24 },
  { from: 0.757, precision: 0.9, n: 21 },
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
 * never falls as the raw score rises, so a higher score never shows a lower confidence.
 */
export function fitCalibration(points: { raw: number; f1: number }[], minPerStep = 15): CalibrationStep[] {
  const sorted = [...points].filter((p) => p.raw > 0).sort((a, b) => a.raw - b.raw);
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
  const steps = blocks.map((b) => ({ from: Math.round(b.from * 1000) / 1000, precision: Math.round((b.sum / b.n) * 100) / 100, n: b.n }));
  // Isotonic again after folding, by carrying the maximum forward.
  for (let i = 1; i < steps.length; i++) steps[i].precision = Math.max(steps[i].precision, steps[i - 1].precision);
  if (steps.length > 0) steps[0].from = 0;
  return steps;
}
