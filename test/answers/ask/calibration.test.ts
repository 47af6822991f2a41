// The confidence model: a step table that never falls as the raw score rises, read as measured precision.
import { describe, expect, it } from 'vitest';
import { answerClass, calibrated, calibratedLower, crossFittedScores, fitCalibration, fitWeights, logistic, LOWER_BOUND_Z, stepAt, wilsonLower, type AnswerClass, type CalibrationStep } from '../../../src/answers/ask/calibration';

const withoutBounds = (table: CalibrationStep[]) => table.map(({ from, precision, n }) => ({ from, precision, n }));

describe('calibration', () => {
  it('fits a step function that never falls, each step resting on at least the minimum number of answers', () => {
    const points = [
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.1 + i * 0.001, f1: i % 4 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.5 + i * 0.001, f1: i % 2 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.9 + i * 0.001, f1: i % 10 === 0 ? 0 : 1 })),
    ];
    const table = fitCalibration(points, 15);
    // Exact steps: a block grows past the minimum while the next answer would lower it.
    expect(withoutBounds(table)).toEqual([
      { from: 0, precision: 0.25, n: 20 },
      { from: 0.5, precision: 0.48, n: 21 },
      { from: 0.901, precision: 0.95, n: 19 },
    ]);
    expect(stepAt(0.05, table)?.precision).toBe(0.25);
    expect(stepAt(0.55, table)?.precision).toBe(0.48);
    expect(stepAt(0.95, table)?.precision).toBe(0.95);
    // Each step carries its lower bound one standard error down, from its own answers: 18 of 19 right.
    expect(table[2].lower).toBe(Math.round(wilsonLower(18 / 19, 19) * 100) / 100);
  });

  it('pools a falling stretch with its neighbour instead of showing a lower confidence for a higher score', () => {
    const points = [
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.1 + i * 0.001, f1: i % 2 === 0 ? 1 : 0 })),
      ...Array.from({ length: 20 }, (_, i) => ({ raw: 0.5 + i * 0.001, f1: 0 })),
    ];
    expect(withoutBounds(fitCalibration(points, 15))).toEqual([{ from: 0, precision: 0.25, n: 40 }]);
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
    expect(withoutBounds(fitCalibration(points, 15, 10))).toEqual([
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

  it("bounds a step's precision one-sided 95 % down, the fewer its answers the lower", () => {
    // Wilson's interval at z = 1: 15 right of 16 is not yet 85 % sure; 20 of 21 is.
    expect(wilsonLower(15 / 16, 16, 1)).toBeCloseTo(0.848, 3);
    expect(wilsonLower(20 / 21, 21, 1)).toBeCloseTo(0.882, 3);
    // The bar /ask reads (z = 1.645): 25 right of 27, which passed at z = 1 and then measured 63 % on unseen
    // titles, does not answer; 48 of 50 does.
    expect(LOWER_BOUND_Z).toBe(1.645);
    expect(wilsonLower(25 / 27, 27, 1)).toBeGreaterThan(0.85);
    expect(wilsonLower(25 / 27, 27)).toBeLessThan(0.85);
    expect(wilsonLower(48 / 50, 50)).toBeGreaterThan(0.85);
    expect(wilsonLower(1, 5)).toBeLessThan(wilsonLower(1, 50));
    expect(wilsonLower(0.5, 0)).toBe(0);
  });

  it('reads each answer class from its own table, list, why and yes/no questions from one shared table', () => {
    const step = (precision: number): CalibrationStep[] => [{ from: 0, precision, n: 20, lower: precision - 0.05 }];
    const tables: Record<AnswerClass, CalibrationStep[]> = { when: step(0.9), count: step(0.6), who: step(0.4), where: step(0.5), what: step(0.2), other: step(0.3), partial: step(0.1) };
    expect(calibrated(0.5, 'when', tables)).toBe(0.9);
    expect(calibratedLower(0.5, 'when', tables)).toBeCloseTo(0.85);
    expect(calibrated(0.5, 'what', tables)).toBe(0.2);
    expect(calibrated(0.5, answerClass('list'), tables)).toBe(0.3);
    expect(calibrated(0.5, answerClass('yesno'), tables)).toBe(0.3);
    expect(['when', 'count', 'who', 'where', 'what', 'why', 'list', 'expand'].map((t) => answerClass(t))).toEqual(['when', 'count', 'who', 'where', 'what', 'other', 'other', 'other']);
    // A sentence that leaves some key word of the question unstated: its own class, whatever the type.
    expect(answerClass('when', false)).toBe('partial');
    expect(calibrated(0.5, answerClass('when', false), tables)).toBe(0.1);
    // An empty table (a class with too few answers to measure) shows no confidence and so never answers.
    expect(calibrated(0.9, 'when', { ...tables, when: [] })).toBe(0);
  });
});
