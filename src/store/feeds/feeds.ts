// FeedList on better-sqlite3: the followed feeds and their poll state (table feeds).
import { SqliteTable } from './table';
import { feedRow } from '../feed-rows';
import type { Feed, FeedList, PollSuccess } from '../../feeds/store';

export class SqliteFeedList extends SqliteTable implements FeedList {
  async addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): Promise<{ row: Feed; created: boolean }> {
    const r = this.sql('INSERT OR IGNORE INTO feeds (url, guild_id, origin, added_by, added_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.url, input.guildId ?? '', input.origin, input.addedBy ?? null, input.at.toISOString());
    return { row: this.feedByUrlNow(input.url, input.guildId) as Feed, created: r.changes > 0 };
  }

  async removeFeed(url: string, guildId: string | null): Promise<boolean> {
    return this.sql('DELETE FROM feeds WHERE url = ? AND guild_id = ?').run(url, guildId ?? '').changes > 0;
  }

  private feedByUrlNow(url: string, guildId: string | null): Feed | undefined {
    const row = this.sql(`SELECT * FROM feeds WHERE url = ? AND guild_id = ?`).get(url, guildId ?? '');
    return row ? feedRow.parse(row) : undefined;
  }

  async feedByUrl(url: string, guildId: string | null): Promise<Feed | undefined> {
    return this.feedByUrlNow(url, guildId);
  }

  async feed(id: number): Promise<Feed | undefined> {
    const row = this.sql(`SELECT * FROM feeds WHERE id = ?`).get(id);
    return row ? feedRow.parse(row) : undefined;
  }

  async feeds(): Promise<Feed[]> {
    return this.sql(`SELECT * FROM feeds ORDER BY id`).all().map((r) => feedRow.parse(r));
  }

  async feedsVisibleTo(guildId: string | null): Promise<Feed[]> {
    return this.sql(`SELECT * FROM feeds WHERE guild_id = '' OR guild_id = ? ORDER BY id`)
      .all(guildId ?? '')
      .map((r) => feedRow.parse(r));
  }

  async recordPollSuccess(id: number, result: PollSuccess): Promise<void> {
    this.sql(
        `UPDATE feeds SET title = ?, etag = ?, last_modified = ?, last_polled_at = ?,
         last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL, baseline_done = 1 WHERE id = ?`,
      )
      .run(result.title, result.etag, result.lastModified, result.at.toISOString(), result.at.toISOString(), id);
  }

  async recordNotModified(id: number, at: Date): Promise<void> {
    this.sql('UPDATE feeds SET last_polled_at = ?, last_ok_at = ?, failures = 0, last_error = NULL, next_attempt_at = NULL WHERE id = ?')
      .run(at.toISOString(), at.toISOString(), id);
  }

  async recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): Promise<void> {
    this.sql('UPDATE feeds SET last_polled_at = ?, failures = failures + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(at.toISOString(), error.slice(0, 500), nextAttemptAt.toISOString(), id);
  }

  async claimPoll(id: number, claim: { until: Date; notPolledSince: Date | null }, now: Date): Promise<Feed | undefined> {
    const taken = this.sql(
        `UPDATE feeds SET poll_until = ? WHERE id = ? AND (poll_until IS NULL OR poll_until <= ?)
         AND (? IS NULL OR last_polled_at IS NULL OR last_polled_at <= ?)`,
      )
      .run(claim.until.toISOString(), id, now.toISOString(), claim.notPolledSince?.toISOString() ?? null, claim.notPolledSince?.toISOString() ?? null);
    return taken.changes === 1 ? this.feed(id) : undefined;
  }

  async releasePoll(id: number): Promise<void> {
    this.sql('UPDATE feeds SET poll_until = NULL WHERE id = ?').run(id);
  }

  async setFeedInterval(id: number, minutes: number | null): Promise<void> {
    this.sql('UPDATE feeds SET poll_minutes = ? WHERE id = ?').run(minutes, id);
  }

  async setFeedFilter(id: number, filterJson: string | null): Promise<void> {
    this.sql('UPDATE feeds SET filter_json = ? WHERE id = ?').run(filterJson, id);
  }

  /** One process per SQLite file: every poll lease at start-up was left by a previous run. */
  async releaseStalePolls(): Promise<void> {
    this.sql('UPDATE feeds SET poll_until = NULL WHERE poll_until IS NOT NULL').run();
  }
}
