// General readings that let a when-question's sentence state the whole question: a year before the
// parser's range ("in 1607"), an irregular verb's past form ("shrunk"), a name written the other way
// round ("Water Department" = "Department of Water"), and "occur" / "during" read as the question's
// framing, not as words the sentence must state.
import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answers/ask/question';
import { askOne } from './ask-one';

const ask = (text: string, question: string) => askOne(text, question, { undecided: true });

describe('when-questions read generally', () => {
  it('answers with a year before 1800 that the sentence gives as a time', () => {
    const r = ask('In 1607 Agnes Thorne patented a loom that wove wool by water power. The loom was copied widely.', 'In what year did Agnes Thorne patent her loom?');
    expect(r.ok && r.text).toBe('1607');
    const around = ask('The first tide mill of the estuary, built by the monks around 1480, ground corn for the town.', 'About what year did the monks build the first tide mill?');
    expect(around.ok && around.text).toBe('around 1480');
  });

  it('matches a past form of an irregular verb to the question\'s verb, so the sentence states the whole question', () => {
    const r = ask('By 1962, nearly all river barges had shrunk to half their former length.', 'By which year did the river barges shrink?');
    expect(r.ok && r.text).toBe('1962');
    expect(r.ok && r.answerClass).toBe('when');
  });

  it('takes "Department of Water" for the "Water Department" the member typed', () => {
    const r = ask('The council grew quickly, and in 1958 the Department of Water was created to run the reservoirs.', 'When was the Water Department created?');
    expect(r.ok && r.text).toBe('1958');
    expect(r.ok && r.raw).toBeGreaterThan(0);
    // Scattered words still name something else.
    const scattered = ask('In 1958 the Department of Health moved to the new Water Street offices.', 'When was the Water Department created?');
    expect(scattered.ok && scattered.raw).toBe(0);
  });

  it('reads "occur" and "during" as the question\'s framing', () => {
    const words = (q: string) => analyseQuestion(q).concepts.map((k) => k.text.toLowerCase());
    expect(words('When did the great flood occur?')).toEqual(['great', 'flood']);
    expect(words('During what year did the mill close?')).toEqual(['mill', 'close']);
    const r = ask('The great flood of the valley took place in March 1947, after a winter of heavy snow.', 'When did the great flood of the valley occur?');
    expect(r.ok && r.answerClass).toBe('when');
  });
});
