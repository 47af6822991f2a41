// The phrase a what/which question asks for, read out of the quoted sentence by aligning the question's
// words (span.ts). Sentences written for this test, not taken from any benchmark.
import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answers/ask/question';
import { spanAnswer, whHead } from '../../../src/answers/ask/span';
import { tokenize } from '../../../src/language/terms';

/** The sentence with the question's words marked where they occur, as answer.ts prepares a candidate. */
function read(question: string, sentence: string): string | undefined {
  const q = analyseQuestion(question);
  const tokens = tokenize(sentence);
  const focus: number[] = [];
  tokens.forEach((t, i) => {
    if (q.concepts.some((k) => k.stems.includes(t.stem))) focus.push(i);
  });
  return spanAnswer(q, { text: sentence, tokens, focus, entityAt: [] })?.text;
}

describe('what/which answers as the phrase in the question\'s slot', () => {
  it('takes the phrase next to the aligned words that the question does not say', () => {
    expect(read('What do the old mills burn as fuel?', 'Most of the old mills burn peat bricks as fuel in winter.')).toBe('peat bricks');
    expect(read('What is the ferry similar to?', 'The ferry is similar to a floating bridge and carries twelve cars.')).toBe('floating bridge');
  });

  it('keeps the head noun a "what <noun>" question names, and leaves it out of "what type of <noun>"', () => {
    expect(read('What device keeps the greenhouse warm at night?', 'At night a paraffin heater keeps the greenhouse warm.')).toBe('paraffin heater');
    expect(read('What type of glass is used in the new windows?', 'The new windows use a laminated safety glass throughout.')).toBe('laminated safety');
    expect(whHead(analyseQuestion('What kind of boats sail there?'))).toEqual({ head: 'boats', kind: true });
  });

  it('takes the neighbour in a list for "along with X, what …"', () => {
    expect(read('Along with wheat, what crop do the farmers grow?', 'The farmers grow wheat and barley on the upper fields, far from the river.')).toBe('barley');
  });

  it('gives the numeral alone for "what century", the demonym for "what nationality"', () => {
    expect(read('In what century was the chapel built?', 'The chapel was built in the early 14th century by local masons.')).toBe('14th');
    expect(read('What nationality was Anna Holt?', 'The bridge was designed by Anna Holt, a Norwegian engineer.')).toBe('Norwegian');
  });

  it('does not take a verb or an adverb for the phrase', () => {
    const answer = read('What did the council approve?', 'The council quickly approved a smaller budget for the harbour.');
    expect(answer).toBe('smaller budget');
  });

  it('gives nothing when none of the question is in the sentence', () => {
    expect(read('What did the council approve?', 'Rain fell all week.')).toBeUndefined();
  });
});

describe('"Name a …" asks for one phrase', () => {
  it('is a what-question headed by the noun named, not a list', () => {
    const q = analyseQuestion('Name a river that floods the valley.');
    expect(q.type).toBe('what');
    expect(q.head).toBe('river');
  });
});
