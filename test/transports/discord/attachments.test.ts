// Attachment reads: only Discord's CDN (or the configured API's own origin) is fetched, the body is read
// up to the bound and no further, redirects are not followed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DiscordAttachments } from '../../../src/transports/discord/attachments';

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.startsWith('/attachments/big-chunked/')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 64; i++) res.write('x'.repeat(1024));
      res.end();
    } else if (req.url?.startsWith('/attachments/big-declared/')) {
      res.writeHead(200, { 'content-length': String(1024 * 1024) });
      res.end('x'.repeat(1024 * 1024));
    } else if (req.url?.startsWith('/attachments/moved/')) {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/x-opml' });
      res.end('<opml/>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('DiscordAttachments', () => {
  it("fetches only Discord's CDN over https, or the configured API's origin", () => {
    const reader = new DiscordAttachments();
    expect(reader.allowed('https://cdn.discordapp.com/attachments/1/2/feeds.opml')).toBe(true);
    expect(reader.allowed('https://media.discordapp.net/attachments/1/2/feeds.opml')).toBe(true);
    expect(reader.allowed('http://cdn.discordapp.com/attachments/1/2/feeds.opml')).toBe(false);
    expect(reader.allowed('https://cdn.discordapp.com.evil.example/a')).toBe(false);
    expect(reader.allowed('http://127.0.0.1/attachments/1/a')).toBe(false);
    expect(reader.allowed('not a url')).toBe(false);
    const viaProxy = new DiscordAttachments({ apiUrl: `${base}/api` });
    expect(viaProxy.allowed(`${base}/attachments/1/a.opml`)).toBe(true);
    expect(viaProxy.allowed('http://127.0.0.1:1/attachments/1/a.opml')).toBe(false);
  });

  it('reads a file within the bound and refuses larger ones, declared or not, and redirects', async () => {
    const reader = new DiscordAttachments({ apiUrl: `${base}/api` });
    expect(await reader.read(`${base}/attachments/1/feeds%20list.opml`, 1024)).toEqual({ ok: true, data: Buffer.from('<opml/>'), name: 'feeds list.opml' });
    expect(await reader.read(`${base}/attachments/big-chunked/f.opml`, 16 * 1024)).toEqual({ ok: false, reason: 'the file is larger than 16 KB' });
    expect(await reader.read(`${base}/attachments/big-declared/f.opml`, 16 * 1024)).toEqual({ ok: false, reason: 'the file is larger than 16 KB' });
    expect(await reader.read(`${base}/attachments/moved/f.opml`, 1024)).toMatchObject({ ok: false, reason: expect.stringContaining('did not hand over the file') });
    expect(await new DiscordAttachments().read(`${base}/attachments/1/f.opml`, 1024)).toEqual({ ok: false, reason: 'that is not a file attached in Discord' });
  });
});

describe('attachment options', () => {
  it('arrive as the URL Discord resolved, from discord.js options or raw HTTP interactions', async () => {
    const { flattenOptions } = await import('../../../src/transports/discord/interactions');
    const url = 'https://cdn.discordapp.com/attachments/1/2/feeds.opml';
    const sub = (option: { type: number; name: string; value?: string; attachment?: { url: string } }) => [{ type: 1, name: 'import', options: [option] }];
    expect(flattenOptions(sub({ type: 11, name: 'file', value: '9', attachment: { url } }))).toEqual({ subcommand: 'import', file: url });
    expect(flattenOptions(sub({ type: 11, name: 'file', value: '9' }), { attachments: { '9': { url } } })).toEqual({ subcommand: 'import', file: url });
    // An id Discord did not resolve gives no value (the command then asks for a file).
    expect(flattenOptions(sub({ type: 11, name: 'file', value: '8' }), { attachments: { '9': { url } } })).toEqual({ subcommand: 'import' });
  });
});
