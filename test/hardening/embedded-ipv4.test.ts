// Red-team scenario: http://[::127.0.0.1]/ — the URL parser turns it into [::7f00:1] (IPv4-compatible
// IPv6), which the address check used to allow. Every IPv6 form that carries an IPv4 address is judged
// by that address; the tunnel forms stay refused whatever they carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../src/net/address';
import { safeFetch } from '../../src/net/safe-fetch';
import { startFeedServer, type FeedServer } from '../feeds/feed-server';

describe('IPv6 forms that embed an IPv4 address', () => {
  it.each([
    // [form, literal, reason]
    ['IPv4-compatible, as the URL parser writes [::127.0.0.1]', '::7f00:1', 'a loopback address (embedded in ::7f00:1)'],
    ['IPv4-compatible, dotted', '::127.0.0.1', 'a loopback address'],
    ['IPv4-compatible, private', '::a00:1', 'a private address (embedded in ::a00:1)'],
    ['IPv4-compatible, metadata', '::a9fe:a9fe', 'a cloud metadata address (embedded in ::a9fe:a9fe)'],
    ['IPv4-compatible, unspecified 0.0.0.2', '::2', 'an unspecified address (embedded in ::2)'],
    ['IPv4-mapped', '::ffff:7f00:1', 'a loopback address'],
    ['IPv4-mapped, fully written', '0:0:0:0:0:ffff:7f00:1', 'a loopback address'],
    ['IPv4-translated (SIIT)', '::ffff:0:7f00:1', 'a loopback address (embedded in ::ffff:0:7f00:1)'],
    ['IPv4-translated, private', '::ffff:0:c0a8:101', 'a private address (embedded in ::ffff:0:c0a8:101)'],
    ['NAT64 well-known prefix', '64:ff9b::7f00:1', 'a loopback address (embedded in 64:ff9b::7f00:1)'],
    ['NAT64 well-known prefix, metadata', '64:ff9b::a9fe:a9fe', 'a cloud metadata address (embedded in 64:ff9b::a9fe:a9fe)'],
    ['NAT64 local-use prefix (RFC 8215)', '64:ff9b:1::808:808', 'a local-use NAT64 address'],
    ['ISATAP interface id', '2a00:1::5efe:7f00:1', 'a loopback address (embedded in 2a00:1::5efe:7f00:1)'],
    ['ISATAP interface id, universal bit', '2a00:1::200:5efe:a00:1', 'a private address (embedded in 2a00:1::200:5efe:a00:1)'],
    ['6to4 of a public address', '2002:808:808::1', 'a 6to4 tunnel address'],
    ['6to4 of loopback', '2002:7f00:1::1', 'a 6to4 tunnel address'],
    ['Teredo', '2001:0:4136:e378:8000:63bf:3fff:fdd2', 'a Teredo tunnel address'],
  ])('%s: %s is refused as %s', (_form, literal, reason) => {
    expect(classifyAddress(literal)).toMatchObject({ allowed: false, reason });
  });

  it.each([
    ['IPv4-compatible of a public address', '::808:808', 6],
    ['IPv4-mapped of a public address', '::ffff:808:808', 4],
    ['IPv4-translated of a public address', '::ffff:0:808:808', 6],
    ['NAT64 of a public address', '64:ff9b::808:808', 6],
    ['ISATAP of a public address', '2a00:1::5efe:808:808', 6],
  ])('%s (%s) is allowed', (_form, literal, family) => {
    expect(classifyAddress(literal)).toMatchObject({ allowed: true, family });
  });
});

describe('a feed URL with an embedded loopback address', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.set('/feed.xml', { body: '<rss version="2.0"><channel><title>ok</title></channel></rss>' });
  });
  afterAll(() => server.close());

  for (const host of ['[::127.0.0.1]', '[::7f00:1]', '[::ffff:0:127.0.0.1]', '[64:ff9b::127.0.0.1]']) {
    it(`http://${host}/ is refused before any connection`, async () => {
      const before = server.log.length;
      const port = new URL(server.base).port;
      const r = await safeFetch(`http://${host}:${port}/feed.xml`, { allowPrivate: false, timeoutMs: 3000 });
      expect(r).toMatchObject({ ok: false, kind: 'refused' });
      if (!r.ok) expect(r.reason).toMatch(/loopback/);
      expect(server.log.length).toBe(before);
    });
  }
});
