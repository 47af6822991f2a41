// DeliveryService over the feed store: a server's feed routes, per-feed poll intervals and filters, and
// each watch's (or route's) filter, template, format and role ping, with previews of the next message.
// Only a server's own feeds (/feed add) can be routed or configured; FEEDS from the configuration are
// global and follow the server's watches.
import type { Clock } from '../core/clock';
import type { Feed, FeedStore, Watch, WatchSettingsPatch } from './store';
import type { Announcer } from './announcer';
import { buildFilter, EMPTY_FILTER, parseStoredFilter, storedFilter } from './filters';
import { checkInterval } from './schedule';
import type { DeliveryPatch, DeliveryService, FeedInfo, Outcome, PreviewOutcome, WatchInfo, WebhookInfo } from './admin-services';
import { checkTemplate } from './templates';
import { watchInfo, webhookInfo } from './watch-info';
import { checkAvatarUrl, checkWebhookName, type WebhookDirectory, type WebhookMaker } from './webhooks';
import { channelMention } from '../format/parts';

export interface DeliveryRegistryDeps {
  store: FeedStore;
  announcer: Announcer;
  clock: Clock;
  /** FEED_MIN_INTERVAL in minutes. */
  minIntervalMinutes: number;
  /** The server's feeds as /feed list shows them (with routes and intervals). */
  feedInfo(row: Feed): Promise<FeedInfo>;
  /** Creates webhooks (the Discord transport); without it webhook delivery falls back to Herald's messages. */
  webhookMaker?: WebhookMaker;
  /** Webhook settings and their tokens as secrets (kept current for /status). */
  webhooks?: WebhookDirectory;
}

const SNOWFLAKE = /^\d{17,20}$/;

export class DeliveryRegistry implements DeliveryService {
  constructor(private readonly deps: DeliveryRegistryDeps) {}

  get minIntervalMinutes(): number {
    return this.deps.minIntervalMinutes;
  }

  async route(input: { guildId: string; url: string; channelId: string | null; userId: string; forum?: boolean }): Promise<Outcome<{ feed: FeedInfo }>> {
    const feed = await this.ownFeed(input.guildId, input.url);
    if (!feed.ok) return feed;
    if (input.channelId !== null && !SNOWFLAKE.test(input.channelId)) return { ok: false, reason: 'That is not a channel.' };
    await this.deps.store.watches.setRoute({ feedId: feed.row.id, guildId: input.guildId, channelId: input.channelId, createdBy: input.userId, at: this.deps.clock.now(), forum: input.forum });
    return { ok: true, feed: await this.deps.feedInfo(feed.row) };
  }

  async setInterval(input: { guildId: string; url: string; minutes: number | null }): Promise<Outcome<{ feed: FeedInfo }>> {
    const feed = await this.ownFeed(input.guildId, input.url);
    if (!feed.ok) return feed;
    if (input.minutes !== null) {
      const checked = checkInterval(input.minutes, this.deps.minIntervalMinutes);
      if (!checked.ok) return { ok: false, reason: `Not changed: ${checked.reason}` };
    }
    await this.deps.store.feeds.setFeedInterval(feed.row.id, input.minutes);
    return { ok: true, feed: await this.deps.feedInfo((await this.deps.store.feeds.feed(feed.row.id)) ?? feed.row) };
  }

  async configureFeed(input: { guildId: string; url: string; patch: DeliveryPatch }): Promise<Outcome<{ feed: FeedInfo; route?: WatchInfo }>> {
    const feed = await this.ownFeed(input.guildId, input.url);
    if (!feed.ok) return feed;
    const { filter, ...messagePatch } = input.patch;
    const route = await this.deps.store.watches.routeOf(feed.row.id);
    const changesMessages = Object.values(messagePatch).some((v) => v !== undefined);
    if (changesMessages && !route) {
      return {
        ok: false,
        reason: 'A feed\'s template, format, role ping, threads and publishing apply where it is routed, and this feed is not routed: route it with /feed route (or set them on a watched channel with /watch template, /watch ping and /watch posting).',
      };
    }
    const checked = checkMessagePatch(messagePatch, input.guildId);
    if (!checked.ok) return checked;
    let filterJson: string | null | undefined;
    if (filter) {
      const built = buildFilter(parseStoredFilter(feed.row.filterJson) ?? EMPTY_FILTER, filter);
      if (!built.ok) return { ok: false, reason: `Not changed: ${built.reason}` };
      filterJson = storedFilter(built.spec);
    }
    if (filterJson !== undefined) await this.deps.store.feeds.setFeedFilter(feed.row.id, filterJson);
    if (route && changesMessages) await this.deps.store.watches.setWatchSettings(route.id, toColumns(messagePatch));
    const after = await this.deps.store.watches.routeOf(feed.row.id);
    return { ok: true, feed: await this.deps.feedInfo((await this.deps.store.feeds.feed(feed.row.id)) ?? feed.row), ...(after ? { route: await watchInfo(after, this.deps.store) } : {}) };
  }

