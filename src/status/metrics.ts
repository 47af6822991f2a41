// The Metrics interface on prom-client: one Registry of Herald's own (not the global one), with Node's
// process metrics, exposed as Prometheus text on the status server's /metrics.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CommandOutcome, Metrics } from '../core/metrics';

export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'command'>;
  private readonly reminders: Counter<'result'>;
  private readonly announcements: Counter;
  private readonly feedPolls: Counter<'result'>;
  private readonly restErrors: Counter<'status'>;
  private readonly rateLimits: Counter<'scope'>;
  private readonly ingestionSeconds: Histogram<'source'>;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'herald_' });
    this.commands = new Counter({ name: 'herald_commands_total', help: 'Slash commands run, by command and outcome (ok, refused, error)', labelNames: ['command', 'outcome'], registers });
    this.commandSeconds = new Histogram({
      name: 'herald_command_duration_seconds',
      help: 'Time to answer a command inside Herald (router to reply), by command',
      labelNames: ['command'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.reminders = new Counter({ name: 'herald_reminders_total', help: 'Reminders by result: posted (on time), late (posted with the late note), missed (beyond REMINDER_GRACE)', labelNames: ['result'], registers });
    this.announcements = new Counter({ name: 'herald_announcements_total', help: 'New-article announcements posted', registers });
    this.feedPolls = new Counter({ name: 'herald_feed_polls_total', help: 'Feed polls by result (ok, failed)', labelNames: ['result'], registers });
    this.restErrors = new Counter({ name: 'herald_discord_rest_errors_total', help: 'Discord REST responses with an error status, by status code', labelNames: ['status'], registers });
    this.rateLimits = new Counter({ name: 'herald_discord_rate_limits_total', help: 'Discord rate limits hit, by scope (user, global, shared)', labelNames: ['scope'], registers });
    this.ingestionSeconds = new Histogram({
      name: 'herald_ingestion_duration_seconds',
      help: 'Article ingestion time: the whole folder at startup, or one feed item parsed',
      labelNames: ['source'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
      registers,
    });
    // Every series starts at zero, so a dashboard shows 0 rather than "no data" before the first event.
    for (const result of ['posted', 'late', 'missed']) this.reminders.inc({ result }, 0);
    for (const result of ['ok', 'failed']) this.feedPolls.inc({ result }, 0);
    this.announcements.inc(0);
  }

  commandRan(command: string, seconds: number, outcome: CommandOutcome): void {
    this.commands.inc({ command, outcome });
    this.commandSeconds.observe({ command }, seconds);
  }

  reminderPosted(late: boolean): void {
    this.reminders.inc({ result: late ? 'late' : 'posted' });
  }

  reminderMissed(): void {
    this.reminders.inc({ result: 'missed' });
  }

  announcementPosted(): void {
    this.announcements.inc();
  }

  feedPolled(failed: boolean): void {
    this.feedPolls.inc({ result: failed ? 'failed' : 'ok' });
  }

  discordRestError(status: number): void {
    this.restErrors.inc({ status: String(status) });
  }

  discordRateLimited(scope: string): void {
    this.rateLimits.inc({ scope: ['user', 'global', 'shared'].includes(scope) ? scope : 'other' });
  }

  ingestion(source: 'startup' | 'feed', seconds: number): void {
    this.ingestionSeconds.observe({ source }, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
