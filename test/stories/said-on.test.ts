// "…, the minister said on Wednesday": the weekday of an attribution is when something was said, not a new
// date for the happening the sentence reports (issue 12). A follow-up article quoting someone on another day
// must not move the event's date.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { movedEvents, signature } from '../../src/stories/link';

const now = new Date('2026-11-20T12:00:00Z');
function parse(text: string) {
  const r = parseArticle(text, { now, origin: 'test' });
  if (!r.ok) throw new Error(r.error);
  return r.article;
}

const older = parse(`---
published: 2026-11-16
---
Harbour bridge vote set

The council will vote on the harbour bridge plan on 14 December 2026.
`);

describe('a date of saying', () => {
  it('is no date move for the happening the sentence reports', () => {
    const newer = parse(`---
published: 2026-11-19
---
Harbour bridge vote confirmed

The council will vote on the harbour bridge plan, its leader said on Wednesday.
`);
    const said = newer.events.find((e) => e.expression.includes('Wednesday'));
    expect(said).toMatchObject({ date: '2026-11-18', saidOn: true });
    expect(movedEvents(signature(older), signature(newer))).toEqual([]);
  });

  it('keeps a real move, and the weekday of a happening that is not an attribution', () => {
    const newer = parse(`---
published: 2026-11-19
---
Harbour bridge vote moved

The council will vote on the harbour bridge plan on Wednesday 2 December 2026, its leader said.
`);
    expect(newer.events.find((e) => e.date === '2026-12-02')?.saidOn).toBeUndefined();
    expect(movedEvents(signature(older), signature(newer)).map((m) => [m.from, m.to])).toEqual([['2026-12-14', '2026-12-02']]);
  });
});
