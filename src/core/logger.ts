// pino, structured. The token and other secrets are redacted wherever they might appear in a log object.
import pino, { type Logger, type DestinationStream } from 'pino';

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
  const hooks = secrets.length
    ? {
        // Belt and braces: scrub any secret that slipped into a message string.
        logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
          method.apply(this, args.map((a) => scrub(a, secrets)));
        },
      }
    : undefined;
  // pino rejects `hooks: undefined`, so the key is only present when there is a hook.
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, ...(hooks ? { hooks } : {}) }, destination ?? pino.destination(2));
}

function scrub(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((s, secret) => (secret ? s.split(secret).join('[redacted]') : s), value);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets) as string);
    copy.name = value.name;
    copy.stack = value.stack ? (scrub(value.stack, secrets) as string) : undefined;
    return copy;
  }
  return value;
}
