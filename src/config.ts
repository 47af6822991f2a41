// The only reader of process.env. Validates every variable once, with zod, and reports each bad one
// by name with what it expects, so a misconfigured bot stops at startup instead of misbehaving later.
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import cron from 'node-cron';
import { z } from 'zod';
import { createScrubber, SECRET_NAME, secretValues } from './core/secrets';
import { isHhmm, isTimeZone } from './reminders/time';

const snowflake = /^\d{17,20}$/;


/** "5MB", "512KB", "1048576" → bytes (binary units). */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  const bytes = Math.round(Number(m[1]) * unit);
  return bytes > 0 ? bytes : null;
}

/** "6h", "90m", "30s", "2d" → milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(text.trim());
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const port = z.coerce.number('a TCP port number, 0–65535').int('a TCP port number, 0–65535').min(0, 'a TCP port number, 0–65535').max(65535, 'a TCP port number, 0–65535');

const fields = z.object({
  DISCORD_TOKEN: optional(z.string().min(20, 'a Discord bot token (or leave it empty for console mode)')),
  DISCORD_GUILD_ID: optional(z.string().regex(snowflake, 'a server (guild) id: 17–20 digits')),
  DISCORD_API_URL: optional(z.url('an http(s) URL such as https://discord.com/api')),
  /** Unset: info with Discord, warn in the console mode (log lines would bury the answers there). */
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'one of fatal, error, warn, info, debug, trace, silent')),
  ARTICLES_DIR: z.preprocess(emptyToUndefined, z.string().default('data/articles')),
  /** refuse: symbolic links in ARTICLES_DIR are never read; inside: followed only when the target stays in the folder. */
  ARTICLES_SYMLINKS: z.preprocess(emptyToUndefined, z.enum(['refuse', 'inside'], 'refuse or inside').default('refuse')),
  /** Article files larger than this are refused before reading. */
  ARTICLE_MAX_SIZE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((s) => parseSize(s) !== null, 'a size such as 5MB, 512KB or a number of bytes')
      .default('5MB')
      .transform((s) => parseSize(s) as number),
  ),
  /** Only articles published at most this many days before Herald took them in give reminders (archive news never does). */
  ARTICLE_FRESH_DAYS: z.preprocess(emptyToUndefined, z.coerce.number('a whole number of days, 0–3650').int('a whole number of days, 0–3650').min(0, 'a whole number of days, 0–3650').max(3650, 'a whole number of days, 0–3650').default(7)),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default('data/herald.db')),
  /** PostgreSQL instead of SQLite (several Herald processes on one database). */
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'a PostgreSQL URL such as postgres://herald:password@db.example.com:5432/herald')),
  REMINDER_CHANNEL_ID: optional(z.string().regex(snowflake, 'a channel id: 17–20 digits')),
  REMINDER_TIME: z.preprocess(emptyToUndefined, z.string().refine(isHhmm, 'a time of day as HH:MM (24-hour), e.g. 09:00').default('09:00')),
  TIMEZONE: z.preprocess(emptyToUndefined, z.string().refine(isTimeZone, 'an IANA time zone name such as UTC or Europe/London').default('UTC')),
  REMINDER_GRACE: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((s) => parseDuration(s) !== null, 'a duration such as 6h, 90m or 1d')
      .default('6h')
      .transform((s) => parseDuration(s) as number),
  ),
  FEEDS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('')
      .transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(z.url('comma-separated http(s) feed URLs'))),
  ),
  // Checked here, as the scheduler will: a bad schedule is a configuration error at once, not a failure after the start-up load.
  FEED_POLL: z.preprocess(emptyToUndefined, z.string().refine((s) => cron.validate(s), 'a cron schedule of five or six fields, such as */10 * * * *').default('*/10 * * * *')),
  /** Announcements of one feed's poll to one watch; the rest become one "…and N more" line. */
  ANNOUNCE_PER_POLL: z.preprocess(emptyToUndefined, z.coerce.number('a whole number from 1 to 100').int('a whole number from 1 to 100').min(1, 'a whole number from 1 to 100').max(100, 'a whole number from 1 to 100').default(10)),
  /** Announcements to one channel in any minute; the rest become one "…and N more" line. */
  ANNOUNCE_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number('a whole number from 1 to 100').int('a whole number from 1 to 100').min(1, 'a whole number from 1 to 100').max(100, 'a whole number from 1 to 100').default(20)),
  /** Feeds one server may add (/feed add, /feed import): every one is fetched each poll. */
  FEEDS_PER_SERVER: z.preprocess(emptyToUndefined, z.coerce.number('a whole number from 1 to 1000').int('a whole number from 1 to 1000').min(1, 'a whole number from 1 to 1000').max(1000, 'a whole number from 1 to 1000').default(100)),
  /** The shortest poll interval a server may give one of its feeds (/feed interval). */
  FEED_MIN_INTERVAL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((s) => {
        const ms = parseDuration(s);
        return ms !== null && ms >= 60_000 && ms <= 86_400_000 && ms % 60_000 === 0;
      }, 'a whole number of minutes from 1m to 24h, such as 5m or 1h')
      .default('5m')
      .transform((s) => (parseDuration(s) as number) / 60_000),
  ),
  // true: the operator's FEEDS (and the pages they link) may be private; all: also feeds servers add (tests).
  ALLOW_PRIVATE_FEEDS: z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', 'all'], 'true, false or all')
      .default('false')
      .transform((s): boolean | 'operator' => (s === 'all' ? true : s === 'true' ? 'operator' : false)),
  ),
  /** The status server (page, /healthz, /metrics); off unless a port is given (0: any free port, logged). */
  STATUS_PORT: optional(port),
  STATUS_HOST: z.preprocess(emptyToUndefined, z.string().regex(/^[\w.:-]+$/, 'an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1')),
  STATUS_TOKEN: optional(z.string().min(16, 'a bearer token of at least 16 characters (or leave it empty)').regex(/^\S+$/, 'a bearer token without spaces')),
  /** gateway: commands arrive over Discord's gateway (one process); http: Discord POSTs them to PORT (any number of replicas). */
  INTERACTIONS: z.preprocess(emptyToUndefined, z.enum(['gateway', 'http'], 'gateway or http').default('gateway')),
  /** The application's public key (Developer Portal → General Information), for INTERACTIONS=http's signature checks. */
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, "the application's public key: 64 hexadecimal digits")),
  /** INTERACTIONS=http: the port of the interactions endpoint (0: any free port, logged). */
  PORT: optional(port),
  /** INTERACTIONS=http: the address the endpoint listens on (default every interface: Discord, or a proxy, must reach it). */
  INTERACTIONS_HOST: z.preprocess(emptyToUndefined, z.string().regex(/^[\w.:-]+$/, 'an address or host name to listen on, e.g. 0.0.0.0 or 127.0.0.1').default('0.0.0.0')),
  /** Testing only: start the clock at this instant (it then runs at real speed). */
  HERALD_FAKE_NOW: optional(z.iso.datetime({ offset: true, error: 'an ISO 8601 instant such as 2024-11-27T12:00:00Z' })),
  /** Testing only (crash-injection tests): the reminder delivery point at which the process SIGKILLs itself. */
  HERALD_CRASH_POINT: optional(z.enum(['claimed', 'sent', 'recorded', 'random'], 'one of claimed, sent, recorded, random (testing only)')),
});

