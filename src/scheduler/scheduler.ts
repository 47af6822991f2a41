// Runs declared jobs ({ name, schedule, run }) on node-cron. Every run is wrapped in a try/catch and
// logged; a run that is still going when the next tick fires is skipped rather than overlapped.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { Leadership } from './leadership';

export interface Job {
  name: string;
  /** node-cron expression; six fields allow seconds ("*\/5 * * * * *" = every 5 s). */
  schedule: string;
  /** `signal` aborts when the scheduler stops: a long run (a due-scan through many reminders) ends early. */
  run(signal: AbortSignal): Promise<unknown> | unknown;
}

export type JobOutcome =
  | { ok: true; skipped?: false; durationMs: number }
  /** 'running': the previous run is not done; 'follower': another process is the leader. */
  | { ok: true; skipped: true; why?: 'running' | 'follower' }
  | { ok: false; error: string; durationMs: number };

export class Scheduler {
  private readonly jobs = new Map<string, { job: Job; task?: ScheduledTask; running: boolean; current?: Promise<unknown> }>();
  private started = false;
  /** Aborted by stop(): runs in progress see it and end at their next check. */
  private stopping = new AbortController();

  /**
   * unref: ticks alone do not keep the process alive (the console mode ends with its input).
   * leadership: when several processes share a database, only the leader's runs go ahead (default: always).
   */
  constructor(
    private readonly log: Logger,
    private readonly options: { unref?: boolean; leadership?: Leadership } = {},
  ) {}

  add(job: Job): void {
    if (this.jobs.has(job.name)) throw new Error(`job "${job.name}" is already declared`);
    if (!cron.validate(job.schedule)) throw new Error(`job "${job.name}": invalid cron schedule "${job.schedule}"`);
    this.jobs.set(job.name, { job, running: false });
    if (this.started) this.start();
  }

  /** Starts every declared job; jobs added later start as they are added. */
  start(): void {
    this.started = true;
    if (this.stopping.signal.aborted) this.stopping = new AbortController();
    for (const [name, entry] of this.jobs) {
      if (entry.task) continue;
      entry.task = cron.schedule(entry.job.schedule, () => this.runNow(name), { name, unref: this.options.unref });
      this.log.info({ job: name, schedule: entry.job.schedule }, 'job scheduled');
    }
  }

  /** Stops the ticks and signals runs in progress to end, then waits for them (shutdown closes the database only after them). */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping.abort();
    for (const entry of this.jobs.values()) {
      if (!entry.task) continue;
      await entry.task.destroy();
      entry.task = undefined;
    }
    await Promise.allSettled([...this.jobs.values()].map((e) => e.current));
  }

  /** Runs a job once now (also what each cron tick calls). Never throws. */
  async runNow(name: string): Promise<JobOutcome> {
    const entry = this.jobs.get(name);
    if (!entry) throw new Error(`no job named "${name}"`);
    if (entry.running) {
      this.log.debug({ job: name }, 'job still running; tick skipped');
      return { ok: true, skipped: true, why: 'running' };
    }
    entry.running = true;
    const started = performance.now();
    try {
      // Set before any await, so stop() always sees a run that has begun (the leadership check included).
      const FOLLOWER = Symbol('follower');
      const signal = this.stopping.signal;
      entry.current = this.options.leadership
        ? this.mayRun().then((leading) => (leading ? entry.job.run(signal) : FOLLOWER))
        : Promise.resolve(entry.job.run(signal));
      if ((await entry.current) === FOLLOWER) return { ok: true, skipped: true, why: 'follower' };
      const durationMs = round(performance.now() - started);
      this.log.debug({ job: name, durationMs }, 'job ran');
      return { ok: true, durationMs };
    } catch (error) {
      const durationMs = round(performance.now() - started);
      this.log.error({ job: name, durationMs, err: error }, 'job failed');
      return { ok: false, error: error instanceof Error ? error.message : String(error), durationMs };
    } finally {
      entry.running = false;
      entry.current = undefined;
    }
  }

  /** Asks the leadership (if any); a check that throws counts as not leading, so this tick is skipped. */
  private async mayRun(): Promise<boolean> {
    const leadership = this.options.leadership;
    if (!leadership) return true;
    try {
      return await leadership.acquire();
    } catch (error) {
      this.log.warn({ err: error }, 'leadership check failed; job skipped this tick');
      return false;
    }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
