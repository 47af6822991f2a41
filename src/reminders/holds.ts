// Date moves held for an admin (issue 10, finding 3). A newer article on a story that moves an event's
// date by a year or more, or to more than two years ahead, does not move reminders by itself: the move is
// recorded as held, the older date keeps its reminder and the new date gets none until an admin of the
// server confirms it (/remind moves, Manage Server). Declared here, implemented by store/holds-sqlite.ts.

export type HoldState = 'held' | 'confirmed' | 'rejected';

export interface HeldMove {
  id: number;
  /** The server whose reminders it concerns; '' for REMINDER_CHANNEL_ID (the operator's articles). */
  guildId: string;
  /** originKey of the article whose date moved, and its event id. */
  olderOrigin: string;
  eventId: string;
  /** originKey and headline of the article that moved it. */
  newerOrigin: string;
  newerHeadline: string;
  description: string;
  from: string;
  to: string;
  state: HoldState;
  decidedBy: string | null;
}

export type NewHeldMove = Omit<HeldMove, 'id' | 'state' | 'decidedBy'>;

export interface MoveHolds {
  /** Records the move as held unless it is known; returns it as it stands. */
  hold(move: NewHeldMove, now: Date): Promise<HeldMove>;
  /** The server's moves in a state, newest first. */
  list(guildIds: string[], state: HoldState, limit: number): Promise<HeldMove[]>;
  get(id: number): Promise<HeldMove | undefined>;
  /** Confirms or rejects a held move; undefined when it is unknown or already decided. */
  decide(id: number, state: 'confirmed' | 'rejected', by: string, now: Date): Promise<HeldMove | undefined>;
}

const DAY = 86_400_000;
/** A move this long (either way) is held. */
export const FAR_MOVE_DAYS = 365;
/** A new date this far ahead is held. */
export const FAR_FUTURE_DAYS = 730;

/** Whether a move from `from` to `to` (yyyy-mm-dd) is held for an admin rather than applied. Pure. */
export function isFarMove(from: string, to: string, now: Date): boolean {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(b - a) >= FAR_MOVE_DAYS * DAY || b - now.getTime() >= FAR_FUTURE_DAYS * DAY;
}
