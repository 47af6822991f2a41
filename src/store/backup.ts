// A consistent copy of the live database (SQLite's online backup API): safe while Herald runs.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose another name`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(destination);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}
