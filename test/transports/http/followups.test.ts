// What comes after the HTTP answer: deferrals inside Discord's 3 s (the fake Discord fails an interaction
// whose endpoint has not answered by then) and the answer through the interaction's webhook on the fake's
// REST API: edits of @original, private follow-ups, uploads, failures, and shutdown with follow-ups in flight.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Command } from '../../../src/core/command';
import { defineCommand } from '../../../src/services';
import { TimelinePictures } from '../../../src/pictures/timeline-picture';
import { commands as realCommands } from '../../../commands';
import { closeGate, gate, testCommands } from '../../e2e/bot-harness';
import { waitForLog } from '../../e2e/bot-harness';
import { startFakeDiscord, type FakeDiscord } from '../../e2e/fake-discord';
import { startHttpBot, type HttpBot } from './harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slowCommands: Command<any>[] = [
  defineCommand({ definition: { name: 'dawdle', description: 'Answers after 2.5 s without deferring' }, args: z.object({}), defer: 'none', run: async () => (await sleep(2_500), { content: 'at last' }) }),
  defineCommand({ definition: { name: 'sulk', description: 'Slowly refuses' }, args: z.object({}), defer: 'none', run: async () => (await sleep(300), { content: 'not like that', ephemeral: true }) }),
  defineCommand({
    definition: { name: 'slowpager', description: 'Pages slowly' },
    args: z.object({}),
    defer: 'none',
    run: () => ({ content: 'page 1', buttons: [{ customId: 'slowpager:2', label: 'Next' }] }),
    button: async (customId) => (await sleep(300), customId.endsWith('boom') ? { content: 'no', ephemeral: true } : { content: 'page 2' }),
  }),
];

let fake: FakeDiscord;
let bot: HttpBot | undefined;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await fake.close();
});

const webhookCalls = () => fake.requests.filter((r) => r.path.startsWith('/webhooks/')).map((r) => [r.method, r.path.replace(/\/webhooks\/\d+\/[^/]+/, '/webhooks/:app/:token'), r.status]);

