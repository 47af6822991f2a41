// Gateway drops through the real discord.js client against the fake Discord: an abrupt drop (1006) and
// 4000 (unknown error) resume the session; 4009 (session timed out) makes discord.js identify afresh. After
// each, commands keep working; an interaction sent while the bot is away is delivered when it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { startBot, testCommands, type Bot } from '../e2e/bot-harness';

let fake: FakeDiscord;
let bot: Bot;

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  bot = await startBot(fake, { commands: testCommands });
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('gateway drops', () => {
  for (const code of [1006, 4000] as const) {
    it(`close code ${code}: the session resumes and commands keep working`, async () => {
      const resumes = fake.resumeCount;
      const identifies = fake.identifyCount;
      fake.dropConnection(code);
      await until(() => fake.resumeCount > resumes && fake.connectedCount() === 1, 'a resume');
      expect(fake.identifyCount).toBe(identifies);
      expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
    }, 30_000);
  }

  it('close code 4009 (session timed out): a new session is identified and commands keep working', async () => {
    const identifies = fake.identifyCount;
    fake.dropConnection(4009);
    await until(() => fake.identifyCount > identifies && fake.connectedCount() === 1, 'a new identify');
    expect((await fake.injectCommand('ping')).reply?.content).toBe('pong');
  }, 30_000);

  it('several drops in a row: still one connection, every command answered', async () => {
    for (const code of [1006, 4000, 1006]) {
      const before = fake.resumeCount + fake.identifyCount;
      fake.dropConnection(code);
      await until(() => fake.resumeCount + fake.identifyCount > before && fake.connectedCount() === 1, `reconnect after ${code}`);
    }
    const answers = await Promise.all(Array.from({ length: 5 }, () => fake.injectCommand('ping')));
    expect(answers.map((a) => a.reply?.content)).toEqual(['pong', 'pong', 'pong', 'pong', 'pong']);
    expect(fake.connectedCount()).toBe(1);
  }, 60_000);
});
