// Replies as terminal text: title, description, fields, footer and buttons; inline parts become plain
// text — timestamps readable dates ("28 November 2024 (2 years ago)"), links "text (url)", emphasis the words alone.
import { renderParts, type Button, type PartRenderer, type Reply } from '../../core/reply';
import { MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS } from '../../language/calendar-words';
import { stripTerminalControls } from '../../format/text';
const pad = (n: number) => String(n).padStart(2, '0');

/** What Discord shows for "R" (in English, UTC). */
export function relativeText(at: Date, now: Date): string {
  const seconds = (at.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  const days = abs / 86_400;
  const [amount, unit] =
    abs < 60 ? [Math.round(abs), 'second'] :
    abs < 3600 ? [Math.round(abs / 60), 'minute'] :
    abs < 86_400 ? [Math.round(abs / 3600), 'hour'] :
    days < 30 ? [Math.round(days), 'day'] :
    days < 365 ? [Math.max(1, Math.round(days / 30.44)), 'month'] :
    [Math.round(days / 365.25), 'year'];
  const phrase = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
  return seconds < 0 ? `${phrase} ago` : `in ${phrase}`;
}

export function timestampText(unix: number, style: string, now: Date): string {
  const d = new Date(unix * 1000);
  if (Number.isNaN(d.getTime())) return String(unix);
  const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  switch (style) {
    case 'R':
      return relativeText(d, now);
    case 'D':
      return day;
    case 'd':
      return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    case 't':
      return `${time} UTC`;
    case 'T':
      return `${time}:${pad(d.getUTCSeconds())} UTC`;
    case 'F':
      return `${WEEKDAYS[d.getUTCDay()]}, ${day} ${time} UTC`;
    default:
      return `${day} ${time} UTC`;
  }
}

const MENTION_TEXT = { '#': '#', '@&': '@role:', '@': '@user:' } as const;

/** Reply text as terminal text: each inline part as words a reader can take in. */
export function plainText(text: string, now: Date): string {
  const parts: PartRenderer = {
    timestamp: (unix, style) => timestampText(unix, style, now),
    plain: (t) => t,
    mention: (kind, id) => `${MENTION_TEXT[kind]}${id}`,
    bold: '',
    italic: '',
    code: '',
    link: ['', ' (', ')'],
  };
  return renderParts(text, parts);
}

function indent(text: string): string {
  return text.split('\n').map((l) => `  ${l}`).join('\n');
}

/** The reply as terminal text, with nothing a terminal would take as a control sequence. */
export function renderReplyText(reply: Reply, now: Date): string {
  return stripTerminalControls(replyText(reply, now));
}

function replyText(reply: Reply, now: Date): string {
  const blocks: string[] = [];
  if (reply.content) blocks.push(plainText(reply.content, now));
  for (const embed of reply.embeds ?? []) {
    const lines: string[] = [];
    if (embed.title) {
      const title = plainText(embed.title, now);
      lines.push(title, '─'.repeat(Math.min(title.length, 72)));
    }
    if (embed.url) lines.push(embed.url);
    if (embed.description) lines.push(plainText(embed.description, now));
    for (const f of embed.fields ?? []) lines.push('', plainText(f.name, now), indent(plainText(f.value, now)));
    if (embed.footer) lines.push('', plainText(embed.footer, now));
    blocks.push(lines.join('\n'));
  }
  // Buttons as numbered choices: typing the number presses it (the console's stand-in for a click).
  const rows = [reply.buttons ?? [], ...(reply.buttonRows ?? [])].filter((row) => row.length > 0);
  if (rows.length) {
    let n = 0;
    const shown = rows.map((row) => row.map((b) => (b.disabled ? `(${b.label})` : `[${++n}] ${b.label}`)).join(rows.length > 1 || row.length > 1 ? '  ' : ' '));
    if (n > 0) shown.push(`Type a number to press that button.`);
    blocks.push(shown.join('\n'));
  }
  return blocks.join('\n\n');
}

/** The buttons a console user can press, in the numbering renderReplyText shows (from 1). */
export function pressableButtons(reply: Reply): Button[] {
  return [...(reply.buttons ?? []), ...(reply.buttonRows ?? []).flat()].filter((b) => !b.disabled);
}
