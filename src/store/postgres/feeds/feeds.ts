// FeedList on PostgreSQL: the followed feeds and their poll state (table feeds).
import type pg from 'pg';
import { LIVE_OWNERS } from '../presence';
import { feedRow } from '../../feed-rows';
import type { Feed, FeedList, PollSuccess } from '../../../feeds/store';

export class PgFeedList implements FeedList {
  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: number,
  ) {}

  async addFeed(input: { url: string; guildId: string | null; origin: 'config' | 'command'; addedBy?: string; at: Date }): Promise<{ row: Feed; created: boolean }> {
    const r = await this.pool.query('INSERT INTO feeds (url, guild_id, origin, added_by, added_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (url, guild_id) DO NOTHING', [
      input.url,
      input.guildId ?? '',
      input.origin,
      input.addedBy ?? null,
      input.at.toISOString(),
    ]);
    return { row: (await this.feedByUrl(input.url, input.guildId)) as Feed, created: (r.rowCount ?? 0) > 0 };
  }

  async removeFeed(url: string, guildId: string | null): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM feeds WHERE url = $1 AND guild_id = $2', [url, guildId ?? ''])).rowCount ?? 0) > 0;
  }

  async feedByUrl(url: string, guildId: string | null): Promise<Feed | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM feeds WHERE url = $1 AND guild_id = $2', [url, guildId ?? '']);
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async feed(id: number): Promise<Feed | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM feeds WHERE id = $1', [id]);
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async feeds(): Promise<Feed[]> {
    return (await this.pool.query('SELECT * FROM feeds ORDER BY id')).rows.map((r) => feedRow.parse(r));
  }

  async feedsVisibleTo(guildId: string | null): Promise<Feed[]> {
    return (await this.pool.query("SELECT * FROM feeds WHERE guild_id = '' OR guild_id = $1 ORDER BY id", [guildId ?? ''])).rows.map((r) => feedRow.parse(r));
  }

  async recordPollSuccess(id: number, result: PollSuccess): Promise<void> {
    await this.pool.query(
      `UPDATE feeds SET title = $1, etag = $2, last_modified = $3, last_polled_at = $4,
       last_ok_at = $4, failures = 0, last_error = NULL, next_attempt_at = NULL, baseline_done = 1 WHERE id = $5`,
      [result.title, result.etag, result.lastModified, result.at.toISOString(), id],
    );
  }

  async recordNotModified(id: number, at: Date): Promise<void> {
    await this.pool.query('UPDATE feeds SET last_polled_at = $1, last_ok_at = $1, failures = 0, last_error = NULL, next_attempt_at = NULL WHERE id = $2', [at.toISOString(), id]);
  }

  async recordPollFailure(id: number, error: string, at: Date, nextAttemptAt: Date): Promise<void> {
    await this.pool.query('UPDATE feeds SET last_polled_at = $1, failures = failures + 1, last_error = $2, next_attempt_at = $3 WHERE id = $4', [
      at.toISOString(),
      error.slice(0, 500),
      nextAttemptAt.toISOString(),
      id,
    ]);
  }

  async claimPoll(id: number, claim: { until: Date; notPolledSince: Date | null }, now: Date): Promise<Feed | undefined> {
    const since = claim.notPolledSince?.toISOString() ?? null;
    const { rows } = await this.pool.query(
      `UPDATE feeds SET poll_until = $1, poll_by = $2 WHERE id = $3
       AND (poll_until IS NULL OR poll_until <= $4 OR poll_by IS NULL OR poll_by NOT IN (${LIVE_OWNERS}))
       AND ($5::text IS NULL OR last_polled_at IS NULL OR last_polled_at <= $5::text)
       RETURNING *`,
      [claim.until.toISOString(), this.owner, id, now.toISOString(), since],
    );
    return rows[0] ? feedRow.parse(rows[0]) : undefined;
  }

  async releasePoll(id: number): Promise<void> {
    await this.pool.query('UPDATE feeds SET poll_until = NULL, poll_by = NULL WHERE id = $1 AND poll_by = $2', [id, this.owner]);
  }

  async setFeedInterval(id: number, minutes: number | null): Promise<void> {
    await this.pool.query('UPDATE feeds SET poll_minutes = $1 WHERE id = $2', [minutes, id]);
  }

  async setFeedFilter(id: number, filterJson: string | null): Promise<void> {
    await this.pool.query('UPDATE feeds SET filter_json = $1 WHERE id = $2', [filterJson, id]);
  }

  /** Only the leases of processes that are gone: a live process may be polling now. */
  async releaseStalePolls(): Promise<void> {
    await this.pool.query(`UPDATE feeds SET poll_until = NULL, poll_by = NULL WHERE poll_by IS NOT NULL AND poll_by NOT IN (${LIVE_OWNERS})`);
  }
}