export const configSchema = fields.superRefine((c, ctx) => {
  if (c.INTERACTIONS !== 'http') return;
  // Over HTTP, Discord's requests are verified with the public key; the token still posts reminders and announcements.
  const needs: [keyof typeof c, string][] = [
    ['DISCORD_PUBLIC_KEY', "the application's public key (64 hexadecimal digits) when INTERACTIONS=http"],
    ['PORT', 'a TCP port number for the interactions endpoint when INTERACTIONS=http'],
    ['DISCORD_TOKEN', 'a Discord bot token when INTERACTIONS=http (reminders, announcements and command registration use it)'],
  ];
  for (const [name, message] of needs) if (c[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message });
});

export type Config = z.infer<typeof configSchema>;

/** `secrets`: every *_TOKEN / *_KEY / *_SECRET / *_PASSWORD value known (environment and .env), never to be shown or logged. */
export type ConfigResult = { ok: true; config: Config; secrets: string[] } | { ok: false; errors: string[] };

export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = configSchema.safeParse(env);
  if (result.success) return { ok: true, config: result.data, secrets: secretValues(env) };
  // A bad value is quoted scrubbed: a connection URL's password (DATABASE_URL), a secret or a token pasted into the wrong variable.
  const scrub = createScrubber(secretValues(env));
  const errors = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '?');
    // A secret (DISCORD_TOKEN, STATUS_TOKEN, *_KEY…) is never echoed, even when it is the bad value.
    const got = SECRET_NAME.test(variable) ? '"[hidden]"' : scrub(JSON.stringify(env[variable] ?? ''));
    return `${variable}: expected ${issue.message} (got ${got})`;
  });
  return { ok: false, errors };
}

/** Reads .env (when present, without overriding the real environment) and process.env. */
export function loadConfig(envFile = '.env'): ConfigResult {
  let fromFile: Record<string, string> = {};
  if (existsSync(envFile)) {
    try {
      fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
      const before = { ...process.env };
      process.loadEnvFile(envFile);
      Object.assign(process.env, before); // the real environment wins over .env
    } catch (error) {
      return { ok: false, errors: [`${envFile}: could not be read (${(error as Error).message})`] };
    }
  }
  const result = parseConfig(process.env);
  // A .env secret the real environment overrides is still a secret: it must not leak through an article either.
  return result.ok ? { ...result, secrets: secretValues(process.env, fromFile) } : result;
}
