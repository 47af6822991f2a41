// The interactions endpoint the way Discord calls it: real HTTP to 127.0.0.1, requests signed with a real
// Ed25519 key pair made by the test suite (the fake Discord's). Anything not signed by that key, tampered
// with, too old, too new, replayed or too large is refused before Herald reads it; PING gets PONG.
import { generateKeyPairSync, sign } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_TIMESTAMP_SKEW_MS } from '../../../src/transports/http/verify';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord';
import { pingInteraction, startHttpBot, type HttpBot } from './harness';

let fake: FakeDiscord;
let bot: HttpBot;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = await startHttpBot(fake, { refusalLogMs: 0 });
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
});

const pingCommand = () => pingInteraction(fake);

async function post(body: string | Buffer, headers: Record<string, string>, path = '/interactions'): Promise<{ status: number; text: string }> {
  const res = await fetch(new URL(path, bot.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text() };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const answered = () => bot.logs.filter((l) => l.includes('"msg":"command answered"')).length;

describe('the interactions endpoint', () => {
  it('answers PING with PONG (Discord checks this when the endpoint URL is saved)', async () => {
    expect(await fake.pingEndpoint()).toEqual({ status: 200, body: { type: 1 } });
  });

  it('answers a correctly signed command inline', async () => {
    const body = pingCommand();
    const res = await post(body, fake.signInteraction(body));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ type: 4, data: { content: 'pong', embeds: [], components: [], allowed_mentions: { parse: [] } } });
  });

  it('refuses with 401 whatever is not signed by the application key, before reading it', async () => {
    const before = answered();
    const refusedBefore = bot.logs.filter((l) => l.includes('interaction request refused')).length;
    const body = pingCommand();
    const good = fake.signInteraction(body);
    // No signature headers at all, or one of them.
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { 'x-signature-ed25519': good['x-signature-ed25519'] })).status).toBe(401);
    expect((await post(body, { 'x-signature-timestamp': good['x-signature-timestamp'] })).status).toBe(401);
    // A body changed after signing (one character: the command's name).
    expect((await post(body.replace('"name":"ping"', '"name":"pong"'), good)).status).toBe(401);
    // A timestamp changed after signing.
    expect((await post(body, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) })).status).toBe(401);
    // Signed with another key pair (an attacker's).
    const other = generateKeyPairSync('ed25519').privateKey;
    const ts = String(nowSeconds());
    expect((await post(body, { 'x-signature-ed25519': sign(null, Buffer.from(ts + body), other).toString('hex'), 'x-signature-timestamp': ts })).status).toBe(401);
    // Not hex, wrong length.
    expect((await post(body, { 'x-signature-ed25519': 'zz'.repeat(64), 'x-signature-timestamp': ts })).status).toBe(401);
    // Garbage that is not even JSON is refused for its signature, not for its syntax: nothing parsed it.
    const refused = await post('{{{ not json', {});
    expect(refused).toEqual({ status: 401, text: 'invalid request signature\n' });
    expect(answered()).toBe(before);
    expect(bot.logs.filter((l) => l.includes('interaction request refused')).length - refusedBefore).toBe(8); // this bot logs every refusal
  });

  it('logs a flood of forged requests as one line per interval with the count', async () => {
    const quiet = await startHttpBot(fake, { refusalLogMs: 300 });
    try {
      const refusedLines = () => quiet.logs.filter((l) => l.includes('interaction request refused'));
      const forge = () => fetch(quiet.url, { method: 'POST', headers: { 'x-signature-ed25519': 'ab'.repeat(64), 'x-signature-timestamp': String(nowSeconds()) }, body: '{}' });
      const started = performance.now();
      for (let i = 0; i < 20; i++) expect((await forge()).status).toBe(401);
      const took = performance.now() - started;
      await new Promise((r) => setTimeout(r, 350));
      await forge();
      // Every refusal is accounted for: logged, or counted in the next line.
      const lines = refusedLines().map((l) => JSON.parse(l));
      expect(lines.length + lines.reduce((sum, l) => sum + (l.alsoRefusedSinceLastLine ?? 0), 0)).toBe(21);
      expect(lines.length).toBeLessThanOrEqual(Math.ceil(took / 300) + 2);
      expect(lines.length).toBeLessThan(21);
    } finally {
      await quiet.stop();
      fake.useInteractionsEndpoint(bot.url);
    }
  });

  it('refuses a signed request whose timestamp is stale or in the future', async () => {
    const before = answered();
    const window = MAX_TIMESTAMP_SKEW_MS / 1000;
    for (const ts of [nowSeconds() - window - 5, nowSeconds() + window + 5, 0]) {
      const body = pingCommand();
      const res = await post(body, fake.signInteraction(body, String(ts)));
      expect(res.status).toBe(401);
    }
    expect(answered()).toBe(before);
  });

  it('refuses a replayed request: the same signed bytes answer once', async () => {
    const body = pingCommand();
    const headers = fake.signInteraction(body);
    expect((await post(body, headers)).status).toBe(200);
    const before = answered();
    expect(await post(body, headers)).toEqual({ status: 401, text: 'interaction already received\n' });
    expect(answered()).toBe(before);
  });

  it('refuses a 1 MB body with 413, signed or not, declared or streamed', async () => {
    const padding = 'x'.repeat(1024 * 1024);
    const big = pingCommand().replace('"version":1', `"version":1,"padding":"${padding}"`);
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    expect((await post(big, fake.signInteraction(big))).status).toBe(413);
    expect((await post(big, {})).status).toBe(401); // unsigned: refused on the headers first
    // Streamed without a content-length (chunked): cut off at the limit; the answer, if the client reads it before the close, is 413.
    const streamed = await new Promise<number | string>((resolve) => {
      const req = request(new URL(bot.url), { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...fake.signInteraction(big) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      for (let i = 0; i < big.length; i += 64 * 1024) req.write(big.slice(i, i + 64 * 1024));
      req.end();
    });
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(streamed);
    // The endpoint still answers afterwards.
    expect(await fake.pingEndpoint()).toEqual({ status: 200, body: { type: 1 } });
  });

  it('refuses a signed body that is not an interaction with 400, other methods and paths too', async () => {
    const notJson = 'hello';
    expect((await post(notJson, fake.signInteraction(notJson))).status).toBe(400);
    const notInteraction = JSON.stringify({ hello: 'world' });
    expect((await post(notInteraction, fake.signInteraction(notInteraction))).status).toBe(400);
    expect((await fetch(bot.url)).status).toBe(405);
    expect((await post('{}', {}, '/elsewhere')).status).toBe(404);
  });

  it('serves /healthz for a load balancer', async () => {
    const res = await fetch(new URL('/healthz', bot.url));
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }]);
  });
});
