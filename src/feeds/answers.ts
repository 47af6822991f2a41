// What /feed and /watch answer (pure): confirmations and lists built from the feed services' results.
// Feed titles, topics, filters and errors come from strangers or admins: shown inert and bounded.
import type { Reply } from '../core/reply';
import { timestampPart } from '../format/dates';
import type { FeedAddResult, FeedInfo, OpmlImportReport, WatchInfo, WebhookInfo } from './admin-services';
import { shown } from './delivery-options';
import { describeInterval } from './schedule';
import { bold, channelMention, code, roleMention } from '../format/parts';

/** A feed's text shown back in /feed replies. */
const feedText = (text: string) => shown(text, 200);

export function feedLabel(feed: FeedInfo): string {
  return feed.title ? `${bold(feedText(feed.title))} <${feed.url}>` : `<${feed.url}>`;
}

/** /feed add, once the feed is followed (or was already). `routed`/`timed`: the admin gave a channel or an interval. */
export function feedAdded(result: Extract<FeedAddResult, { ok: true }>, asked: { routed: boolean; timed: boolean }): string {
  if (!result.created) {
    const hint = asked.routed || asked.timed ? ' To change where it posts or how often it is read, use /feed route and /feed interval.' : '';
    return `Herald already follows ${feedLabel(result.feed)}${result.feed.scope === 'global' ? ' (from the configuration)' : ''}.${hint}`;
  }
  const where = result.feed.channelId ? `in ${channelMention(result.feed.channelId)}` : 'in watched channels (see /watch)';
  const backfilled = result.backfilled ? ` Its newest ${result.backfilled} item${result.backfilled === 1 ? ' is' : 's are'} being announced ${where} now.` : '';
  return `Following ${feedLabel(result.feed)}${result.feed.pollMinutes ? `, read ${describeInterval(result.feed.pollMinutes)}` : ''}. Its ${result.itemsRecorded} current item${result.itemsRecorded === 1 ? ' was' : 's were'} recorded without announcing; new items will be announced ${where}.${backfilled}`;
}

/** /feed route: where the feed's new items go now. */
export function feedRouted(feed: FeedInfo, channelId: string | undefined): string {
  return channelId
    ? `New items of ${feedLabel(feed)} will be announced in ${channelMention(channelId)} (and in topic watches they match), no longer in the server's every-article watches.`
    : `${feedLabel(feed)} is no longer routed: its new items go to the server's watched channels.`;
}

