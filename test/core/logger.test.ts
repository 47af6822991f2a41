import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { DiscordAPIError } from 'discord.js';
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

  it("scrubs an interaction's and a webhook's token from a failed REST call's URL (DiscordAPIError.url)", () => {
    const interaction = 'aW50ZXJhY3Rpb246MTMxNzQwNDI5MjI2MDM5NzExMjpTb21lUmFuZG9tUGFydA';
    const webhook = 'Xy9_zAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefghij';
    let out = '';
    const log = createLogger('info', new Writable({ write: (c, _e, done) => { out += String(c); done(); } }) as never, []);
    const failed = (method: string, url: string) => new DiscordAPIError({ code: 50035, message: 'Invalid Form Body' }, 50035, 400, method, url, { body: { content: 'x' } });
    log.warn({ err: failed('PATCH', `https://discord.com/api/v10/webhooks/1317404292260397056/${interaction}/messages/@original`) }, 'could not update the reply');
    log.warn({ err: failed('POST', `https://discord.com/api/v10/interactions/1317404292260397112/${interaction}/callback?with_response=false`) }, 'could not answer');
    log.warn({ err: failed('POST', `https://discord.com/api/v10/webhooks/1317404292260397999/${webhook}?wait=true`) }, 'webhook post failed');
    expect(out).not.toContain(interaction);
    expect(out).not.toContain(webhook);
    expect(out).toContain('/webhooks/1317404292260397056/[redacted]/messages/@original');
    expect(out).toContain('/interactions/1317404292260397112/[redacted]/callback');
  });
});
