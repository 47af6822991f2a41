// Which process runs the singleton jobs. With SQLite there is one process: it always leads. On
// PostgreSQL the leader holds a session-level advisory lock on its presence connection
// (src/store/postgres/presence.ts): PostgreSQL releases it the moment that process dies or loses its
// connection, and a follower that retries every `retryMs` (default 10 s) takes over well within a minute.
//
//   const lease = leaderLease(stores);          // AlwaysLeader on SQLite, AdvisoryLeader on PostgreSQL
//   await lease.start();                        // tries at once, then every retryMs
//   lease.onChange((leading) => …);             // e.g. start or stop a scheduler
//   if (lease.isLeader()) …;
//   await lease.stop();                         // gives the lock up (another process takes over)
import type { Logger } from 'pino';
import { LEADER_LOCKS, type Presence } from '../store/postgres/presence';

export interface LeaderLease {
  isLeader(): boolean;
  onChange(listener: (leading: boolean) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One process on its own database: it leads from start to stop. */
export class AlwaysLeader implements LeaderLease {
  private leading = false;
  private readonly listeners: ((leading: boolean) => void)[] = [];

  isLeader(): boolean {
    return this.leading;
  }

  onChange(listener: (leading: boolean) => void): void {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    this.leading = true;
    for (const l of this.listeners) l(true);
  }

  async stop(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    for (const l of this.listeners) l(false);
  }
}

/** The leader lock (key: `name`) on the presence connection of a PostgreSQL process. */
export class AdvisoryLeader implements LeaderLease {
  private leading = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: ((leading: boolean) => void)[] = [];
  private readonly key: number;

  constructor(
    private readonly presence: Presence,
    private readonly log: Logger,
    private readonly options: { name?: string; retryMs?: number } = {},
  ) {
    this.key = lockKey(options.name ?? 'scheduler');
  }

  isLeader(): boolean {
    return this.leading && this.presence.alive;
  }

  onChange(listener: (leading: boolean) => void): void {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    await this.attempt();
    this.timer = setInterval(() => void this.attempt(), this.options.retryMs ?? 10_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!this.leading) return;
    if (this.presence.alive) await this.presence.query('SELECT pg_advisory_unlock($1, $2)', [LEADER_LOCKS, this.key]).catch(() => undefined);
    this.set(false);
  }

  private async attempt(): Promise<void> {
    if (!this.presence.alive) return this.set(false);
    if (this.leading) return;
    try {
      const { rows } = await this.presence.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LEADER_LOCKS, this.key]);
      if (rows[0]?.ok) this.set(true);
    } catch (error) {
      this.log.warn({ err: error }, 'could not try the leader lock');
    }
  }

  private set(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    this.log.info({ leading }, leading ? 'leading: this process runs the scheduler' : 'no longer leading');
    for (const l of this.listeners) l(leading);
  }
}

/** A stable int4 for a lock name. */
function lockKey(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
