// Reply → Discord message JSON (pure), and never a message that pings. The one place that knows Discord's
// size limits: replies carry their full text (the console shows it whole), and this renderer fits them —
// long text cut at a line, sentence or word boundary with "…", lists cut to whole items with "…and N
// more", fields beyond 25 or beyond the 6000-character total dropped with a "…and N more" note.
import { ButtonStyle, ComponentType, MessageFlags } from 'discord-api-types/v10';
import { time } from '@discordjs/formatters';
import { renderParts, type Attachment, type Button, type Choice, type Embed, type EmbedField, type PartRenderer, type Reply } from '../../core/reply';
import { clip, discordEscape, stripControls } from '../../format/text';

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
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Not Discord's: each item of a list field is cut to this, so several items show within one field. */
  listItem: 300,
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
  if (reply.content) payload.content = clip(inert(reply.content), LIMITS.content);
  const embeds = fitEmbeds((reply.embeds ?? []).slice(0, LIMITS.embeds));
  if (embeds.length) payload.embeds = embeds;
  const rows = [reply.buttons ?? [], ...(reply.buttonRows ?? [])].map(renderButtons).filter((r): r is ApiButtonRow => r !== undefined).slice(0, LIMITS.buttonRows);
  if (rows.length) payload.components = rows;
  const files = (reply.attachments ?? []).slice(0, LIMITS.attachments).map((a) => ({
    ...a,
    name: a.name.replace(/[^\w.-]/g, '_') || 'file',
    ...(a.description ? { description: clip(inert(a.description), LIMITS.attachmentDescription) } : {}),
  }));
  if (files.length) payload.files = files;
  if (!payload.content && !payload.embeds && !payload.components && !payload.files) payload.content = '(nothing to show)';
  if (reply.ephemeral) payload.flags = EPHEMERAL;
  return payload;
}

/**
 * Autocomplete choices within Discord's limits (25 at most, names and values of 100 characters). A value is what the command receives when the member picks
 * the choice, so one longer than Discord carries is left out, never cut (a feed URL cut to 100 characters
 * names no feed); a name may be cut, and an empty one (Discord refuses the whole answer) shows the value.
 */
export function renderChoices(choices: Choice[]): Choice[] {
  return choices
    .filter((c) => c.value.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((c) => {
      const name = stripControls(c.name);
      return { name: clip(name.trim() ? name : c.value.trim() || '…', LIMITS.choiceName), value: c.value };
    });
}

function renderButtons(buttons: Button[]): ApiButtonRow | undefined {
  if (buttons.length === 0) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: buttons.slice(0, LIMITS.buttons).map((b) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      custom_id: b.customId.slice(0, LIMITS.customId),
      // A label is plain text, often an article's words (Remind me): no invisible or reordering characters.
      label: clip(stripControls(b.label), LIMITS.buttonLabel, 'exact') || '…',
      ...(b.disabled ? { disabled: true } : {}),
    })),
  };
}

type ApiField = NonNullable<ApiEmbed['fields']>[number];
const EMPTY = '\u200b';
const moreNote = (n: number): ApiField => ({ name: EMPTY, value: `…and ${n} more` });
/** Room kept for a "…and N more" note field. */
const NOTE_ROOM = 24;

/** Fits each part to its own limit, then the message to the 6000-character total. */
function fitEmbeds(embeds: Embed[]): ApiEmbed[] {
  // Beyond 25 fields: 24 are shown, and the 25th says how many more there are.
  const hidden = embeds.map((e) => ((e.fields?.length ?? 0) > LIMITS.fields ? e.fields!.length - (LIMITS.fields - 1) : 0));
  const out = embeds.map((e, i) => fitParts(e, hidden[i] > 0 ? LIMITS.fields - 1 : LIMITS.fields));
  const total = LIMITS.total - NOTE_ROOM * hidden.filter((n) => n > 0).length;
  if (embedTotal(out) > total) shareFieldRoom(embeds, out, total);
  if (embedTotal(out) > total) fitByBudget(out, total).forEach((n, i) => (hidden[i] += n));
  out.forEach((api, i) => {
    if (hidden[i] > 0) api.fields = [...(api.fields ?? []), moreNote(hidden[i])];
  });
  // Discord rejects an embed with nothing in it.
  return out.filter((e) => e.title || e.description || e.fields || e.footer);
}

/**
 * An embed's link as Discord takes it: an http(s) URL with spaces and other characters percent-encoded
 * (an article's url or a feed item's link may hold a space, and Discord refuses the whole message for
 * "Not a well formed URL"); anything else is left out.
 */
function embedUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url.trim())) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function fitParts(e: Embed, maxFields: number): ApiEmbed {
  const api: ApiEmbed = {};
  if (e.title) api.title = clip(inert(e.title), LIMITS.title);
  const url = embedUrl(e.url);
  if (url) api.url = url;
  if (e.description) api.description = clip(inert(e.description), LIMITS.description);
  if (e.fields?.length) api.fields = e.fields.slice(0, maxFields).map((f) => fitField(f, LIMITS.fieldValue));
  if (e.footer) api.footer = { text: clip(inert(e.footer), LIMITS.footer) };
  if (e.timestamp) api.timestamp = e.timestamp;
  if (e.color !== undefined) api.color = e.color;
  return api;
}

