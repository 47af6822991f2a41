// Transport-neutral replies. Commands return these; the Discord and console transports render them.
// Text may contain Discord timestamp tokens (<t:UNIX:D>, <t:UNIX:R>); the console renders them as dates.

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
