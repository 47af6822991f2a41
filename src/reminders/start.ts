// Composition of the reminders feature for main.ts: store, engine, due-scan job, /status contribution.
import type { Logger } from 'pino';
import type { MemoryLibrary } from '../articles/library';
import type { Clock } from '../core/clock';
import type { MessagePoster } from '../core/poster';
import type { Status } from '../core/status';
import type { Db } from '../store/db';
import { SqliteReminderStore } from '../store/reminders-sqlite';
import type { Scheduler } from '../scheduler/scheduler';
import { StoryIndex } from '../stories/index';
import { Reminders, type DeliveryPoint } from './service';

/** Every 5 s: a due reminder posts at most ~5 s after its instant. */
export const DUE_SCAN_SCHEDULE = '*/5 * * * * *';

export interface StartRemindersOptions {
  db: Db;
  poster: MessagePoster;
  clock: Clock;
  log: Logger;
  library: MemoryLibrary;
  status: Status;
  scheduler: Scheduler;
  config: { REMINDER_CHANNEL_ID?: string; REMINDER_TIME: string; TIMEZONE: string; REMINDER_GRACE: number; HERALD_CRASH_POINT?: DeliveryPoint };
}

/**
 * Call after the initial ingest (start() cancels pending reminders of articles no longer present).
 * Runs one due-scan at once, so what fell due while Herald was down is handled at startup.
 */
export async function startReminders(o: StartRemindersOptions): Promise<Reminders> {
  const log = o.log.child({ feature: 'reminders' });
  const crashAt = o.config.HERALD_CRASH_POINT;
  const reminders = new Reminders({
    store: new SqliteReminderStore(o.db),
    poster: o.poster,
    clock: o.clock,
    log,
    library: o.library,
    defaults: { time: o.config.REMINDER_TIME, timezone: o.config.TIMEZONE, graceMs: o.config.REMINDER_GRACE },
    // Its own index (built from the library as ingested) so supersession counts from the first due-scan.
    stories: new StoryIndex(o.library),
    // Test-only crash injection (HERALD_CRASH_POINT): die like a power cut, with no cleanup.
    onPoint: crashAt
      ? (point) => {
          if (point !== crashAt) return;
          process.stderr.write(`HERALD_CRASH_POINT=${point}: killing the process\n`);
          process.kill(process.pid, 'SIGKILL');
        }
      : undefined,
  });
  await reminders.start(o.config.REMINDER_CHANNEL_ID ?? null);
  reminders.attach(o.library);
  o.status.contribute(reminders.statusContributor());
  o.scheduler.add({ name: 'reminders.due-scan', schedule: DUE_SCAN_SCHEDULE, run: () => reminders.runDue() });
  log.info('reminders started; running the startup due-scan');
  await o.scheduler.runNow('reminders.due-scan');
  return reminders;
}
