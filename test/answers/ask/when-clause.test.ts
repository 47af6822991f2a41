// A when-question's date is read from the clause that states the question's action, each of the
// question's words counted once there (a name written out in full counts as one name), and a full stop
// the sentence splitter missed ("… 1978.[3] On 2 May 1990, …") ends a clause.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';
import { clauseScore, yearSpan } from '../../../src/answers/ask/answer';
import { analyseQuestion } from '../../../src/answers/ask/question';
import { tokenize } from '../../../src/language/terms';

const now = new Date('2026-11-27T12:00:00Z');

function service(text: string) {
  const library = new MemoryLibrary();
  const parsed = parseArticle(`Test history\n\n${text}\n`, { now, origin: '/t.txt' });
  if (!parsed.ok) throw new Error('parse failed');
  library.upsert({ article: parsed.article, origin: '/t.txt', ingestedAt: now });
  return createAskService(library);
}

function best(text: string, question: string): string | null {
  const r = service(text).ask(question, { now, undecided: true }) as AskResult;
  return r.ok ? r.text : null;
}

describe('the date of a when-question', () => {
  it("takes the year of the clause with the question's action, not the one with more words of a name", () => {
    const text = 'Around 1850 Margaret Ellison and, separately, Tom Hale in 1851 built looms driven by water; Ellison obtained her loom patent in 1856.';
    expect(best(text, 'In what year did Margaret Ellison patent her loom?')).toBe('1856');
  });

  it('ends a clause at a full stop the sentence splitter left inside, after a citation mark', () => {
    const text = 'The harbour trust was founded in 1911, and the Coastal Shipping Act of 1923 followed.[citation needed] On 3 May 1962, the governor signed the Harbour Works Act, which funded the new quay.';
    expect(best(text, 'When was the Harbour Works Act signed?')).toBe('3 May 1962');
  });

  it('reads the date of a clause opened by "after" or "before" and an -ing verb for that clause\'s action', () => {
    const text = 'Leeds Rhinos will meet Wigan in the Challenge Cup final at Wembley on 9 June after beating Hull 40-6 in the semi-final on 12 May.';
    expect(best(text, 'When did Leeds Rhinos beat Hull?')).toBe('12 May');
    expect(best(text, 'When will Leeds Rhinos meet Wigan?')).toBe('9 June');
    const before = 'The minister resigned on 4 March, before facing a vote of no confidence on 11 March.';
    expect(best(before, 'When did the minister resign?')).toBe('4 March');
    expect(best(before, 'When was the minister to face a vote of no confidence?')).toBe('11 March');
  });

  it('counts each of the question\'s words once per clause, a name of two words as one name', () => {
    const question = analyseQuestion('When did Margaret Ellison patent her loom?');
    const text = 'Margaret Ellison built looms; Ellison obtained her patent in 1856.';
    const tokens = tokenize(text);
    const stems = new Set(tokens.map((t) => t.stem));
    const matched = question.concepts.filter((k) => k.stems.some((s) => stems.has(s)));
    const first = clauseScore({ text, tokens, matched }, 0);
    const second = clauseScore({ text, tokens, matched }, text.indexOf('1856'));
    expect(first).toBe(3); // the name (2) and "loom"
    expect(second).toBe(3); // the name (2) and "patent"
  });

  it('reads the season and the range a sentence writes around a bare year', () => {
    const text = 'A series of strikes by dock workers over the winter of 1968–69 closed the port for weeks.';
    expect(best(text, 'When did the dock strikes close the port?')).toBe('winter of 1968–69');
    expect(yearSpan('prices rose in 1990-1991 across', 15, '1990')).toEqual({ text: '1990-1991', endYear: '1991' });
    expect(yearSpan('in the summer of 1976 the', 17, '1976')).toEqual({ text: 'summer of 1976', endYear: undefined });
    // Not a range: a later number, a month, or nothing around the year.
    expect(yearSpan('from 1999-12 on', 5, '1999')).toBeNull();
    expect(yearSpan('in 1976, 12% of', 3, '1976')).toBeNull();
  });
});

describe('a direct answer needs every key word of the question in the sentence', () => {
  const text = 'The harbour board adopted the Dredging Rules in 1987, and every dredger in the estuary then needed a licence.';

  // Whether a class's answers are given at all is the calibration's call (calibration.ts); these read the
  // class an answer is measured in: its own type when the sentence states the question, "partial" when not.
  it('measures an answer from a sentence that states the whole question in its own class', () => {
    const r = service(text).ask('When did the harbour board adopt the Dredging Rules?', { now, undecided: true }) as AskResult;
    expect(r.ok && !r.quoteOnly && r.text).toBe('1987');
    expect(r.ok && r.answerClass).toBe('when');
  });

  it('gives no direct answer from a sentence lacking one of its words, though the year is right there', () => {
    const r = service(text).ask('When did the harbour board repeal the Dredging Rules?', { now }) as AskResult;
    expect(r.ok && !r.quoteOnly).toBe(false);
    const undecided = service(text).ask('When did the harbour board repeal the Dredging Rules?', { now, undecided: true }) as AskResult;
    expect(undecided.ok && undecided.answerClass).toBe('partial');
    // Read whatever the confidence, the answer is the same year: only the rule keeps it from being given.
    expect(best(text, 'When did the harbour board repeal the Dredging Rules?')).toBe('1987');
  });
});
