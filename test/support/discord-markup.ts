// What the Discord renderer writes for reply text: inline parts (core/reply.ts) become Discord markdown —
// <t:UNIX:STYLE>, **bold**, [text](url), <#id>, article text escaped.
// Tests of commands assert on a reply's text as Discord shows it.
import { inert } from '../../src/transports/discord/render';

/** The value with every string in it as the Discord renderer writes it (plain data only: strings, arrays, objects). */
export function asDiscord<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === 'string' ? inert(v) : v)) as T;
}
