// SQuAD 2.0's official metric as test/answers/ask/squad.ts implements it, and the deterministic title split.
import { describe, expect, it } from 'vitest';
import { normalizeAnswer, score, scoreLine, scoreOne, splitByTitle, tokenF1, type SquadQuestion, type SquadTitle } from './squad';

const q = (id: string, answers: string[]): SquadQuestion => ({ id, question: '?', answers, impossible: answers.length === 0 });

describe('the SQuAD 2.0 metric', () => {
  it('normalises as the official script does: lower case, no punctuation, no articles, single spaces', () => {
    expect(normalizeAnswer('The  Norman-French, a people!')).toBe('normanfrench people');
    expect(normalizeAnswer('An "Anthem" of THE age')).toBe('anthem of age');
  });

  it('scores token F1 with repeated tokens counted once each', () => {
    expect(tokenF1('the Duchy of Normandy', 'Normandy')).toBeCloseTo(0.5, 10);
    expect(tokenF1('10 10', '10')).toBeCloseTo(2 / 3, 10);
    expect(tokenF1('Rollo', 'Richard')).toBe(0);
  });

  it('takes the best over the gold answers, and counts a no-answer question right only when the prediction is empty', () => {
    expect(scoreOne('Normandy', q('a', ['France', 'Normandy']))).toEqual({ em: 1, f1: 1 });
    expect(scoreOne('', q('b', []))).toEqual({ em: 1, f1: 1 });
    expect(scoreOne('Normandy', q('b', []))).toEqual({ em: 0, f1: 0 });
    expect(scoreOne('', q('a', ['France']))).toEqual({ em: 0, f1: 0 });
  });

  it('reports precision over the answers given (an answered no-answer question counts 0) and coverage of the answerable', () => {
    const questions = [q('a', ['Normandy']), q('b', ['Rollo']), q('c', []), q('d', [])];
    const s = score(questions, { a: 'Normandy', b: '', c: 'something', d: '' });
    expect(s).toMatchObject({ questions: 4, answerable: 2, unanswerable: 2, exact: 50, f1: 50, hasAnsF1: 50, noAnsAccuracy: 50, precision: 50, coverage: 50, answered: 2 });
    expect(scoreLine(s)).toContain('precision of given answers 50 (2 answered)');
  });

  it('reports no precision, not a precision of 0, when no answer is given', () => {
    const s = score([q('a', ['Normandy']), q('c', [])], { a: '', c: '' });
    expect(s.precision).toBeNull();
    expect(scoreLine(s)).toContain('precision of given answers – (0 answered)');
  });
});

describe('the tuning / held-out split', () => {
  const titles: SquadTitle[] = ['Normans', 'Steam_engine', 'Huguenot', 'Packet_switching', 'Harvard_University'].map((title) => ({ title, paragraphs: [] }));

  it('puts each title in one half, the same whatever the file order', () => {
    const a = splitByTitle(titles);
    const b = splitByTitle([...titles].reverse());
    expect(a.tuning.map((t) => t.title).sort()).toEqual(b.tuning.map((t) => t.title).sort());
    expect(a.tuning.length).toBe(3);
    expect(a.heldOut.length).toBe(2);
    expect(new Set([...a.tuning, ...a.heldOut].map((t) => t.title)).size).toBe(5);
  });
});
