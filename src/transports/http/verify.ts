// Discord's request signing for the interactions endpoint: every request carries X-Signature-Ed25519 (hex)
// over X-Signature-Timestamp + raw body, made with the application's private key. Herald checks it with
// the application's public key (DISCORD_PUBLIC_KEY) before it reads anything in the body, refuses
// timestamps outside a short window, and remembers recent interaction ids so a captured request cannot be
// replayed (here in memory; replays.ts shares the record between replicas). Node's crypto does Ed25519 (OpenSSL refuses non-canonical signatures).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** A Discord public key: 32 bytes as 64 hex digits (the Developer Portal's "Public Key"). */
export const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 key bytes follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The public key object for a hex key from the Developer Portal. Throws on anything but 64 hex digits. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_HEX.test(hex)) throw new Error('a Discord public key is 64 hexadecimal digits');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/** How far a request's timestamp may be from now, either way (clock skew and network time). */
export const MAX_TIMESTAMP_SKEW_MS = 60_000;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing headers' | 'malformed signature' | 'bad signature' | 'stale timestamp' };

/**
 * Checks Discord's signature over `timestamp + body` and that the timestamp (Unix seconds) is within
 * MAX_TIMESTAMP_SKEW_MS of `now`. Pure apart from the key: `now` comes from the caller's clock.
 */
export function checkSignature(key: KeyObject, signature: string | undefined, timestamp: string | undefined, body: Buffer, now: Date): SignatureCheck {
  if (!signature || !timestamp) return { ok: false, reason: 'missing headers' };
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed signature' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  let valid = false;
  try {
    valid = verify(null, signed, key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return { ok: false, reason: 'bad signature' };
  // Checked after the signature, so the timestamp compared is one Discord signed.
  if (Math.abs(Number(timestamp) * 1000 - now.getTime()) > MAX_TIMESTAMP_SKEW_MS) return { ok: false, reason: 'stale timestamp' };
  return { ok: true };
}

/**
 * Interaction ids seen within the timestamp window, in this process's memory. A signed request is valid
 * for the whole window; this makes it valid once per process, without a database round trip. Across
 * replicas (and restarts) the database's ReplayStore (replays.ts) does the same.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(readonly windowMs = 2 * MAX_TIMESTAMP_SKEW_MS) {}

  /** True the first time `id` is offered within the window; false for a replay. */
  firstTime(id: string, nowMs: number): boolean {
    this.prune(nowMs);
    if (this.seen.has(id)) return false;
    this.seen.set(id, nowMs + this.windowMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private prune(nowMs: number): void {
    // Insertion order is expiry order (one fixed window), so stop at the first live entry.
    for (const [id, expires] of this.seen) {
      if (expires > nowMs) break;
      this.seen.delete(id);
    }
  }
}
