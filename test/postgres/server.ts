// A throwaway PostgreSQL server for the test suite: the server binaries of the machine (Debian's
// postgresql package, which .ci/run installs when missing), initdb into a temporary directory, a free
// port on 127.0.0.1 only, trust authentication. PostgreSQL refuses to run as root, and CI runs as root:
// then the data directory belongs to `nobody` and initdb and postgres run as that user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface RunningPostgres {
  url(database?: string): string;
  stop(): Promise<void>;
}

/** The directory holding initdb and postgres: PG_BIN, PATH, or /usr/lib/postgresql/<newest>/bin. */
export function postgresBin(): string | undefined {
  const candidates = [process.env.PG_BIN];
  for (const dir of (process.env.PATH ?? '').split(':')) candidates.push(dir);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin();
  if (!bin) {
    throw new Error(
      'The PostgreSQL tests need the PostgreSQL server binaries (initdb, postgres): install Debian\'s postgresql package ' +
        '(`apt-get install postgresql`, which .ci/run does when they are missing) or set PG_BIN to their directory.',
    );
  }
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'herald-pg-'));
  const data = join(dir, 'data');
  if (root) chownSync(dir, 65534, 65534); // nobody:nogroup
  // As root, initdb and postgres run as nobody (uid/gid 65534); signals then reach postgres itself.
  const user = root ? { uid: 65534, gid: 65534 } : {};
  const done = spawnSync(join(bin, 'initdb'), ['-D', data, '-U', 'herald', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], { encoding: 'utf8', cwd: dir, ...user });
  if (done.status !== 0) throw new Error(`initdb failed (${done.status}): ${done.stderr || done.stdout}`);
  const port = await freePort();
  const args = [
    '-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir,
    // A test server: speed over durability.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'shared_buffers=64MB',
  ];
  const child: ChildProcess = spawn(join(bin, 'postgres'), args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], ...user });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = (database = 'postgres') => `postgres://herald@127.0.0.1:${port}/${database}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url() });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`PostgreSQL did not start: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT'); // fast shutdown
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
