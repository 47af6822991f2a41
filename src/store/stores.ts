// Every store Herald keeps, behind the features' own interfaces, on one database: SQLite at
// DATABASE_PATH (the embedded default, one process) or PostgreSQL at DATABASE_URL (several processes
// share the work). main.ts opens one Stores and hands each feature its store.
import type { ArticleCache } from '../articles/cache';
import type { FeedStore } from '../feeds/store';
import type { ReminderStore } from '../reminders/store';
import type { MoveHolds } from '../reminders/holds';
import { SqliteMoveHolds } from './holds-sqlite';
import { SqliteArticleCache } from './article-cache';
import type { Presence } from './postgres/presence';
import type { Logger } from 'pino';
import { WalCheckpointer } from './checkpoint';
import { openDatabase, type Db } from './db';
import { SqliteFeedStore } from './feeds';
import { SqliteReminderStore } from './reminders-sqlite';
import type { MemberReminderStore } from '../reminders/member-store';
import { SqliteMemberReminderStore } from './member-reminders-sqlite';
import type { ReplayStore } from '../transports/http/replays';
import { SqliteReplayStore } from './replays-sqlite';

export interface Stores {
  kind: 'sqlite' | 'postgres';
  reminders: ReminderStore;
  /** Date moves held for an admin (issue 10, finding 3). */
  holds: MoveHolds;
  /** Members' own reminders (Remind me) and time zones. */
  members: MemberReminderStore;
  feeds: FeedStore;
  articleCache: ArticleCache;
  /** Interaction ids received over HTTP (replay refusal), shared by every replica on the database. */
  replays: ReplayStore;
  /** PostgreSQL: this process's presence (other processes take over what it held when it goes; the leader lock lives on it). */
  presence?: Presence;
  /** For /healthz: true when the database answered its last check (kept fresh by the stores). */
  answers(): boolean;
  close(): Promise<void>;
}

export function sqliteStores(db: Db, checkpointer?: WalCheckpointer): Stores & { db: Db } {
  // The article cache's writes run on the checkpointer's worker when there is one.
  const articleCache = new SqliteArticleCache(db, undefined, checkpointer);
  return {
    kind: 'sqlite',
    db,
    reminders: new SqliteReminderStore(db),
    holds: new SqliteMoveHolds(db),
    members: new SqliteMemberReminderStore(db),
    feeds: new SqliteFeedStore(db),
    articleCache,
    replays: new SqliteReplayStore(db),
    answers: () => {
      try {
        return (db.prepare('SELECT 1 AS ok').get() as { ok?: number } | undefined)?.ok === 1;
      } catch {
        return false;
      }
    },
    close: async () => {
      // What the cache was handed (a new article's row, written off the event loop) is committed before the worker stops.
      // A write that fails is reported (the shutdown logs it) after the worker and the database are closed anyway.
      try {
        await articleCache.flush();
      } finally {
        await checkpointer?.stop();
        db.close();
      }
    },
  };
}

/** `checkpoints`: WAL checkpoints on a worker thread, not inside the main connection's commits (what Herald runs with). */
export function openSqliteStores(path: string, options: { checkpoints?: boolean; log?: Logger } = {}): Stores & { db: Db } {
  const db = openDatabase(path);
  const checkpointer = options.checkpoints && path !== ':memory:' ? new WalCheckpointer(db, { path, log: options.log }).start() : undefined;
  return sqliteStores(db, checkpointer);
}
