// pino, structured. The token and other secrets are redacted wherever they might appear in a log object.
import pino, { type Logger, type DestinationStream } from 'pino';
import { createScrubber, type Scrub } from './secrets';

export type { Logger };

const REDACT = [
  'token',
  '*.token',
  'config.DISCORD_TOKEN',
  'DISCORD_TOKEN',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
];

export function createLogger(level: string, destination?: DestinationStream, secrets: string[] = []): Logger {
  const text = createScrubber(secrets);
  // Belt and braces: scrub any secret (or anything shaped like a Discord token) that slipped into a message string.
  const hooks = {
    logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
      method.apply(this, args.map((a) => scrub(a, text)));
    },
  };
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, hooks }, destination ?? pino.destination(2));
}

/** Replaces each secret in strings, Errors (message, stack, own fields) and plain objects and arrays, a few levels deep. */
function scrub(value: unknown, secrets: Scrub, depth = 0): unknown {
  if (typeof value === 'string') return secrets(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets) as string);
    copy.name = value.name;
    copy.stack = value.stack ? (scrub(value.stack, secrets) as string) : undefined;
    for (const [key, field] of Object.entries(value)) (copy as unknown as Record<string, unknown>)[key] = scrub(field, secrets, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets, depth + 1));
  if (Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, scrub(field, secrets, depth + 1)]));
  }
  return value;
}
