// Discord REST errors and rate limits, counted from discord.js's own REST events (nothing is wrapped).
import type { Client } from 'discord.js';
import type { Metrics } from '../../core/metrics';

export function observeRest(client: Client, metrics: Pick<Metrics, 'discordRestError' | 'discordRateLimited'>): void {
  client.rest.on('response', (_request, response) => {
    if (response.status >= 400) metrics.discordRestError(response.status);
  });
  client.rest.on('rateLimited', (info) => metrics.discordRateLimited(info.scope));
}
