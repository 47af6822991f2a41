// What Herald counts for operators (the status server's /metrics). Features report through this small
// interface, so none of them depends on the Prometheus client; without a status server it is `noMetrics`.

/** ok: answered; refused: a user mistake or a missing permission; error: a bug (an error id was shown). */
export type CommandOutcome = 'ok' | 'refused' | 'error';

export interface Metrics {
  commandRan(command: string, seconds: number, outcome: CommandOutcome): void;
  /** `late`: posted after downtime or retries with the "Posted … late" line. */
  reminderPosted(late: boolean): void;
  reminderMissed(): void;
  announcementPosted(): void;
  feedPolled(failed: boolean): void;
  /** A Discord REST response with an error status (4xx/5xx). */
  discordRestError(status: number): void;
  discordRateLimited(scope: string): void;
  /** Time to read and parse articles: `source` is 'startup' (the folder at start) or 'feed' (one item). */
  ingestion(source: 'startup' | 'feed', seconds: number): void;
}

export const noMetrics: Metrics = {
  commandRan: () => undefined,
  reminderPosted: () => undefined,
  reminderMissed: () => undefined,
  announcementPosted: () => undefined,
  feedPolled: () => undefined,
  discordRestError: () => undefined,
  discordRateLimited: () => undefined,
  ingestion: () => undefined,
};
