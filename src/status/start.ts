// Composition of the status server for main.ts: what the page reports, what /healthz checks, /metrics.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock';
import type { Status } from '../core/status-snapshot';
import type { PrometheusMetrics } from './metrics';
import { buildStatusReport, type Runtime } from './report';
import { startStatusServer, type Health, type StatusServer } from './server';

export interface StartStatusOptions {
  config: { STATUS_PORT: number; STATUS_HOST: string; STATUS_TOKEN?: string };
  status: Status;
  metrics: PrometheusMetrics;
  /** The stores' health (Stores.answers). */
  database: { answers(): boolean };
  clock: Clock;
  log: Logger;
  scrub: (text: string) => string;
  /** The Discord client's state; absent in the console mode. */
  discord?: { ready(): boolean; servers(): number };
  /** INTERACTIONS=http: whether the interactions endpoint is serving (then `discord` is not consulted). */
  http?: { serving(): boolean };
}

export function startStatus(o: StartStatusOptions): Promise<StatusServer> {
  const runtime = (): Runtime =>
    o.http
      ? { mode: 'http', connected: o.http.serving(), servers: null }
      : o.discord
        ? { mode: 'gateway', connected: o.discord.ready(), servers: o.discord.servers() }
        : { mode: 'console', connected: true, servers: null };
  const health = (): Health => {
    const connected = runtime().connected;
    const database = o.database.answers();
    return { ok: connected && database, connected, database };
  };
  return startStatusServer({
    host: o.config.STATUS_HOST,
    port: o.config.STATUS_PORT,
    token: o.config.STATUS_TOKEN,
    log: o.log.child({ feature: 'status-server' }),
    report: () => buildStatusReport(o.status, runtime(), o.clock.now(), o.scrub),
    health,
    metrics: async () => ({ contentType: o.metrics.contentType, text: await o.metrics.text() }),
  });
}
