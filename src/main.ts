// Composition root: load config, build services, start transports and jobs.
import { loadConfig } from './config';
import { MemoryLibrary } from './articles/library';
import { ingestDirectory } from './articles/ingest';
import { systemClock, ManualClock, type Clock } from './core/clock';

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Herald cannot start: the configuration is invalid.\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}\nSee .env.example for every variable.\n`);
    process.exit(1);
  }
  const config = loaded.config;
  const clock: Clock = config.HERALD_FAKE_NOW ? fakeRunningClock(config.HERALD_FAKE_NOW) : systemClock;
  const library = new MemoryLibrary();
  const report = await ingestDirectory(library, config.ARTICLES_DIR, clock.now());
  for (const t of library.list()) {
    const a = t.article;
    console.log(`${a.headline}\n  id: ${a.id}\n  published: ${a.published.date ?? 'unknown'} (${a.published.reason})\n  events: ${a.events.length}, people: ${a.people.length}, organisations: ${a.organisations.length}\n`);
  }
  for (const f of report.failed) console.error(`could not ingest ${f.file}: ${f.error}`);
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
