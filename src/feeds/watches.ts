// WatchService over the feed store: which channels get announcements, narrowed by an optional topic.
import type { Clock } from '../core/clock';
import type { FeedStore, WatchRow } from './store';
import type { WatchInfo, WatchService } from './service';

export class WatchRegistry implements WatchService {
  constructor(
    private readonly store: FeedStore,
    private readonly clock: Clock,
  ) {}

  async list(guildId: string): Promise<WatchInfo[]> {
    return (await this.store.watches(guildId)).map(info);
  }

  async subscribe(input: { guildId: string; channelId: string; topic?: string; userId: string }): Promise<WatchInfo> {
    const topic = input.topic?.trim() ? input.topic.trim() : null;
    return info(await this.store.upsertWatch({ guildId: input.guildId, channelId: input.channelId, topic, createdBy: input.userId, at: this.clock.now() }));
  }

  async setTopic(input: { guildId: string; channelId?: string; topic: string | null }): Promise<{ ok: true; watches: WatchInfo[] } | { ok: false; reason: string }> {
    const watches = (await this.store.watches(input.guildId)).filter((w) => !input.channelId || w.channel_id === input.channelId);
    if (watches.length === 0) {
      return { ok: false, reason: input.channelId ? `<#${input.channelId}> is not watched yet: use /watch channel first.` : 'No channel is watched in this server yet: use /watch channel first.' };
    }
    const topic = input.topic?.trim() ? input.topic.trim() : null;
    for (const w of watches) await this.store.setWatchTopic(w.id, topic);
    return { ok: true, watches: (await this.list(input.guildId)).filter((w) => watches.some((x) => x.channel_id === w.channelId)) };
  }

  off(input: { guildId: string; channelId?: string }): Promise<number> {
    return this.store.removeWatches(input.guildId, input.channelId);
  }
}

function info(row: WatchRow): WatchInfo {
  return { channelId: row.channel_id, topic: row.topic ?? undefined, broken: row.broken_reason ?? undefined };
}
