// Transport-neutral replies. Commands return these; the Discord and console transports render them.
// Text may contain timestamp parts (see TIMESTAMP_PART): each transport renders them its own way.

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

/**
 * A moment inside reply text: U+E000, the Unix seconds, ':', the style letter, U+E001 (private-use
 * characters no article or user text is left holding). Only src/format/dates.ts writes one
 * (timestampPart); the Discord renderer turns it into <t:UNIX:STYLE>, the console into the date's text.
 */
export const TIMESTAMP_PART = /\uE000(-?\d{1,13}):([tTdDfFR])\uE001/g;

/** Text with each timestamp part replaced by what render(unix, style) gives. */
export function renderTimestampParts(text: string, render: (unix: number, style: TimestampStyle) => string): string {
  return text.replace(TIMESTAMP_PART, (_m, unix: string, style: TimestampStyle) => render(Number(unix), style));
}
