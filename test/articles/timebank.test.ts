// TimeBank (../shared/eval/timebank): Herald's TIMEX3 date values against the gold annotations, with
// chrono-node on the same text as the anchor. The full figures come from `npm run eval -- timebank`.
import { describe, expect, it } from 'vitest';
import { readTimeml, scoreTimebank, timebankDocuments } from './timebank';

describe('TimeBank DATE values', () => {
  it('reads a TimeML document: creation date, plain text and gold spans', () => {
    const doc = readTimeml('x.tml', '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT><TEXT>\nIt fell <TIMEX3 tid="t1" type="DATE" value="1998-02-12">yesterday</TIMEX3> &amp; more.\n</TEXT>');
    expect(doc).toEqual({ file: 'x.tml', dct: '1998-02-13', text: '\nIt fell yesterday & more.\n', gold: [{ type: 'DATE', value: '1998-02-12', text: 'yesterday', start: 9, end: 18 }] });
  });

  it('scores F1 ≥ 83 on each half and ≥ 22 points above chrono-node on the whole, asserting no wrong publication year without the creation date', () => {
    const docs = timebankDocuments();
    if (!docs.ok) throw new Error(docs.error);
    expect(docs.documents.length).toBe(183);
    for (const half of [0, 1]) {
      const s = scoreTimebank(docs.documents.filter((_, i) => i % 2 === half));
      expect(s.herald.f1).toBeGreaterThanOrEqual(0.83);
    }
    const all = scoreTimebank(docs.documents);
    expect(all.herald.f1 - all.chrono.f1).toBeGreaterThanOrEqual(0.22);
    expect(all.undated.wrong).toEqual([]);
  }, 120_000);
});
