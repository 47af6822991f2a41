// Reads a file a user attached to a slash command. The URL comes from Discord (the interaction's resolved
// attachment), never from what a user typed, and only Discord's CDN hosts are fetched — or the API's own
// origin when DISCORD_API_URL points Herald at another Discord (a proxy, the test fake). The body is read
// up to the caller's bound and no further; redirects are not followed.
import type { AttachmentReader } from '../../core/transport-services';

const DISCORD_CDN = new Set(['cdn.discordapp.com', 'media.discordapp.net']);

export interface AttachmentReaderOptions {
  /** DISCORD_API_URL when set: its origin serves attachments too. */
  apiUrl?: string;
  timeoutMs?: number;
}

export class DiscordAttachments implements AttachmentReader {
  private readonly extraOrigin: string | undefined;

  constructor(private readonly options: AttachmentReaderOptions = {}) {
    this.extraOrigin = options.apiUrl ? new URL(options.apiUrl).origin : undefined;
  }

  allowed(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'https:' && DISCORD_CDN.has(parsed.hostname)) return true;
    return this.extraOrigin !== undefined && parsed.origin === this.extraOrigin;
  }

  async read(url: string, maxBytes: number): Promise<{ ok: true; data: Uint8Array; name: string } | { ok: false; reason: string }> {
    if (!this.allowed(url)) return { ok: false, reason: 'that is not a file attached in Discord' };
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? 'file');
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    } catch (error) {
      return { ok: false, reason: `Discord did not hand over the file (${(error as Error).message})` };
    }
    if (!response.ok || !response.body) return { ok: false, reason: `Discord did not hand over the file (HTTP ${response.status})` };
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const tooBig = () => ({ ok: false as const, reason: `the file is larger than ${Math.round(maxBytes / 1024)} KB` });
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return tooBig();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return tooBig();
      }
      chunks.push(value);
    }
    return { ok: true, data: Buffer.concat(chunks), name };
  }
}