function fitField(f: EmbedField, max: number): ApiField {
  const value = f.list ? fitList(inert(f.value), max) : clip(inert(f.value), max);
  return { name: clip(inert(f.name), LIMITS.fieldName) || EMPTY, value: value || EMPTY, ...(f.inline ? { inline: true } : {}) };
}

/** A list field's items (one a line), each within `LIMITS.listItem`, whole items while they fit, then "…and N more". */
function fitList(value: string, max: number): string {
  const lines = value.split('\n');
  const out: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const item = clip(line, LIMITS.listItem);
    // Leave room for the "…and N more" line.
    if (used + item.length + 1 > max - NOTE_ROOM) {
      out.push(`…and ${lines.length - i} more`);
      break;
    }
    out.push(item);
    used += item.length + 1;
  }
  return out.join('\n');
}

/**
 * Over the total: the longest field values are shortened first — short values keep their length, the
 * rest share what is left equally — so no field has to go.
 */
function shareFieldRoom(embeds: Embed[], out: ApiEmbed[], total: number): void {
  const slots = out.flatMap((api, e) => (api.fields ?? []).map((field, i) => ({ api, source: embeds[e].fields![i], i, length: field.value.length })));
  const values = slots.reduce((n, s) => n + s.length, 0);
  let room = total - (embedTotal(out) - values);
  if (room < slots.length * 40) return;
  const order = [...slots].sort((a, b) => a.length - b.length);
  order.forEach((s, k) => {
    const cap = Math.min(s.length, Math.floor(room / (order.length - k)));
    if (cap < s.length) s.api.fields![s.i] = fitField(s.source, cap);
    room -= s.api.fields![s.i].value.length;
  });
}

/**
 * Still over (huge titles, descriptions or field names): the budget goes first to each embed's title and
 * footer (attribution), then descriptions, then fields in order; a field that no longer fits is dropped
 * rather than shown as a stub. Returns how many fields each embed lost.
 */
function fitByBudget(out: ApiEmbed[], total: number): number[] {
  // Room for a note in each embed that has fields, given back when none of its fields is dropped.
  const room = total - NOTE_ROOM * out.filter((api) => api.fields).length;
  let budget = room;
  for (const api of out) budget -= (api.title?.length ?? 0) + (api.footer?.text.length ?? 0);
  if (budget < 0) {
    // Only possible with 10 huge titles + footers: shorten both evenly.
    const share = Math.floor(room / Math.max(out.length, 1) / 2);
    budget = room;
    for (const api of out) {
      if (api.title) api.title = clip(api.title, share);
      if (api.footer) api.footer.text = clip(api.footer.text, share);
      budget -= (api.title?.length ?? 0) + (api.footer?.text.length ?? 0);
    }
  }
  for (const api of out) {
    if (!api.description) continue;
    const max = Math.min(api.description.length, budget);
    if (max < 20) delete api.description;
    else {
      api.description = clip(api.description, max);
      budget -= api.description.length;
    }
  }
  return out.map((api) => {
    const fields = api.fields ?? [];
    const kept: ApiField[] = [];
    for (const f of fields) {
      const space = Math.min(f.value.length, budget - f.name.length);
      if (space < 20) break;
      const value = clip(f.value, space) || EMPTY;
      kept.push({ ...f, value });
      budget -= f.name.length + value.length;
    }
    if (kept.length) api.fields = kept;
    else delete api.fields;
    const dropped = fields.length - kept.length;
    if (fields.length && dropped === 0) budget += NOTE_ROOM;
    return dropped;
  });
}

/** Inline parts as Discord markdown; untrusted plain text escaped and its mentions made inert. */
const DISCORD_PARTS: PartRenderer = {
  timestamp: (unix, style) => time(unix, style),
  plain: (text, fit) => {
    const escaped = discordEscape(text);
    // Embed titles render no markdown: only mentions are made inert there (a "1." keeps its escape).
    return fit.title ? escaped.replace(/\\([\\*_~`|[\]>#-])/g, '$1') : escaped;
  },
  mention: (kind, id) => `<${kind}${id}>`,
  bold: '**',
  italic: '*',
  code: '`',
  link: ['[', '](', ')'],
};

/**
 * Reply text as Discord takes it: inline parts become Discord markdown (timestamps <t:UNIX:STYLE>), and
 * bidi override/isolate controls go (text from articles must not reorder what Discord shows). Every text
 * is passed through it before it is cut.
 */
export function inert(text: string): string {
  return renderParts(text.replace(/[\u202A-\u202E\u2066-\u2069]/g, ''), DISCORD_PARTS);
}

/** Total characters Discord counts toward the 6000 limit. */
export function embedTotal(embeds: ApiEmbed[]): number {
  return embeds.reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}
