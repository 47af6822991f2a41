import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { safeFetch } from '../../src/net/safe-fetch';
import { classifyAddress, type AddressVerdict } from '../../src/net/address';
import { startFeedServer, type FeedServer } from '../feeds/feed-server';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.set('/feed.xml', { body: '<rss version="2.0"><channel><title>ok</title></channel></rss>' });
  server.set('/gz.xml', { body: gzipSync(Buffer.from('hello gzip')), headers: { 'content-encoding': 'gzip' }, etag: false });
  server.set('/bomb', { body: gzipSync(Buffer.alloc(30 * 1024 * 1024)), headers: { 'content-encoding': 'gzip' }, etag: false });
  server.set('/gone', { body: 'gone', status: 410, etag: false });
  server.set('/busy', { body: 'busy', status: 429, etag: false, headers: { 'retry-after': '120' } });
});
afterAll(() => server.close());

const open = { allowPrivate: true, timeoutMs: 3000, connectTimeoutMs: 2000 };
const guarded = { allowPrivate: false, timeoutMs: 3000 };

describe('safeFetch with the guard off (ALLOW_PRIVATE_FEEDS=true)', () => {
  it('fetches a body with its headers', async () => {
    const r = await safeFetch(`${server.base}/feed.xml`, open);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('<rss version="2.0"><channel><title>ok</title></channel></rss>');
    expect(r.headers.etag).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('returns 304 when the ETag still matches', async () => {
    const first = await safeFetch(`${server.base}/feed.xml`, open);
    const etag = first.ok ? (first.headers.etag as string) : '';
    const again = await safeFetch(`${server.base}/feed.xml`, { ...open, headers: { 'if-none-match': etag } });
    expect(again).toMatchObject({ ok: true, status: 304 });
    expect(server.log.at(-1)).toMatchObject({ path: '/feed.xml', ifNoneMatch: etag, status: 304 });
  });

  it('decodes gzip and bounds the decoded size (a compression bomb is refused)', async () => {
    const r = await safeFetch(`${server.base}/gz.xml`, open);
    expect(r.ok && r.body.toString()).toBe('hello gzip');
    const bomb = await safeFetch(`${server.base}/bomb`, { ...open, maxBytes: 5 * 1024 * 1024 });
    expect(bomb).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('aborts a 20 MB body beyond the 5 MB limit, declared or streamed', async () => {
    expect(await safeFetch(`${server.base}/huge`, open)).toMatchObject({ ok: false, kind: 'too-large', reason: 'response larger than 5242880 bytes' });
    expect(await safeFetch(`${server.base}/huge-declared`, open)).toMatchObject({ ok: false, kind: 'too-large', reason: 'response larger than 5242880 bytes (20971520 declared)' });
  });

  it('gives up on a response slower than the timeout', async () => {
    const r = await safeFetch(`${server.base}/slow`, { ...open, timeoutMs: 300 });
    expect(r).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('follows up to 5 redirects and refuses the sixth', async () => {
    const five = await safeFetch(`${server.base}/redirect/5/feed.xml`, open);
    expect(five).toMatchObject({ ok: true, status: 200, url: `${server.base}/feed.xml` });
    const six = await safeFetch(`${server.base}/redirect/6/feed.xml`, open);
    expect(six).toMatchObject({ ok: false, kind: 'redirects', reason: 'more than 5 redirects' });
  });

  it('reports HTTP errors and unreachable hosts', async () => {
    expect(await safeFetch(`${server.base}/gone`, open)).toMatchObject({ ok: false, kind: 'http', status: 410, reason: 'HTTP 410' });
    expect(await safeFetch(`${server.base}/missing`, open)).toMatchObject({ ok: false, kind: 'http', status: 404 });
    expect(await safeFetch(`${server.base}/busy`, open)).toMatchObject({ ok: false, kind: 'http', status: 429, reason: 'HTTP 429', retryAfterMs: 120_000 });
    const closed = await safeFetch('http://127.0.0.1:1/x', open);
    expect(closed).toMatchObject({ ok: false, kind: 'network' });
  });

  it('returns a failure instead of throwing when Node refuses a header', async () => {
    expect(await safeFetch(`${server.base}/feed.xml`, { ...open, headers: { 'if-none-match': 'bad\u0100' } })).toMatchObject({ ok: false, kind: 'network' });
  });

  it('fetches only http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/x', 'gopher://127.0.0.1:70/', 'data:text/plain,hi', 'not a url']) {
      expect((await safeFetch(url, open)) as { kind?: string }).toMatchObject({ ok: false, kind: 'bad-url' });
    }
  });
});

describe('safeFetch with the guard on (ALLOW_PRIVATE_FEEDS=false)', () => {
  it('refuses the loopback test server itself, without a request', async () => {
    const before = server.log.length;
    const r = await safeFetch(`${server.base}/feed.xml`, guarded);
    expect(r).toMatchObject({ ok: false, kind: 'refused', reason: '127.0.0.1 resolves to a loopback address (127.0.0.1); private addresses are not fetched' });
    expect(server.log.length).toBe(before);
  });

  it('refuses a public name that resolves to a private or metadata address, before connecting', async () => {
    const before = server.log.length;
    const resolveTo = (address: string) => async () => [{ address, family: address.includes(':') ? 6 : 4 }];
    for (const [address, reason] of [
      ['127.0.0.1', 'a loopback address'],
      ['10.0.0.7', 'a private address'],
      ['169.254.169.254', 'a cloud metadata address'],
      ['::1', 'a loopback address'],
      ['fd00:ec2::254', 'a cloud metadata address'],
    ]) {
      const r = await safeFetch(`http://news.example:${server.port}/feed.xml`, { ...guarded, resolve: resolveTo(address) });
      expect(r).toMatchObject({ ok: false, kind: 'refused' });
      if (!r.ok) expect(r.reason).toContain(reason);
    }
    expect(server.log.length).toBe(before);
  });

  it('refuses when any address of the name is private (no picking the public one of a mixed answer)', async () => {
    const r = await safeFetch('http://mixed.example/feed.xml', {
      ...guarded,
      resolve: async () => [
        { address: '93.184.215.14', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    expect(r).toMatchObject({ ok: false, kind: 'refused' });
  });

  // A stand-in for "a public name": the policy treats the test server's address as public only when it
  // was reached through the name public.example, so the per-hop checks run against a real server.
  const publicName = {
    resolve: async (host: string) => (host === 'public.example' ? [{ address: '127.0.0.1', family: 4 }] : []),
    policy: (address: string, host: string): AddressVerdict =>
      host === 'public.example' ? { allowed: true, address, family: 4 } : classifyAddress(address),
  };

  it('connects to the address it vetted, resolving each name once (no second lookup to rebind)', async () => {
    let calls = 0;
    const r = await safeFetch(`http://public.example:${server.port}/feed.xml`, {
      ...guarded,
      policy: publicName.policy,
      resolve: async (host) => (calls++ === 0 ? publicName.resolve(host) : [{ address: '10.9.9.9', family: 4 }]),
    });
    // public.example does not exist in DNS: reaching the server proves the socket used the vetted address.
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(calls).toBe(1);
  });

  it('refuses a redirect to 127.0.0.1 even when the first hop was allowed', async () => {
    server.set('/to-loopback', { body: '', status: 302, etag: false, headers: { location: `http://127.0.0.1:${server.port}/feed.xml` } });
    const before = server.log.length;
    const r = await safeFetch(`http://public.example:${server.port}/to-loopback`, { ...guarded, ...publicName });
    expect(r).toMatchObject({ ok: false, kind: 'refused', url: `http://127.0.0.1:${server.port}/feed.xml` });
    expect(server.log.slice(before).map((l) => l.path)).toEqual(['/to-loopback']);
  });

  it('refuses a redirect to the metadata address and to other schemes', async () => {
    server.set('/to-metadata', { body: '', status: 301, etag: false, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    server.set('/to-file', { body: '', status: 307, etag: false, headers: { location: 'file:///etc/passwd' } });
    expect(await safeFetch(`http://public.example:${server.port}/to-metadata`, { ...guarded, ...publicName })).toMatchObject({
      ok: false,
      kind: 'refused',
      reason: '169.254.169.254 resolves to a cloud metadata address (169.254.169.254); private addresses are not fetched',
    });
    expect(await safeFetch(`http://public.example:${server.port}/to-file`, { ...guarded, ...publicName })).toMatchObject({ ok: false, kind: 'bad-url' });
  });
});