/** /feed filter, template, ping and posting: the feed's filter and, when routed, its route's form. */
export function feedSettings(feed: FeedInfo, route: WatchInfo | undefined): string {
  const lines = [`${feedLabel(feed)} · ${feed.filter ? `filter: ${feedText(feed.filter)}` : 'no filter'}`];
  if (route) {
    lines.push(
      `In ${channelMention(route.channelId)}: ${route.format === 'text' ? 'plain text' : 'embed'}${route.template ? ` from template ${code(feedText(route.template).replace(/`/g, "'"))}` : ''} · ${route.pingRoleId ? `pings ${roleMention(route.pingRoleId)}` : 'pings no one'}${route.publish ? ' · publishes' : ''}${route.openThread ? ' · opens a thread' : ''}`,
    );
  }
  return lines.join('\n');
}

export function importSummary(report: Extract<OpmlImportReport, { ok: true }>): string {
  const lines: string[] = [];
  const total = report.added.length + report.already.length + report.failed.length;
  if (total === 0) lines.push('The file lists no feeds (outlines with an xmlUrl).');
  if (report.added.length) lines.push(`Following ${report.added.length} new feed${report.added.length === 1 ? '' : 's'} (current items recorded, nothing announced): ${report.added.map(feedLabel).join(', ')}`);
  if (report.already.length) lines.push(`Already followed: ${report.already.length}.`);
  if (report.failed.length) lines.push(`Not added (${report.failed.length}): ${report.failed.map((f) => `<${f.url}>: ${feedText(f.reason)}`).join('; ')}`);
  if (report.skipped.length) lines.push(`Skipped (${report.skipped.length}): ${feedText(report.skipped.slice(0, 5).join('; '))}${report.skipped.length > 5 ? '…' : ''}`);
  return lines.join('\n');
}

export function feedListReply(feeds: FeedInfo[], now: Date): Reply {
  if (feeds.length === 0) return { content: 'No feeds are followed. Add one with /feed add (or FEEDS in the configuration).', ephemeral: true };
  const lines = feeds.slice(0, 25).map((f) => {
    const scope = f.scope === 'global' ? ' · from configuration' : '';
    const extra = `${f.channelId ? ` · → ${channelMention(f.channelId)}` : ''}${f.pollMinutes ? ` · ${describeInterval(f.pollMinutes)}` : ''}${f.filter ? ` · filter: ${feedText(f.filter)}` : ''}`;
    if (f.failures === 0) return `✅ ${feedLabel(f)}${scope}${extra}${f.lastOkAt ? ` · last read ${timestampPart(f.lastOkAt, 'R')}` : ' · not read yet'}`;
    const retry = f.nextAttemptAt && f.nextAttemptAt > now ? ` · next try ${timestampPart(f.nextAttemptAt, 'R')}` : '';
    return `⚠️ ${feedLabel(f)}${scope}${extra} · failing (${f.failures} in a row): ${feedText(f.lastError ?? 'unknown error')}${retry}`;
  });
  // A server may follow up to FEEDS_PER_SERVER (100) feeds; the rest are in /feed export's OPML file.
  const more = feeds.length > 25 ? `\n…and ${feeds.length - 25} more: /feed export lists them all.` : '';
  const failing = feeds.filter((f) => f.failures > 0).length;
  return {
    embeds: [
      {
        title: `Feeds (${feeds.length}${failing ? `, ${failing} failing` : ''})`,
        description: `${lines.join('\n')}${more}`,
      },
    ],
    ephemeral: true,
  };
}

/** What a watch announces: a feed route, a topic, or everything. */
export function watchTopic(w: WatchInfo): string {
  if (w.feed) return ` (every item of ${w.feed.title ? bold(shown(w.feed.title)) : `<${w.feed.url}>`}: feed route)`;
  return w.topic ? ` (only about: ${shown(w.topic)})` : ' (every new article)';
}

/** Filter, form and ping of a watch, for confirmations and /watch list. */
export function watchSettings(w: WatchInfo): string {
  const parts: string[] = [];
  if (w.filter) parts.push(`filter: ${shown(w.filter)}`);
  if (w.format === 'text' || w.template) parts.push(`${w.format === 'text' ? 'plain text' : 'embed'}${w.template ? ` from template \`${shown(w.template).replace(/`/g, "'")}\`` : ''}`);
  if (w.pingRoleId) parts.push(`pings ${roleMention(w.pingRoleId)}`);
  if (w.publish) parts.push('publishes');
  if (w.openThread) parts.push('opens a thread');
  if (w.actionError) parts.push(`⚠️ ${shown(w.actionError)}`);
  if (w.forum) parts.push('forum posts');
  if (w.webhook) parts.push(w.webhook.fallback ? `⚠️ posts as Herald, not webhook ${bold(shown(w.webhook.name))}: ${shown(w.webhook.fallback)}` : `as webhook ${bold(shown(w.webhook.name))}`);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}

/** /watch webhook, once set (or turned off: `webhook` undefined). */
export function webhookSet(channelId: string, webhook: WebhookInfo | undefined): string {
  if (!webhook) return `Announcements in ${channelMention(channelId)} are Herald's own messages again.`;
  return webhook.fallback
    ? `Webhook ${bold(shown(webhook.name))} is set for ${channelMention(channelId)}, but announcements go out as Herald's own messages for now: ${shown(webhook.fallback)}.`
    : `Announcements in ${channelMention(channelId)} are posted as ${bold(shown(webhook.name))}${webhook.avatarUrl ? ' with your avatar' : ''} through a webhook.`;
}

export function watchListReply(watches: WatchInfo[]): Reply {
  if (watches.length === 0) return { content: 'No channel is watched. Start with /watch channel.', ephemeral: true };
  const lines = watches.map((w) => `${w.broken ? '⚠️' : '📣'} ${channelMention(w.channelId)}${watchTopic(w)}${watchSettings(w)}${w.broken ? ` · stopped: ${shown(w.broken)} (run ${w.feed ? '/feed route' : '/watch channel'} again once fixed)` : ''}`);
  return { embeds: [{ title: `Watched channels (${watches.length})`, description: lines.join('\n') }], ephemeral: true };
}
