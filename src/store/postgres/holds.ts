// MoveHolds on PostgreSQL: date moves held for an admin (reminders/holds.ts), shared by every process.
import type pg from 'pg';
import type { HeldMove, HoldState, MoveHolds, NewHeldMove } from '../../reminders/holds';
import { toMove } from '../holds-sqlite';

const row = (r: Record<string, unknown>) => ({ ...r, id: Number(r.id) });

export class PgMoveHolds implements MoveHolds {
  constructor(private readonly pool: pg.Pool) {}

  async hold(m: NewHeldMove, now: Date): Promise<HeldMove> {
    await this.pool.query(
      `INSERT INTO held_moves (guild_id, older_origin, event_id, newer_origin, newer_headline, description, from_date, to_date, state, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'held', $9) ON CONFLICT DO NOTHING`,
      [m.guildId, m.olderOrigin, m.eventId, m.newerOrigin, m.newerHeadline, m.description, m.from, m.to, now.getTime()],
    );
    const { rows } = await this.pool.query(
      'SELECT * FROM held_moves WHERE guild_id = $1 AND older_origin = $2 AND event_id = $3 AND newer_origin = $4 AND to_date = $5',
      [m.guildId, m.olderOrigin, m.eventId, m.newerOrigin, m.to],
    );
    return toMove(row(rows[0]));
  }

  async list(guildIds: string[], state: HoldState, limit: number): Promise<HeldMove[]> {
    if (guildIds.length === 0) return [];
    const { rows } = await this.pool.query('SELECT * FROM held_moves WHERE state = $1 AND guild_id = ANY($2::text[]) ORDER BY id DESC LIMIT $3', [state, guildIds, limit]);
    return rows.map((r) => toMove(row(r)));
  }

  async get(id: number): Promise<HeldMove | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM held_moves WHERE id = $1', [id]);
    return rows[0] ? toMove(row(rows[0])) : undefined;
  }

  async decide(id: number, state: 'confirmed' | 'rejected', by: string, now: Date): Promise<HeldMove | undefined> {
    const { rows } = await this.pool.query("UPDATE held_moves SET state = $1, decided_by = $2, decided_at = $3 WHERE id = $4 AND state = 'held' RETURNING *", [state, by, now.getTime(), id]);
    return rows[0] ? toMove(row(rows[0])) : undefined;
  }
}
