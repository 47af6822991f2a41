// /feed import and /feed export: a server's feed list in and out as OPML. Each imported URL goes through
// the same path as /feed add (fetched once through the safe fetch, so private addresses are refused unless
// ALLOW_PRIVATE_FEEDS; its current items recorded without announcing), a few at a time.
import type { Clock } from '../core/clock';
import { buildOpml, parseOpml } from './opml';
import type { FeedInfo, FeedService, OpmlImportReport, OpmlService } from './admin-services';

const CONCURRENCY = 4;

export class OpmlTransfer implements OpmlService {
  constructor(
    private readonly feeds: Pick<FeedService, 'add' | 'list'>,
    private readonly clock: Clock,
  ) {}

  async exportFeeds(guildId: string): Promise<{ opml: string; count: number }> {
    const own = (await this.feeds.list(guildId)).filter((f) => f.scope === 'server');
    return { opml: buildOpml(own.map((f) => ({ url: f.url, title: f.title })), { title: 'Herald feeds', now: this.clock.now() }), count: own.length };
  }

  async importFeeds(input: { guildId: string; userId: string; data: Uint8Array }): Promise<OpmlImportReport> {
    const parsed = parseOpml(input.data);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    const report: OpmlImportReport = { ok: true, added: [], already: [], failed: [], skipped: parsed.skipped };
    let next = 0;
    const worker = async () => {
      while (next < parsed.feeds.length) {
        const feed = parsed.feeds[next++];
        const result = await this.feeds.add({ url: feed.url, guildId: input.guildId, userId: input.userId });
        if (!result.ok) report.failed.push({ url: feed.url, reason: result.reason });
        else if (result.created) report.added.push(result.feed);
        else report.already.push(result.feed.url);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, parsed.feeds.length) }, worker));
    // Report in the file's order, not in the order the fetches finished.
    const order = new Map(parsed.feeds.map((f, i) => [f.url, i]));
    const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
    report.added.sort((a: FeedInfo, b: FeedInfo) => byOrder(a.url, b.url));
    report.already.sort(byOrder);
    report.failed.sort((a, b) => byOrder(a.url, b.url));
    return report;
  }
}
