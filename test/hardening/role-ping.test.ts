// The one exception to "nothing pings": a role an admin configured with /remind role. Then a reminder may
// ping that role and only it (allowed_mentions {parse: [], roles: [that role]}), while role and user
// mentions planted in the article text stay inert.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/articles/parse';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { harness, type Harness } from '../reminders/harness';
import { hostileArticle, PLANTED } from './hostile-article';

let fake: FakeDiscord;
let h: Harness;
const ROLE = '444444444444444444';

beforeEach(async () => {
  fake = await startFakeDiscord();
  const parsed = parseArticle(hostileArticle('2026-11-23', '28 November'), { now: new Date('2026-11-27T12:00:00Z') });
  if (!parsed.ok) throw new Error(parsed.error);
  h = await harness({
    fake,
    start: '2026-11-27T12:00:00Z',
    configChannelId: null,
    articles: [{ article: parsed.article, origin: '/articles/hostile.txt', ingestedAt: new Date('2026-11-27T12:00:00Z') }],
  });
  await h.reminders.subscribe(fake.guildId, fake.channels.reminders);
  await h.reminders.idle();
});

afterEach(async () => {
  h.db.close();
  await fake.close();
});

/** What a user would read: content and embed text (the embed's url is a link target, not text). */
const visible = (body: any): string =>
  [body.content ?? '', ...(body.embeds ?? []).flatMap((e: any) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])].filter(Boolean).join('\n');

const bodies = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channels.reminders}/messages` && r.status < 400).map((r) => r.body);

describe('a configured role to ping', () => {
  it('without a role, the due reminder of a hostile article pings nobody', async () => {
    h.clock.set('2026-11-28T09:00:00Z');
    expect((await h.reminders.runDue()).posted).toBe(1);
    const [body] = bodies();
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(visible(body)).toContain(`<@\u200b${PLANTED.user}>`);
    expect(visible(body)).not.toMatch(new RegExp(`<@&?${PLANTED.role}>|<@!?${PLANTED.user}>|@everyone|@here`));
  });

  it('with /remind role, the reminder and the preview may ping that role only; planted mentions stay inert', async () => {
    expect((await h.reminders.setRole(fake.guildId, ROLE)).ok).toBe(true);
    await h.reminders.idle();
    expect((await h.reminders.preview(fake.guildId)).ok).toBe(true);
    h.clock.set('2026-11-28T09:00:00Z');
    expect((await h.reminders.runDue()).posted).toBe(1);
    const sent = bodies();
    expect(sent).toHaveLength(2);
    for (const body of sent) {
      expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
      expect(body.content).toContain(`<@&${ROLE}>`);
      const text = visible(body);
      expect(text).not.toMatch(new RegExp(`<@&${PLANTED.role}>|<@!?${PLANTED.user}>|@everyone|@here`));
    }
    expect(fake.mentionViolations()).toEqual([]);
  });
});
