// Opens the stores the configuration asks for: PostgreSQL when DATABASE_URL is set (several Herald
// processes may share it), otherwise SQLite at DATABASE_PATH.
import type { Logger } from 'pino';
import { openPostgresStores } from './postgres/stores';
import { openSqliteStores, type Stores } from './stores';

export async function openStores(config: { DATABASE_PATH: string; DATABASE_URL?: string }, log: Logger): Promise<Stores> {
  if (config.DATABASE_URL) return openPostgresStores(config.DATABASE_URL, { log: log.child({ feature: 'postgres' }) });
  return openSqliteStores(config.DATABASE_PATH, { checkpoints: true, log: log.child({ feature: 'sqlite' }) });
}
