// Transport-neutral replies. Commands return these; the Discord and console transports render them.
// Reply text is plain text with inline parts in it (see "Inline parts" below): each transport renders them its own way.

import { clip } from '../format/text';

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
  /** One item a line: where Discord's limits cut it, whole items go and "…and N more" says how many. */
  list?: boolean;
}

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: EmbedField[];
  footer?: string;
  /** ISO timestamp shown by Discord in the footer line. */
  timestamp?: string;
  color?: number;
}

export interface Button {
  /** Routed back to the command that produced it: "<command>:<anything>". */
  customId: string;
  label: string;
  disabled?: boolean;
}

/** A file sent with the reply (the /timeline picture). Discord uploads it; the console writes it to a file. */
export interface Attachment {
  /** File name with extension, e.g. "timeline.png". */
  name: string;
  contentType: string;
  data: Uint8Array;
  /** Alt text: what the file shows, for screen readers. */
  description?: string;
}

export interface Reply {
  content?: string;
  embeds?: Embed[];
  /** One row of buttons (paging). */
  buttons?: Button[];
  /** More rows below it (Remind me under each upcoming event): Discord shows at most 5 rows of 5 in all. */
  buttonRows?: Button[][];
  /** Only the caller sees it (user mistakes, errors, admin output). */
  ephemeral?: boolean;
  /** Role that may be pinged; only set from a subscription an admin configured. Everything else never pings. */
  pingRoleId?: string;
  /** The one member a message may ping: only their own reminder, posted in a channel because their DMs are closed. */
  pingUserId?: string;
  attachments?: Attachment[];
  /**
   * The same reply with what takes longer added (the /timeline picture), or undefined to leave it as sent.
   * Transports send the reply at once and edit it when this settles (Discord allows editing an interaction's
   * reply for 15 minutes); it never rejects.
   */
  update?: Promise<Reply | undefined>;
}

export interface Choice {
  name: string;
  value: string;
}

export const userError = (message: string): Reply => ({ content: message, ephemeral: true });

/** The styles a timestamp part may ask for (Discord's letters: t T d D f F R). */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

// ── Inline parts ─────────────────────────────────────────────────────────────────────────────────────
// Reply text carries no markup of any transport. What is more than plain text — a moment, emphasis, a
// link, a mention, and untrusted text the Discord renderer must escape — is an inline part, written only
// by src/format/parts.ts (and timestampPart in src/format/dates.ts) and delimited by private-use
// characters U+E000–U+E00F, which those writers strip from every text they are given, so article or user
// text can never forge a part:
//   timestamp     U+E000 unix ':' style U+E001
//   plain text    U+E002 fit U+E003 text U+E004   (fit: [max][e = cut exactly][l = one line][t = title])
//   bold, italic, code      U+E005 … U+E005, U+E006 … U+E006, U+E007 … U+E007
//   link          U+E008 text U+E009 url U+E00A
//   mention       U+E00B ('#' | '@&' | '@') digits U+E00C
// Parts nest (bold around plain text, a link's text); a plain part holds no other part.

/** Every part delimiter: stripped from untrusted text before it goes into a reply. */
export const PART_DELIMITERS = /[\uE000-\uE00F]/g;

/** How a plain-text part is fitted: cut to `max` (as clip does) after the transport's escaping. */
export interface PlainFit {
  max?: number;
  /** Cut exactly at max rather than at a line, sentence or word boundary. */
  exact?: boolean;
  /** Line breaks (and the spaces around them) become one space, after escaping (a one-line quote). */
  oneLine?: boolean;
  /** Shown where Discord renders no markdown (an embed title): mentions made inert, markdown left unescaped. */
  title?: boolean;
}

export type MentionKind = '#' | '@&' | '@';

/** How one transport shows each part; renderParts applies it to reply text. */
export interface PartRenderer {
  timestamp(unix: number, style: TimestampStyle): string;
  /** Untrusted text as this transport shows it (Discord: escaped, mentions inert); fitted afterwards. */
  plain(text: string, fit: PlainFit): string;
  mention(kind: MentionKind, id: string): string;
  bold: string;
  italic: string;
  code: string;
  /** What stands before a link's text, between its text and its URL, and after the URL. */
  link: readonly [string, string, string];
}

const PART =
  /\uE000(-?\d{1,13}):([tTdDfFR])\uE001|\uE002(\d*)([elt]*)\uE003([^\uE000-\uE00F]*)\uE004|\uE00B(#|@&|@)(\d+)\uE00C|([\uE005-\uE00A])/g;

/** Text made one line and cut as `fit` asks (after the transport's escaping, so the cut counts what is shown). */
export function fitPlain(text: string, fit: PlainFit): string {
  const line = fit.oneLine ? text.replace(/\s*\n\s*/g, ' ') : text;
  return fit.max !== undefined ? clip(line, fit.max, fit.exact ? 'exact' : 'boundary') : line;
}

/** Reply text as one transport shows it: every part rendered by `r`. */
export function renderParts(text: string, r: PartRenderer): string {
  return text.replace(PART, (_m, unix?: string, style?: TimestampStyle, max?: string, flags?: string, plain?: string, kind?: MentionKind, id?: string, marker?: string) => {
    if (unix !== undefined) return r.timestamp(Number(unix), style!);
    if (plain !== undefined) {
      const fit: PlainFit = { ...(max ? { max: Number(max) } : {}), exact: flags!.includes('e'), oneLine: flags!.includes('l'), title: flags!.includes('t') };
      return fitPlain(r.plain(plain, fit), fit);
    }
    if (kind !== undefined) return r.mention(kind, id!);
    switch (marker) {
      case '\uE005':
        return r.bold;
      case '\uE006':
        return r.italic;
      case '\uE007':
        return r.code;
      case '\uE008':
        return r.link[0];
      case '\uE009':
        return r.link[1];
      default:
        return r.link[2];
    }
  });
}
