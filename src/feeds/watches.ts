// WatchService over the feed store: which channels get announcements, narrowed by an optional topic.
import type { Clock } from '../core/clock';
import type { FeedStore } from './store';
import { watchInfo } from './watch-info';
import type { WatchInfo, WatchService } from './admin-services';
import { channelMention } from '../format/parts';

export class WatchRegistry implements WatchService {
  constructor(
    private readonly store: FeedStore,
    private readonly clock: Clock,
  ) {}

  async list(guildId: string): Promise<WatchInfo[]> {
    return Promise.all((await this.store.watches.watches(guildId)).map((row) => watchInfo(row, this.store)));
  }

  async subscribe(input: { guildId: string; channelId: string; topic?: string; userId: string; forum?: boolean }): Promise<WatchInfo> {
    const topic = input.topic?.trim() ? input.topic.trim() : null;
    return watchInfo(await this.store.watches.upsertWatch({ guildId: input.guildId, channelId: input.channelId, topic, createdBy: input.userId, at: this.clock.now(), forum: input.forum }), this.store);
  }

  async setTopic(input: { guildId: string; channelId?: string; topic: string | null }): Promise<{ ok: true; watches: WatchInfo[] } | { ok: false; reason: string }> {
    // Topics belong to channel watches; a feed's route takes every item of its feed.
    const watches = (await this.store.watches.watches(input.guildId)).filter((w) => w.feedId === null && (!input.channelId || w.channelId === input.channelId));
    if (watches.length === 0) {
      return { ok: false, reason: input.channelId ? `${channelMention(input.channelId)} is not watched yet: use /watch channel first.` : 'No channel is watched in this server yet: use /watch channel first.' };
    }
    const topic = input.topic?.trim() ? input.topic.trim() : null;
    for (const w of watches) await this.store.watches.setWatchTopic(w.id, topic);
    return { ok: true, watches: (await this.list(input.guildId)).filter((w) => !w.feed && watches.some((x) => x.channelId === w.channelId)) };
  }

  off(input: { guildId: string; channelId?: string }): Promise<number> {
    return this.store.watches.removeWatches(input.guildId, input.channelId);
  }
}
