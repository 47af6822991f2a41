// Feeds benchmark: 1,000 feeds served by a local HTTP server, polled by one NewsMonitor.
//   - poll cycle throughput (feeds/s): first poll (baseline: fetch, parse, record every item), then an
//     unchanged cycle (conditional requests → 304), then a cycle where 100 feeds carry one new item each;
//   - latency from an item appearing on its feed to its announcement being posted, when a poll cycle
//     starts right after it appears (the FEED_POLL interval adds its own wait on top: on average half of it).
// Announcements go through the real announce path (parse, story link, topic match, outbox, drain) to an
// in-process poster. Items carry full content, so no linked page is fetched (a page fetch adds its own
// round trip per item).
import { SqliteFeedStore } from '../src/store/feeds';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pino from 'pino';
import { MemoryLibrary } from '../src/articles/library';
import { systemClock } from '../src/core/clock';
import type { MessagePoster } from '../src/core/poster';
import { NewsMonitor } from '../src/feeds/news';
import { openDatabase } from '../src/store/db';
import { rssFeed, startFeedServer, type FixtureItem } from '../test/feeds/feed-server';

const FEEDS = 1000;
const ITEMS = 10;
const CHANGED = 100;

function item(feed: number, i: number): FixtureItem {
  return {
    guid: `f${feed}-i${i}`,
    title: `Regional council ${feed} approves budget line ${i}`,
    link: `https://bench.example/${feed}/${i}`,
    pubDate: new Date(Date.UTC(2024, 10, 1 + (i % 28), 9)).toUTCString(),
    content: `<p>The regional council of district ${feed} approved budget line ${i} on Monday, officials said.</p><p>The vote on the final plan is expected on 12 December 2024, and works would start in March 2025.</p><p>${'Members debated the costs at length. '.repeat(20)}</p>`,
  };
}

export async function run(): Promise<void> {
  const server = await startFeedServer();
  const dir = mkdtempSync(join(tmpdir(), 'herald-feeds-bench-'));
  const db = openDatabase(join(dir, 'bench.db'));
  const appeared = new Map<string, number>();
  const latencies: number[] = [];
  const poster: MessagePoster = {
    async post(channelId, reply) {
      const title = reply.embeds?.[0]?.title ?? '';
      const t0 = appeared.get(title);
      if (t0 !== undefined) latencies.push(performance.now() - t0);
      return { ok: true, messageId: String(latencies.length), channelId };
    },
  };
  const urls = Array.from({ length: FEEDS }, (_, f) => `${server.base}/b/${f}.xml`);

  for (const concurrency of [8, 32]) {
    db.exec('DELETE FROM feeds; DELETE FROM feed_items; DELETE FROM feed_articles; DELETE FROM watches; DELETE FROM announcements;');
    latencies.length = 0;
    for (let f = 0; f < FEEDS; f++) server.set(`/b/${f}.xml`, { body: rssFeed(`Bench feed ${f}`, Array.from({ length: ITEMS }, (_, i) => item(f, ITEMS - i))) });
    const library = new MemoryLibrary();
    const news = new NewsMonitor({
      store: new SqliteFeedStore(db), library, poster, clock: systemClock, log: pino({ level: 'silent' }), feeds: urls, pollSchedule: '*/10 * * * *',
      allowPrivate: true, concurrency, fetch: { timeoutMs: 10_000 },
    });
    await news.start();
    await news.watches.subscribe({ guildId: '1', channelId: '2', userId: '3' });
    const baseline = await news.feeds.pollAll();
    const unchanged = await news.feeds.pollAll();
    for (let f = 0; f < CHANGED; f++) {
      const feed = f * (FEEDS / CHANGED);
      server.set(`/b/${feed}.xml`, { body: rssFeed(`Bench feed ${feed}`, Array.from({ length: ITEMS + 1 }, (_, i) => item(feed, ITEMS + 1 - i))) });
      appeared.set(item(feed, ITEMS + 1).title, performance.now());
    }
    const changed = await news.feeds.pollAll();
    latencies.sort((a, b) => a - b);
    const rate = (r: { feeds: number; ms: number }) => `${Math.round((r.feeds / r.ms) * 1000)} feeds/s (${r.ms} ms)`;
    console.log(`concurrency ${concurrency}:`);
    console.log(`  first poll (baseline, ${FEEDS} feeds × ${ITEMS} items recorded): ${rate(baseline)}`);
    console.log(`  unchanged cycle (conditional requests, ${unchanged.notModified} × 304): ${rate(unchanged)}`);
    console.log(`  cycle with ${CHANGED} new items: ${rate(changed)}; announced ${latencies.length}`);
    console.log(
      `  item appearing → announcement posted (poll starting right away): p50 ${Math.round(latencies[Math.floor(latencies.length / 2)] ?? NaN)} ms, p95 ${Math.round(latencies[Math.floor(latencies.length * 0.95)] ?? NaN)} ms, max ${Math.round(latencies.at(-1) ?? NaN)} ms`,
    );
    await news.stop();
  }
  console.log('  (with FEED_POLL every 10 min, add the wait for the next cycle: 5 min on average, 10 min at worst)');
  db.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
