// Discord's request signature as Herald checks it: a real Ed25519 key pair made here signs timestamp + body.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, MAX_TIMESTAMP_SKEW_MS, publicKeyFromHex, ReplayGuard } from '../../../src/transports/http/verify';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  return { privateKey, hex };
}

const now = new Date('2026-11-27T12:00:00Z');
const ts = String(now.getTime() / 1000);
const body = Buffer.from('{"id":"1","type":1}');

describe('checkSignature', () => {
  const { privateKey, hex } = keyPair();
  const key = publicKeyFromHex(hex);
  const signed = (b: Buffer, t = ts) => sign(null, Buffer.concat([Buffer.from(t), b]), privateKey).toString('hex');

  it('accepts Discord-style signed requests, with the key in either case', () => {
    expect(checkSignature(key, signed(body), ts, body, now)).toEqual({ ok: true });
    expect(checkSignature(publicKeyFromHex(hex.toUpperCase()), signed(body).toUpperCase(), ts, body, now)).toEqual({ ok: true });
  });

  it('refuses a tampered body, a moved timestamp, another key, missing or malformed headers', () => {
    const sig = signed(body);
    expect(checkSignature(key, sig, ts, Buffer.from('{"id":"1","type":2}'), now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(checkSignature(key, sig, String(Number(ts) + 1), body, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(checkSignature(publicKeyFromHex(keyPair().hex), sig, ts, body, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(checkSignature(key, undefined, ts, body, now)).toEqual({ ok: false, reason: 'missing headers' });
    expect(checkSignature(key, sig, undefined, body, now)).toEqual({ ok: false, reason: 'missing headers' });
    expect(checkSignature(key, sig.slice(2), ts, body, now)).toEqual({ ok: false, reason: 'malformed signature' });
    expect(checkSignature(key, sig, `${ts}.5`, body, now)).toEqual({ ok: false, reason: 'malformed signature' });
    // A flipped bit anywhere in the signature.
    const flipped = Buffer.from(sig, 'hex');
    flipped[40] ^= 1;
    expect(checkSignature(key, flipped.toString('hex'), ts, body, now)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a correctly signed request outside the timestamp window, either way', () => {
    const old = String(Math.floor((now.getTime() - MAX_TIMESTAMP_SKEW_MS - 1000) / 1000));
    const future = String(Math.floor((now.getTime() + MAX_TIMESTAMP_SKEW_MS + 1000) / 1000));
    const edge = String(Math.floor((now.getTime() - MAX_TIMESTAMP_SKEW_MS + 1000) / 1000));
    expect(checkSignature(key, signed(body, old), old, body, now)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(checkSignature(key, signed(body, future), future, body, now)).toEqual({ ok: false, reason: 'stale timestamp' });
    expect(checkSignature(key, signed(body, edge), edge, body, now)).toEqual({ ok: true });
  });

  it('takes only 64 hex digits as a public key', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hexadecimal/);
    expect(() => publicKeyFromHex('g'.repeat(64))).toThrow(/64 hexadecimal/);
  });
});

describe('ReplayGuard', () => {
  it('lets an id through once per window, and again after it', () => {
    const guard = new ReplayGuard(1000);
    expect(guard.firstTime('a', 0)).toBe(true);
    expect(guard.firstTime('a', 999)).toBe(false);
    expect(guard.firstTime('b', 999)).toBe(true);
    expect(guard.firstTime('a', 1000)).toBe(true);
    expect(guard.size).toBe(2); // a (again) and b; the first a expired
    expect(guard.firstTime('c', 5000)).toBe(true);
    expect(guard.size).toBe(1);
  });
});
