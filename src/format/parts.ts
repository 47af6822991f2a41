// The writers of inline parts (core/reply.ts, "Inline parts"): emphasis, links, mentions, and untrusted
// text carried as plain text, which the Discord renderer escapes and the console shows as it is. Every
// text given here loses its part delimiters first, so article or user text can never forge a part. Pure.
import { fitPlain, PART_DELIMITERS, type MentionKind, type PlainFit } from '../core/reply';
import { discordEscape, stripControls } from './text';

/** Untrusted text without invisible controls or part delimiters. */
export function cleanText(text: string): string {
  return stripControls(text).replace(PART_DELIMITERS, '');
}

/**
 * Article (or any untrusted) text as plain text: the Discord renderer escapes its markdown and makes its
 * mentions inert, the console shows it as it is; `fit` cuts it (and makes it one line) after that escaping.
 * Text that Discord's escape leaves as it is (no markdown, no mention) is carried bare: both transports show it as it is.
 */
export function safe(text: string, fit: PlainFit = {}): string {
  const clean = cleanText(text);
  if (discordEscape(clean) === clean) return fitPlain(clean, fit);
  const flags = `${fit.exact ? 'e' : ''}${fit.oneLine ? 'l' : ''}${fit.title ? 't' : ''}`;
  return `\uE002${fit.max ?? ''}${flags}\uE003${clean}\uE004`;
}

/** A quoted sentence as a block quote ("> " and the sentence on one line). */
export function quote(text: string, max = 600): string {
  return `> ${safe(text, { max, oneLine: true })}`;
}

/** Bold (Discord **…**; the console shows the words alone). */
export function bold(text: string): string {
  return `\uE005${text}\uE005`;
}

/** Italic (Discord *…*). */
export function italic(text: string): string {
  return `\uE006${text}\uE006`;
}

/** Inline code (Discord `…`); `text` must hold no backtick. */
export function code(text: string): string {
  return `\uE007${text}\uE007`;
}

/**
 * A link: Discord [text](url), the console "text (url)". The URL is not escaped (that would break it) but
 * cannot carry an @everyone or @here.
 */
export function link(text: string, url: string): string {
  return `\uE008${text}\uE009${cleanText(url).replace(/@(everyone|here)/gi, '%40$1')}\uE00A`;
}

/** Only a Discord id (digits) can be a mention; anything else is shown as the text it is. */
const mention = (kind: MentionKind, id: string) => (/^\d+$/.test(id) ? `\uE00B${kind}${id}\uE00C` : `${kind}${safe(id)}`);

/** A channel, by id (Discord <#id>). */
export const channelMention = (id: string) => mention('#', id);
/** A role, by id (Discord <@&id>); it pings only where the reply's pingRoleId allows it. */
export const roleMention = (id: string) => mention('@&', id);
/** A member, by id (Discord <@id>); it pings only where the reply's pingUserId allows it. */
export const userMention = (id: string) => mention('@', id);
