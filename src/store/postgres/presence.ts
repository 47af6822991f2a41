// A Herald process's presence on the PostgreSQL database: one dedicated connection holding a
// session-level advisory lock on the process's own id for as long as the process lives. PostgreSQL
// drops the lock the moment that connection ends (a crash, SIGKILL, a lost network), so any other
// process can tell a claim whose holder is gone (claimed_by no longer in pg_locks) from one still being
// worked on, and take it over at once instead of waiting for its lease to run out.
// The same connection holds the scheduler's leader lock (leadership.ts, HTTP replicas).
import { randomInt } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';

/** Advisory-lock namespaces (the first int4 key): "HRLD" for presence, +1 for the leader, +2 for migrations. */
export const PRESENCE_LOCKS = 0x48524c44;
export const LEADER_LOCKS = PRESENCE_LOCKS + 1;
export const MIGRATION_LOCKS = PRESENCE_LOCKS + 2;

/** SQL: the ids of the processes present now (their presence lock is held). */
export const LIVE_OWNERS = `SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND classid = ${PRESENCE_LOCKS} AND objsubid = 2 AND granted`;

export class Presence {
  private lost = false;

  private constructor(
    private readonly client: pg.Client,
    /** This process's id (claimed_by, reserved_by, poll_by). */
    readonly owner: number,
  ) {}

  /** Connects and takes a free presence id. `onLost` runs if the connection ends while Herald runs. */
  static async start(connectionString: string, log: Logger, onLost: (error: Error) => void): Promise<Presence> {
    const client = new pg.Client({ connectionString, application_name: 'herald presence' });
    await client.connect();
    for (let attempt = 0; attempt < 20; attempt++) {
      const owner = randomInt(1, 2 ** 31 - 1);
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [PRESENCE_LOCKS, owner]);
      if (rows[0]?.ok) {
        const presence = new Presence(client, owner);
        const lose = (error: Error) => {
          if (presence.lost) return;
          presence.lost = true;
          log.fatal({ err: error }, 'lost the PostgreSQL presence connection');
          onLost(error);
        };
        client.on('error', lose);
        client.on('end', () => lose(new Error('the presence connection ended')));
        return presence;
      }
    }
    await client.end();
    throw new Error('could not take a presence id on PostgreSQL');
  }

  /** Runs a query on the presence connection (the leader lock must live on it: it is session-level). */
  query<R extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.client.query<R>(sql, values);
  }

  get alive(): boolean {
    return !this.lost;
  }

  async close(): Promise<void> {
    if (this.lost) return;
    this.lost = true;
    this.client.removeAllListeners('end');
    this.client.removeAllListeners('error');
    this.client.on('error', () => undefined);
    await this.client.end().catch(() => undefined);
  }
}
