// The command benches' set-up (commands.bench.ts, http.bench.ts): a /ping to compare every command
// with, the seed article in a library, production log level with lines going nowhere.
import { resolve } from 'node:path';
import { z } from 'zod';
import { ingestFile } from '../src/articles/ingest';
import { MemoryLibrary } from '../src/articles/library';
import { ManualClock } from '../src/core/clock';
import { createLogger } from '../src/core/logger';
import { Status } from '../src/core/status-snapshot';
import { defineCommand, type Services } from '../src/services';

/** The cheapest command there is: what every other command's latency is compared with. */
export const ping = defineCommand({ definition: { name: 'ping', description: 'Pong' }, args: z.object({}), defer: 'none', run: () => ({ content: 'pong' }) });

/** A command bench's Herald: the seed article in a library, a fixed clock, production log level with lines going nowhere (the terminal would distort the figures). */
export async function commandBenchSetup(token: string) {
  const log = createLogger('info', { write: () => undefined }, [token]);
  const clock = new ManualClock('2026-11-27T12:00:00Z');
  const library = new MemoryLibrary();
  await ingestFile(library, resolve(import.meta.dirname, '../data/articles/csto-border-plan.txt'), clock.now());
  const services: Services = { articles: library, status: new Status(clock.now(), library) };
  return { log, clock, library, services };
}
