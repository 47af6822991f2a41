// Opens the stores the configuration asks for: SQLite at DATABASE_PATH.
import type { Logger } from 'pino';
import { openSqliteStores, type Stores } from './stores';

export async function openStores(config: { DATABASE_PATH: string }, _log: Logger): Promise<Stores> {
  return openSqliteStores(config.DATABASE_PATH);
}
