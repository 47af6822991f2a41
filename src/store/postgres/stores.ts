// Herald's stores on PostgreSQL (DATABASE_URL): one pool, migrations applied under a lock, and the
// process's presence (presence.ts) that lets other processes take over what this one held if it dies.
import type { Logger } from 'pino';
import type pg from 'pg';
import type { Stores } from '../stores';
import { PgArticleCache } from './article-cache';
import { PgFeedStore } from './feeds';
import { createPool, migratePostgres } from './pool';
import { Presence } from './presence';
import { PgReminderStore } from './reminders';
import { PgMoveHolds } from './holds';
import { PgReplayStore } from './replays';
import { PgMemberReminderStore } from './member-reminders';

export interface PostgresStores extends Stores {
  pool: pg.Pool;
  presence: Presence;
}

export interface OpenPostgresOptions {
  log: Logger;
  /** The presence connection ended while running (default: log and exit, so a supervisor restarts Herald). */
  onLost?: (error: Error) => void;
  /** Pool size (default 10). */
  max?: number;
  /** How often /healthz's database check is refreshed (default 5 s). */
  healthEveryMs?: number;
}

export async function openPostgresStores(url: string, o: OpenPostgresOptions): Promise<PostgresStores> {
  const pool = createPool(url, { max: o.max });
  let presence: Presence | undefined;
  try {
    const applied = await migratePostgres(pool);
    if (applied.length > 0) o.log.info({ applied }, 'PostgreSQL migrations applied');
    // Without its presence this process's claims would look abandoned to the others: it stops at once.
    presence = await Presence.start(url, o.log, o.onLost ?? (() => process.exit(70)));
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let healthy = true;
  const check = async () => {
    try {
      healthy = (await pool.query<{ ok: number }>('SELECT 1 AS ok')).rows[0]?.ok === 1 && presence.alive;
    } catch {
      healthy = false;
    }
  };
  const timer = setInterval(() => void check(), o.healthEveryMs ?? 5_000);
  timer.unref();
  const owner = presence.owner;
  const articleCache = new PgArticleCache(pool);
  return {
    kind: 'postgres',
    pool,
    presence,
    reminders: new PgReminderStore(pool, owner),
    holds: new PgMoveHolds(pool),
    members: new PgMemberReminderStore(pool, owner),
    feeds: new PgFeedStore(pool, owner),
    articleCache,
    replays: new PgReplayStore(pool),
    answers: () => healthy && presence.alive,
    close: async () => {
      clearInterval(timer);
      // A new article's cache row is written in the background (ingestOne does not wait for it): written before the pool ends.
      await articleCache.flush().catch((error: unknown) => o.log.warn({ err: error }, 'could not write the article cache at shutdown'));
      await presence.close();
      await pool.end();
    },
  };
}
