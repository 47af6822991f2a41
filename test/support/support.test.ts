// The suite's own support: seeded properties and the one rule for missing shared data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_SEED, propertySeed } from './property-seed';
import { readCorpus, sharedPath } from './shared-data';

describe('seeded property tests', () => {
  it('runs fast-check with the seed HERALD_PROPERTY_SEED gives, or the default one', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed());
    expect(propertySeed({})).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed({ HERALD_PROPERTY_SEED: '42' })).toBe(42);
    expect(() => propertySeed({ HERALD_PROPERTY_SEED: 'abc' })).toThrow('HERALD_PROPERTY_SEED must be an integer or "random", got "abc"');
  });

  it('names the seed and how to replay it when a property fails', () => {
    let message = '';
    try {
      fc.assert(fc.property(fc.nat(), (n) => n < 0));
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain(`Property seed ${propertySeed()}: replay with HERALD_PROPERTY_SEED=${propertySeed()}`);
    expect(message).toContain('Counterexample: [0]');
  });

  it('gives the same inputs on every run', () => {
    const sample = () => fc.sample(fc.string(), { numRuns: 5, seed: propertySeed() });
    expect(sample()).toEqual(sample());
  });
});

describe('shared research data', () => {
  it('reads the 30 corpus articles from ../shared', () => {
    const corpus = readCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(corpus.every((a) => a.text.length > 0)).toBe(true);
  });

  it('says what is missing and where it looked when a shared file is absent', () => {
    expect(() => sharedPath('no/such/folder', 'the TimeBank benchmark')).toThrow(/^Missing shared research data: the TimeBank benchmark \(expected at .*shared\/no\/such\/folder\)/);
  });
});
