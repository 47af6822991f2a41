// What only a chat transport can provide to commands (the Discord gateway and HTTP transports implement
// these; the console has neither). Commands reach them as Services.channels and Services.attachments.

/** What only the chat transport can check: can the bot post embeds in that channel? */
export interface ChannelAccess {
  /** With `guildId`, a channel of another server is refused (a channel option can carry any id). */
  /** `forum`: a forum channel (announcements there are forum posts; nothing else posts in one). */
  canPostEmbeds(channelId: string, guildId?: string): Promise<{ ok: true; name?: string; forum?: boolean } | { ok: false; reason: string }>;
}

export interface AttachmentReader {
  /** The file behind an attachment option's value, at most `maxBytes` (larger: refused without reading on). */
  read(url: string, maxBytes: number): Promise<{ ok: true; data: Uint8Array; name: string } | { ok: false; reason: string }>;
}
