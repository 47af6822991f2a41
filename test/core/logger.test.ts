import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/core/logger';

describe('createLogger', () => {
  it('scrubs the token from messages, nested objects and errors (with their own fields)', () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    const log = createLogger('info', new Writable({ write: (c, _e, done) => { out += String(c); done(); } }) as never, [token]);
    const err = Object.assign(new Error(`login failed for ${token}`), { request: { url: `https://x/${token}` } });
    log.info(`token ${token} in a message`);
    log.error({ err, context: { nested: [{ value: token }] } }, 'failed');
    log.info({ token }, 'redacted by path');
    expect(out).not.toContain(token);
    expect(out).toContain('[redacted]');
    expect(out.split('\n').filter(Boolean)).toHaveLength(3);
  });
});
