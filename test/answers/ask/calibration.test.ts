// The confidence model: a step table that never falls as the raw score rises, read as measured precision.
import { describe, expect, it } from 'vitest';
import { calibrated, crossFittedScores, fitCalibration, fitWeights, logistic } from '../../../src/answers/ask/calibration';

describe('calibration', () => {
  it('fits a step function that never falls, each step resting on at least the minimum number of answers', () => {
    const points = [
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.1 + i * 0.001, f1: i % 4 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.5 + i * 0.001, f1: i % 2 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.9 + i * 0.001, f1: i % 10 === 0 ? 0 : 1 })),
    ];
    const table = fitCalibration(points, 15);
    // Exact steps: a block grows past the minimum while the next answer would lower it.
    expect(table).toEqual([
      { from: 0, precision: 0.25, n: 20 },
      { from: 0.5, precision: 0.48, n: 21 },
      { from: 0.901, precision: 0.95, n: 19 },
    ]);
    expect(calibrated(0.05, table)).toBe(0.25);
    expect(calibrated(0.55, table)).toBe(0.48);
    expect(calibrated(0.95, table)).toBe(0.95);
  });

  it('pools a falling stretch with its neighbour instead of showing a lower confidence for a higher score', () => {
    const points = [
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.1 + i * 0.001, f1: i % 2 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.5 + i * 0.001, f1: 0 })),
    ];
    expect(fitCalibration(points, 15)).toEqual([{ from: 0, precision: 0.25, n: 40 }]);
  });

  it('learns a logistic model whose score rises with a feature that predicts right answers', () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const x = (i % 10) / 10;
      return { features: [1, x], f1: x > 0.5 ? 1 : 0 };
    });
    const w = fitWeights(rows, 2000, 1);
    expect(w[1]).toBeGreaterThan(0);
    expect(logistic([1, 0.9], w)).toBeGreaterThan(0.8);
    expect(logistic([1, 0.1], w)).toBeLessThan(0.2);
  });

  it('shrinks a step toward the mean of all answers by the prior, the fewer its answers the more', () => {
    const points = [
      ...Array.from({ length: 60 }, (_, i) => ({ raw: 0.1 + i * 0.001, f1: 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.9 + i * 0.001, f1: 1 })),
    ];
    // Mean 0.25; the top step's 20 right answers with 10 pseudo-answers at the mean: (20 + 2.5) / 30.
    expect(fitCalibration(points, 15, 10)).toEqual([
      { from: 0, precision: 0.04, n: 60 },
      { from: 0.9, precision: 0.75, n: 20 },
    ]);
    expect(fitCalibration(points, 15).map((s) => s.precision)).toEqual([0, 1]);
  });

  it('scores each group only with a model fitted on the other groups', () => {
    const rows = ['a', 'a', 'b', 'c', 'c', 'c'].map((group, i) => ({ group, i }));
    // The "model" counts the training rows of the scored row's own group: out of fold that is always 0.
    const scores = crossFittedScores(rows, (train) => (r) => train.filter((t) => t.group === r.group).length);
    expect(scores).toEqual([0, 0, 0, 0, 0, 0]);
    // One group alone: nothing to hold out, scored in sample.
    expect(crossFittedScores(rows.slice(0, 2), (train) => () => train.length)).toEqual([2, 2]);
  });
});
