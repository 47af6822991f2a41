import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { Scheduler } from '../../src/scheduler/scheduler';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

describe('Scheduler', () => {
  it('runs a job with a log line around it, and turns a throw into a logged failure', async () => {
    const { log, lines } = capture();
    const s = new Scheduler(log);
    let runs = 0;
    s.add({ name: 'ok', schedule: '*/5 * * * * *', run: () => void runs++ });
    s.add({ name: 'boom', schedule: '*/5 * * * * *', run: () => Promise.reject(new Error('disk on fire')) });
    expect(await s.runNow('ok')).toMatchObject({ ok: true });
    expect(runs).toBe(1);
    expect(await s.runNow('boom')).toMatchObject({ ok: false, error: 'disk on fire' });
    expect(lines.map((l) => [l.job, l.msg])).toEqual([
      ['ok', 'job ran'],
      ['boom', 'job failed'],
    ]);
    expect((lines[1].err as { message: string }).message).toBe('disk on fire');
  });

  it('skips a tick while the previous run of the same job is still going', async () => {
    const s = new Scheduler(pino({ level: 'silent' }));
    let release!: () => void;
    let runs = 0;
    s.add({ name: 'slow', schedule: '* * * * *', run: () => new Promise<void>((r) => ((release = r), runs++)) });
    const first = s.runNow('slow');
    expect(await s.runNow('slow')).toEqual({ ok: true, skipped: true, why: 'running' });
    release();
    expect(await first).toMatchObject({ ok: true });
    expect(runs).toBe(1);
  });

  it('refuses an invalid schedule and a duplicate name when the job is declared', () => {
    const s = new Scheduler(pino({ level: 'silent' }));
    expect(() => s.add({ name: 'x', schedule: 'every five seconds', run: () => undefined })).toThrow('job "x": invalid cron schedule "every five seconds"');
    s.add({ name: 'y', schedule: '* * * * *', run: () => undefined });
    expect(() => s.add({ name: 'y', schedule: '* * * * *', run: () => undefined })).toThrow('job "y" is already declared');
  });
});

describe('Scheduler with a leadership', () => {
  it('runs jobs only while this process leads, asking before every run', async () => {
    const { log } = capture();
    let leading = false;
    let asked = 0;
    const leadership = { describe: 'test lease', acquire: async () => (asked++, leading), release: async () => undefined };
    const s = new Scheduler(log, { leadership });
    let runs = 0;
    s.add({ name: 'due-scan', schedule: '*/5 * * * * *', run: () => void runs++ });
    expect(await s.runNow('due-scan')).toEqual({ ok: true, skipped: true, why: 'follower' });
    expect(runs).toBe(0);
    leading = true;
    expect(await s.runNow('due-scan')).toMatchObject({ ok: true, durationMs: expect.any(Number) });
    leading = false;
    expect(await s.runNow('due-scan')).toEqual({ ok: true, skipped: true, why: 'follower' });
    expect([runs, asked]).toEqual([1, 3]);
    // A check that throws skips the run, logged.
    const failing = new Scheduler(log, { leadership: { describe: 'broken', acquire: () => Promise.reject(new Error('database gone')), release: async () => undefined } });
    failing.add({ name: 'due-scan', schedule: '*/5 * * * * *', run: () => void runs++ });
    expect(await failing.runNow('due-scan')).toEqual({ ok: true, skipped: true, why: 'follower' });
    expect(runs).toBe(1);
  });

  it('stop() waits for a run that is still asking the leadership or running', async () => {
    const { log } = capture();
    const leadership = { describe: 'slow lease', acquire: () => new Promise<boolean>((r) => setTimeout(() => r(true), 20)), release: async () => undefined };
    const s = new Scheduler(log, { leadership });
    const order: string[] = [];
    s.add({ name: 'slow', schedule: '0 0 1 1 *', run: () => new Promise<void>((r) => setTimeout(r, 20)).then(() => void order.push('job finished')) });
    const run = s.runNow('slow');
    await s.stop();
    order.push('stopped');
    await run;
    expect(order).toEqual(['job finished', 'stopped']);
  });

  it('the sole (SQLite) leadership always leads; the logging wrapper logs changes once and treats a failing check as follower', async () => {
    const { SoleLeadership, loggingLeadership } = await import('../../src/scheduler/leadership');
    expect(await new SoleLeadership().acquire()).toBe(true);
    const { log, lines } = capture();
    const answers: (boolean | Error)[] = [true, true, new Error('database gone'), false, false, true];
    const inner = {
      describe: 'flaky',
      acquire: async () => {
        const a = answers.shift()!;
        if (a instanceof Error) throw a;
        return a;
      },
      release: async () => undefined,
    };
    const wrapped = loggingLeadership(inner, log);
    const seen: boolean[] = [];
    for (let i = 0; i < 6; i++) seen.push(await wrapped.acquire());
    expect(seen).toEqual([true, true, false, false, false, true]);
    expect(lines.map((l) => l.msg)).toEqual([
      'this process is the scheduler leader: it runs reminders and feeds',
      'leadership check failed; jobs skipped this tick',
      'another process runs reminders and feeds; this one answers commands only',
      'this process is the scheduler leader: it runs reminders and feeds',
    ]);
  });
});
