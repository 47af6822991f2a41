// The scheduler's leadership on PostgreSQL (src/scheduler/leadership.ts declares Leadership): a
// session-level advisory lock held on the process's presence connection (presence.ts). It lives with the
// PostgreSQL stores: the scheduler declares the interface and knows nothing of the database.
// PostgreSQL releases it the moment that process dies or loses its connection, so a survivor takes it
// at its next acquire() (the due-scan asks every 5 s), well within a minute.
import type { Leadership } from '../../scheduler/leadership';
import { LEADER_LOCKS, type Presence } from './presence';

export class AdvisoryLeadership implements Leadership {
  readonly describe = 'PostgreSQL advisory lock (the leader holds it while its connection lives)';
  private leading = false;
  private readonly key: number;

  constructor(
    private readonly presence: Presence,
    name = 'scheduler',
  ) {
    this.key = lockKey(name);
  }

  async acquire(): Promise<boolean> {
    if (!this.presence.alive) return (this.leading = false);
    if (this.leading) return true;
    try {
      const { rows } = await this.presence.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LEADER_LOCKS, this.key]);
      this.leading = rows[0]?.ok === true;
    } catch {
      this.leading = false;
    }
    return this.leading;
  }

  async release(): Promise<void> {
    if (!this.leading) return;
    this.leading = false;
    if (this.presence.alive) await this.presence.query('SELECT pg_advisory_unlock($1, $2)', [LEADER_LOCKS, this.key]).catch(() => undefined);
  }
}

/** A stable int4 for a lock name. */
function lockKey(name: string): number {
  let h = 0;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}
