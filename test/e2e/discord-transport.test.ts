// Herald's Discord transport end to end: the real discord.js Client against the fake Discord, reached only
// through its API URL. Nothing is mocked: interactions go through the gateway, answers through REST.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands as realCommands } from '../../commands';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';
import { closeGate, gate, startBot, testCommands, waitForLog, type Bot } from './bot-harness';

let fake: FakeDiscord;
let bot: Bot | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await fake.close();
});

const EPHEMERAL = 64;
const allCommands = [...testCommands, ...realCommands];

describe('command sync at startup', () => {
  it('registers the commands in the configured guild once, and not again when unchanged', async () => {
    bot = await startBot(fake);
    expect(bot.discord.sync).toBe('registered');
    expect(fake.commandWrites.map((r) => [r.method, r.path])).toEqual([['PUT', `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`]]);
    expect(fake.commands(fake.guildId).map((c) => c.name).sort()).toEqual(testCommands.map((c) => c.definition.name).sort());
    await bot.stop();

    bot = await startBot(fake);
    expect(bot.discord.sync).toBe('unchanged');
    expect(fake.commandWrites).toHaveLength(1);
    await bot.stop();

    // A changed definition is registered again.
    const changed = testCommands.map((c) => (c.definition.name === 'ping' ? { ...c, definition: { ...c.definition, description: 'Pong!' } } : c));
    bot = await startBot(fake, { commands: changed });
    expect(bot.discord.sync).toBe('registered');
    expect(fake.commandWrites).toHaveLength(2);
    expect(fake.commands(fake.guildId).find((c) => c.name === 'ping')?.description).toBe('Pong!');
  });

  it('registers globally when no guild is configured, including the real commands', async () => {
    bot = await startBot(fake, { commands: allCommands, guildId: undefined });
    expect(fake.commandWrites.map((r) => r.path)).toEqual([`/applications/${fake.applicationId}/commands`]);
    expect(fake.commands().map((c) => c.name).sort()).toEqual(allCommands.map((c) => c.definition.name).sort());
    await bot.stop();
    bot = await startBot(fake, { commands: allCommands, guildId: undefined });
    expect(bot.discord.sync).toBe('unchanged');
    expect(fake.commandWrites).toHaveLength(1);
  });

  it('keeps running when the sync is refused', async () => {
    fake.failNext('PUT', '/applications/:app/guilds/:guild/commands', 403, 1, { body: { code: 50001, message: 'Missing Access' } });
    bot = await startBot(fake);
    expect(bot.discord.sync).toBe('failed');
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
  });
});

describe('shutdown', () => {
  it('finishes the interaction in flight, then takes no more and disconnects', async () => {
    bot = await startBot(fake);
    closeGate();
    const inFlight = fake.injectCommand('gate');
    while (!fake.requests.some((r) => r.path.endsWith('/callback') && r.body?.type === 5)) await new Promise((r) => setTimeout(r, 5));
    const stopped = bot.stop();
    const late = fake.injectCommand('ping', {}, { timeoutMs: 1000 }).catch(() => 'not taken');
    await waitForLog(bot.logs, /shutting down; interaction not taken/);
    gate.open();
    expect(await late).toBe('not taken');
    expect((await inFlight).reply?.content).toBe('through the gate');
    await stopped;
    bot = undefined;
    expect(fake.connectedCount()).toBe(0);
    expect(fake.requests.filter((r) => r.path.endsWith('/callback')).length).toBe(1);
  });
});

