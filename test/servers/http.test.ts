// Per-server libraries over HTTP interactions (issue 14): Discord POSTs signed interactions to Herald's
// endpoint, and /status, /articles and autocomplete answer each server with its own view, as through the
// gateway (test/servers/two-servers.e2e.test.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commands } from '../../commands';
import type { MemoryLibrary } from '../../src/articles/library';
import { parseArticle } from '../../src/articles/parse';
import { ArticleScopes, ScopedLibrary } from '../../src/articles/scopes';
import { Status } from '../../src/core/status-snapshot';
import { viewFor } from '../../src/servers/view';
import { startFakeDiscord, type FakeDiscord, type InteractionResult } from '../e2e/fake-discord';
import { startHttpBot, type HttpBot } from '../transports/http/harness';

let fake: FakeDiscord;
let http: HttpBot;
let B: { guildId: string };
const ORIGIN = 'https://desk-a.example/zorvia';
const HEADLINE = 'Zorvian parliament to vote on the fishing budget';

beforeAll(async () => {
  fake = await startFakeDiscord();
  B = fake.addGuild('Server B');
  http = await startHttpBot(fake, {
    commands,
    services: (services) => {
      const library = services.articles as MemoryLibrary;
      const scopes = new ArticleScopes(library);
      // Server A's own feed item (what /feed add brings in): A's alone.
      scopes.grant(ORIGIN, fake.guildId);
      const parsed = parseArticle(`---\nurl: ${ORIGIN}\n---\n${HEADLINE}\n\nThe Zorvian parliament will vote on the fishing budget on November 28, 2026.\n`, { now: new Date('2026-11-27T12:00:00Z'), origin: ORIGIN });
      if (!parsed.ok) throw new Error(parsed.error);
      library.upsert({ article: parsed.article, origin: ORIGIN, ingestedAt: new Date('2026-11-27T12:00:00Z') });
      services.status = new Status(new Date('2026-11-27T12:00:00Z'), library, (guildId) => new ScopedLibrary(library, scopes, guildId));
      services.forViewer = (guildId) => viewFor(services, library, scopes, guildId);
    },
  });
}, 30_000);

afterAll(async () => {
  await http?.stop();
  await fake?.close();
});

const text = (r: InteractionResult) => JSON.stringify(r.final ?? r.reply ?? r.choices ?? null);
const tracked = (r: InteractionResult) => ((r.final?.embeds?.[0] as { fields?: { name: string; value: string }[] } | undefined)?.fields ?? []).find((f) => f.name === 'Articles tracked')?.value;

it('answers /status, /articles and autocomplete over HTTP with the calling server\'s view', async () => {
  expect(tracked(await fake.injectCommand('status', {}, { admin: true }))).toBe('2');
  expect(tracked(await fake.injectCommand('status', {}, { admin: true, guildId: B.guildId }))).toBe('1');
  expect(text(await fake.injectCommand('articles', {}, {}))).toContain(HEADLINE);
  expect(text(await fake.injectCommand('articles', {}, { guildId: B.guildId }))).not.toContain(HEADLINE);
  expect(text(await fake.injectCommand('articles', {}, { dm: true }))).not.toContain(HEADLINE);
  expect(text(await fake.injectCommand('brief', { article: HEADLINE }, { guildId: B.guildId }))).toMatch(/No such article/);
  const suggest = async (guildId?: string) => ((await fake.injectAutocomplete('brief', { name: 'article', value: 'zorvian' }, {}, guildId ? { guildId } : {})).choices ?? []).map((c) => c.name);
  expect(await suggest()).toEqual([HEADLINE]);
  expect(await suggest(B.guildId)).toEqual([]);
});
