// The fake Discord's side of HTTP interactions: the application's Ed25519 key pair (made on first use, the
// same for the fake's whole life) and a POST to the interactions endpoint signed with it, as Discord sends.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export class InteractionSigner {
  private key: { privateKey: KeyObject; publicKey: string } | undefined;

  /** The public key (hex, for DISCORD_PUBLIC_KEY); made now if it was not yet. */
  get publicKey(): string {
    return this.keys().publicKey;
  }

  /** The public key if one was made, else undefined (the application payload shows a placeholder then). */
  get madePublicKey(): string | undefined {
    return this.key?.publicKey;
  }

  /** Discord's signature headers for `body` at `timestamp` (Unix seconds). */
  sign(body: string | Buffer, timestamp: string): Record<string, string> {
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), this.keys().privateKey).toString('hex');
    return { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
  }

  private keys(): { privateKey: KeyObject; publicKey: string } {
    if (!this.key) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      this.key = { privateKey, publicKey: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex') };
    }
    return this.key;
  }
}

/** POSTs `body` to an interactions endpoint as Discord does: JSON, Discord's user agent, signed now. */
export function postSigned(url: string, body: string, signer: InteractionSigner, signal?: AbortSignal): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...signer.sign(body, timestamp) },
    body,
    ...(signal ? { signal } : {}),
  });
}
