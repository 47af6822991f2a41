// A word counts in the sense the question uses it (issue 13): "mine" the pit is no pronoun, "the plan"
// is not stated by "planned", and "power" in "came to power" is not electricity. Each is checked both ways.
import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answers/ask/question';
import { askOne } from './ask-one';

const ask = (text: string, question: string) => askOne(text, question);

/** The sentences /ask quotes or cites for `question` (none when it declines). */
function quoted(text: string, question: string): string[] {
  const r = ask(text, question);
  return r.ok ? r.citations.map((c) => c.text) : [];
}

const words = (question: string) => analyseQuestion(question).concepts.map((c) => c.text.toLowerCase());

describe('word senses', () => {
  it('reads "mine" after a determiner or beside a noun as the pit, and as the pronoun after "of" or a copula', () => {
    expect(words('Where is the mine?')).toContain('mine');
    expect(words('When did mine workers strike?')).toContain('mine');
    expect(words('Is that coat a friend of mine?')).not.toContain('mine');
    expect(words('Was the decision mine?')).not.toContain('mine');
    const text = 'The Aberpergwm colliery will shut in September. The mine is near Glynneath in south Wales. Its owners blamed falling prices.';
    expect(quoted(text, 'Where is the mine?')).toEqual(['The mine is near Glynneath in south Wales.']);
    // the sentence's "mine" is the pit too: the pronoun there states nothing about a mine
    expect(quoted('The decision was mine, the minister said in Leeds.', 'Where is the mine?')).toEqual([]);
    expect(quoted('The mine is near Glynneath. A friend of mine works in Leeds.', 'Where is the mine?')).toEqual(['The mine is near Glynneath.']);
  });

  it('takes "power" in "came to power" as rule: electricity does not stand for it, and power cuts do not state it', () => {
    const stems = (question: string) => analyseQuestion(question).concepts.find((c) => c.text === 'power')?.stems ?? [];
    expect(stems('Who came to power?')).not.toContain('electr');
    expect(stems('When did the power cuts start?')).toContain('electr');
    const energy = 'Electricity prices rose by 40% last year, according to the firm. A power cut hit 3,000 homes on Tuesday.';
    expect(quoted(energy, 'When did the party come to power?')).toEqual([]);
    expect(quoted(`${energy} The Democratic Union party came to power on Sunday.`, 'When did the party come to power?')).toEqual(['The Democratic Union party came to power on Sunday.']);
    expect(quoted(energy, 'When did the power cut hit homes?')).toEqual(['A power cut hit 3,000 homes on Tuesday.']);
  });

  it('takes "close" as the adjective only where the question does, its synonyms ("closure") only for the verb', () => {
    const text = 'The vote on the closure of the plant was held in 2021.';
    expect(quoted(text, 'How close was the vote?')).toEqual([]);
    expect(quoted(text, 'When was the vote on whether to close the plant?')).toEqual([text]);
  });

  it('does not take "planned" or "plans to" for the plan the question asks about', () => {
    expect(analyseQuestion('When was the plan approved?').concepts.find((c) => c.text === 'plan')?.lightNoun).toBe(true);
    expect(analyseQuestion('Who plans to approve the budget?').concepts.find((c) => c.text === 'plans')?.lightNoun).toBe(false);
    const verb = 'Leeds City Council planned to approve its budget on 3 March.';
    expect(quoted(verb, 'When was the plan approved?')).toEqual([]);
    const noun = 'The council approved the plan on 3 March.';
    expect(quoted(`${verb} ${noun}`, 'When was the plan approved?')).toEqual([noun]);
  });

  it('does not take "scored" (a goal) for the score the question asks about', () => {
    const goals = 'Striker Paddy Madden scored both goals in front of a crowd of 8,400.';
    expect(quoted(goals, 'What was the score?')).toEqual([]);
    expect(quoted(goals, 'Who scored both goals?')).toEqual([goals]);
    expect(quoted('The final score was 2-1 to Stockport.', 'What was the score?')).toEqual(['The final score was 2-1 to Stockport.']);
  });

  it('takes "owner" for "owns", but not "its own"', () => {
    const owner = 'The factory will close in June, its owner Medland Components said on Thursday.';
    expect(quoted(owner, 'Who owns the factory?')).toEqual([owner]);
    const own = 'The factory has its own power station, built in 1968.';
    expect(quoted(own, 'Who owns the factory?')).toEqual([]);
  });
});

