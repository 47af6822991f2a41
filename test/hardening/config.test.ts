// A bad configuration stops Herald at startup (a real child process): exit code 1, nothing started, and a
// readable message naming every bad variable and what it expects, without echoing a token.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnHerald } from './child';

describe('a bad configuration', () => {
  it('exits non-zero naming each bad variable and what it expects, and never prints the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-config-'));
    const token = 'short-secret-tok';
    const herald = spawnHerald({
      DISCORD_TOKEN: token,
      REMINDER_TIME: '25:00',
      TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      REMINDER_CHANNEL_ID: 'general',
      DATABASE_PATH: join(dir, 'herald.db'),
    });
    const exit = await herald.exited;
    const out = herald.output();
    const dbCreated = existsSync(join(dir, 'herald.db'));
    rmSync(dir, { recursive: true, force: true });
    expect(exit.code).toBe(1);
    expect(out).toMatch(/^Herald cannot start: the configuration is invalid\./m);
    expect(out).toMatch(/^ {2}- REMINDER_TIME: expected a time of day as HH:MM \(24-hour\), e\.g\. 09:00 \(got "25:00"\)$/m);
    expect(out).toMatch(/^ {2}- TIMEZONE: expected an IANA time zone name such as UTC or Europe\/London \(got "Mars\/Olympus"\)$/m);
    expect(out).toMatch(/^ {2}- LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)$/m);
    expect(out).toMatch(/^ {2}- REMINDER_CHANNEL_ID: expected a channel id: 17–20 digits \(got "general"\)$/m);
    expect(out).toMatch(/^ {2}- DISCORD_TOKEN: expected .*\(got "\[hidden\]"\)$/m);
    expect(out).not.toContain(token);
    expect(out).toMatch(/See \.env\.example for every variable\./);
    // Nothing started: no log lines, no database.
    expect(out).not.toMatch(/"msg"/);
    expect(dbCreated).toBe(false);
  }, 60_000);
});
