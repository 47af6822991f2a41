// Reply → Discord message JSON (pure). Keeps every part within Discord's limits by cutting long text at a
// sentence (else word) boundary with "…", so Discord never rejects a reply, and never lets a message ping.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { Attachment, Button, Embed, Reply } from '../../core/reply';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** title + description + field names/values + footer, summed over all embeds of a message. */
  total: 6000,
  buttons: 5,
  buttonRows: 5,
  buttonLabel: 80,
  customId: 100,
  attachments: 10,
  attachmentDescription: 1024,
} as const;

export const EPHEMERAL = MessageFlags.Ephemeral;

export interface ApiEmbed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
  color?: number;
}

export interface ApiButtonRow {
  type: ComponentType.ActionRow;
  components: { type: ComponentType.Button; style: ButtonStyle.Secondary; custom_id: string; label: string; disabled?: boolean }[];
}

export interface AllowedMentions {
  parse: [];
  roles?: string[];
  users?: string[];
}

export interface MessagePayload {
  content?: string;
  embeds?: ApiEmbed[];
  components?: ApiButtonRow[];
  allowed_mentions: AllowedMentions;
  flags?: number;
  /** Uploaded as multipart/form-data beside the JSON payload. */
  files?: Attachment[];
}

/**
 * The one place that decides who a message may ping: nobody, only the role an admin configured, or only
 * the member whose own reminder it is.
 */
export function allowedMentions(pingRoleId?: string, pingUserId?: string): AllowedMentions {
  return { parse: [], ...(pingRoleId ? { roles: [pingRoleId] } : {}), ...(pingUserId ? { users: [pingUserId] } : {}) };
}

export function renderMessage(reply: Reply): MessagePayload {
  const payload: MessagePayload = { allowed_mentions: allowedMentions(reply.pingRoleId, reply.pingUserId) };
  if (reply.content) payload.content = truncate(inert(reply.content), LIMITS.content);
  const embeds = fitEmbeds((reply.embeds ?? []).slice(0, LIMITS.embeds));
  if (embeds.length) payload.embeds = embeds;
  const rows = [reply.buttons ?? [], ...(reply.buttonRows ?? [])].map(renderButtons).filter((r): r is ApiButtonRow => r !== undefined).slice(0, LIMITS.buttonRows);
  if (rows.length) payload.components = rows;
  const files = (reply.attachments ?? []).slice(0, LIMITS.attachments).map((a) => ({
    ...a,
    name: a.name.replace(/[^\w.-]/g, '_') || 'file',
    ...(a.description ? { description: truncate(inert(a.description), LIMITS.attachmentDescription) } : {}),
  }));
  if (files.length) payload.files = files;
  if (!payload.content && !payload.embeds && !payload.components && !payload.files) payload.content = '(nothing to show)';
  if (reply.ephemeral) payload.flags = EPHEMERAL;
  return payload;
}

function renderButtons(buttons: Button[]): ApiButtonRow | undefined {
  if (buttons.length === 0) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: buttons.slice(0, LIMITS.buttons).map((b) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: b.customId.slice(0, LIMITS.customId),
      label: truncate(b.label, LIMITS.buttonLabel) || '…',
      ...(b.disabled ? { disabled: true } : {}),
    })),
  };
}

/**
 * Fits embeds into the per-part limits and the 6000-character message total. Budget goes first to each
 * embed's title and footer (attribution), then descriptions, then fields in order; a field that no longer
 * fits is dropped rather than shown as a stub.
 */
function fitEmbeds(embeds: Embed[]): ApiEmbed[] {
  let budget: number = LIMITS.total;
  const out: ApiEmbed[] = embeds.map((e) => {
    const api: ApiEmbed = {};
    if (e.title) api.title = truncate(inert(e.title), LIMITS.title);
    if (e.url && /^https?:\/\//.test(e.url)) api.url = e.url;
    if (e.footer) api.footer = { text: truncate(inert(e.footer), LIMITS.footer) };
    if (e.timestamp) api.timestamp = e.timestamp;
    if (e.color !== undefined) api.color = e.color;
    budget -= (api.title?.length ?? 0) + (api.footer?.text.length ?? 0);
    return api;
  });
  if (budget < 0) {
    // Only possible with 10 huge titles + footers: shorten footers evenly.
    const share = Math.floor(LIMITS.total / Math.max(out.length, 1) / 2);
    budget = LIMITS.total;
    for (const api of out) {
      if (api.title) api.title = truncate(api.title, share);
      if (api.footer) api.footer.text = truncate(api.footer.text, share);
      budget -= (api.title?.length ?? 0) + (api.footer?.text.length ?? 0);
    }
  }
  embeds.forEach((e, i) => {
    if (!e.description) return;
    const max = Math.min(LIMITS.description, budget);
    if (max < 20) return;
    const text = truncate(inert(e.description), max);
    out[i].description = text;
    budget -= text.length;
  });
  embeds.forEach((e, i) => {
    const fields: NonNullable<ApiEmbed['fields']> = [];
    for (const f of (e.fields ?? []).slice(0, LIMITS.fields)) {
      const name = truncate(inert(f.name), LIMITS.fieldName) || '\u200b';
      const room = Math.min(LIMITS.fieldValue, budget - name.length);
      if (room < 20) break;
      const value = truncate(inert(f.value), room) || '\u200b';
      fields.push({ name, value, ...(f.inline ? { inline: true } : {}) });
      budget -= name.length + value.length;
    }
    if (fields.length) out[i].fields = fields;
  });
  // Discord rejects an embed with nothing in it.
  return out.filter((e) => e.title || e.description || e.fields || e.footer);
}

/** Removes bidi override/isolate controls: text from articles must not reorder what Discord shows. */
export function inert(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

const SENTENCE_END = /[.!?…]["'”’)\]]*(?=\s)/g;

/**
 * Cuts `text` to at most `max` characters. Prefers the last sentence end that keeps at least half of the
 * room ("First. Second. …"), else the last word boundary ("First sentence and…"), else a hard cut.
 * Never splits a surrogate pair and closes a code block it cut open.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  const fence = '\n```';
  let result = cutAt(text, max);
  if (countFences(result) % 2 === 1) result = `${cutAt(text, max - fence.length)}${fence}`;
  return result.length <= max ? result : `${safeSlice(text, max - 1)}…`;
}

/** The cut text including its marker, at most `max` characters. */
function cutAt(text: string, max: number): string {
  if (max <= 2) return '…'.slice(0, Math.max(max, 0));
  const room = max - 2; // "text …" after a sentence
  let sentenceEnd = -1;
  for (const m of text.slice(0, room + 1).matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end <= room) sentenceEnd = end;
  }
  if (sentenceEnd >= room / 2) return `${text.slice(0, sentenceEnd)} …`;
  const wordRoom = max - 1; // "text…" after a word
  const space = text.slice(0, wordRoom + 1).search(/\s\S*$/);
  if (space > wordRoom / 2) return `${text.slice(0, space).replace(/[\s,;:–—-]+$/, '')}…`;
  return `${safeSlice(text, wordRoom)}…`;
}

function safeSlice(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, n - 1) : text.slice(0, n);
}

function countFences(text: string): number {
  return text.split('```').length - 1;
}

/** Total characters Discord counts toward the 6000 limit. */
export function embedTotal(embeds: ApiEmbed[]): number {
  return embeds.reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}
