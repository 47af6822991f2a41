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

export const FEATURE_NAMES = ['bias', 'own coverage', 'coverage with context', 'type fit', 'word pairs kept', 'missing words', 'sentence length', 'answer length', 'answer repeats question', 'every word in the sentence', 'exact type', 'context share', 'when', 'who', 'count', 'where', 'list', 'why', 'distance to the question words', 'question words near the answer'];

/** Weights of the logistic model over answerFeatures() (answer.ts), fitted on the tuning half. */
export const WEIGHTS: number[] = [-3.814, 1.961, 1.256, 0.799, 1.444, 0.287, -0.475, 0.052, -0.606, -0.243, 0.644, -0.704, -0.122, -0.9, -0.933, -0.468, -1.437, -0.211, -1.022, 0.16];

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
  { from: 0, precision: 0, n: 26 },
  { from: 0.075, precision: 0.05, n: 27 },
  { from: 0.153, precision: 0.24, n: 48 },
  { from: 0.316, precision: 0.36, n: 17 },
  { from: 0.388, precision: 0.4, n: 16 },
  { from: 0.461, precision: 0.55, n: 16 },
  { from: 0.54, precision: 0.61, n: 27 },
  { from: 0.705, precision: 0.84, n: 25 },
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