  async configureWatch(input: { guildId: string; channelId?: string; patch: DeliveryPatch }): Promise<Outcome<{ watches: WatchInfo[] }>> {
    const watches = (await this.deps.store.watches.watches(input.guildId)).filter((w) => w.feedId === null && (!input.channelId || w.channelId === input.channelId));
    if (watches.length === 0) {
      return { ok: false, reason: input.channelId ? `${channelMention(input.channelId)} is not watched yet: use /watch channel first (a feed's route is set with /feed).` : 'No channel is watched in this server yet: use /watch channel first.' };
    }
    const { filter, ...messagePatch } = input.patch;
    const checked = checkMessagePatch(messagePatch, input.guildId);
    if (!checked.ok) return checked;
    const updates: { watch: Watch; filterJson?: string | null }[] = [];
    for (const watch of watches) {
      if (!filter) {
        updates.push({ watch });
        continue;
      }
      const built = buildFilter(parseStoredFilter(watch.filterJson) ?? EMPTY_FILTER, filter);
      if (!built.ok) return { ok: false, reason: `Not changed: ${built.reason}` };
      updates.push({ watch, filterJson: storedFilter(built.spec) });
    }
    for (const u of updates) await this.deps.store.watches.setWatchSettings(u.watch.id, { ...toColumns(messagePatch), ...(u.filterJson !== undefined ? { filterJson: u.filterJson } : {}) });
    return { ok: true, watches: await Promise.all(watches.map(async (w) => watchInfo((await this.deps.store.watches.watch(w.id)) ?? w, this.deps.store))) };
  }

  async configureWebhook(input: { guildId: string; channelId: string; userId: string; name?: string; avatarUrl?: string | null; off?: boolean }): Promise<Outcome<{ webhook?: WebhookInfo }>> {
    const { store, clock, webhookMaker, webhooks } = this.deps;
    if (!SNOWFLAKE.test(input.channelId)) return { ok: false, reason: 'That is not a channel.' };
    const existing = await store.webhooks.channelWebhook(input.channelId);
    if (existing && existing.guildId !== input.guildId) return { ok: false, reason: 'That channel belongs to another server.' };
    if (input.off) {
      const removed = await store.webhooks.removeChannelWebhook(input.channelId);
      if (removed?.webhookId && removed.webhookToken) await webhookMaker?.remove(removed.webhookId, removed.webhookToken);
      await webhooks?.refresh();
      return removed ? { ok: true } : { ok: false, reason: `${channelMention(input.channelId)} has no webhook delivery.` };
    }
    const watched = (await store.watches.watches(input.guildId)).some((w) => w.channelId === input.channelId);
    if (!watched) return { ok: false, reason: `${channelMention(input.channelId)} gets no announcements yet: use /watch channel (or /feed route) first.` };
    const checkedName = checkWebhookName(input.name ?? existing?.name ?? 'Herald');
    if (!checkedName.ok) return { ok: false, reason: `Not changed: ${checkedName.reason}.` };
    let avatarUrl = existing?.avatarUrl ?? null;
    if (input.avatarUrl !== undefined) {
      if (input.avatarUrl === null) avatarUrl = null;
      else {
        const checked = checkAvatarUrl(input.avatarUrl);
        if (!checked.ok) return { ok: false, reason: `Not changed: ${checked.reason}.` };
        avatarUrl = checked.url;
      }
    }
    let webhookId = existing?.webhookId ?? null;
    let webhookToken = existing?.webhookToken ?? null;
    let fallbackReason: string | null = null;
    if (!webhookId || !webhookToken) {
      // The webhook's own name is the server's choice too; each post also carries the name and avatar.
      const made = webhookMaker ? await webhookMaker.create(input.channelId, checkedName.name) : { ok: false as const, reason: 'this deployment has no Discord connection to create webhooks with', missingPermission: false };
      if (made.ok) {
        webhookId = made.id;
        webhookToken = made.token;
        webhooks?.registerToken(made.token);
      } else {
        webhookId = null;
        webhookToken = null;
        fallbackReason = `${made.reason}: posting as Herald (grant it, then run /watch webhook again)`;
      }
    }
    await store.webhooks.setChannelWebhook({ channelId: input.channelId, guildId: input.guildId, name: checkedName.name, avatarUrl, webhookId, webhookToken, fallbackReason, updatedBy: input.userId, at: clock.now() });
    await webhooks?.refresh();
    const row = await store.webhooks.channelWebhook(input.channelId);
    return { ok: true, ...(row ? { webhook: webhookInfo(row) } : {}) };
  }

