// Making article text safe and honest in a Discord message: strip invisible control characters,
// escape markdown, make mentions inert, and write dates as Discord timestamps plus plain text that
// says no more than the article does ("May 1992", "2011 (about)", "by 28 November 2024").
import { MONTH_NAMES } from '../language/calendar-words';
import type { ArticleEvent, EventStatus } from '../articles/model';
import type { Embed } from '../core/reply';

export const HERALD_COLOR = 0x2f6fb3;

// Zero-width characters, bidi embeddings/overrides/isolates, the Arabic letter mark, the BOM, and
// C0/C1 controls other than newline and tab: invisible text that can disguise or reorder a message.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

// Inline markdown everywhere; block markers (quote, heading, list) only where a line starts.
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
const BLOCK_MARKDOWN = /^([ \t]*)([>#-]|\d+\.)/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKDOWN, '\\$&').replace(BLOCK_MARKDOWN, (_m, space: string, marker: string) =>
    marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
  );
}

/** @everyone, @here, <@id>, <@!id>, <@&id>, <#id> → a zero-width space after "@"/"#" keeps them from resolving. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(?=\d)/g, '<$1\u200b');
}

/** Article (or any untrusted) text made inert for Discord: the one function every answer uses. */
export function safe(text: string): string {
  return neutraliseMentions(escapeMarkdown(stripControls(text)));
}

/** Shortens to at most `max` characters, preferring a line or sentence boundary, then a word boundary, and ends with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  const room = text.slice(0, max - 2);
  const line = room.lastIndexOf('\n');
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (line >= max / 2 && line >= sentenceEnd) return `${room.slice(0, line)}\n…`;
  if (sentenceEnd >= max / 2) return `${room.slice(0, sentenceEnd + 1)} …`;
  const space = room.lastIndexOf(' ');
  return `${space >= max / 2 ? room.slice(0, space) : room}…`;
}

/**
 * Keeps an embed within Discord's 6000-character total by shortening the longest field values
 * first: short values keep their length, the rest share what is left equally.
 */
export function fitEmbed(embed: Embed, total = 5900): Embed {
  const fields = embed.fields ?? [];
  const fixed = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.length ?? 0) + fields.reduce((n, f) => n + f.name.length, 0);
  let room = total - fixed;
  if (fields.reduce((n, f) => n + f.value.length, 0) <= room) return embed;
  const caps: number[] = new Array(fields.length).fill(0);
  const order = fields.map((_, i) => i).sort((a, b) => fields[a].value.length - fields[b].value.length);
  order.forEach((i, k) => {
    caps[i] = Math.max(1, Math.min(fields[i].value.length, Math.floor(room / (order.length - k))));
    room -= caps[i];
  });
  return { ...embed, fields: fields.map((f, i) => (f.value.length <= caps[i] ? f : { ...f, value: clip(f.value, caps[i]) })) };
}

const MONTHS = MONTH_NAMES;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function ymd(iso: string): Ymd {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

/** "2024-11-28" → "28 November 2024". */
export function dayText(iso: string): string {
  const { y, m, d } = ymd(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function atPrecision(iso: string, precision: ArticleEvent['precision']): string {
  const { y, m } = ymd(iso);
  if (precision === 'day') return dayText(iso);
  if (precision === 'month') return `${MONTHS[m - 1]} ${y}`;
  if (precision === 'year') return String(y);
  return `${y} (about)`;
}

/** Two dates joined by "–" or "or", sharing what they have in common: "9–10 July 2024", "4 or 5 April 2025". */
function pair(a: string, b: string, precision: ArticleEvent['precision'], joiner: string): string {
  const x = ymd(a);
  const y = ymd(b);
  if (precision === 'day' && x.y === y.y && x.m === y.m) return `${x.d}${joiner}${y.d} ${MONTHS[x.m - 1]} ${x.y}`;
  if (precision === 'day' && x.y === y.y) return `${x.d} ${MONTHS[x.m - 1]}${joiner}${y.d} ${MONTHS[y.m - 1]} ${x.y}`;
  const left = atPrecision(a, precision);
  const right = atPrecision(b, precision);
  return left === right ? left : `${left}${joiner}${right}`;
}

export type DatedEvent = Pick<ArticleEvent, 'date' | 'endDate' | 'precision' | 'qualifier'>;

/** The event's date in words, as precise as the article is and no more. */
export function eventDateText(event: DatedEvent): string {
  const { date, endDate, precision, qualifier } = event;
  switch (qualifier) {
    case 'by':
      return `by ${atPrecision(endDate, precision)}`;
    case 'about':
      return precision === 'approximate' ? atPrecision(date, precision) : `${atPrecision(date, precision)} (about)`;
    case 'range':
      return endDate === date ? atPrecision(date, precision) : pair(date, endDate, precision, '–');
    case 'alternative':
      return endDate === date ? atPrecision(date, precision) : pair(date, endDate, precision, ' or ');
    default:
      return atPrecision(date, precision);
  }
}

/** Noon UTC: a date-only instant that shows as the same calendar day from UTC−11 to UTC+11. */
export function unixNoon(iso: string): number {
  const { y, m, d } = ymd(iso);
  return Date.UTC(y, m - 1, d, 12) / 1000;
}

/** "<t:UNIX:D> (<t:UNIX:R>)": Discord shows the date and "2 years ago" in each reader's locale. */
export function discordDate(iso: string): string {
  const t = unixNoon(iso);
  return `<t:${t}:D> (<t:${t}:R>)`;
}

export function discordInstant(at: Date, style: 'f' | 'D' | 'R' = 'f'): string {
  return `<t:${Math.floor(at.getTime() / 1000)}:${style}>`;
}

/** Past, upcoming or today as of `now` (UTC calendar days); a range or deadline is "today" while it runs. */
export function eventStatus(event: Pick<ArticleEvent, 'date' | 'endDate'>, now: Date): EventStatus {
  const today = now.toISOString().slice(0, 10);
  if (today < event.date) return 'upcoming';
  if (today > event.endDate) return 'past';
  return 'today';
}

export function statusText(event: Pick<ArticleEvent, 'date' | 'endDate'>, now: Date): string {
  const status = eventStatus(event, now);
  if (status === 'today') return event.date === event.endDate ? 'today' : 'under way';
  return status;
}

/** The date an answer is "as of", for footers. */
export function asOf(now: Date): string {
  return `As of ${dayText(now.toISOString().slice(0, 10))}`;
}

/** A quoted sentence as a Discord block quote. */
export function quote(text: string, max = 600): string {
  return `> ${clip(safe(text).replace(/\s*\n\s*/g, ' '), max)}`;
}

/** "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
