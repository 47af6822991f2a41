// Feeds, seen feed items, folder files, announcement watches and the announcement outbox (200–299).
// On PostgreSQL several processes share the outbox and the polls: the holder of a reservation or a poll
// lease is recorded (its presence lock, store/postgres/presence.ts), and seq keeps the order of arrival.
import { onPostgres, type Dialect } from './dialect';
import type { Migration } from './migration';

// 210: watches gains feed routes. SQLite cannot drop watches' UNIQUE (channel_id), so it rebuilds the table
// (a channel now has at most one server-wide watch plus any number of feed routes, a watch bound to one
// feed; ids are kept, so the announcements that reference them stay valid); PostgreSQL alters it in place.
const WATCHES_V210_SQLITE = `
      CREATE TABLE watches_v210 (
        id INTEGER PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        topic TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        broken_reason TEXT,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE, -- set: the route of that feed (only its items)
        filter_json TEXT,                          -- include/exclude words and patterns (feeds/filters.ts)
        template TEXT,                             -- message template with {placeholders} (feeds/templates.ts)
        format TEXT NOT NULL DEFAULT 'embed',      -- embed | text
        ping_role_id TEXT                          -- role pinged with each announcement (opt-in)
      );
      INSERT INTO watches_v210 (id, guild_id, channel_id, topic, created_by, created_at, broken_reason)
        SELECT id, guild_id, channel_id, topic, created_by, created_at, broken_reason FROM watches;
      DROP TABLE watches;
      ALTER TABLE watches_v210 RENAME TO watches;
      CREATE UNIQUE INDEX watches_channel ON watches (channel_id) WHERE feed_id IS NULL;
      CREATE UNIQUE INDEX watches_feed_route ON watches (feed_id) WHERE feed_id IS NOT NULL;
      CREATE INDEX watches_guild ON watches (guild_id);
      ALTER TABLE feeds ADD COLUMN poll_minutes INTEGER;  -- NULL: polled on FEED_POLL
      ALTER TABLE feeds ADD COLUMN filter_json TEXT;      -- applies to the feed's items wherever they go
    `;
const WATCHES_V210_POSTGRES = `
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
    `;

export const feedMigrations = (d: Dialect): Migration[] => [
  {
    version: 200,
    name: 'feeds, feed items, folder files, watches, announcements',
    sql: `
      CREATE TABLE feeds (
        id ${d.serial} PRIMARY KEY,
        url TEXT NOT NULL,
        guild_id TEXT NOT NULL DEFAULT '',         -- '' = global (FEEDS in .env)
        origin TEXT NOT NULL,                      -- 'config' | 'command'
        added_by TEXT,
        added_at TEXT NOT NULL,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        baseline_done INTEGER NOT NULL DEFAULT 0,  -- first successful poll recorded the items already there
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
        origin TEXT,                               -- library origin when ingested
        first_seen_at TEXT NOT NULL,${onPostgres(d, `
        seq BIGSERIAL,`)}
        PRIMARY KEY (feed_id, item_key)
      );
      CREATE INDEX feed_items_hash ON feed_items (content_hash);
      CREATE TABLE feed_articles (
        origin TEXT PRIMARY KEY,                   -- item link (or feed url#key)
        feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
        guild_id TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,                        -- article text with front matter, re-parsed at startup
        updated_at TEXT NOT NULL
      );${onPostgres(d, `
      CREATE INDEX feed_articles_updated ON feed_articles (updated_at);`)}
      CREATE TABLE folder_files (
        origin TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        first_seen_at TEXT NOT NULL
      );
      CREATE TABLE watches (
        id ${d.serial} PRIMARY KEY,
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
        status TEXT NOT NULL DEFAULT 'pending',    -- pending | posted | failed
        reply_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        message_id TEXT,
        posted_at TEXT,
        last_error TEXT,${onPostgres(d, `
        seq BIGSERIAL,`)}
        PRIMARY KEY (watch_id, article_key)
      );
      CREATE INDEX announcements_due ON announcements (status, next_attempt_at);
    `,
  },
  // An announcement reserved by a drain, a feed being polled until poll_until. PostgreSQL records who
  // holds them (the process's presence lock, or NULL); SQLite (one process) only whether.
  {
    version: 201,
    name: 'announcement reservations and feed poll leases',
    sql: `
    ALTER TABLE announcements ADD COLUMN ${d.name === 'sqlite' ? 'reserved INTEGER NOT NULL DEFAULT 0' : 'reserved_by BIGINT'};
    ALTER TABLE feeds ADD COLUMN poll_until TEXT;${onPostgres(d, `
    ALTER TABLE feeds ADD COLUMN poll_by BIGINT;`)}
  `,
  },
  {
    version: 210,
    name: 'feed routes and delivery settings: filters, templates, role pings; per-feed poll interval and filter',
    ...(d.name === 'sqlite' ? { rebuildsReferencedTable: true, sql: WATCHES_V210_SQLITE } : { sql: WATCHES_V210_POSTGRES }),
  },
  // Issue 15: a thread under each announcement and publishing in announcement channels (after-post actions).
  {
    version: 211,
    name: 'after-post actions: a thread under each announcement, publishing in announcement channels',
    sql: `
    ALTER TABLE watches ADD COLUMN open_thread INTEGER NOT NULL DEFAULT 0;  -- open a thread under each announcement
    ALTER TABLE watches ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;      -- crosspost (announcement channels)
    ALTER TABLE watches ADD COLUMN action_error TEXT;                      -- why the last thread/publish failed
    ALTER TABLE announcements ADD COLUMN actions_json TEXT;                -- actions still to do once posted
    ALTER TABLE announcements ADD COLUMN action_attempts INTEGER NOT NULL DEFAULT 0;
  `,
  },
  // Issue 15: webhook delivery (one webhook per channel, with the server's name and avatar), forum posts,
  // and the claim that makes sends without a nonce (webhook, forum post) happen once.
  {
    version: 212,
    name: 'webhook delivery, forum posts and send claims',
    sql: `
    CREATE TABLE channel_webhooks (
      channel_id TEXT PRIMARY KEY,
      guild_id TEXT NOT NULL,
      name TEXT NOT NULL,                 -- the name announcements carry
      avatar_url TEXT,                    -- https image Discord shows (Discord fetches it, not Herald)
      webhook_id TEXT,                    -- NULL: posts fall back to Herald's own messages
      webhook_token TEXT,                 -- secret: never logged or shown
      fallback_reason TEXT,               -- why posts go out as Herald instead
      updated_by TEXT,
      updated_at TEXT NOT NULL
    );
    ALTER TABLE watches ADD COLUMN forum INTEGER NOT NULL DEFAULT 0;      -- a forum channel: each article a forum post
    ALTER TABLE announcements ADD COLUMN thread_name TEXT;                -- the forum post's name (headline)
    ALTER TABLE announcements ADD COLUMN send_claimed_at TEXT;            -- a send without nonce started, outcome unrecorded
    ALTER TABLE announcements ADD COLUMN send_via TEXT;                   -- webhook id or 'bot'
  `,
  },
];

