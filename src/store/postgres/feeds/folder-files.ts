// FolderFileStore on PostgreSQL: the articles folder's files as last recorded (table folder_files); a
// changed file queues its announcements in the same transaction, through the outbox.
import type pg from 'pg';
import { inTransaction } from '../pool';
import type { PgOutbox } from './outbox';
import { folderFileRow } from '../../feed-rows';
import type { FolderFileStore, NewAnnouncement } from '../../../feeds/store';

export class PgFolderFiles implements FolderFileStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly outbox: PgOutbox,
  ) {}

  async folderFile(origin: string): Promise<{ contentHash: string } | undefined> {
    const { rows } = await this.pool.query('SELECT content_hash FROM folder_files WHERE origin = $1', [origin]);
    return rows[0] ? folderFileRow.parse(rows[0]) : undefined;
  }

  async folderFileCount(): Promise<number> {
    return (await this.pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM folder_files')).rows[0]?.n ?? 0;
  }

  recordFolderFile(origin: string, contentHash: string, at: Date, announcements: NewAnnouncement[] = []): Promise<boolean> {
    return inTransaction(this.pool, async (c) => {
      const r = await c.query(
        `INSERT INTO folder_files (origin, content_hash, first_seen_at) VALUES ($1, $2, $3)
         ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash WHERE folder_files.content_hash <> excluded.content_hash`,
        [origin, contentHash, at.toISOString()],
      );
      const changed = (r.rowCount ?? 0) > 0;
      if (changed) await this.outbox.enqueueWith(c, announcements, at);
      return changed;
    });
  }

  async forgetFolderFile(origin: string): Promise<void> {
    await this.pool.query('DELETE FROM folder_files WHERE origin = $1', [origin]);
  }
}
