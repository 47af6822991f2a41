// FolderFileStore on better-sqlite3: the articles folder's files as last recorded (table folder_files); a
// changed file queues its announcements in the same transaction, through the outbox.
import type { Db } from '../db';
import { SqliteTable } from './table';
import type { SqliteOutbox } from './outbox';
import { folderFileRow } from '../feed-rows';
import type { FolderFileStore, NewAnnouncement } from '../../feeds/store';

export class SqliteFolderFiles extends SqliteTable implements FolderFileStore {
  constructor(db: Db, private readonly outbox: SqliteOutbox) {
    super(db);
  }

  async folderFile(origin: string): Promise<{ contentHash: string } | undefined> {
    const row = this.sql('SELECT content_hash FROM folder_files WHERE origin = ?').get(origin);
    return row ? folderFileRow.parse(row) : undefined;
  }

  async folderFileCount(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM folder_files').get() as { n: number }).n;
  }

  async recordFolderFile(origin: string, contentHash: string, at: Date, announcements: NewAnnouncement[] = []): Promise<boolean> {
    return this.tx(() => {
      const changed =
        this.sql(
            `INSERT INTO folder_files (origin, content_hash, first_seen_at) VALUES (?, ?, ?)
             ON CONFLICT (origin) DO UPDATE SET content_hash = excluded.content_hash WHERE content_hash <> excluded.content_hash`,
          )
          .run(origin, contentHash, at.toISOString()).changes > 0;
      if (changed) this.outbox.enqueueNow(announcements, at);
      return changed;
    });
  }

  async forgetFolderFile(origin: string): Promise<void> {
    this.sql('DELETE FROM folder_files WHERE origin = ?').run(origin);
  }
}
