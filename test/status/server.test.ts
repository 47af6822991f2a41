// The status server over real HTTP: what each path answers, the token, read-only, and what it never shows.
import { afterEach, describe, expect, it } from 'vitest';
import { bearerMatches } from '../../src/status/server';
import { hideUrls } from '../../src/status/report';
import { CONSOLE_CALLER } from '../../src/transports/console/console';
import { GLOBAL_FEED, PRIVATE_FEED, SECRET_TOKEN, startStatusFixture, type StatusFixture } from './fixture';

let fx: StatusFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetch(new URL(path, fx!.server.url), { method, headers });

describe('status server', () => {
  it('listens on 127.0.0.1 by default and serves the page with a strict CSP', async () => {
    fx = await startStatusFixture();
    expect(fx.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Herald status</title>');
    expect((await get('/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/nothing-here')).status).toBe(404);
  });

  it('reports the figures as JSON: uptime, mode, servers, articles, next posts, missed, broken channels, failing feeds, last errors', async () => {
    fx = await startStatusFixture();
    const report = (await (await get('/api/status')).json()) as any;
    expect(report).toMatchObject({
      generatedAt: '2026-11-27T08:00:00.000Z',
      startedAt: '2026-11-27T07:00:00.000Z',
      uptimeSeconds: 3600,
      mode: 'gateway',
      connected: true,
      servers: 3,
      articlesTracked: 2,
      missedReminders: 0,
      memberReminders: { pending: 2, missed: 1, failed: 0 },
      brokenChannels: [],
    });
    expect(report.nextPosts).toEqual([{ at: '2026-11-27T09:00:00.000Z', description: 'Council to vote on the budget', channelId: '333333333333333333' }]);
    expect(report.lastErrors).toEqual([{ at: '2026-11-27T07:30:00.000Z', message: 'gateway said no to token [redacted]', id: 'abcd1234' }]);
  });

  it("never shows a server's private feed URL or a token, anywhere", async () => {
    fx = await startStatusFixture();
    const body = await (await get('/api/status')).text();
    const report = JSON.parse(body);
    expect(report.failingFeeds).toEqual([
      { feed: GLOBAL_FEED, failures: 2, lastError: 'HTTP 503 from news.example.com' },
      { feed: 'a feed a server added (URL not shown)', failures: 5, lastError: 'could not fetch [a URL]: connection refused' },
    ]);
    for (const path of ['/', '/app.js', '/api/status', '/metrics']) {
      const text = await (await get(path)).text();
      expect(text).not.toContain('intranet.example.org');
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain(SECRET_TOKEN);
    }
    expect(hideUrls('see http://10.0.0.1/x?y=1 and ftp://a.b/c.')).toBe('see [a URL] and [a URL].');
  });

  it('/healthz is 200 when connected and the database answers, 503 otherwise', async () => {
    fx = await startStatusFixture();
    let res = await get('/healthz');
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok', connected: true, database: true }]);
    fx.discord.connected = false;
    res = await get('/healthz');
    expect([res.status, await res.json()]).toEqual([503, { status: 'unavailable', connected: false, database: true }]);
    fx.discord.connected = true;
    fx.db.close();
    res = await get('/healthz');
    expect([res.status, await res.json()]).toEqual([503, { status: 'unavailable', connected: true, database: false }]);
  });

  it('with STATUS_TOKEN, needs the bearer token everywhere but /healthz', async () => {
    const token = 'status-token-0123456789';
    fx = await startStatusFixture({ token });
    for (const path of ['/', '/app.js', '/api/status', '/metrics']) {
      const refused = await get(path);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="herald-status"');
      expect((await get(path, { authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
      expect((await get(path, { authorization: `Bearer ${token}` })).status).toBe(200);
    }
    expect((await get('/healthz')).status).toBe(200);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches(undefined, token)).toBe(false);
  });

  it('is read-only: every method but GET and HEAD is refused and changes nothing', async () => {
    fx = await startStatusFixture();
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const res = await get('/api/status', {}, method);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD');
    }
    const head = await get('/api/status', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers only requests addressed to a loopback name (no DNS rebinding)', async () => {
    fx = await startStatusFixture();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/status', fx!.server.url), { headers: { host: 'evil.example.com' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await get('/api/status', { host: `localhost:${fx.server.port}` })).status).toBe(200);
  });

  it('/metrics counts commands by name and outcome with latency histograms, and reminders posted', async () => {
    fx = await startStatusFixture();
    await fx.router.run({ command: 'status', options: {}, caller: CONSOLE_CALLER, interactionId: 't1' });
    await fx.router.run({ command: 'remind', options: { subcommand: 'list' }, caller: { ...CONSOLE_CALLER, canManageGuild: false }, interactionId: 't2' });
    await fx.router.run({ command: 'no-such-command', options: {}, caller: CONSOLE_CALLER, interactionId: 't3' });
    fx.clock.set('2026-11-27T09:00:00Z');
    await fx.reminders.runDue();
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('herald_commands_total{command="status",outcome="ok"} 1');
    expect(text).toContain('herald_commands_total{command="remind",outcome="refused"} 1');
    expect(text).toContain('herald_commands_total{command="unknown",outcome="refused"} 1');
    expect(text).toMatch(/herald_command_duration_seconds_count\{command="status"\} 1/);
    expect(text).toContain('herald_reminders_total{result="posted"} 1');
    expect(text).toContain('herald_reminders_total{result="missed"} 0');
    for (const name of ['herald_announcements_total', 'herald_feed_polls_total', 'herald_discord_rest_errors_total', 'herald_discord_rate_limits_total', 'herald_ingestion_duration_seconds']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    expect(fx.posted()).toContain('Council to vote on the budget');
  });
});
