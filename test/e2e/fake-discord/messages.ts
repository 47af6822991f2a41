// Message payloads as the fake Discord sees them: which requests carry one, the fields an edit may
// change, and Discord's own size limits (a bot that exceeds them gets 400 Invalid Form Body).
import type { FakeMessage, RecordedRequest } from '../fake-discord';

export function pickMessageFields(body: any): Partial<FakeMessage> {
  const out: Partial<FakeMessage> = {};
  for (const key of ['content', 'embeds', 'components', 'allowed_mentions'] as const) if (key in body) (out as any)[key] = body[key];
  return out;
}

/** The message payload a request carries, or undefined when the request does not create/edit a message. */
export function messagePayload(r: RecordedRequest): any | undefined {
  const p = r.path.split('/').filter(Boolean);
  if (p[0] === 'channels' && p[2] === 'messages' && ((r.method === 'POST' && p.length === 3) || (r.method === 'PATCH' && p.length === 4))) return r.body ?? {};
  // A forum post's first message.
  if (p[0] === 'channels' && p[2] === 'threads' && p.length === 3 && r.method === 'POST') return r.body?.message ?? {};
  if (p[0] === 'interactions' && p[3] === 'callback' && r.method === 'POST') {
    return r.body?.type === 4 || r.body?.type === 7 ? r.body.data ?? {} : undefined;
  }
  if (p[0] === 'webhooks' && ((r.method === 'POST' && p.length === 3) || (r.method === 'PATCH' && p[3] === 'messages'))) return r.body ?? {};
  return undefined;
}

/** Discord's own message limits: a bot that exceeds them gets 400 Invalid Form Body. */
function wellFormedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || /[\s\u0000-\u001f\u007f]/.test(url)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function invalidMessage(body: any, creating: boolean): string | undefined {
  if (!body || typeof body !== 'object') return creating ? 'Cannot send an empty message' : undefined;
  const embeds: any[] = body.embeds ?? [];
  if (creating && !body.content && embeds.length === 0 && !(body.components ?? []).length) return 'Cannot send an empty message';
  if ((body.content ?? '').length > 2000) return 'content: Must be 2000 or fewer in length.';
  if (embeds.length > 10) return 'embeds: Must be 10 or fewer in length.';
  let total = 0;
  for (const e of embeds) {
    if ((e.title ?? '').length > 256) return 'embeds.title: Must be 256 or fewer in length.';
    if ((e.description ?? '').length > 4096) return 'embeds.description: Must be 4096 or fewer in length.';
    if ((e.fields ?? []).length > 25) return 'embeds.fields: Must be 25 or fewer in length.';
    for (const f of e.fields ?? []) {
      if ((f.name ?? '').length > 256 || !f.name) return 'embeds.fields.name: Must be between 1 and 256 in length.';
      if ((f.value ?? '').length > 1024 || !f.value) return 'embeds.fields.value: Must be between 1 and 1024 in length.';
      total += f.name.length + f.value.length;
    }
    if ((e.footer?.text ?? '').length > 2048) return 'embeds.footer.text: Must be 2048 or fewer in length.';
    // As Discord: an embed URL is an http(s) URL as sent, spaces and controls not encoded by Discord.
    if (e.url !== undefined && !wellFormedUrl(e.url)) return 'embeds.url[URL_TYPE_INVALID_URL]: Not a well formed URL.';
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
  }
  if (total > 6000) return 'embeds: Embed size exceeds maximum size of 6000';
  return undefined;
}

/** Exposed so other tests can validate payloads the same way the fake does. */
export const validateMessagePayload = invalidMessage;
