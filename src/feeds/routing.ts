// Which watches announce an article (pure). How a server's feeds and watches combine:
// - a feed routed to a channel (/feed add url channel, /feed route) posts its items there, and not in the
//   server's every-article watches (routing a feed is how an admin keeps it out of them);
// - a topic watch sees every feed's items, routed or not, and posts those on its topic;
// - an every-article watch (no topic) posts items of feeds that are not routed, and the articles folder;
// - a feed's filter applies wherever its items go; a watch's filter to that watch only;
// - a channel never gets the same article twice, whichever watches lead there (the route's settings win).
import type { Article } from '../articles/model';
import type { EntityProfile } from '../stories/entities';
import type { Watch } from './store';
import { compileFilter, parseStoredFilter, type FilterSpec } from './filters';
import { matchTopic } from './topic';

export interface ArticleSource {
  /** The feed that delivered the article (none: the articles folder). */
  feedId?: number;
  /** That feed's own filter. */
  feedFilter?: FilterSpec | null;
}

export interface PlannedDelivery {
  watch: Watch;
  /** Topic terms that matched (for the announcement's "Matched" line). */
  terms: string[];
}

export interface SkippedDelivery {
  watchId: number;
  reason: string;
}

export function filterText(article: Article): { title: string; body: string } {
  return { title: article.headline, body: article.paragraphs.join('\n') };
}

export function planDeliveries(article: Article, watches: Watch[], source: ArticleSource, profile: EntityProfile): { deliver: PlannedDelivery[]; skipped: SkippedDelivery[] } {
  const deliver: PlannedDelivery[] = [];
  const skipped: SkippedDelivery[] = [];
  const text = filterText(article);
  const feedVerdict = compileFilter(source.feedFilter).test(text);
  if (!feedVerdict.pass) return { deliver, skipped: watches.map((w) => ({ watchId: w.id, reason: `feed filter: ${feedVerdict.reason}` })) };
  const routed = new Set(watches.filter((w) => w.feedId !== null).map((w) => w.feedId));
  const fromRoutedFeed = source.feedId !== undefined && routed.has(source.feedId);
  const channels = new Set<string>();
  // Routes first, so a channel that is both a route and a watch takes the route's settings.
  const ordered = [...watches].sort((a, b) => Number(b.feedId !== null) - Number(a.feedId !== null) || a.id - b.id);
  for (const watch of ordered) {
    const reason = skipReason(watch, source, fromRoutedFeed);
    if (reason) {
      skipped.push({ watchId: watch.id, reason });
      continue;
    }
    const match = matchTopic(article, watch.topic, profile);
    if (!match.matched) {
      skipped.push({ watchId: watch.id, reason: 'not on its topic' });
      continue;
    }
    const verdict = compileFilter(parseStoredFilter(watch.filterJson)).test(text);
    if (!verdict.pass) {
      skipped.push({ watchId: watch.id, reason: `filter: ${verdict.reason}` });
      continue;
    }
    if (channels.has(watch.channelId)) {
      skipped.push({ watchId: watch.id, reason: 'the channel already gets it' });
      continue;
    }
    channels.add(watch.channelId);
    deliver.push({ watch, terms: match.terms });
  }
  return { deliver, skipped };
}

function skipReason(watch: Watch, source: ArticleSource, fromRoutedFeed: boolean): string | null {
  if (watch.feedId !== null) return watch.feedId === source.feedId ? null : 'a route of another feed';
  if (fromRoutedFeed && !watch.topic) return 'the feed is routed to its own channel';
  return null;
}
