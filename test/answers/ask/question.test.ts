import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answers/ask/question';

const shape = (q: string) => {
  const a = analyseQuestion(q);
  return { type: a.type, detail: a.detail, words: a.concepts.map((c) => c.text) };
};

describe('analyseQuestion', () => {
  it('tells the kind of answer wanted from the wording', () => {
    expect(shape('When does the CSTO sign off on the plan?').type).toBe('when');
    expect(shape('what date is the vote').type).toBe('when');
    expect(shape('What year was the treaty signed?')).toMatchObject({ type: 'when', detail: 'year' });
    expect(shape('Who runs the CSTO?').type).toBe('who');
    expect(shape('Which countries are in the CSTO?').type).toBe('list');
    expect(shape('What are the stages of the plan?').type).toBe('list');
    expect(shape('What phases does the plan have?').type).toBe('list');
    expect(shape('How many films are eligible?').type).toBe('count');
    expect(shape('How much will it cost?')).toMatchObject({ type: 'count', detail: 'money' });
    expect(shape('What percentage voted?')).toMatchObject({ type: 'count', detail: 'percent' });
    expect(shape('How many times was it blocked?')).toMatchObject({ type: 'count', detail: 'times' });
    expect(shape('Where was the treaty signed?').type).toBe('where');
    expect(shape('In which city was the treaty signed?').type).toBe('where');
    expect(shape('Why is the border being strengthened?').type).toBe('why');
    expect(shape('What is the reason for the delay?').type).toBe('why');
    expect(shape('Is Armenia a member?').type).toBe('yesno');
    expect(shape('What does CSTO stand for?').type).toBe('expand');
    expect(shape("What is Tasmagambetov's job?")).toMatchObject({ type: 'who', detail: 'role' });
    expect(shape('What did the minister say about trade?').type).toBe('what');
  });

  it('keeps the content words, rewriting idioms to the words articles use', () => {
    expect(shape('When does the CSTO sign off on the border plan?').words).toEqual(['csto', 'approve', 'border', 'plan']);
    expect(shape('Which member states signed the treaty?').words).toEqual(['members', 'signed', 'treaty']);
  });

  it('adds synonyms and marks names, titles and generic leader words', () => {
    const q = analyseQuestion('Who heads the Collective Security Treaty Organization?');
    const byText = Object.fromEntries(q.concepts.map((c) => [c.text, c]));
    expect(byText.heads.leader).toBe(true);
    expect(byText.collective.entity).toBe(true);
    expect(byText.organization.weak).toBe(true);
    expect(analyseQuestion('when will the plan be ratified').concepts.find((c) => c.text === 'ratified')?.stems).toContain('approv');
    expect(analyseQuestion('Who is the chairman of Gazprom?').concepts.find((c) => c.text === 'chairman')?.title).toBe(true);
  });

  it('marks what a list or count question enumerates, and the head of "what is the X of"', () => {
    expect(analyseQuestion('Which countries are in the bloc?').concepts.find((c) => c.target)?.stems).toEqual(expect.arrayContaining(['countri', 'member']));
    expect(analyseQuestion('How many A380 jets did UPS order?').concepts.find((c) => c.target)?.text).toBe('a380');
    expect(analyseQuestion('What is the population of Kyrgyzstan?').concepts.find((c) => c.required)?.text).toBe('population');
  });

  it('reads a weak word after a determiner as the noun the question is about ("the plan"), and keeps it weak as a verb', () => {
    const weak = (q: string, word: string) => analyseQuestion(q).concepts.find((c) => c.text === word)?.weak;
    expect(weak('How much will the plan save?', 'plan')).toBe(false);
    expect(weak('What does the new plan include?', 'plan')).toBe(false);
    expect(weak('Who plans to strike?', 'plans')).toBe(true);
    expect(weak('When is the CSTO expected to approve it?', 'expected')).toBe(true);
    expect(weak('What is the latest news?', 'latest')).toBe(true);
  });

  it('asks a sum of money with "what is the cost of" and "what will X cost", an amount with "how much <noun>", a duration with "how long was X closed"', () => {
    const shape = (q: string) => ({ type: analyseQuestion(q).type, detail: analyseQuestion(q).detail });
    expect(shape('What is the cost of the tram line?')).toEqual({ type: 'count', detail: 'money' });
    expect(shape('What will the plan cost?')).toEqual({ type: 'count', detail: 'money' });
    expect(shape('How much money was raised?')).toEqual({ type: 'count', detail: 'money' });
    expect(shape('How much land has burned?')).toEqual({ type: 'count', detail: 'size' });
    expect(shape('How much time is left?')).toEqual({ type: 'count', detail: 'duration' });
    expect(shape('How long was the bridge closed?')).toEqual({ type: 'count', detail: 'duration' });
    expect(shape('How long is the border?')).toEqual({ type: 'count', detail: 'length' });
  });
});
