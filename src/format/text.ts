// Text for any message Herald sends (replies, reminders, announcements), whatever the transport: strip
// invisible controls, shorten honestly, and the escaping the Discord renderer applies to plain-text parts
// (format/parts.ts; feed templates, Discord markdown by design, use it too). Pure.

export const HERALD_COLOR = 0x2f6fb3;

// C0 controls but tab and newline, DEL and C1 controls: what starts a terminal's escape sequences (ESC, CSI, OSC).
const C0_C1 = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
const TERMINAL_CONTROLS = new RegExp(`[${C0_C1}]`, 'g');
// And zero-width characters, bidi embeddings/overrides/isolates, the Arabic letter mark and the BOM: invisible
// text that can disguise or reorder a message.
const CONTROLS = new RegExp(`[${C0_C1}\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff]`, 'g');

export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/**
 * Text for a terminal, with nothing it would take as a control sequence: article and feed text written to
 * the operator's terminal could otherwise clear the screen, set the window title or plant a hidden link.
 * Zero-width and bidi characters stay (a terminal draws emoji sequences with them).
 */
export function stripTerminalControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, '');
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

/**
 * Shortens to at most `max` characters and ends with "…". By default it prefers a line or sentence
 * boundary, then a word boundary; `exact` cuts at the limit (ids, titles, one-line labels). Never splits
 * a surrogate pair, and closes a code block it cut open.
 */
/** Plain text as Discord shows it literally: markdown escaped and mentions made inert. */
export function discordEscape(text: string): string {
  return neutraliseMentions(escapeMarkdown(text));
}

export function clip(text: string, max: number, mode: 'boundary' | 'exact' = 'boundary'): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  if (mode === 'exact') return `${safeSlice(text, max - 1)}…`;
  const fence = '\n```';
  let out = cutAt(text, max);
  if (countFences(out) % 2 === 1) out = `${cutAt(text, max - fence.length)}${fence}`;
  return out.length <= max ? out : `${safeSlice(text, max - 1)}…`;
}

function cutAt(text: string, max: number): string {
  if (max <= 2) return '…'.slice(0, Math.max(max, 0));
  const room = text.slice(0, max - 2);
  const line = room.lastIndexOf('\n');
  const sentenceEnd = Math.max(room.lastIndexOf('. '), room.lastIndexOf('! '), room.lastIndexOf('? '));
  if (line >= max / 2 && line >= sentenceEnd) return `${room.slice(0, line)}\n…`;
  if (sentenceEnd >= max / 2) return `${room.slice(0, sentenceEnd + 1)} …`;
  const space = room.lastIndexOf(' ');
  return `${space >= max / 2 ? room.slice(0, space) : safeSlice(text, max - 2)}…`;
}

/** The first `n` UTF-16 units, one fewer when the last would be half of a surrogate pair. */
function safeSlice(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, n - 1) : text.slice(0, n);
}

function countFences(text: string): number {
  return text.split('```').length - 1;
}

/** "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
