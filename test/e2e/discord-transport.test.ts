// Herald's Discord transport end to end: the real discord.js Client against the fake Discord, reached only
// through its API URL. Nothing is mocked: interactions go through the gateway, answers through REST.
import { beforeEach, describe, expect, it } from 'vitest';
import { commands as realCommands } from '../../commands';
import { botPerTest, closeGate, gate, testCommands, TOKEN_IN_ERROR, waitForLog, type Bot } from './bot-harness';

const world = botPerTest();
let bot: Bot | undefined;

const EPHEMERAL = 64;
const allCommands = [...testCommands, ...realCommands];

describe('command sync at startup', () => {
  it('registers the commands in the configured guild once, and not again when unchanged', async () => {
    bot = await world.startBot();
    expect(bot.discord.sync).toBe('registered');
    expect(world.fake.commandWrites.map((r) => [r.method, r.path])).toEqual([['PUT', `/applications/${world.fake.applicationId}/guilds/${world.fake.guildId}/commands`]]);
    expect(world.fake.commands(world.fake.guildId).map((c) => c.name).sort()).toEqual(testCommands.map((c) => c.definition.name).sort());
    await bot.stop();

    bot = await world.startBot();
    expect(bot.discord.sync).toBe('unchanged');
    expect(world.fake.commandWrites).toHaveLength(1);
    await bot.stop();

    // A changed definition is registered again.
    const changed = testCommands.map((c) => (c.definition.name === 'ping' ? { ...c, definition: { ...c.definition, description: 'Pong!' } } : c));
    bot = await world.startBot({ commands: changed });
    expect(bot.discord.sync).toBe('registered');
    expect(world.fake.commandWrites).toHaveLength(2);
    expect(world.fake.commands(world.fake.guildId).find((c) => c.name === 'ping')?.description).toBe('Pong!');
  });

  it('registers globally when no guild is configured, including the real commands', async () => {
    bot = await world.startBot({ commands: allCommands, guildId: undefined });
    expect(world.fake.commandWrites.map((r) => r.path)).toEqual([`/applications/${world.fake.applicationId}/commands`]);
    expect(world.fake.commands().map((c) => c.name).sort()).toEqual(allCommands.map((c) => c.definition.name).sort());
    await bot.stop();
    bot = await world.startBot({ commands: allCommands, guildId: undefined });
    expect(bot.discord.sync).toBe('unchanged');
    expect(world.fake.commandWrites).toHaveLength(1);
  });

  it('keeps running when the sync is refused', async () => {
    world.fake.failNext('PUT', '/applications/:app/guilds/:guild/commands', 403, 1, { body: { code: 50001, message: 'Missing Access' } });
    bot = await world.startBot();
    expect(bot.discord.sync).toBe('failed');
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
  });
});

describe('shutdown', () => {
  it('finishes the interaction in flight, then takes no more and disconnects', async () => {
    bot = await world.startBot();
    closeGate();
    const inFlight = world.fake.injectCommand('gate');
    while (!world.fake.requests.some((r) => r.path.endsWith('/callback') && r.body?.type === 5)) await new Promise((r) => setTimeout(r, 5));
    const stopped = bot.stop();
    const late = world.fake.injectCommand('ping', {}, { timeoutMs: 1000 }).catch(() => 'not taken');
    await waitForLog(bot.logs, /shutting down; interaction not taken/);
    gate.open();
    expect(await late).toBe('not taken');
    expect((await inFlight).reply?.content).toBe('through the gate');
    await stopped;
    bot = undefined;
    expect(world.fake.connectedCount()).toBe(0);
    expect(world.fake.requests.filter((r) => r.path.endsWith('/callback')).length).toBe(1);
  });
});

