// Text for any message Herald sends (replies, reminders, announcements), whatever the transport: make
// untrusted text inert (controls, markdown, mentions) and shorten it honestly. Pure.

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

/**
 * Shortens to at most `max` characters and ends with "…". By default it prefers a line or sentence
 * boundary, then a word boundary; `exact` cuts at the limit (ids, titles, one-line labels).
 */
export function clip(text: string, max: number, mode: 'boundary' | 'exact' = 'boundary'): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  if (mode === 'exact') return `${text.slice(0, max - 1)}…`;
  const room = text.slice(0, max - 2);
  const line = room.lastIndexOf('\n');
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (line >= max / 2 && line >= sentenceEnd) return `${room.slice(0, line)}\n…`;
  if (sentenceEnd >= max / 2) return `${room.slice(0, sentenceEnd + 1)} …`;
  const space = room.lastIndexOf(' ');
  return `${space >= max / 2 ? room.slice(0, space) : room}…`;
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