  async previewFeed(input: { guildId: string; url: string }): Promise<PreviewOutcome> {
    const feed = await this.ownFeed(input.guildId, input.url);
    if (!feed.ok) return feed;
    const route = await this.deps.store.watches.routeOf(feed.row.id);
    if (!route) return { ok: false, reason: 'This feed is not routed to a channel, so its items are announced by the server\'s watches: preview one with /watch preview.' };
    return this.preview(route);
  }

  async previewWatch(input: { guildId: string; channelId: string }): Promise<PreviewOutcome> {
    const watch = (await this.deps.store.watches.watches(input.guildId)).find((w) => w.feedId === null && w.channelId === input.channelId);
    if (!watch) return { ok: false, reason: `${channelMention(input.channelId)} is not watched: use /watch channel first (for a feed's route: /feed preview).` };
    return this.preview(watch);
  }

  private async preview(watch: Watch): Promise<PreviewOutcome> {
    const result = await this.deps.announcer.preview(watch);
    return result.ok ? { ...result, channelId: watch.channelId } : { ok: false, reason: `Nothing to preview: ${result.reason}` };
  }

  private async ownFeed(guildId: string, url: string): Promise<{ ok: true; row: Feed } | { ok: false; reason: string }> {
    const trimmed = url.trim();
    const row = await this.deps.store.feeds.feedByUrl(trimmed, guildId);
    if (row) return { ok: true, row };
    if (await this.deps.store.feeds.feedByUrl(trimmed, null)) return { ok: false, reason: 'That feed comes from FEEDS in the configuration: it follows the server\'s watches and cannot be routed or configured here. Add it with /feed add to have a copy of your own.' };
    return { ok: false, reason: 'This server does not follow that feed. See /feed list.' };
  }
}

function checkMessagePatch(patch: Omit<DeliveryPatch, 'filter'>, guildId: string): { ok: true } | { ok: false; reason: string } {
  if (patch.template) {
    const checked = checkTemplate(patch.template);
    if (!checked.ok) return { ok: false, reason: `Not changed: ${checked.reason}` };
  }
  if (patch.pingRoleId) {
    if (!SNOWFLAKE.test(patch.pingRoleId)) return { ok: false, reason: 'That is not a role.' };
    // The @everyone role's id is the server's id: pinging it would ping every member.
    if (patch.pingRoleId === guildId) return { ok: false, reason: 'Announcements cannot ping @everyone: pick a role members opt into.' };
  }
  return { ok: true };
}

function toColumns(patch: Omit<DeliveryPatch, 'filter'>): WatchSettingsPatch {
  return {
    ...(patch.template !== undefined ? { template: patch.template } : {}),
    ...(patch.format !== undefined ? { format: patch.format } : {}),
    ...(patch.pingRoleId !== undefined ? { pingRoleId: patch.pingRoleId } : {}),
    ...(patch.openThread !== undefined ? { openThread: patch.openThread } : {}),
    ...(patch.publish !== undefined ? { publish: patch.publish } : {}),
  };
}

