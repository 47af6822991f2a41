// Every command answers the same over HTTP as over the gateway: one fake Discord, one Herald on its gateway
// (the real discord.js client) and one on the interactions endpoint, with the same services and clock.
// Each invocation is sent both ways; the message the user ends up seeing must be the same, and the same as
// the router's own reply rendered by the Discord renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands as realCommands } from '../../../commands';
import type { Caller, RawOptions } from '../../../src/core/command';
import { renderMessage } from '../../../src/transports/discord/render';
import { startBot, testCommands, type Bot } from '../../e2e/bot-harness';
import { startFakeDiscord, type FakeDiscord, type FakeMessage, type InjectOptions, type InteractionResult } from '../../e2e/fake-discord';
import { startHttpBot, type HttpBot } from './harness';

const allCommands = [...testCommands, ...realCommands];
let fake: FakeDiscord;
let gateway: Bot;
let http: HttpBot;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  gateway = await startBot(fake, { commands: allCommands });
  http = await startHttpBot(fake, { commands: allCommands });
  fake.useGateway();
}, 30_000);

afterAll(async () => {
  await http?.stop();
  await gateway?.stop();
  await fake.close();
});

/** What the user sees; an error id (random per run) made comparable. */
function seen(m: FakeMessage | null): unknown {
  if (!m) return null;
  const shown = { content: m.content, embeds: m.embeds, components: m.components, ephemeral: Boolean(m.flags & 64) };
  return JSON.parse(JSON.stringify(shown).replace(/(error id `|\[id )[0-9a-f]{8}/g, '$1…'));
}

function shape(r: InteractionResult): unknown {
  return { callbacks: r.callbacks.map((c) => c.type), final: seen(r.final), choices: r.choices };
}

async function both(send: () => Promise<InteractionResult>): Promise<{ viaGateway: InteractionResult; viaHttp: InteractionResult }> {
  fake.useGateway();
  const viaGateway = await send();
  fake.useInteractionsEndpoint(http.url);
  const viaHttp = await send();
  fake.useGateway();
  return { viaGateway, viaHttp };
}

type Invocation = [name: string, options?: Record<string, string | number | boolean>, opts?: InjectOptions];

describe('HTTP interactions answer like the gateway', () => {
  it('every command, with and without options, as member, admin and in DMs', async () => {
    const article = gateway.services.articles.list()[0].article.id;
    const invocations: Invocation[] = [
      ['ping'],
      ['ping', {}, { dm: true }],
      ['echo', { subcommand: 'say', text: 'hello', count: 3, loud: true, channel: fake.channels.general }],
      ['slow'],
      ['gate'],
      ['sluggish'],
      ['sluggish', { private: true }],
      ['secret'],
      ['oops'],
      ['hostile'],
      ['admin'],
      ['admin', {}, { admin: true }],
      ['pager'],
      ['boom'],
      ['pick', { fruit: 'apple' }],
      ['articles'],
      ['articles', { page: 2 }],
      ['brief'],
      ['brief', { article }],
      ['brief', { article: 'no-such-article' }],
      ['when'],
      ['when', { article }],
      ['who'],
      ['facts'],
      ['source', { article }],
      ['timeline'],
      ['timeline', { theme: 'light' }],
      ['status'],
      ['help'],
      ['help', { command: 'when' }],
      ['ask', { question: 'When will the plan be approved?' }],
      ['remind', { subcommand: 'list' }],
      ['remind', { subcommand: 'list' }, { admin: true }],
      ['feed', { subcommand: 'list' }, { admin: true }],
      ['watch', { subcommand: 'list' }, { admin: true }],
      ['brief', { article }, { dm: true }],
    ];
    for (const command of allCommands) expect(invocations.some(([n]) => n === command.definition.name), command.definition.name).toBe(true);
    for (const [name, options = {}, opts = {}] of invocations) {
      const { viaGateway, viaHttp } = await both(() => fake.injectCommand(name, options, opts));
      expect(shape(viaHttp), `/${name} ${JSON.stringify(options)} ${JSON.stringify(opts)}`).toEqual(shape(viaGateway));

      // And the same as the router's own reply, rendered.
      const caller: Caller = {
        userId: opts.admin ? fake.users.admin : fake.users.member,
        guildId: opts.dm ? null : fake.guildId,
        channelId: viaHttp.channelId,
        canManageGuild: Boolean(opts.admin) && !opts.dm,
        // Both transports say whether the member has Manage Webhooks (admins here do not).
        canManageWebhooks: false,
      };
      const payload = renderMessage(await http.router.run({ command: name, options: options as RawOptions, caller }));
      const expected = { content: payload.content ?? '', embeds: payload.embeds ?? [], components: payload.components ?? [], ephemeral: Boolean(payload.flags) };
      expect(seen(viaHttp.final), `/${name} against the router`).toEqual(seen({ ...viaHttp.final!, ...expected, flags: expected.ephemeral ? 64 : 0 } as FakeMessage));
    }
    expect(fake.mentionViolations()).toEqual([]);
  }, 60_000);

  it('autocomplete suggestions', async () => {
    const cases: [string, { name: string; value: string }, Record<string, string | number | boolean>?, InjectOptions?][] = [
      ['brief', { name: 'article', value: 'csto' }],
      ['brief', { name: 'article', value: '' }],
      ['pick', { name: 'fruit', value: 'ap' }],
      ['help', { name: 'command', value: 'w' }],
      ['feed', { name: 'url', value: 'http' }, { subcommand: 'remove' }, { admin: true }],
      ['feed', { name: 'url', value: 'http' }, { subcommand: 'remove' }],
    ];
    for (const [name, focused, options, opts] of cases) {
      const { viaGateway, viaHttp } = await both(() => fake.injectAutocomplete(name, focused, options, opts));
      expect(shape(viaHttp), `${name} ${focused.value}`).toEqual(shape(viaGateway));
      expect(viaHttp.callbacks.map((c) => c.type)).toEqual([8]);
    }
    const { viaHttp } = await both(() => fake.injectAutocomplete('pick', { name: 'fruit', value: 'ap' }));
    expect(viaHttp.choices).toEqual([
      { name: 'fruit: apple', value: 'apple' },
      { name: 'fruit: apricot', value: 'apricot' },
    ]);
  });

  it('buttons: a page change updates the message, a refusal answers privately', async () => {
    for (const customId of ['pager:2', 'pager:1', 'pager:boom', 'nobody:1']) {
      const { viaGateway, viaHttp } = await both(() => fake.injectButton(customId));
      expect(shape(viaHttp), customId).toEqual(shape(viaGateway));
    }
    const { viaHttp } = await both(() => fake.injectButton('pager:2'));
    expect([viaHttp.callbacks[0].type, (viaHttp.final as FakeMessage).content]).toEqual([7, 'page 2']);
    expect(fake.mentionViolations()).toEqual([]);
  });
});
