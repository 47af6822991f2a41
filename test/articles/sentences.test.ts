// The body's structure, pass by pass (src/articles/sentences.ts): paragraphs between blank lines, the
// headline line or one taken from the first sentence, page furniture dropped.
import { describe, expect, it } from 'vitest';
import { paragraphBlocks, structureBody } from '../../src/articles/sentences';

describe('paragraphBlocks', () => {
  it('splits at blank lines (spaces, tabs and CRs only count as blank), trimmed, skipping empty runs', () => {
    const body = 'One line\nstill one.\n \t\r\nTwo.\n\n\n  Three.  \n';
    const blocks = paragraphBlocks(body, 0, body.length).map((b) => body.slice(b.start, b.end));
    expect(blocks).toEqual(['One line\nstill one.', 'Two.', 'Three.']);
  });

  it('stops at the given end', () => {
    const body = 'One.\n\nTwo.\n\nThree.';
    expect(paragraphBlocks(body, 0, body.indexOf('Three')).map((b) => body.slice(b.start, b.end))).toEqual(['One.', 'Two.']);
  });
});

describe('structureBody', () => {
  it('takes the first line as the headline and drops a paragraph that repeats it', () => {
    const s = structureBody('# Council sets budget vote\n\nCouncil sets budget vote\n\nThe council will vote on Monday. It said so.');
    expect([s.headline, s.headlineSynthesised, s.paragraphs.map((p) => p.text), s.sentences.map((x) => x.text)]).toEqual([
      'Council sets budget vote',
      false,
      ['The council will vote on Monday. It said so.'],
      ['The council will vote on Monday.', 'It said so.'],
    ]);
    expect(s.warnings).toEqual(['dropped a line that repeats the headline (page furniture)']);
  });

  it('takes the headline from the first sentence when the first line reads like body text', () => {
    const s = structureBody('The council will vote on the new budget on Monday, the mayor said in a statement. It said so.');
    expect([s.headlineSynthesised, s.headline, s.paragraphs.length, s.sentences.length]).toEqual([
      true,
      'The council will vote on the new budget on Monday, the mayor said in a statement.',
      1,
      2,
    ]);
  });
});

describe('sentence ends after a single capital', () => {
  const sentences = (body: string) => structureBody(`Results\n\n${body}`).sentences.map((x) => x.text);

  it('keeps a middle initial "P." inside the sentence, though a lower-case "p." before a number is a page', () => {
    expect(sentences('Daniel P. Davison, the chairman, said profits rose. Shares fell.')).toEqual([
      'Daniel P. Davison, the chairman, said profits rose.',
      'Shares fell.',
    ]);
    expect(sentences('The figure is on p. 4 of the report. It was revised.')).toEqual(['The figure is on p. 4 of the report.', 'It was revised.']);
  });

  it('still ends a sentence at a capital letter before a word that opens one', () => {
    expect(sentences('The plan was called Option B. The council rejected it.')).toEqual(['The plan was called Option B.', 'The council rejected it.']);
  });
});
