// Composition of the reminders feature for main.ts: store, engine, due-scan job, /status contribution.
import type { Logger } from 'pino';
import type { MemoryLibrary } from '../articles/library';
import type { Clock } from '../core/clock';
import type { Metrics } from '../core/metrics';
import type { MessagePoster } from '../core/poster';
import type { Status } from '../core/status-snapshot';
import type { ReminderStore } from './store';
import type { MoveHolds } from './holds';
import type { PostingState } from '../core/posting';
import type { ArticleScopes } from '../articles/scopes';
import type { Scheduler } from '../scheduler/scheduler';
import { StoryIndex } from '../stories/index';
import { Reminders, type DeliveryPoint } from './reminders';
import { MemberReminders } from './member-reminders';
import type { MemberReminderStore } from './member-store';

/** Every 5 s: a due reminder posts at most ~5 s after its instant. */
export const DUE_SCAN_SCHEDULE = '*/5 * * * * *';

export interface StartRemindersOptions {
  /** Where subscriptions and reminders live (SQLite or PostgreSQL). */
  store: ReminderStore;
  /** Date moves by a year or more, or far ahead, wait here for an admin. */
  holds?: MoveHolds;
  /** Members' own reminders (Remind me): posted by the same due-scan. */
  members?: MemberReminderStore;
  poster: MessagePoster;
  clock: Clock;
  log: Logger;
  library: MemoryLibrary;
  status: Status;
  scheduler: Scheduler;
  /** The story index shared with news monitoring (one per library); built here when not given. */
  stories?: StoryIndex;
  metrics?: Metrics;
  /** Stopped after Discord rejected the token (401): the due-scan claims nothing. */
  posting?: PostingState;
  /** Shutdown: aborted, the start-up sync and due-scan stop early (SIGTERM exits within seconds at any moment). */
  signal?: AbortSignal;
  /** Per-server libraries: each subscription is reminded of what its server sees. */
  scopes?: ArticleScopes;
  config: { REMINDER_CHANNEL_ID?: string; REMINDER_TIME: string; TIMEZONE: string; REMINDER_GRACE: number; ARTICLE_FRESH_DAYS?: number; HERALD_CRASH_POINT?: DeliveryPoint | 'random' };
}

/**
 * Call after the initial ingest (start() cancels pending reminders of articles no longer present).
 * Runs one due-scan at once, so what fell due while Herald was down is handled at startup.
 */
export async function startReminders(o: StartRemindersOptions): Promise<Reminders & { members?: MemberReminders }> {
  const log = o.log.child({ feature: 'reminders' });
  const crashAt = o.config.HERALD_CRASH_POINT;
  const reminders = new Reminders({
    store: o.store,
    holds: o.holds,
    poster: o.poster,
    clock: o.clock,
    log,
    library: o.library,
    defaults: { time: o.config.REMINDER_TIME, timezone: o.config.TIMEZONE, graceMs: o.config.REMINDER_GRACE },
    freshDays: o.config.ARTICLE_FRESH_DAYS,
    // Built from the library as ingested, so supersession counts from the first due-scan.
    stories: o.stories ?? new StoryIndex(o.library),
    metrics: o.metrics,
    posting: o.posting,
    signal: o.signal,
    scopes: o.scopes,
    // Test-only crash injection (HERALD_CRASH_POINT): die like a power cut, with no cleanup, during a
    // reminder's first attempt (so the restart that recovers it is not killed again). 'random' arms a
    // SIGKILL 0–30 ms after the claim: it lands before, during or after the send (or at the next claim).
    onPoint: crashAt ? crashHook(crashAt) : undefined,
    // The crash test kills a reminder's first attempt at a chosen point: one post at a time, so each kill
    // lands on one reminder (in flight together, every reminder of a batch would be past its first attempt).
    postsInFlight: crashAt ? 1 : undefined,
  });
  await reminders.start(o.config.REMINDER_CHANNEL_ID ?? null);
  reminders.attach(o.library);
  if (o.scopes) reminders.attachScopes(o.scopes, o.library);
  const members = o.members
    ? new MemberReminders({
        store: o.members,
        servers: o.store,
        poster: o.poster,
        clock: o.clock,
        log: log.child({ members: true }),
        library: o.library,
        defaults: { time: o.config.REMINDER_TIME, timezone: o.config.TIMEZONE, graceMs: o.config.REMINDER_GRACE },
        stories: o.stories,
        scopes: o.scopes,
        holds: o.holds,
        freshDays: o.config.ARTICLE_FRESH_DAYS,
        posting: o.posting,
        signal: o.signal,
      })
    : undefined;
  if (members) {
    await members.start();
    members.attach(o.library);
  }
  o.status.contribute(reminders.statusContributor());
  if (members) o.status.contribute(members.statusContributor());
  // Server reminders, then members' own: one scan, so both post within seconds of their instant.
  o.scheduler.add({
    name: 'reminders.due-scan',
    schedule: DUE_SCAN_SCHEDULE,
    run: async (signal) => {
      const report = await reminders.runDue(signal);
      if (members) await members.runDue(signal);
      return report;
    },
  });
  log.info('reminders started; running the startup due-scan');
  await o.scheduler.runNow('reminders.due-scan');
  return Object.assign(reminders, { members });
}

function crashHook(at: DeliveryPoint | 'random'): (point: DeliveryPoint, reminder: { id: number; attempts: number }) => void {
  let armed = false;
  const die = (reminderId: number, point: string) => {
    process.stderr.write(`HERALD_CRASH_POINT=${at}: killing the process at ${point} of reminder ${reminderId}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
  return (point, reminder) => {
    if (reminder.attempts > 0) return;
    // A random kill still pending when the next reminder is claimed lands there: one process never
    // runs through more than one reminder past its random moment.
    if (armed && at === 'random' && point === 'claimed') return die(reminder.id, 'the next claim');
    if (armed) return;
    if (at === 'random' && point === 'claimed') {
      armed = true;
      setTimeout(() => die(reminder.id, 'a random moment after the claim'), Math.floor(Math.random() * 30));
    } else if (point === at) {
      armed = true;
      die(reminder.id, point);
    }
  };
}
