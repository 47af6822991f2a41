// The pure decisions of webhook delivery and forum posts (issue 15): what a webhook name and avatar may
// be, how one announcement is sent (webhook, forum post, or Herald's message with its nonce) and which
// sends are claimed first, and what follows a post in a forum.
import { describe, expect, it } from 'vitest';
import { postActions, threadName } from '../../src/feeds/announcer';
import { checkAvatarUrl, checkWebhookName, sendPlan } from '../../src/feeds/webhooks';
import { addSecret, createScrubber } from '../../src/core/secrets';

describe('webhook names and avatars', () => {
  it('takes a name Discord accepts and refuses the rest with a reason', () => {
    expect(checkWebhookName('  Harbour   Desk ')).toEqual({ ok: true, name: 'Harbour Desk' });
    expect(checkWebhookName('Bulletin\u200b')).toEqual({ ok: true, name: 'Bulletin' });
    expect(checkWebhookName('')).toMatchObject({ ok: false, reason: 'the name is empty' });
    expect(checkWebhookName('x'.repeat(81))).toMatchObject({ ok: false });
    expect(checkWebhookName('x'.repeat(80))).toMatchObject({ ok: true });
    expect(checkWebhookName('My DISCORD bot')).toMatchObject({ ok: false, reason: expect.stringContaining('"discord"') });
    expect(checkWebhookName('clyde')).toMatchObject({ ok: false });
    expect(checkWebhookName('@everyone')).toMatchObject({ ok: false });
    expect(checkWebhookName('here')).toMatchObject({ ok: false });
  });

  it('takes https image URLs only (Discord fetches them, never Herald)', () => {
    expect(checkAvatarUrl('https://cdn.example/a.png')).toEqual({ ok: true, url: 'https://cdn.example/a.png' });
    expect(checkAvatarUrl('http://cdn.example/a.png')).toMatchObject({ ok: false, reason: 'the avatar URL must start with https://' });
    expect(checkAvatarUrl('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(checkAvatarUrl('not a url')).toMatchObject({ ok: false });
    expect(checkAvatarUrl('https://user:pw@cdn.example/a.png')).toMatchObject({ ok: false, reason: expect.stringContaining('password') });
    expect(checkAvatarUrl(`https://cdn.example/${'a'.repeat(2050)}`)).toMatchObject({ ok: false });
  });
});

describe('how an announcement is sent', () => {
  const row = { nonce: 'a1b2', threadName: 'Quay reopens' };
  const hook = { webhookId: '111', webhookToken: 'tok-tok-tok-tok', name: 'Desk', avatarUrl: 'https://cdn.example/a.png' };
  const text = { forum: false, guildId: '9' };
  const forum = { forum: true, guildId: '9' };

  it("is Herald's message with the nonce when the channel has no webhook: nothing to claim", () => {
    expect(sendPlan(row, text, undefined)).toEqual({ options: { nonce: 'a1b2' } });
    // A webhook in fallback (none made, or deleted) is the same.
    expect(sendPlan(row, text, { ...hook, webhookId: null, webhookToken: null })).toEqual({ options: { nonce: 'a1b2' } });
  });

  it('goes through the webhook with its name and avatar, claimed by the webhook id', () => {
    expect(sendPlan(row, text, hook)).toEqual({
      options: { nonce: 'a1b2', webhook: { id: '111', token: 'tok-tok-tok-tok', username: 'Desk', avatarUrl: 'https://cdn.example/a.png' } },
      claimVia: '111',
    });
    expect(sendPlan(row, text, { ...hook, avatarUrl: null }).options.webhook).not.toHaveProperty('avatarUrl');
  });

  it('is a forum post named after the headline in a forum, claimed (by Herald or the webhook)', () => {
    expect(sendPlan(row, forum, undefined)).toEqual({ options: { nonce: 'a1b2', forum: { threadName: 'Quay reopens', guildId: '9' } }, claimVia: 'bot' });
    expect(sendPlan(row, forum, hook)).toMatchObject({ options: { forum: { threadName: 'Quay reopens' }, webhook: { id: '111' } }, claimVia: '111' });
    expect(sendPlan({ nonce: 'n', threadName: null }, forum, undefined).options.forum?.threadName).toBe('News');
  });

  it('opens no thread and publishes nothing after a forum post (it is a thread already)', () => {
    expect(postActions({ openThread: true, publish: true, forum: true }, 'Headline')).toEqual([]);
    expect(postActions({ openThread: true, publish: true, forum: false }, 'Headline')).toEqual([{ kind: 'publish' }, { kind: 'thread', name: 'Headline' }]);
  });

  it('names threads inertly, on one line, within 100 characters', () => {
    expect(threadName('@everyone  big\nnews')).toBe('@\u200beveryone big news');
    expect(threadName('x'.repeat(150))).toHaveLength(100);
    expect(threadName(' \n ')).toBe('Discussion');
    // An emoji across the 100th place is left out whole, never halved (a lone surrogate is no Unicode).
    const name = threadName(`${'x'.repeat(99)}😀 and more`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('secrets learnt at run time', () => {
  it('are scrubbed by scrubbers made before they were learnt', () => {
    const secrets: string[] = [];
    const scrub = createScrubber(secrets);
    const token = 'Zq3_webhook-token-value-abcdefghijklmnopqrstuvwxyz0123456789';
    expect(scrub(`token ${token}`)).toContain(token);
    addSecret(secrets, token);
    addSecret(secrets, token);
    addSecret(secrets, 'short');
    expect(secrets).toEqual([token]);
    expect(scrub(`token ${token}`)).toBe('token [redacted]');
    expect(scrub(`/webhooks/1/${token}?wait=true`)).toBe('/webhooks/1/[redacted]?wait=true');
  });
});
