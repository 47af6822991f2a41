// The reminder store the reminders feature needs (declared here, implemented by store/reminders-sqlite.ts).
// Where reminder subscriptions and reminders live. Async so that a PostgreSQL implementation (several
// processes, claims with leases) can follow the SQLite one without changing callers.
import type { ExistingReminder, PlannedReminder, ReconcileActions, ReminderContent, ReminderState } from './plan';

export interface Subscription {
  id: number;
  /** 'config' (REMINDER_CHANNEL_ID) or 'guild:<id>'. */
  key: string;
  guildId: string | null;
  channelId: string | null;
  leadDays: number;
  roleId: string | null;
  /** null: the configured default. */
  time: string | null;
  timezone: string | null;
  broken: { reason: string; at: Date } | null;
}

export type SubscriptionPatch = Partial<Pick<Subscription, 'channelId' | 'leadDays' | 'roleId' | 'time' | 'timezone' | 'guildId'>>;

export interface StoredReminder extends ExistingReminder {
  subscriptionId: number;
  origin: string;
  eventDate: string;
  runAt: number;
  nonce: string;
  attempts: number;
  channelId: string | null;
  guildId: string | null;
  messageId: string | null;
  lastError: string | null;
  content: ReminderContent;
  sentAt: number | null;
}

export interface ReminderCounts {
  pending: number;
  missed: number;
}

export interface ReminderStore {
  /** Creates the subscription row for `key` when missing, then applies `patch`. */
  upsertSubscription(key: string, patch: SubscriptionPatch, now: Date): Promise<Subscription>;
  subscription(key: string): Promise<Subscription | undefined>;
  subscriptionById(id: number): Promise<Subscription | undefined>;
  /** Subscriptions with a channel (reminders on). */
  activeSubscriptions(): Promise<Subscription[]>;
  setBroken(id: number, broken: { reason: string } | null, now: Date): Promise<void>;

  /** Every reminder of one article for one subscription (all states), for reconciliation. */
  forOrigin(subscriptionId: number, origin: string): Promise<StoredReminder[]>;
  apply(subscriptionId: number, origin: string, actions: ReconcileActions, now: Date): Promise<void>;
  /** Cancels pending reminders of the origin (all subscriptions, or one); returns how many. */
  cancelOrigin(origin: string, now: Date, subscriptionId?: number): Promise<number>;
  cancelSubscription(subscriptionId: number, now: Date): Promise<number>;
  /** The article now speaks from another file (its copy): every reminder of `from`, history too, becomes `to`'s. */
  renameOrigin(from: string, to: string, now: Date): Promise<number>;
  /** Origins that still have pending reminders. */
  pendingOrigins(): Promise<string[]>;

  /** The due-scan: pending reminders whose run_at ≤ now, and claims whose lease expired, soonest first. */
  due(now: number, limit: number): Promise<StoredReminder[]>;
  /** Compare-and-set: takes the reminder if it is still in the state and run_at the scan saw. */
  claim(r: Pick<StoredReminder, 'id' | 'state' | 'runAt'>, claim: { leaseUntil: number; channelId: string }, now: Date): Promise<boolean>;
  markSent(id: number, sent: { messageId: string; channelId: string; guildId?: string }, now: Date): Promise<void>;
  retryLater(id: number, runAt: number, error: string, now: Date): Promise<void>;
  finish(id: number, state: 'missed' | 'failed' | 'cancelled', reason: string, now: Date): Promise<void>;
  /** After a restart (single process): every claim is stale; make them due now with the same nonce. */
  releaseClaims(now: Date): Promise<number>;

  /** For /remind list: one subscription's reminders in a state, pending soonest first, others newest first. */
  bySubscription(subscriptionId: number, states: ReminderState[], limit: number): Promise<StoredReminder[]>;
  /** Next pending reminder among active, unbroken subscriptions. */
  nextPending(): Promise<StoredReminder | undefined>;
  counts(): Promise<ReminderCounts>;
}
