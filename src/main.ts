// Composition root: load config, build services, start transports and jobs.
import { loadConfig } from './config';
import { MemoryLibrary } from './articles/library';
import { ingestDirectory } from './articles/ingest';
import { systemClock, ManualClock, type Clock } from './core/clock';
import { createLogger } from './core/logger';
import { Status } from './core/status';
import { CommandRouter } from './core/router';
import type { Services } from './core/services';
import { runConsole } from './transports/console/console';
import { commands } from '../commands';

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Herald cannot start: the configuration is invalid.\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const clock: Clock = config.HERALD_FAKE_NOW ? fakeRunningClock(config.HERALD_FAKE_NOW) : systemClock;
  const interactive = !config.DISCORD_TOKEN && Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // At a console prompt, a log line per command would bury the answers: the default level shows only warnings there.
  const log = createLogger(interactive && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, undefined, config.DISCORD_TOKEN ? [config.DISCORD_TOKEN] : []);

  const library = new MemoryLibrary();
  const report = await ingestDirectory(library, config.ARTICLES_DIR, clock.now());
  for (const f of report.failed) log.warn({ file: f.file, error: f.error }, 'could not ingest an article');
  const status = new Status(clock.now(), library);
  const services: Services = { articles: library, status };
  const router = new CommandRouter({ commands, services, clock, log });
  services.commandList = () => router.commands;

  if (!config.DISCORD_TOKEN) {
    const notes = [`Tracking ${library.size()} article${library.size() === 1 ? '' : 's'} from ${config.ARTICLES_DIR}.`, ...report.failed.map((f) => `Could not read ${f.file}: ${f.error}`)];
    await runConsole({ router, input: process.stdin, output: process.stdout, isTTY: interactive, clock, notes });
    return;
  }
  // The Discord transport is wired here once it lands.
  log.fatal('the Discord transport is not available yet; unset DISCORD_TOKEN to use the console mode');
  process.exitCode = 1;
}

/** HERALD_FAKE_NOW: starts at the given instant, then runs at real speed. */
function fakeRunningClock(start: string): Clock {
  const offset = new Date(start).getTime() - Date.now();
  void ManualClock;
  return { now: () => new Date(Date.now() + offset) };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
