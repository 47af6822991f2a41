// Two HTTP-interaction replicas (INTERACTIONS=http, real child processes) on one PostgreSQL database,
// as behind a load balancer: the fake Discord POSTs signed interactions to either. What one replica
// stores the other answers from; a signed request answered by one is refused as a replay by the other
// (the ids received are in the database); exactly one leads the scheduler (the advisory lock), and when
// the leader is SIGKILLed the survivor takes the lead within a minute while still answering.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { logLines, spawnHerald, until, type Child } from '../hardening/child';
import { httpHeraldEnv, pingInteraction } from '../transports/http/harness';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { freshDatabase } from './db';

const LEADS = 'this process is the scheduler leader: it runs reminders and feeds';
const FOLLOWS = 'another process runs reminders and feeds; this one answers commands only';

let fake: FakeDiscord;
const children: Child[] = [];
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterEach(() => {
  for (const c of children) c.kill('SIGKILL');
});
afterAll(async () => {
  await fake.close();
});

describe('HTTP replicas on PostgreSQL', () => {
  it('share state, have one scheduler leader, and the survivor takes over when it dies', async () => {
    const url = await freshDatabase('http');
    const start = () => {
      const child = spawnHerald({ ...httpHeraldEnv(fake), DATABASE_URL: url, DATABASE_PATH: '/nonexistent/unused.db' });
      children.push(child);
      return child;
    };
    const endpoint = (c: Child) => logLines(c.output()).find((l) => l.msg === 'interactions endpoint listening')?.url as string | undefined;
    const said = (c: Child, msg: string) => logLines(c.output()).filter((l) => l.msg === msg).length;

    const a = start();
    const b = start();
    await until(() => Boolean(endpoint(a) && endpoint(b)), 'both replicas to listen', a, 90_000);
    await until(() => said(a, LEADS) + said(a, FOLLOWS) > 0 && said(b, LEADS) + said(b, FOLLOWS) > 0, 'both to ask for the lead', b, 30_000);
    expect(said(a, LEADS) + said(b, LEADS)).toBe(1);
    const [leader, follower] = said(a, LEADS) ? [a, b] : [b, a];

    // Stored through one replica, read through the other.
    fake.useInteractionsEndpoint(endpoint(leader)!);
    const set = await fake.injectCommand('remind', { subcommand: 'channel', channel: fake.channels.reminders }, { admin: true });
    expect(set.final?.embeds.length).toBe(1);
    fake.useInteractionsEndpoint(endpoint(follower)!);
    const list = await fake.injectCommand('remind', { subcommand: 'list' }, { admin: true });
    expect(JSON.stringify(list.final)).toContain(fake.channels.reminders);

    // A captured signed request, answered by one replica, is refused by the other within its window.
    const ping = pingInteraction(fake);
    const signed = fake.signInteraction(ping);
    const post = async (c: Child) => {
      const res = await fetch(endpoint(c)!, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body: ping });
      return { status: res.status, text: await res.text() };
    };
    expect((await post(leader)).status).toBe(200);
    expect(await post(follower)).toEqual({ status: 401, text: 'interaction already received\n' });
    expect(await post(leader)).toEqual({ status: 401, text: 'interaction already received\n' });

    // The leader dies; the survivor leads within a minute (its due-scan asks every 5 s) and keeps answering.
    leader.kill('SIGKILL');
    await leader.exited;
    const killedAt = performance.now();
    await until(() => said(follower, LEADS) > 0, 'the survivor to take the lead', follower, 60_000);
    expect(performance.now() - killedAt).toBeLessThan(60_000);
    const when = await fake.injectCommand('when');
    expect(when.final?.embeds.length).toBe(1);
    expect(fake.mentionViolations()).toEqual([]);
  }, 240_000);
});