describe('interactions', () => {
  beforeEach(async () => {
    bot = await startBot(fake, { commands: allCommands });
  });

  it('answers /ping', async () => {
    const r = await fake.injectCommand('ping');
    expect(r.callbacks.map((c) => c.type)).toEqual([4]);
    expect(r.reply?.content).toBe('pong');
    expect(r.ephemeral).toBe(false);
  });

  it('delivers options flat: subcommand, integers, booleans, channel ids, and the caller', async () => {
    const r = await fake.injectCommand('echo', { subcommand: 'say', text: 'hi', count: 3, loud: true, channel: fake.channels.reminders });
    expect(JSON.parse(r.reply!.content)).toEqual({
      args: { subcommand: 'say', text: 'hi', count: 3, loud: true, channel: fake.channels.reminders },
      caller: { userId: fake.users.member, guildId: fake.guildId, channelId: fake.channels.general, canManageGuild: false, canManageWebhooks: false },
    });
  });

  it('answers every real command from commands/index.ts: the issue-3 ones with a public embed, admin ones refused to members', async () => {
    const issue3 = ['brief', 'when', 'timeline', 'who', 'facts', 'source', 'articles', 'status', 'help'];
    expect(realCommands.map((c) => c.definition.name)).toEqual(expect.arrayContaining(issue3));
    for (const command of realCommands) {
      const name = command.definition.name;
      const r = await fake.injectCommand(name);
      const seen = { name, content: r.final?.content ?? '', embeds: r.final?.embeds.length ?? 0, ephemeral: Boolean((r.final?.flags ?? 0) & EPHEMERAL) };
      expect(seen.content).not.toMatch(/Something went wrong/);
      if (command.adminOnly) expect(seen).toEqual({ name, content: `/${name} needs the Manage Server permission.`, embeds: 0, ephemeral: true });
      else if (issue3.includes(name)) expect({ ...seen, embeds: seen.embeds > 0 }).toEqual({ name, content: '', embeds: true, ephemeral: false });
    }
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('autocompletes article headlines for /brief and a test command', async () => {
    const r = await fake.injectAutocomplete('brief', { name: 'article', value: 'csto' });
    expect(r.callbacks.map((c) => c.type)).toEqual([8]);
    expect(r.choices?.map((c) => c.name)).toEqual([bot!.services.articles.list()[0].article.headline]);
    expect(r.choices?.[0].value).toBe(bot!.services.articles.list()[0].article.id);
    const fruit = await fake.injectAutocomplete('pick', { name: 'fruit', value: 'ap' });
    expect(fruit.choices).toEqual([
      { name: 'fruit: apple', value: 'apple' },
      { name: 'fruit: apricot', value: 'apricot' },
    ]);
  });

  it('tells the user privately when the article does not exist', async () => {
    const r = await fake.injectCommand('brief', { article: 'no such thing at all' });
    expect(r.reply?.content).toBe('No such article — see /articles.');
    expect(r.ephemeral).toBe(true);
    expect(r.reply?.flags).toBe(EPHEMERAL);
  });

  it('answers a throwing command with an ephemeral error whose id is in the log, and keeps running', async () => {
    const r = await fake.injectCommand('boom');
    const id = /error id `([0-9a-f]{8})`/.exec(r.reply!.content)?.[1];
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(r.ephemeral).toBe(true);
    const line = JSON.parse(await waitForLog(bot!.logs, new RegExp(`"errorId":"${id}"`)));
    expect(line.msg).toBe('command failed');
    expect(line.err.message).toBe('kaboom in a test command');
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('retries the interaction callback after a 429 and the user gets the answer', async () => {
    fake.failNext('POST', '/interactions/:id/:token/callback', 429, 1, { retryAfterMs: 50 });
    const r = await fake.injectCommand('ping');
    expect(r.reply?.content).toBe('pong');
    const attempts = fake.requests.filter((q) => q.path === `/interactions/${r.id}/${r.token}/callback`).map((q) => q.status);
    expect(attempts).toEqual([429, 204]);
  });

  it('answers with the generic error when the reply itself keeps failing with 5xx', async () => {
    fake.failNext('POST', '/interactions/:id/:token/callback', 500, 2);
    const r = await fake.injectCommand('ping');
    expect(r.reply?.content).toBe("Something went wrong on Herald's side. Please try again in a moment.");
    expect(r.ephemeral).toBe(true);
    const attempts = fake.requests.filter((q) => q.path === `/interactions/${r.id}/${r.token}/callback`).map((q) => q.status);
    expect(attempts).toEqual([500, 500, 204]);
  });

  it('retries a rate-limited edit of a deferred reply', async () => {
    fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 429, 1, { retryAfterMs: 50 });
    const r = await fake.injectCommand('slow');
    expect(r.reply?.embeds).toEqual([{ title: 'Done', description: 'After a defer.' }]);
  });

  it('defers publicly then edits; defers ephemerally then edits', async () => {
    const slow = await fake.injectCommand('slow');
    expect(slow.callbacks.map((c) => c.type)).toEqual([5]);
    expect(slow.reply?.embeds).toEqual([{ title: 'Done', description: 'After a defer.' }]);
    expect(slow.ephemeral).toBe(false);
    const secret = await fake.injectCommand('secret');
    expect(secret.callbacks).toEqual([{ type: 5, data: { flags: EPHEMERAL } }]);
    expect(secret.reply?.content).toBe('only you');
    expect(secret.reply?.flags).toBe(EPHEMERAL);
  });

  it('keeps a user mistake private even after a public defer', async () => {
    const r = await fake.injectCommand('oops');
    expect(r.reply).toBeNull(); // the public "thinking…" was deleted
    expect(r.final?.content).toBe('Say which article.');
    expect(r.final?.flags).toBe(EPHEMERAL);
  });

  it('edits the deferred reply with the generic error when Discord fails the edit', async () => {
    fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 500, 2);
    const r = await fake.injectCommand('slow');
    expect(r.reply?.content).toBe("Something went wrong on Herald's side. Please try again in a moment.");
    await waitForLog(bot!.logs, /could not answer the interaction/);
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('logs an interaction that expired before Herald answered, and keeps running', async () => {
    const expired = fake.injectCommand('ping', {}, { expired: true, timeoutMs: 1000 }).catch(() => 'never answered');
    const line = JSON.parse(await waitForLog(bot!.logs, /interaction expired or was already answered/));
    expect(line.code).toBe(10062);
    expect(await expired).toBe('never answered');
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
  });

  it('resumes after dropped gateway connections and keeps answering', async () => {
    fake.dropConnection(); // 1006, no close frame
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
    fake.dropConnection(4000);
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
    expect(fake.resumeCount).toBe(2);
    expect(fake.identifyCount).toBe(1);
    await waitForLog(bot!.logs, /gateway resumed/);
  });

  it('starts a new session after close code 4007 (invalid seq) and keeps answering', async () => {
    fake.dropConnection(4007); // invalid seq: discord.js starts a new session
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
    expect(fake.identifyCount).toBe(2);
  });

  it('works in DMs: no guild, no Manage Server', async () => {
    const r = await fake.injectCommand('echo', { subcommand: 'say', text: 'dm' }, { dm: true });
    const dmChannel = r.channelId;
    expect(JSON.parse(r.reply!.content).caller).toEqual({ userId: fake.users.member, guildId: null, channelId: dmChannel, canManageGuild: false, canManageWebhooks: false });
    expect((await fake.injectCommand('when', {}, { dm: true })).reply?.embeds.length).toBe(1);
    const admin = await fake.injectCommand('admin', {}, { dm: true, admin: true });
    expect(admin.reply?.content).toBe('/admin needs the Manage Server permission.');
  });

  it('refuses an admin command to a member without Manage Server, and runs it for one with it', async () => {
    const member = await fake.injectCommand('admin');
    expect(member.reply?.content).toBe('/admin needs the Manage Server permission.');
    expect(member.ephemeral).toBe(true);
    const admin = await fake.injectCommand('admin', {}, { admin: true });
    expect(admin.reply?.content).toBe('admin ok');
  });

  it('updates the message on a button press, and answers privately when the button is stale', async () => {
    const r = await fake.injectButton('pager:2');
    expect(r.callbacks.map((c) => c.type)).toEqual([7]);
    expect(r.reply?.content).toBe('page 2');
    expect(r.reply?.components).toEqual([{ type: 1, components: [{ type: 2, style: 2, custom_id: 'pager:1', label: 'Back' }] }]);
    const stale = await fake.injectButton('pager:boom');
    expect(stale.callbacks.map((c) => c.type)).toEqual([4]);
    expect(stale.ephemeral).toBe(true);
    const unknown = await fake.injectButton('gone:1');
    expect(unknown.reply?.content).toBe('This button is no longer active.');
  });

  it('sends allowed_mentions parsing nothing on every message, even for text that tries to ping', async () => {
    await fake.injectCommand('hostile');
    await fake.injectCommand('slow');
    await fake.injectCommand('oops');
    await fake.injectButton('pager:2');
    await fake.injectCommand('boom');
    const messageRequests = fake.requests.filter((r) => /callback|webhooks/.test(r.path) && r.body?.type !== 5 && r.method !== 'DELETE');
    expect(messageRequests.map((r) => r.method)).toEqual(['POST', 'PATCH', 'POST', 'POST', 'POST']);
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('never logs the token', async () => {
    await fake.injectCommand('boom');
    await fake.injectCommand('ping');
    fake.dropConnection();
    await fake.injectCommand('ping');
    expect(bot!.logs.length).toBeGreaterThan(5);
    expect(bot!.logs.join('\n')).not.toContain(fake.token);
  });
});
