// npm run backup [-- <file>]: copies DATABASE_PATH to <file> (default: next to it, stamped with the time) while Herald may run.
import { dirname, join } from 'node:path';
import { loadConfig } from '../src/config';
import { backupDatabase } from '../src/store/backup';

const loaded = loadConfig();
if (!loaded.ok) {
  process.stderr.write(`Cannot back up: the configuration is invalid.\n${loaded.errors.join('\n')}\n`);
  process.exit(1);
}
if (loaded.config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is set: Herald keeps its data in PostgreSQL, not in DATABASE_PATH. Back it up with PostgreSQL\'s own tools (pg_dump).\n');
  process.exit(1);
}
const source = loaded.config.DATABASE_PATH;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const destination = process.argv[2] ?? join(dirname(source), `herald-backup-${stamp}.db`);
backupDatabase(source, destination).then(
  ({ pages }) => process.stdout.write(`Backed up ${source} to ${destination} (${pages} pages). Restore by stopping Herald and copying it back to ${source}.\n`),
  (error: Error) => {
    process.stderr.write(`Backup failed: ${error.message}\n`);
    process.exit(1);
  },
);
