// Feed following and announcement watches, as commands see them. Owned by the news-monitoring feature.
// Placeholder contract: the feeds work fills this in.
export interface FeedService {
  list(guildId: string | null): { url: string; lastError?: string; failures: number }[];
}

export interface WatchService {
  list(guildId: string): { channelId: string; topic?: string }[];
}