describe('interactions', () => {
  beforeEach(async () => {
    bot = await world.startBot({ commands: allCommands });
  });

  it('answers /ping', async () => {
    const r = await world.fake.injectCommand('ping');
    expect(r.callbacks.map((c) => c.type)).toEqual([4]);
    expect(r.reply?.content).toBe('pong');
    expect(r.ephemeral).toBe(false);
  });

  it('delivers options flat: subcommand, integers, booleans, channel ids, and the caller', async () => {
    const r = await world.fake.injectCommand('echo', { subcommand: 'say', text: 'hi', count: 3, loud: true, channel: world.fake.channels.reminders });
    expect(JSON.parse(r.reply!.content)).toEqual({
      args: { subcommand: 'say', text: 'hi', count: 3, loud: true, channel: world.fake.channels.reminders },
      caller: { userId: world.fake.users.member, guildId: world.fake.guildId, channelId: world.fake.channels.general, canManageGuild: false, canManageWebhooks: false },
    });
  });

  it('answers every real command from commands/index.ts: the issue-3 ones with a public embed, admin ones refused to members', async () => {
    const issue3 = ['brief', 'when', 'timeline', 'who', 'facts', 'source', 'articles', 'status', 'help'];
    expect(realCommands.map((c) => c.definition.name)).toEqual(expect.arrayContaining(issue3));
    for (const command of realCommands) {
      const name = command.definition.name;
      const r = await world.fake.injectCommand(name);
      const seen = { name, content: r.final?.content ?? '', embeds: r.final?.embeds.length ?? 0, ephemeral: Boolean((r.final?.flags ?? 0) & EPHEMERAL) };
      expect(seen.content).not.toMatch(/Something went wrong/);
      if (command.adminOnly) expect(seen).toEqual({ name, content: `/${name} needs the Manage Server permission.`, embeds: 0, ephemeral: true });
      else if (issue3.includes(name)) expect({ ...seen, embeds: seen.embeds > 0 }).toEqual({ name, content: '', embeds: true, ephemeral: false });
    }
    expect(world.fake.mentionViolations()).toEqual([]);
  });

  it('autocompletes article headlines for /brief and a test command', async () => {
    const r = await world.fake.injectAutocomplete('brief', { name: 'article', value: 'csto' });
    expect(r.callbacks.map((c) => c.type)).toEqual([8]);
    expect(r.choices?.map((c) => c.name)).toEqual([bot!.services.articles.list()[0].article.headline]);
    expect(r.choices?.[0].value).toBe(bot!.services.articles.list()[0].article.id);
    const fruit = await world.fake.injectAutocomplete('pick', { name: 'fruit', value: 'ap' });
    expect(fruit.choices).toEqual([
      { name: 'fruit: apple', value: 'apple' },
      { name: 'fruit: apricot', value: 'apricot' },
    ]);
  });

  it('tells the user privately when the article does not exist', async () => {
    const r = await world.fake.injectCommand('brief', { article: 'no such thing at all' });
    expect(r.reply?.content).toBe('No such article — see /articles.');
    expect(r.ephemeral).toBe(true);
    expect(r.reply?.flags).toBe(EPHEMERAL);
  });

  it('answers a throwing command with an ephemeral error whose id is in the log, and keeps running', async () => {
    const r = await world.fake.injectCommand('boom');
    const id = /error id `([0-9a-f]{8})`/.exec(r.reply!.content)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(r.ephemeral).toBe(true);
    const line = JSON.parse(await waitForLog(bot!.logs, new RegExp(`"errorId":"${id}"`)));
    expect(line.msg).toBe('command failed');
    expect(line.err.message).toBe('kaboom in a test command');
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('retries the interaction callback after a 429 and the user gets the answer', async () => {
    world.fake.failNext('POST', '/interactions/:id/:token/callback', 429, 1, { retryAfterMs: 50 });
    const r = await world.fake.injectCommand('ping');
    expect(r.reply?.content).toBe('pong');
    const attempts = world.fake.requests.filter((q) => q.path === `/interactions/${r.id}/${r.token}/callback`).map((q) => q.status);
    expect(attempts).toEqual([429, 204]);
  });

  it('answers with the generic error when the reply itself keeps failing with 5xx', async () => {
    world.fake.failNext('POST', '/interactions/:id/:token/callback', 500, 2);
    const r = await world.fake.injectCommand('ping');
    expect(r.reply?.content).toBe("Something went wrong on Herald's side. Please try again in a moment.");
    expect(r.ephemeral).toBe(true);
    const attempts = world.fake.requests.filter((q) => q.path === `/interactions/${r.id}/${r.token}/callback`).map((q) => q.status);
    expect(attempts).toEqual([500, 500, 204]);
  });

  it('retries a rate-limited edit of a deferred reply', async () => {
    world.fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 429, 1, { retryAfterMs: 50 });
    const r = await world.fake.injectCommand('slow');
    expect(r.reply?.embeds).toEqual([{ title: 'Done', description: 'After a defer.' }]);
  });

  it('defers publicly then edits; defers ephemerally then edits', async () => {
    const slow = await world.fake.injectCommand('slow');
    expect(slow.callbacks.map((c) => c.type)).toEqual([5]);
    expect(slow.reply?.embeds).toEqual([{ title: 'Done', description: 'After a defer.' }]);
    expect(slow.ephemeral).toBe(false);
    const secret = await world.fake.injectCommand('secret');
    expect(secret.callbacks).toEqual([{ type: 5, data: { flags: EPHEMERAL } }]);
    expect(secret.reply?.content).toBe('only you');
    expect(secret.reply?.flags).toBe(EPHEMERAL);
  });

  it('keeps a user mistake private even after a public defer', async () => {
    const r = await world.fake.injectCommand('oops');
    expect(r.reply).toBeNull(); // the public "thinking…" was deleted
    expect(r.final?.content).toBe('Say which article.');
    expect(r.final?.flags).toBe(EPHEMERAL);
  });

  it('edits the deferred reply with the generic error when Discord fails the edit', async () => {
    world.fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 500, 2);
    const r = await world.fake.injectCommand('slow');
    expect(r.reply?.content).toBe("Something went wrong on Herald's side. Please try again in a moment.");
    await waitForLog(bot!.logs, /could not answer the interaction/);
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('logs an interaction that expired before Herald answered, and keeps running', async () => {
    const expired = world.fake.injectCommand('ping', {}, { expired: true, timeoutMs: 1000 }).catch(() => 'never answered');
    const line = JSON.parse(await waitForLog(bot!.logs, /interaction expired or was already answered/));
    expect(line.code).toBe(10062);
    expect(await expired).toBe('never answered');
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('resumes after dropped gateway connections and keeps answering', async () => {
    world.fake.dropConnection(); // 1006, no close frame
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
    world.fake.dropConnection(4000);
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
    expect(world.fake.resumeCount).toBe(2);
    expect(world.fake.identifyCount).toBe(1);
    await waitForLog(bot!.logs, /gateway resumed/);
  });

  it('starts a new session after close code 4007 (invalid seq) and keeps answering', async () => {
    world.fake.dropConnection(4007); // invalid seq: discord.js starts a new session
    expect((await world.fake.injectCommand('ping')).reply?.content).toBe('pong');
    expect(world.fake.identifyCount).toBe(2);
  });

  it('works in DMs: no guild, no Manage Server', async () => {
    const r = await world.fake.injectCommand('echo', { subcommand: 'say', text: 'dm' }, { dm: true });
    const dmChannel = r.channelId;
    expect(JSON.parse(r.reply!.content).caller).toEqual({ userId: world.fake.users.member, guildId: null, channelId: dmChannel, canManageGuild: false, canManageWebhooks: false });
    expect((await world.fake.injectCommand('when', {}, { dm: true })).reply?.embeds.length).toBe(1);
    const admin = await world.fake.injectCommand('admin', {}, { dm: true, admin: true });
    expect(admin.reply?.content).toBe('/admin needs the Manage Server permission.');
  });

  it('refuses an admin command to a member without Manage Server, and runs it for one with it', async () => {
    const member = await world.fake.injectCommand('admin');
    expect(member.reply?.content).toBe('/admin needs the Manage Server permission.');
    expect(member.ephemeral).toBe(true);
    const admin = await world.fake.injectCommand('admin', {}, { admin: true });
    expect(admin.reply?.content).toBe('admin ok');
  });

  it('updates the message on a button press, and answers privately when the button is stale', async () => {
    const r = await world.fake.injectButton('pager:2');
    expect(r.callbacks.map((c) => c.type)).toEqual([7]);
    expect(r.reply?.content).toBe('page 2');
    expect(r.reply?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, custom_id: 'pager:1', label: 'Back' }] }]);
    const stale = await world.fake.injectButton('pager:boom');
    expect(stale.callbacks.map((c) => c.type)).toEqual([4]);
    expect(stale.ephemeral).toBe(true);
    const unknown = await world.fake.injectButton('gone:1');
    expect(unknown.reply?.content).toBe('This button is no longer active.');
  });

  it('defers a command that defers not by itself when its answer is not ready within 2 s, then edits it or answers privately', async () => {
    for (const hidden of [false, true]) {
      closeGate();
      const ran = world.fake.injectCommand('sluggish', { private: hidden }, { timeoutMs: 15_000 });
      const record = () => [...world.fake.interactions.values()].find((r) => r.kind === 'command' && r.callbacks.length > 0 && !r.settled);
      const deadline = performance.now() + 2_900;
      while (!record() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // "Thinking…" before Discord's deadline, while the answer is still being made.
      expect(record()?.callbacks.map((c) => c.type)).toEqual([5]);
      gate.open();
      const r = await ran;
      if (hidden) expect(r.followups.map((m) => [m.content, m.flags & EPHEMERAL])).toEqual([['at last', EPHEMERAL]]);
      else expect(r.reply?.content).toBe('at last');
    }
  }, 20_000);

  it('acknowledges a button press not answered within 2 s (Discord closes it at 3 s), then edits the message or answers privately', async () => {
    for (const [customId, ephemeral] of [['pager:late', false], ['pager:lateboom', true]] as const) {
      closeGate();
      const pressed = world.fake.injectButton(customId, { timeoutMs: 15_000 });
      const record = () => [...world.fake.interactions.values()].find((r) => r.kind === 'button' && r.callbacks.length > 0 && !r.settled);
      const deadline = performance.now() + 2_900;
      while (!record() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // Acknowledged before Discord's deadline, while the answer is still being made.
      expect(record()?.callbacks.map((c) => c.type)).toEqual([6]);
      gate.open();
      const r = await pressed;
      if (ephemeral) {
        expect(r.followups.map((m) => [m.content, m.flags & EPHEMERAL])).toEqual([['no longer', EPHEMERAL]]);
      } else {
        expect(r.reply?.content).toBe('page late');
        expect(r.followups).toEqual([]);
      }
    }
  }, 20_000);

  it('answers a slow autocomplete with no suggestions before Discord drops it, and a throwing one too, logging no secret', async () => {
    closeGate();
    const started = performance.now();
    const slow = await world.fake.injectAutocomplete('pick', { name: 'fruit', value: 'slow' }, undefined, { timeoutMs: 15_000 });
    expect(performance.now() - started).toBeLessThan(2_900);
    expect(slow.callbacks.map((c) => [c.type, c.data])).toEqual([[8, { choices: [] }]]);
    gate.open();
    await waitForLog(bot!.logs, /autocomplete too slow/);
    const boom = await world.fake.injectAutocomplete('pick', { name: 'fruit', value: 'boom' });
    expect(boom.choices).toEqual([]);
    await waitForLog(bot!.logs, /lookup failed for Bot/);
    expect(bot!.logs.join('\n')).not.toContain(TOKEN_IN_ERROR);
    // Still answering.
    expect((await world.fake.injectAutocomplete('pick', { name: 'fruit', value: 'ban' })).choices).toEqual([{ name: 'fruit: banana', value: 'banana' }]);
  }, 20_000);

  it('sends allowed_mentions parsing nothing on every message, even for text that tries to ping', async () => {
    await world.fake.injectCommand('hostile');
    await world.fake.injectCommand('slow');
    await world.fake.injectCommand('oops');
    await world.fake.injectButton('pager:2');
    await world.fake.injectCommand('boom');
    const messageRequests = world.fake.requests.filter((r) => /callback|webhooks/.test(r.path) && r.body?.type !== 5 && r.method !== 'DELETE');
    expect(messageRequests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST', 'POST', 'POST']);
    expect(world.fake.mentionViolations()).toEqual([]);
  });

  it('never logs the token', async () => {
    await world.fake.injectCommand('boom');
    await world.fake.injectCommand('ping');
    world.fake.dropConnection();
    await world.fake.injectCommand('ping');
    expect(bot!.logs.length).toBeGreaterThan(5);
    expect(bot!.logs.join('\n')).not.toContain(world.fake.token);
  });
});
