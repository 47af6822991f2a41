// PostgreSQL schema, versioned like SQLite's (src/store/migrations/*): the same version numbers and
// names, so a feature's table grows on both databases together (a test checks that every SQLite
// migration has its PostgreSQL counterpart). Times keep SQLite's representation: integer milliseconds
// (BIGINT) for reminders, ISO-8601 text for feeds and the outbox, so both stores read back alike.
// Parallel to src/store/migrations/* by design, not generated with them: a shipped migration is text
// that databases have already run, and the dialects differ (SERIAL, BIGINT, the claim columns, ALTERs).
import type { Migration } from '../migrations';

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    name: 'reminder subscriptions and reminders',
    sql: `
      CREATE TABLE reminder_subscriptions (
        id SERIAL PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        guild_id TEXT,
        channel_id TEXT,
        lead_days INTEGER NOT NULL DEFAULT 0 CHECK (lead_days BETWEEN 0 AND 30),
        role_id TEXT,
        reminder_time TEXT,
        timezone TEXT,
        broken_reason TEXT,
        broken_at BIGINT,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
      CREATE TABLE reminders (
        id SERIAL PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES reminder_subscriptions(id),
        origin TEXT NOT NULL,
        event_key TEXT NOT NULL,
        lead_days INTEGER NOT NULL,
        event_date TEXT NOT NULL,
        due_at BIGINT NOT NULL,
        run_at BIGINT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'claimed', 'sent', 'missed', 'failed', 'cancelled')),
        nonce TEXT NOT NULL UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        channel_id TEXT,
        guild_id TEXT,
        message_id TEXT,
        last_error TEXT,
        content TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        sent_at BIGINT,
        -- the process (its presence lock, see presence.ts) holding the claim; NULL when none
        claimed_by BIGINT
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
        id BIGSERIAL PRIMARY KEY,
        guild_id TEXT NOT NULL,                    -- '' = REMINDER_CHANNEL_ID (the operator's articles)
        older_origin TEXT NOT NULL,
        event_id TEXT NOT NULL,
        newer_origin TEXT NOT NULL,
        newer_headline TEXT NOT NULL,
        description TEXT NOT NULL,
        from_date TEXT NOT NULL,
        to_date TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'rejected')),
        created_at BIGINT NOT NULL,
        decided_by TEXT,
        decided_at BIGINT,
        UNIQUE (guild_id, older_origin, event_id, newer_origin, to_date)
      );
    `,
  },
  {
    version: 3,
    name: "member reminders (Remind me) and members' time zones (issue 15)",
    sql: `
      CREATE TABLE member_reminders (
        id BIGSERIAL PRIMARY KEY,
        user_id TEXT NOT NULL,
        guild_id TEXT NOT NULL,                    -- '' when pressed outside a server
        origin TEXT NOT NULL,
        event_key TEXT NOT NULL,
        event_date TEXT NOT NULL,
        remind_time TEXT NOT NULL,
        timezone TEXT NOT NULL,
        due_at BIGINT NOT NULL,
        run_at BIGINT NOT NULL,
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
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        sent_at BIGINT,
        -- the process (presence lock) holding the claim; NULL when none
        claimed_by BIGINT
      );
      CREATE INDEX member_reminders_due ON member_reminders (state, run_at);
      CREATE INDEX member_reminders_user ON member_reminders (user_id, state, due_at);
      CREATE INDEX member_reminders_origin ON member_reminders (origin, state);
      CREATE UNIQUE INDEX member_reminders_one_active ON member_reminders (user_id, origin, event_key) WHERE state IN ('pending', 'claimed');
      CREATE TABLE member_settings (
        user_id TEXT PRIMARY KEY,
        timezone TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );
    `,
  },
  {
    version: 100,
    name: 'article cache',
    sql: `
      CREATE TABLE article_cache (
        origin TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        parser TEXT NOT NULL,
        article_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 200,
    name: 'feeds, feed items, folder files, watches, announcements',
    sql: `
      CREATE TABLE feeds (
        id SERIAL PRIMARY KEY,
        url TEXT NOT NULL,
        guild_id TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL,
        added_by TEXT,
        added_at TEXT NOT NULL,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        baseline_done INTEGER NOT NULL DEFAULT 0,
        last_polled_at TEXT,
        last_ok_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at TEXT,
        UNIQUE (url, guild_id)
      );
      CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        origin TEXT,
        first_seen_at TEXT NOT NULL,
        seq BIGSERIAL,
        PRIMARY KEY (feed_id, item_key)
      );
      CREATE INDEX feed_items_hash ON feed_items (content_hash);
      CREATE TABLE feed_articles (
        origin TEXT PRIMARY KEY,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        guild_id TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX feed_articles_updated ON feed_articles (updated_at);
      CREATE TABLE folder_files (
        origin TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        first_seen_at TEXT NOT NULL
      );
      CREATE TABLE watches (
        id SERIAL PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL UNIQUE,
        topic TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        broken_reason TEXT
      );
      CREATE TABLE announcements (
        watch_id INTEGER NOT NULL REFERENCES watches(id) ON DELETE CASCADE,
        article_key TEXT NOT NULL,
        nonce TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        reply_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        message_id TEXT,
        posted_at TEXT,
        last_error TEXT,
        seq BIGSERIAL,
        PRIMARY KEY (watch_id, article_key)
      );
      CREATE INDEX announcements_due ON announcements (status, next_attempt_at);
    `,
  },
  {
    version: 201,
    name: 'announcement reservations and feed poll leases',
    sql: `
      -- the process holding the reservation (presence lock), or NULL
      ALTER TABLE announcements ADD COLUMN reserved_by BIGINT;
      ALTER TABLE feeds ADD COLUMN poll_until TEXT;
      ALTER TABLE feeds ADD COLUMN poll_by BIGINT;
    `,
  },
  {
    version: 210,
    name: 'feed routes and delivery settings: filters, templates, role pings; per-feed poll interval and filter',
    sql: `
      ALTER TABLE watches DROP CONSTRAINT watches_channel_id_key;
      ALTER TABLE watches ADD COLUMN feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE;
      ALTER TABLE watches ADD COLUMN filter_json TEXT;
      ALTER TABLE watches ADD COLUMN template TEXT;
      ALTER TABLE watches ADD COLUMN format TEXT NOT NULL DEFAULT 'embed';
      ALTER TABLE watches ADD COLUMN ping_role_id TEXT;
      CREATE UNIQUE INDEX watches_channel ON watches (channel_id) WHERE feed_id IS NULL;
      CREATE UNIQUE INDEX watches_feed_route ON watches (feed_id) WHERE feed_id IS NOT NULL;
      CREATE INDEX watches_guild ON watches (guild_id);
      ALTER TABLE feeds ADD COLUMN poll_minutes INTEGER;
      ALTER TABLE feeds ADD COLUMN filter_json TEXT;
    `,
  },
  {
    version: 211,
    name: 'after-post actions: a thread under each announcement, publishing in announcement channels',
    sql: `
      ALTER TABLE watches ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE watches ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE watches ADD COLUMN action_error TEXT;
      ALTER TABLE announcements ADD COLUMN actions_json TEXT;
      ALTER TABLE announcements ADD COLUMN action_attempts INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 212,
    name: 'webhook delivery, forum posts and send claims',
    sql: `
      CREATE TABLE channel_webhooks (
        channel_id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        name TEXT NOT NULL,
        avatar_url TEXT,
        webhook_id TEXT,
        webhook_token TEXT,
        fallback_reason TEXT,
        updated_by TEXT,
        updated_at TEXT NOT NULL
      );
      ALTER TABLE watches ADD COLUMN forum INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE announcements ADD COLUMN thread_name TEXT;
      ALTER TABLE announcements ADD COLUMN send_claimed_at TEXT;
      ALTER TABLE announcements ADD COLUMN send_via TEXT;
    `,
  },
  {
    version: 300,
    name: 'interactions seen',
    sql: `
      CREATE TABLE interactions_seen (
        id TEXT PRIMARY KEY,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX interactions_seen_expiry ON interactions_seen (expires_at);
    `,
  },
];
