// MoveHolds on better-sqlite3: date moves held for an admin (reminders/holds.ts).
import { z } from 'zod';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import type { HeldMove, HoldState, MoveHolds, NewHeldMove } from '../reminders/holds';

const rowSchema = z.object({
  id: z.number().int(),
  guild_id: z.string(),
  older_origin: z.string(),
  event_id: z.string(),
  newer_origin: z.string(),
  newer_headline: z.string(),
  description: z.string(),
  from_date: z.string(),
  to_date: z.string(),
  state: z.enum(['held', 'confirmed', 'rejected']),
  decided_by: z.string().nullable(),
});

export const toMove = (r: unknown): HeldMove => {
  const row = rowSchema.parse(r);
  return {
    id: row.id,
    guildId: row.guild_id,
    olderOrigin: row.older_origin,
    eventId: row.event_id,
    newerOrigin: row.newer_origin,
    newerHeadline: row.newer_headline,
    description: row.description,
    from: row.from_date,
    to: row.to_date,
    state: row.state,
    decidedBy: row.decided_by,
  };
};

export class SqliteMoveHolds implements MoveHolds {
  /** hold() runs for every far move each time an article is reconciled: its statements are prepared once. */
  private statements?: { insert: Statement; find: Statement };

  constructor(private readonly db: Db) {}

  private get holdStatements(): { insert: Statement; find: Statement } {
    this.statements ??= {
      insert: this.db.prepare(
        `INSERT OR IGNORE INTO held_moves (guild_id, older_origin, event_id, newer_origin, newer_headline, description, from_date, to_date, state, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'held', ?)`,
      ),
      find: this.db.prepare('SELECT * FROM held_moves WHERE guild_id = ? AND older_origin = ? AND event_id = ? AND newer_origin = ? AND to_date = ?'),
    };
    return this.statements;
  }

  async hold(m: NewHeldMove, now: Date): Promise<HeldMove> {
    const { insert, find } = this.holdStatements;
    insert.run(m.guildId, m.olderOrigin, m.eventId, m.newerOrigin, m.newerHeadline, m.description, m.from, m.to, now.getTime());
    return toMove(find.get(m.guildId, m.olderOrigin, m.eventId, m.newerOrigin, m.to));
  }

  async list(guildIds: string[], state: HoldState, limit: number): Promise<HeldMove[]> {
    if (guildIds.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM held_moves WHERE state = ? AND guild_id IN (${guildIds.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT ?`)
      .all(state, ...guildIds, limit)
      .map(toMove);
  }

  async get(id: number): Promise<HeldMove | undefined> {
    const row = this.db.prepare('SELECT * FROM held_moves WHERE id = ?').get(id);
    return row ? toMove(row) : undefined;
  }

  async decide(id: number, state: 'confirmed' | 'rejected', by: string, now: Date): Promise<HeldMove | undefined> {
    const changed = this.db.prepare("UPDATE held_moves SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'held'").run(state, by, now.getTime(), id).changes;
    return changed === 1 ? this.get(id) : undefined;
  }
}
