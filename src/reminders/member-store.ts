// Member reminders ("Remind me", issue 15): one member asked to be reminded of one event, by a direct
// message at the event's day in their own time zone. Declared here, implemented by
// store/member-reminders-sqlite.ts and store/postgres/member-reminders.ts (one contract test for both).
import type { ReminderContent, ReminderState } from './plan';

export type MemberReminderState = ReminderState;

export interface MemberReminder {
  id: number;
  userId: string;
  /** The server the button was pressed in ('' outside a server): its reminder channel is the DM fallback. */
  guildId: string;
  /** originKey of the article and the event's stable key (plan.ts remindableEvents). */
  origin: string;
  eventKey: string;
  eventDate: string;
  /** Wall time (HH:MM) and IANA zone the due instant was worked out in. */
  time: string;
  timezone: string;
  dueAt: number;
  runAt: number;
  state: MemberReminderState;
  nonce: string;
  attempts: number;
  content: ReminderContent;
  /** The date it was on before the latest move, and the article that moved it. */
  movedFrom: string | null;
  movedBy: string | null;
  /** How it reached the member: a direct message, or a ping in the server's reminder channel. */
  via: 'dm' | 'channel' | null;
  channelId: string | null;
  messageId: string | null;
  /** Why it failed, was missed or cancelled; the last retryable error while pending. */
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
}

/** How many of one server's member reminders are pending (or being sent), missed and failed. */
export interface MemberReminderCounts {
  /** '' for reminders set outside a server. */
  guildId: string;
  pending: number;
  missed: number;
  failed: number;
}

export type NewMemberReminder = Pick<MemberReminder, 'userId' | 'guildId' | 'origin' | 'eventKey' | 'eventDate' | 'time' | 'timezone' | 'dueAt' | 'content'>;

/** A pending reminder's new due instant: a date move (movedFrom/movedBy) or another time zone. */
export interface MemberReschedule {
  eventDate: string;
  timezone: string;
  dueAt: number;
  content?: ReminderContent;
  moved?: { from: string; by: string };
}

export interface MemberReminderStore {
  /** Stores the member's reminder of this event unless one is already pending (then that one comes back, created false). */
  add(r: NewMemberReminder, now: Date): Promise<{ reminder: MemberReminder; created: boolean }>;
  get(id: number): Promise<MemberReminder | undefined>;
  /** One member's reminders in these states: pending and claimed soonest first, the others newest first. */
  byUser(userId: string, states: MemberReminderState[], limit: number): Promise<MemberReminder[]>;
  /** Pending reminders of one article (reconciled when it changes) or of one member (a new time zone). */
  pendingOf(filter: { origin: string } | { userId: string }): Promise<MemberReminder[]>;
  /** Articles that still have pending member reminders. */
  pendingOrigins(): Promise<string[]>;
  /** Pending (with claimed), missed and failed reminders per server, for /status; servers with none are left out. */
  counts(): Promise<MemberReminderCounts[]>;
  /**
   * The article's file went but an identical copy holds it: its pending reminders follow the copy, their
   * event keys (which name the origin) renamed by `keys` (old → new). Returns how many moved.
   */
  renameOrigin(from: string, to: string, keys: ReadonlyMap<string, string>, now: Date): Promise<number>;
  /** Moves a pending reminder (a fresh nonce: a new post); false when it is no longer pending. */
  reschedule(id: number, change: MemberReschedule, now: Date): Promise<boolean>;
  /** Cancels a pending reminder (only the member's own when `userId` is given); false when it was not pending. */
  cancel(id: number, reason: string, now: Date, userId?: string): Promise<boolean>;

  /** The due-scan: pending reminders whose run_at ≤ now and claims whose lease ran out, soonest first (PostgreSQL reserves them). */
  due(now: number, limit: number): Promise<MemberReminder[]>;
  /** Compare-and-set on the state and run_at the scan saw. */
  claim(r: Pick<MemberReminder, 'id' | 'state' | 'runAt'>, leaseUntil: number, now: Date): Promise<boolean>;
  markSent(id: number, sent: { via: 'dm' | 'channel'; channelId: string; messageId: string }, now: Date): Promise<void>;
  retryLater(id: number, runAt: number, error: string, now: Date): Promise<void>;
  finish(id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void>;
  /** After a restart: claims left by a process that is gone are due again (same nonce). */
  releaseClaims(now: Date): Promise<number>;

  /** The member's own time zone (/remind me timezone), if set. */
  timezone(userId: string): Promise<string | undefined>;
  setTimezone(userId: string, timezone: string, now: Date): Promise<void>;
}
