// The status page in a real headless browser (Debian's chromium driven by playwright-core): it loads with no
// console errors, shows the figures /api/status has, and updates by itself after a reminder posts. A
// screenshot is saved under test-output/ (git-ignored) for a person to look at; its path is printed.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatusFixture, type StatusFixture } from './fixture';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT = resolve(import.meta.dirname, '../../test-output');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let fx: StatusFixture;
let context: BrowserContext;
let page: Page;
let profile: string;
const problems: string[] = [];

beforeAll(async () => {
  // No silent skip: without the browser this test fails and says how to install it (.ci/run does).
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  fx = await startStatusFixture();
  profile = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1000, height: 900 } });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
}, 60_000);

afterAll(async () => {
  await context?.close();
  await fx?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const text = (id: string) => page.locator(`#${id}`).innerText();

describe('status page in a headless browser', () => {
  it('loads without console errors and shows the figures the API has', async () => {
    await page.goto(fx.server.url);
    await page.locator('#state[data-state="ok"]').waitFor();
    const api = (await (await fetch(new URL('/api/status', fx.server.url))).json()) as any;
    expect(await text('state')).toBe('Connected to Discord');
    expect(await text('mode')).toBe('Gateway');
    expect(await text('servers')).toBe(String(api.servers));
    expect(await text('articles')).toBe(String(api.articlesTracked));
    expect(await text('missed')).toBe(String(api.missedReminders));
    expect(api.memberReminders).toEqual({ pending: 2, missed: 1, failed: 0 });
    expect(await text('member-reminders')).toBe('2 pending · 1 missed · 0 failed');
    expect(await text('uptime')).toBe('1 h 0 min');
    expect(await text('next-posts')).toBe(`2026-11-27 09:00 UTC — ${api.nextPosts[0].description} (channel ${api.nextPosts[0].channelId})`);
    expect(await text('failing-feeds')).toContain(`${api.failingFeeds[0].feed} — 2 failures: ${api.failingFeeds[0].lastError}`);
    expect(await text('failing-feeds')).toContain('a feed a server added (URL not shown)');
    expect(await text('last-errors')).toBe('2026-11-27 07:30 UTC — gateway said no to token [redacted] (error id abcd1234)');
    expect(await text('broken-channels')).toBe('None.');
    expect(problems).toEqual([]);
  });

  it('updates by itself after a reminder posts, and a screenshot is saved', async () => {
    fx.clock.set('2026-11-27T09:00:05Z');
    const report = await fx.reminders.runDue();
    expect(report.posted).toBe(1);
    expect(fx.posted()).toContain('Council to vote on the budget');
    // The next post is now the harbour debate; the page shows it on its next refresh, with no reload.
    await page.locator('#next-posts', { hasText: 'Assembly to debate the harbour plan' }).waitFor({ timeout: 15_000 });
    expect(await text('next-posts')).toBe('2026-12-03 09:00 UTC — Assembly to debate the harbour plan (channel 333333333333333333)');
    expect(await text('uptime')).toBe('2 h 0 min');
    mkdirSync(OUTPUT, { recursive: true });
    const shot = join(OUTPUT, 'status-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`status page screenshot: ${shot}`);
    expect(existsSync(shot)).toBe(true);
    expect(problems).toEqual([]);
  });
});
