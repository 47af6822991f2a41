// Which interaction ids the endpoint already received. A signed request stays valid for the whole
// timestamp window (verify.ts), so a captured one could be sent again: each id is answered once. The
// record lives in the database when replicas share one (PostgreSQL: a replay sent to another replica
// behind the load balancer is refused there too), and survives a restart on SQLite.

export interface ReplayStore {
  /**
   * Records `id` as received until `expiresAtMs`. True the first time (or once an earlier record has
   * expired); false when the id is already recorded: a replay.
   */
  firstTime(id: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
}

/** How often a process clears expired records (they are ignored until then). */
export const REPLAY_PRUNE_MS = 60_000;
