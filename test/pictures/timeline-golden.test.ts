// The /timeline picture of a fixed story draws to fixed pixels: a change meant to make drawing cheaper or
// sliced (issue 17) must not change one pixel. The digest is of the decoded pixels, not of the PNG file, so
// another zlib's deflate output does not fail it; only a deliberate change of the picture should.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PngRenderer } from '../../src/pictures/png';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import type { TimelineEventInput, TimelineInput } from '../../src/pictures/timeline-layout';
import { Typesetter } from '../../src/pictures/glyphs';
import { decodePng } from './png-decode';

const NOW = new Date('2026-11-27T12:00:00Z');

function event(id: string, date: string, endDate: string, precision: TimelineEventInput['precision'], description: string, source: number, extra: Partial<TimelineEventInput> = {}): TimelineEventInput {
  return { id, date, endDate, precision, qualifier: 'on', dateText: date, description, uncertainYear: false, source, ...extra };
}

/** A made-up story of three reports: points, spans, a deadline, an uncertain year, kerning, a ligature and Arabic. */
const FIXED_STORY: TimelineInput = {
  events: [
    event('a', '2025-03-04', '2025-03-04', 'day', 'The Avon Water Board first floated the plan', 0),
    event('b', '2026-01-01', '2026-12-31', 'year', 'Officials said the office would be staffed “soon”', 1, { uncertainYear: true }),
    event('c', '2026-11-27', '2026-11-27', 'day', 'Ministers finished the review in Vienna', 2),
    event('d', '2027-02-01', '2027-02-28', 'month', 'The council in مدينة votes on the budget', 1),
    event('e', '2027-05-20', '2027-06-30', 'day', 'Deadline for the final filings', 0, { qualifier: 'by', dateText: 'by 30 June 2027' }),
  ],
  sources: [
    { headline: 'Water board to open office in Avon', detail: 'Wire · 4 March 2025' },
    { headline: 'Office plan moves ahead', detail: 'Courier · 2 June 2026' },
    { headline: 'Review finished, vote next', detail: 'Ledger · 27 November 2026' },
  ],
  now: NOW,
  story: true,
};

const pixelDigest = (png: Uint8Array) => createHash('sha256').update(decodePng(png).pixels).digest('hex').slice(0, 16);

describe('timeline picture of a fixed story', () => {
  it.each([
    ['dark', 'f81773bca85745d0'],
    ['light', '875b32d24a59f24d'],
  ] as const)('draws the same pixels as before (%s)', async (theme, digest) => {
    const picture = await new TimelinePictures(new PngRenderer(), new Typesetter()).render(FIXED_STORY, theme);
    expect(pixelDigest(picture.attachment.data)).toBe(digest);
  });
});
