// Which process runs the scheduled jobs (the reminders due-scan, feed polls, announcements) when several
// Herald processes share one database: HTTP-interaction replicas behind a load balancer, or several
// gateway-less workers. Every process answers commands; only the leader runs jobs. The Scheduler asks
// before each run, so a leader that dies is replaced at the next tick of a survivor once its lease lapses.
import type { Logger } from 'pino';

export interface Leadership {
  /**
   * Acquires the leadership when it is free (or lapsed) and renews it when this process holds it; true
   * while this process is the leader. Called before every run of a scheduled job (the due-scan ticks every
   * 5 s), so a lease of ~30 s stays held by a live leader and passes on within a minute of its death.
   * Must not throw for a database hiccup: answer false (the job is skipped this tick).
   */
  acquire(): Promise<boolean>;
  /** Gives the leadership up at shutdown so another process takes over at its next tick. */
  release(): Promise<void>;
  /** For logs and the status page: 'sole process' or the lease's description. */
  readonly describe: string;
}

/**
 * The single-process leadership: always the leader. Right for SQLite, which is one Herald process per
 * database file; several processes need a shared lease (PostgreSQL's).
 */
export class SoleLeadership implements Leadership {
  readonly describe = 'sole process (SQLite: one Herald process per database)';
  async acquire(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
}

/** Logs each change of leadership once (gained or lost), not every tick. */
export function loggingLeadership(inner: Leadership, log: Logger): Leadership {
  let leading: boolean | undefined;
  return {
    describe: inner.describe,
    async acquire() {
      let now = false;
      try {
        now = await inner.acquire();
      } catch (error) {
        log.warn({ err: error }, 'leadership check failed; jobs skipped this tick');
      }
      if (now !== leading) log.info({ leadership: inner.describe }, now ? 'this process is the scheduler leader: it runs reminders and feeds' : 'another process runs reminders and feeds; this one answers commands only');
      leading = now;
      return now;
    },
    release: () => inner.release(),
  };
}
