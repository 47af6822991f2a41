// Defence in depth against leaking secrets: the token and every *_TOKEN / *_KEY / *_SECRET /
// *_PASSWORD value Herald knows (environment and .env) are replaced before any reply, post or log line
// leaves the process, whatever text an article, a feed or an error message carried in.
import type { Button, Choice, Embed, Reply } from './reply';

/** Environment variable names whose values are secrets. */
export const SECRET_NAME = /(?:^|_)(?:TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)$/i;

/** Values shorter than this are not scrubbed: "1" or "true" would mangle ordinary text. */
export const MIN_SECRET_LENGTH = 8;

/** The shape of a Discord bot token (base64 user id . timestamp . HMAC), scrubbed even when Herald does not know it. */
const DISCORD_TOKEN_SHAPE = /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g;

export const REDACTED = '[redacted]';

/**
 * The token in an interaction's or a webhook's URL (/webhooks/<id>/<token>, /interactions/<id>/<token>/callback):
 * what a failed REST call's error carries in its `url`. An interaction token answers as Herald for 15 minutes,
 * a webhook token posts as the webhook; Herald learns neither as a configured secret, so their place is scrubbed.
 */
const URL_TOKEN = /(\/(?:webhooks|interactions)\/\d+\/)[A-Za-z\d._~-]+/g;

/** The secret values among environment-like entries, longest first (a secret containing another is replaced whole). */
export function secretValues(...sources: Record<string, string | undefined>[]): string[] {
  const values = new Set<string>();
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      const v = value?.trim();
      if (v && v.length >= MIN_SECRET_LENGTH && SECRET_NAME.test(name)) values.add(v);
      // The password inside a connection URL (DATABASE_URL=postgres://user:password@host/db), and inside each
      // URL of a list (FEEDS=https://a.example/rss,https://reader:password@intranet/feed): the operator's
      // feeds are listed to every server's admins.
      for (const part of v ? new Set([v, ...v.split(/[\s,]+/)]) : []) {
        const password = urlPassword(part);
        if (password) for (const p of password) if (p.length >= MIN_SECRET_LENGTH) values.add(p);
      }
    }
  }
  return [...values].sort((a, b) => b.length - a.length);
}

/** The password of a URL with credentials, as written and decoded; undefined for anything else. */
function urlPassword(value: string): string[] | undefined {
  const written = /^[a-z][a-z\d+.-]*:\/\/[^/@\s:]*:([^/@\s]*)@/i.exec(value);
  if (!written) return undefined;
  // A URL the parser refuses (a space in the host, a bad port) still has its password as written:
  // the configuration's error message quotes such a value.
  let raw = written[1];
  try {
    raw = new URL(value).password;
  } catch {
    // kept as written
  }
  if (!raw) return undefined;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // kept as written
  }
  return [...new Set([raw, decoded])];
}

export type Scrub = (text: string) => string;

/**
 * A function replacing every known secret, and anything shaped like a Discord token, with "[redacted]".
 * `secrets` is read live: a secret Herald learns while running (a webhook token it created or read from
 * the database) is added with addSecret() to the same list, and every scrubber made from it follows.
 */
export function createScrubber(secrets: readonly string[]): Scrub {
  let seen = -1;
  let known: string[] = [];
  return (text) => {
    if (seen !== secrets.length) {
      seen = secrets.length;
      known = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    }
    let out = text;
    for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(DISCORD_TOKEN_SHAPE, REDACTED).replace(URL_TOKEN, `$1${REDACTED}`);
  };
}

/** Adds a secret learnt at run time to a list scrubbers read (once; short values are ignored). */
export function addSecret(secrets: string[], value: string | null | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH && !secrets.includes(value)) secrets.push(value);
}

/** Scrubs the listed string fields of an object that are present; absent ones stay absent. */
function scrubFields<T extends object>(value: T, keys: (keyof T)[], scrub: Scrub): T {
  const copy = { ...value };
  for (const key of keys) if (typeof copy[key] === 'string') (copy as Record<keyof T, unknown>)[key] = scrub(copy[key] as string);
  return copy;
}

function scrubEmbed(embed: Embed, scrub: Scrub): Embed {
  const copy = scrubFields(embed, ['title', 'url', 'description', 'footer'], scrub);
  if (embed.fields) copy.fields = embed.fields.map((f) => scrubFields(f, ['name', 'value'], scrub));
  return copy;
}

/** The reply with every text a user could see scrubbed (content, embeds, button labels in every row, files' names and alt text). */
export function scrubReply(reply: Reply, scrub: Scrub): Reply {
  const copy = scrubFields(reply, ['content'], scrub);
  const labels = (row: Button[]) => row.map((b) => scrubFields(b, ['label'], scrub));
  if (reply.embeds) copy.embeds = reply.embeds.map((e) => scrubEmbed(e, scrub));
  if (reply.buttons) copy.buttons = labels(reply.buttons);
  // Remind me rows are labelled with the event's words, article text.
  if (reply.buttonRows) copy.buttonRows = reply.buttonRows.map(labels);
  if (reply.attachments) copy.attachments = reply.attachments.map((a) => scrubFields(a, ['name', 'description'], scrub));
  return copy;
}

export function scrubChoices(choices: Choice[], scrub: Scrub): Choice[] {
  return choices.map((c) => ({ name: scrub(c.name), value: scrub(c.value) }));
}