describe('deferred answers over HTTP', () => {
  it("a deferred command's answer reaches Discord's REST as an edit of @original", async () => {
    bot = await startHttpBot(fake, { commands: testCommands });
    const r = await fake.injectCommand('slow');
    expect(r.callbacks.map((c) => c.type)).toEqual([5]);
    expect(r.reply?.embeds).toEqual([{ title: 'Done', description: 'After a defer.' }]);
    expect(webhookCalls()).toEqual([['PATCH', '/webhooks/:app/:token/messages/@original', 200]]);
    const edit = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.endpointCalls.at(-1)).toMatchObject({ status: 200, body: { type: 5 } });
  });

  it('an ephemeral deferral stays private; a public one answered privately is deleted and followed up privately', async () => {
    bot = await startHttpBot(fake, { commands: testCommands });
    const secret = await fake.injectCommand('secret');
    expect([secret.callbacks[0], secret.ephemeral, secret.final?.content]).toEqual([{ type: 5, data: { flags: 64 } }, true, 'only you']);
    const oops = await fake.injectCommand('oops');
    expect(oops.callbacks.map((c) => c.type)).toEqual([5]);
    expect([oops.final?.content, Boolean((oops.final?.flags ?? 0) & 64), oops.reply]).toEqual(['Say which article.', true, null]);
    expect(webhookCalls().slice(1)).toEqual([
      ['DELETE', '/webhooks/:app/:token/messages/@original', 204],
      ['POST', '/webhooks/:app/:token', 200],
    ]);
    expect(fake.mentionViolations()).toEqual([]);
  });

  it('a command that takes longer than Discord waits is deferred in time and then edited', async () => {
    bot = await startHttpBot(fake, { commands: slowCommands });
    const r = await fake.injectCommand('dawdle');
    const call = fake.endpointCalls.at(-1)!;
    expect(call.body).toEqual({ type: 5 });
    expect(call.ms).toBeLessThan(3_000);
    expect(r.reply?.content).toBe('at last');
    // Slow and private: deferred publicly (the answer was not known yet), then answered privately.
    const sulk = await startHttpBotAgain({ deferAfterMs: 100 });
    const s = await fake.injectCommand('sulk');
    expect([s.callbacks.map((c) => c.type), s.final?.content, Boolean((s.final?.flags ?? 0) & 64)]).toEqual([[5], 'not like that', true]);
    void sulk;
  }, 15_000);

  it('a slow button defers the update (type 6) and then edits the message, or answers privately', async () => {
    bot = await startHttpBot(fake, { commands: slowCommands, deferAfterMs: 100 });
    const r = await fake.injectButton('slowpager:2');
    expect([r.callbacks.map((c) => c.type), r.reply?.content]).toEqual([[6], 'page 2']);
    const refused = await fake.injectButton('slowpager:boom');
    expect([refused.callbacks.map((c) => c.type), refused.final?.content, Boolean((refused.final?.flags ?? 0) & 64)]).toEqual([[6], 'no', true]);
  });

  it("/timeline answers in text at once, then its picture is uploaded with an edit (multipart), with its alt text", async () => {
    bot = await startHttpBot(fake, { commands: realCommands, services: (s) => (s.pictures = new TimelinePictures()) });
    const r = await fake.injectCommand('timeline');
    expect(r.callbacks.map((c) => c.type)).toEqual([4]);
    expect(r.reply?.embeds.length).toBeGreaterThan(0);
    await waitForLog(bot.logs, /interaction reply updated/);
    const edit = fake.requests.find((q) => q.method === 'PATCH' && q.path.endsWith('/messages/@original'))!;
    expect(edit.files?.map((f) => [f.field, f.filename, f.contentType])).toEqual([['files[0]', 'timeline.png', 'image/png']]);
    expect(edit.files![0].data.subarray(1, 4).toString()).toBe('PNG');
    expect(edit.body.attachments).toEqual([{ id: 0, filename: 'timeline.png', description: expect.stringMatching(/^Timeline picture: /) }]);
    expect(edit.body.embeds.length).toBeGreaterThan(0);
  }, 30_000);

  it('a failed edit is logged and the user told privately; an expired interaction is only logged', async () => {
    bot = await startHttpBot(fake, { commands: testCommands });
    fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 500, 2);
    const r = await fake.injectCommand('slow');
    const told = r.followups.at(-1);
    expect([told?.content, Boolean((told?.flags ?? 0) & 64)]).toEqual(["Something went wrong on Herald's side. Please try again in a moment.", true]);
    await waitForLog(bot.logs, /could not answer the interaction/);
    fake.failNext('PATCH', '/webhooks/:app/:token/messages/@original', 404, 1, { body: { code: 10015, message: 'Unknown Webhook' } });
    await expect(fake.injectCommand('slow', {}, { timeoutMs: 1_500 })).rejects.toThrow(/not answered/);
    await waitForLog(bot.logs, /interaction expired or was already answered/);
  });

  it('shutdown: follow-ups in flight finish, new interactions are refused with 503', async () => {
    bot = await startHttpBot(fake, { commands: testCommands });
    closeGate();
    const inFlight = fake.injectCommand('gate');
    while (!fake.endpointCalls.some((c) => c.status === 200)) await sleep(5);
    const stopping = bot.stop();
    const late = await fake.injectCommand('ping', {}, { timeoutMs: 2_000 }).catch((e: Error) => e.message);
    expect(late).toMatch(/This interaction failed \(endpoint answered 503/);
    gate.open();
    expect((await inFlight).reply?.content).toBe('through the gate');
    await stopping;
    bot = undefined;
  });
});

/** Replaces the running bot with one that defers sooner (the fake's endpoint moves with it). */
async function startHttpBotAgain(options: { deferAfterMs: number }): Promise<HttpBot> {
  await bot?.stop();
  bot = await startHttpBot(fake, { commands: slowCommands, ...options });
  return bot;
}
