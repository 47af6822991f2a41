import { describe, expect, it } from 'vitest';
import { parseConfig, parseDuration } from '../src/config';

describe('config', () => {
  it('applies the documented defaults to an empty environment', () => {
    const r = parseConfig({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.REMINDER_TIME).toBe('09:00');
    expect(r.config.TIMEZONE).toBe('UTC');
    expect(r.config.REMINDER_GRACE).toBe(6 * 3_600_000);
    expect(r.config.ARTICLES_DIR).toBe('data/articles');
    expect(r.config.DATABASE_PATH).toBe('data/herald.db');
    expect(r.config.FEEDS).toEqual([]);
    expect(r.config.ALLOW_PRIVATE_FEEDS).toBe(false);
    expect(r.config.DISCORD_TOKEN).toBeUndefined();
    expect(r.config.LOG_LEVEL).toBeUndefined(); // main.ts picks info (Discord) or warn (console)
  });

  it("ALLOW_PRIVATE_FEEDS: true lifts the address check for the operator's FEEDS only, all also for feeds servers add", () => {
    const value = (v: string) => {
      const r = parseConfig({ ALLOW_PRIVATE_FEEDS: v });
      return r.ok ? r.config.ALLOW_PRIVATE_FEEDS : r.errors;
    };
    expect(value('true')).toBe('operator');
    expect(value('all')).toBe(true);
    expect(value('false')).toBe(false);
    expect(value('yes')).toEqual(['ALLOW_PRIVATE_FEEDS: expected true, false or all (got "yes")']);
  });

  it('FEED_POLL: a node-cron schedule of five or six fields', () => {
    expect(parseConfig({ FEED_POLL: '*/5 * * * *' }).ok).toBe(true);
    expect(parseConfig({ FEED_POLL: '0 */2 * * * *' }).ok).toBe(true);
    for (const bad of ['every 10 minutes', '61 * * * *', '* * *']) expect(parseConfig({ FEED_POLL: bad }).ok).toBe(false);
  });

  it('names every bad variable and what it expects', () => {
    const r = parseConfig({ REMINDER_TIME: '9am', TIMEZONE: 'Mars/Olympus', DISCORD_API_URL: 'not a url', LOG_LEVEL: 'loud' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(4);
    expect(r.errors.find((e) => e.startsWith('REMINDER_TIME:'))).toContain('HH:MM');
    expect(r.errors.find((e) => e.startsWith('TIMEZONE:'))).toContain('IANA');
    expect(r.errors.find((e) => e.startsWith('DISCORD_API_URL:'))).toBeDefined();
    expect(r.errors.find((e) => e.startsWith('LOG_LEVEL:'))).toContain('debug');
  });

  it('never echoes the token in an error', () => {
    const r = parseConfig({ DISCORD_TOKEN: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).not.toContain('short');
  });

  it('leaves the status server off by default, on 127.0.0.1, and checks its port and token', () => {
    const off = parseConfig({});
    expect(off.ok && [off.config.STATUS_PORT, off.config.STATUS_HOST, off.config.STATUS_TOKEN]).toEqual([undefined, '127.0.0.1', undefined]);
    const on = parseConfig({ STATUS_PORT: '9464', STATUS_HOST: '0.0.0.0', STATUS_TOKEN: 'a-long-enough-status-token' });
    expect(on.ok && [on.config.STATUS_PORT, on.config.STATUS_HOST, on.config.STATUS_TOKEN]).toEqual([9464, '0.0.0.0', 'a-long-enough-status-token']);
    expect(on.ok && on.secrets).toContain('a-long-enough-status-token');
    const bad = parseConfig({ STATUS_PORT: '70000', STATUS_TOKEN: 'short-secret' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.find((e) => e.startsWith('STATUS_PORT:'))).toContain('0–65535');
    expect(bad.errors.find((e) => e.startsWith('STATUS_TOKEN:'))).toContain('16 characters');
    expect(bad.errors.join('\n')).not.toContain('short-secret');
  });

  it('parses feed lists and durations', () => {
    const r = parseConfig({ FEEDS: 'https://a.example/rss, https://b.example/atom', REMINDER_GRACE: '90m' });
    expect(r.ok && r.config.FEEDS).toEqual(['https://a.example/rss', 'https://b.example/atom']);
    expect(r.ok && r.config.REMINDER_GRACE).toBe(90 * 60_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('soon')).toBeNull();
  });
});

describe('INTERACTIONS', () => {
  const key = 'a'.repeat(64);
  it('defaults to the gateway; http needs the public key, the port and the token, and listens on every interface by default', () => {
    const gateway = parseConfig({});
    expect(gateway.ok && [gateway.config.INTERACTIONS, gateway.config.PORT, gateway.config.INTERACTIONS_HOST]).toEqual(['gateway', undefined, '0.0.0.0']);
    const http = parseConfig({ INTERACTIONS: 'http', DISCORD_PUBLIC_KEY: key, PORT: '8080', DISCORD_TOKEN: 'x'.repeat(30), INTERACTIONS_HOST: '127.0.0.1' });
    expect(http.ok && [http.config.INTERACTIONS, http.config.DISCORD_PUBLIC_KEY, http.config.PORT, http.config.INTERACTIONS_HOST]).toEqual(['http', key, 8080, '127.0.0.1']);
    const missing = parseConfig({ INTERACTIONS: 'http' });
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.errors.map((e) => e.split(':')[0]).sort()).toEqual(['DISCORD_PUBLIC_KEY', 'DISCORD_TOKEN', 'PORT']);
  });

  it('names a bad mode, key or port', () => {
    const bad = parseConfig({ INTERACTIONS: 'webhook', DISCORD_PUBLIC_KEY: 'xyz', PORT: '-1' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.find((e) => e.startsWith('INTERACTIONS:'))).toContain('gateway or http');
    expect(bad.errors.find((e) => e.startsWith('DISCORD_PUBLIC_KEY:'))).toContain('64 hexadecimal digits');
    expect(bad.errors.find((e) => e.startsWith('PORT:'))).toContain('0–65535');
  });
});

describe('.env.example', () => {
  it('lists every variable the config reads, each with a comment line above it', async () => {
    const { readFileSync } = await import('node:fs');
    const { configSchema } = await import('../src/config');
    const lines = readFileSync(new URL('../.env.example', import.meta.url), 'utf8').split('\n');
    const listed = lines.flatMap((l, i) => (/^[A-Z_]+=/.test(l) ? [{ name: l.split('=')[0], comment: lines[i - 1] ?? '' }] : []));
    expect(listed.map((v) => v.name).sort()).toEqual(Object.keys(configSchema.shape).sort());
    for (const v of listed) expect(v.comment, v.name).toMatch(/^# \S/);
  });
});
