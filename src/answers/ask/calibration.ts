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

export const FEATURE_NAMES = ['bias', 'own coverage', 'coverage with context', 'type fit', 'word pairs kept', 'missing words', 'sentence length', 'answer length', 'answer repeats question', 'every word in the sentence', 'exact type', 'context share', 'when', 'who', 'count', 'where', 'list', 'why', 'distance to the question words', 'question words near the answer', 'rival answers in the sentence'];

/** Weights of the logistic model over answerFeatures() (answer.ts), fitted on the tuning half. */
export const WEIGHTS: number[] = [-3.326, 1.702, 1.003, 0.716, 1.642, -0.193, -0.551, 0.17, -0.473, -0.335, 0.81, -0.699, -0.096, -0.834, -0.639, -0.292, -1.584, -0.334, -0.897, 0.205, -0.723];

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
  { from: 0, precision: 0, n: 33 },
  { from: 0.085, precision: 0.06, n: 22 },
  { from: 0.146, precision: 0.27, n: 56 },
  { from: 0.381, precision: 0.48, n: 23 },
  { from: 0.52, precision: 0.62, n: 17 },
  { from: 0.609, precision: 0.63, n: 21 },
  { from: 0.751, precision: 0.87, n: 23 },
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
