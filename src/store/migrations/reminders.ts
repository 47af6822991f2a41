// Reminders schema (versions 1–99). Times are integer milliseconds since the epoch (UTC).
import { onPostgres, type Dialect } from './dialect';
import type { Migration } from './migration';

/** PostgreSQL's processes share the due-scan: a claim records the process holding it (its presence lock,
 * store/postgres/presence.ts), NULL when none. */
const claimedBy = (d: Dialect): string => onPostgres(d, ',\n        claimed_by BIGINT');

export const reminderMigrations = (d: Dialect): Migration[] => [
  {
    version: 1,
    name: 'reminder subscriptions and reminders',
    sql: `
      CREATE TABLE reminder_subscriptions (
        id ${d.serial} PRIMARY KEY,
        -- 'config' (REMINDER_CHANNEL_ID) or 'guild:<id>' (set with /remind)
        key TEXT NOT NULL UNIQUE,
        guild_id TEXT,
        -- NULL: reminders are off for this subscription (settings are kept)
        channel_id TEXT,
        lead_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 30),
        role_id TEXT,
        -- NULL: REMINDER_TIME / TIMEZONE from the configuration
        reminder_time TEXT,
        timezone TEXT,
        broken_reason TEXT,
        broken_at ${d.ms},
        created_at ${d.ms} NOT NULL,
        updated_at ${d.ms} NOT NULL
      );
      CREATE TABLE reminders (
        id ${d.serial} PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES reminder_subscriptions(id),
        origin TEXT NOT NULL,
        event_key TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        event_date TEXT NOT NULL,
        due_at ${d.ms} NOT NULL,
        -- when the due-scan should next look at it: due_at, a retry time, or a claim's lease end
        run_at ${d.ms} NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'missed', 'failed', 'cancelled')),
        -- idempotency key sent with enforce_nonce; fixed when the reminder is created
        nonce TEXT NOT NULL UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        -- channel of the first attempt: a re-send must go where the nonce was used
        channel_id TEXT,
        guild_id TEXT,
        message_id TEXT,
        last_error TEXT,
        content TEXT NOT NULL,
        created_at ${d.ms} NOT NULL,
        updated_at ${d.ms} NOT NULL,
        sent_at ${d.ms}${claimedBy(d)}
      );
      CREATE INDEX reminders_due ON reminders (state, run_at);
      CREATE INDEX reminders_origin ON reminders (origin, subscription_id);
      CREATE INDEX reminders_subscription ON reminders (subscription_id, state, due_at);
      CREATE UNIQUE INDEX reminders_one_active ON reminders (subscription_id, event_key, lead_days) WHERE state IN ('pending', 'claimed');
    `,
  },
  {
    version: 2,
    name: 'date moves held for an admin (issue 10, finding 3)',
    sql: `
      CREATE TABLE held_moves (
        id ${d.bigSerial} PRIMARY KEY,
        guild_id TEXT NOT NULL,                    -- '' = REMINDER_CHANNEL_ID (the operator's articles)
        older_origin TEXT NOT NULL,
        event_id TEXT NOT NULL,
        newer_origin TEXT NOT NULL,
        newer_headline TEXT NOT NULL,
        description TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'rejected')),
        created_at ${d.ms} NOT NULL,
        decided_by TEXT,
        decided_at ${d.ms},
        UNIQUE (guild_id, older_origin, event_id, newer_origin, to_date)
      );
    `,
  },
  {
    version: 3,
    name: "member reminders (Remind me) and members' time zones (issue 15)",
    sql: `
      CREATE TABLE member_reminders (
        id ${d.bigSerial} PRIMARY KEY,
        user_id TEXT NOT NULL,
        guild_id TEXT NOT NULL,                    -- '' when pressed outside a server
        origin TEXT NOT NULL,
        event_key TEXT NOT NULL,
        event_date TEXT NOT NULL,
        remind_time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        due_at ${d.ms} NOT NULL,
        run_at ${d.ms} NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'missed', 'failed', 'cancelled')),
        nonce TEXT NOT NULL UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        content TEXT NOT NULL,
        moved_from TEXT,
        moved_by TEXT,
        via TEXT CHECK (via IN ('dm', 'channel')),
        channel_id TEXT,
        message_id TEXT,
        last_error TEXT,
        created_at ${d.ms} NOT NULL,
        updated_at ${d.ms} NOT NULL,
        sent_at ${d.ms}${claimedBy(d)}
      );
      CREATE INDEX member_reminders_due ON member_reminders (state, run_at);
      CREATE INDEX member_reminders_user ON member_reminders (user_id, state, due_at);
      CREATE INDEX member_reminders_origin ON member_reminders (origin, state);
      CREATE UNIQUE INDEX member_reminders_one_active ON member_reminders (user_id, origin, event_key) WHERE state IN ('pending', 'claimed');
      CREATE TABLE member_settings (
        user_id TEXT PRIMARY KEY,
        timezone TEXT NOT NULL,
        updated_at ${d.ms} NOT NULL
      );
    `,
  },
];
