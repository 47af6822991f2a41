// The fake Discord's REST API as a table: one entry per method and path, each handler small enough to
// read alone. The first entry whose method and pattern match handles the request; ":name" segments
// become params. Anything else is a 404 naming the missing route, so a test using an endpoint the fake
// lacks fails loudly.
import type { FakeChannel, FakeDiscord, FakeMessage, InteractionRecord, RecordedRequest } from '../fake-discord';
import { Perm } from './permissions';
import { invalidMessage, pickMessageFields } from './messages';

export interface RouteResult {
  status: number;
  json?: unknown;
}

export interface RouteContext {
  fake: FakeDiscord;
  params: Record<string, string>;
  body: any;
  query: URLSearchParams;
  request: RecordedRequest;
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handle: (ctx: RouteContext) => RouteResult;
}

const ok = (json?: unknown): RouteResult => ({ status: json === undefined ? 204 : 200, json });
const err = (status: number, code: number, message: string): RouteResult => ({ status, json: { message, code } });

/** Matches path segments against a pattern such as "channels/:channel/messages"; the params, or null. */
export function matchPath(parts: string[], pattern: string): Record<string, string> | null {
  const want = pattern.split('/');
  if (parts.length !== want.length) return null;
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    if (w.startsWith(':')) params[w.slice(1)] = parts[i];
    else if (w !== parts[i]) return null;
  }
  return params;
}

export function route(fake: FakeDiscord, method: string, path: string, body: any, query: URLSearchParams, request: RecordedRequest): RouteResult {
  const parts = path.split('/').filter(Boolean);
  for (const r of routes) {
    if (r.method !== method) continue;
    const params = matchPath(parts, r.path);
    if (params) return r.handle({ fake, params, body, query, request });
  }
  return err(404, 0, `404: Not Found (fake discord has no ${method} /${parts.join('/')})`);
}

// ------------------------------------------------------------------------ application commands

/** The command list a route addresses (global or one guild's), or a 404 for another application. */
function commandList({ fake, params }: RouteContext): { list: any[]; guildId?: string } | RouteResult {
  if (params.app !== fake.applicationId) return err(404, 0, '404: Not Found (another application)');
  return { list: params.guild ? fake.guildCommands.get(params.guild) ?? [] : fake.globalCommands, guildId: params.guild };
}
const isResult = (x: object): x is RouteResult => 'status' in x;

function listCommands(ctx: RouteContext): RouteResult {
  const target = commandList(ctx);
  return isResult(target) ? target : ok(target.list);
}

function putCommands(ctx: RouteContext): RouteResult {
  const target = commandList(ctx);
  if (isResult(target)) return target;
  const { list, guildId } = target;
  ctx.fake.commandWrites.push(ctx.request);
  const previous = new Map(list.map((c: any) => [c.name, c]));
  const next = (Array.isArray(ctx.body) ? ctx.body : []).map((d: any) => ctx.fake.storeCommand(d, guildId, previous.get(d.name)?.id));
  if (guildId) ctx.fake.guildCommands.set(guildId, next);
  else ctx.fake.globalCommands.splice(0, ctx.fake.globalCommands.length, ...next);
  return ok(next);
}

function postCommand(ctx: RouteContext): RouteResult {
  const target = commandList(ctx);
  if (isResult(target)) return target;
  const { list, guildId } = target;
  ctx.fake.commandWrites.push(ctx.request);
  const existing = list.findIndex((c: any) => c.name === ctx.body?.name);
  const stored = ctx.fake.storeCommand(ctx.body, guildId, existing >= 0 ? list[existing].id : undefined);
  if (existing >= 0) list[existing] = stored;
  else list.push(stored);
  if (guildId && !ctx.fake.guildCommands.has(guildId)) ctx.fake.guildCommands.set(guildId, list);
  return { status: existing >= 0 ? 200 : 201, json: stored };
}

/** One registered command by id: the handler gets its list and index, or the route answers 404. */
function onCommand(handle: (ctx: RouteContext, list: any[], index: number, guildId?: string) => RouteResult) {
  return (ctx: RouteContext): RouteResult => {
    const target = commandList(ctx);
    if (isResult(target)) return target;
    const index = target.list.findIndex((c: any) => c.id === ctx.params.command);
    if (index < 0) return err(404, 10063, 'Unknown application command');
    return handle(ctx, target.list, index, target.guildId);
  };
}

const getCommand = onCommand((_ctx, list, index) => ok(list[index]));
const deleteCommand = onCommand((_ctx, list, index) => {
  list.splice(index, 1);
  return ok();
});
const patchCommand = onCommand((ctx, list, index, guildId) => {
  ctx.fake.commandWrites.push(ctx.request);
  list[index] = ctx.fake.storeCommand({ ...list[index], ...ctx.body }, guildId, list[index].id);
  return ok(list[index]);
});

// ---------------------------------------------------------------------------- interaction callback

function interactionCallback({ fake, params, body, query }: RouteContext): RouteResult {
  const record = fake.interactions.get(params.id);
  if (!record || record.token !== params.token || fake.expired.has(params.id)) return err(404, 10062, 'Unknown interaction');
  if (record.callbacks.length > 0) return err(400, 40060, 'Interaction has already been acknowledged.');
  const type = Number(body?.type);
  if (type === 4 || type === 7) {
    const invalid = invalidMessage(body?.data, true);
    if (invalid) return err(400, 50035, invalid);
  }
  record.callbacks.push({ type, data: body?.data });
  const channelId = record.channelId;
  const ephemeral = () => Boolean((body.data?.flags ?? 0) & 64);
  if (type === 4) {
    record.ephemeral = ephemeral();
    record.reply = fake.makeMessage(channelId, body.data ?? {}, true);
    fake.settle(record);
  } else if (type === 5) {
    record.deferred = true;
    record.ephemeral = ephemeral();
    record.reply = fake.makeMessage(channelId, { content: '', flags: (body.data?.flags ?? 0) | 128 }, true);
  } else if (type === 6) {
    record.deferred = true;
  } else if (type === 7) {
    record.reply = fake.makeMessage(channelId, body.data ?? {}, true);
    fake.settle(record);
  } else if (type === 8) {
    record.choices = body.data?.choices ?? [];
    fake.settle(record);
  } else if (type === 1) {
    fake.settle(record);
  } else {
    return err(400, 50035, `Invalid interaction callback type ${type}`);
  }
  if (query.get('with_response') === 'true') {
    return ok({
      interaction: { id: record.id, type: 2, activity_instance_id: null, response_message_id: record.reply?.id, response_message_loading: type === 5, response_message_ephemeral: record.ephemeral },
      resource: record.reply ? { type, message: record.reply } : { type },
    });
  }
  return ok();
}

// -------------------------------------------------------------- webhooks (follow-ups and edits)

/** The interaction a webhook route's token belongs to, or a 404. */
function onWebhook(handle: (ctx: RouteContext, record: InteractionRecord) => RouteResult) {
  return (ctx: RouteContext): RouteResult => {
    if (ctx.params.app !== ctx.fake.applicationId) return err(404, 0, '404: Not Found (another application)');
    const record = ctx.fake.byToken.get(ctx.params.token);
    if (!record) return err(404, 10015, 'Unknown Webhook');
    return handle(ctx, record);
  };
}

const postFollowupOnly = onWebhook(({ fake, body }, record) => {
  if (!record.reply && !record.deferred) return err(404, 10015, 'Unknown Webhook');
  const invalid = invalidMessage(body, true);
  if (invalid) return err(400, 50035, invalid);
  const message = fake.makeMessage(record.channelId, body ?? {}, true);
  record.followups.push(message);
  // After a defer, a follow-up (e.g. the deferred reply deleted and an ephemeral answer sent) settles it.
  if (record.deferred) fake.settle(record);
  return ok(message);
});

/** POST /webhooks/:id/:token: an interaction follow-up (the application's id) or a channel webhook's execute. */
function postFollowup(ctx: RouteContext): RouteResult {
  return ctx.params.app === ctx.fake.applicationId ? postFollowupOnly(ctx) : executeWebhook(ctx);
}

/** A channel webhook posts: as the username given (else the webhook's name), with webhook_id; wait=true returns it. */
function executeWebhook({ fake, params, body, query }: RouteContext): RouteResult {
  const hook = fake.webhooks.get(params.app);
  if (!hook) return err(404, 10015, 'Unknown Webhook');
  if (hook.token !== params.token) return err(401, 50027, 'Invalid Webhook Token');
  const invalid = invalidMessage(body, true);
  if (invalid) return err(400, 50035, invalid);
  const username = String(body?.username ?? hook.name);
  if (/clyde|discord/i.test(username) || username.length > 80) return err(400, 50035, 'Invalid Form Body (username)');
  const channel = fake.channelMap.get(hook.channel_id);
  if (!channel) return err(404, 10003, 'Unknown Channel');
  let message: FakeMessage;
  if (channel.type === 15) {
    if (!body?.thread_name) return err(400, 220001, 'Webhooks posted to forum channels must have a thread_name or thread_id');
    message = forumPost(fake, channel, String(body.thread_name), body, hook.id).message;
  } else {
    message = fake.createMessage(channel, body);
  }
  message.webhook_id = hook.id;
  message.author = { id: hook.id, username, discriminator: '0000', avatar: null, bot: true, ...(body?.avatar_url ? { avatar_url: body.avatar_url } : {}) };
  return query.get('wait') === 'true' ? ok(message) : ok();
}

/** A forum post: a thread in the forum whose first message (same id as the thread) is `body`. */
function forumPost(fake: FakeDiscord, forum: FakeChannel, name: string, body: any, ownerId: string): { thread: any; message: FakeMessage } {
  const id = fake.snowflake();
  const thread = { id, type: 11, name, parent_id: forum.id, guild_id: fake.guildId, owner_id: ownerId, message_count: 1 };
  fake.threads.set(id, thread);
  const message = fake.makeMessage(id, body ?? {});
  message.id = id;
  fake.messageMap.set(id, [message]);
  forum.last_message_id = id;
  return { thread, message };
}

/** The original response of an interaction; exists once replied to or deferred. */
function onOriginal(handle: (ctx: RouteContext, record: InteractionRecord) => RouteResult) {
  return onWebhook((ctx, record) => (!record.reply && !record.deferred ? err(404, 10008, 'Unknown Message') : handle(ctx, record)));
}

const getOriginal = onOriginal((_ctx, record) => ok(record.reply));
const deleteOriginal = onOriginal((_ctx, record) => {
  record.reply = null;
  record.ephemeral = false;
  return ok();
});
const patchOriginal = onOriginal(({ fake, body }, record) => {
  const invalid = invalidMessage(body, false);
  if (invalid) return err(400, 50035, invalid);
  const base = record.reply ?? fake.makeMessage(record.channelId, {}, true);
  record.reply = { ...base, ...pickMessageFields(body ?? {}), flags: (base.flags & ~128) | (record.ephemeral ? 64 : 0), edited_timestamp: new Date().toISOString() };
  fake.settle(record);
  return ok(record.reply);
});

/** One follow-up message of an interaction, or a 404. */
function onFollowup(handle: (ctx: RouteContext, record: InteractionRecord, index: number) => RouteResult) {
  return onWebhook((ctx, record) => {
    const index = record.followups.findIndex((m) => m.id === ctx.params.message);
    return index < 0 ? err(404, 10008, 'Unknown Message') : handle(ctx, record, index);
  });
}

const getFollowup = onFollowup((_ctx, record, index) => ok(record.followups[index]));
const patchFollowup = onFollowup(({ body }, record, index) => ok(Object.assign(record.followups[index], pickMessageFields(body ?? {}), { edited_timestamp: new Date().toISOString() })));
const deleteFollowup = onFollowup((_ctx, record, index) => {
  record.followups.splice(index, 1);
  return ok();
});

// ----------------------------------------------------------------------------------- channels

/** A channel the bot can see, with the bot's permissions there; 404 10003 or 403 50001 otherwise. */
function onChannel(handle: (ctx: RouteContext, channel: FakeChannel, perms: bigint) => RouteResult) {
  return (ctx: RouteContext): RouteResult => {
    const channel = ctx.fake.channelMap.get(ctx.params.channel);
    if (!channel) return err(404, 10003, 'Unknown Channel');
    const perms = ctx.fake.botPermissions(channel);
    if (!(perms & Perm.ViewChannel)) return err(403, 50001, 'Missing Access');
    return handle(ctx, channel, perms);
  };
}

const getChannel = onChannel((_ctx, channel) => ok(channel));

const listMessages = onChannel(({ fake, query }, channel) => {
  const limit = Math.min(Number(query.get('limit') ?? 50), 100);
  const all = fake.messageMap.get(channel.id) ?? [];
  const after = query.get('after');
  // after=: the oldest `limit` messages after that id (Discord pages forward this way), newest first.
  if (after) return ok(all.filter((m) => BigInt(m.id) > BigInt(after)).slice(0, limit).reverse());
  return ok([...all].reverse().slice(0, limit));
});

/** POST /channels/:id/webhooks: Herald needs Manage Webhooks in the channel. */
const createWebhook = onChannel(({ fake, body }, channel, perms) => {
  if (!(perms & Perm.ManageWebhooks)) return err(403, 50013, 'Missing Permissions');
  const name = String(body?.name ?? '');
  if (!name || name.length > 80 || /clyde|discord/i.test(name)) return err(400, 50035, 'Invalid Form Body (name)');
  const hook = { id: fake.snowflake(), token: randomToken(), channel_id: channel.id, guild_id: fake.guildId, name, type: 1 as const, application_id: fake.applicationId };
  fake.webhooks.set(hook.id, hook);
  return ok({ ...hook, user: fake.botUser(), avatar: null });
});

function deleteWebhook({ fake, params }: RouteContext): RouteResult {
  const hook = fake.webhooks.get(params.id);
  if (!hook) return err(404, 10015, 'Unknown Webhook');
  if (hook.token !== params.token) return err(401, 50027, 'Invalid Webhook Token');
  fake.webhooks.delete(hook.id);
  return ok();
}

/** POST /channels/:id/threads with a message: a forum post (forum channels only in this fake). */
const startForumThread = onChannel(({ fake, body }, channel, perms) => {
  if (channel.type !== 15) return err(400, 50024, 'Cannot execute action on this channel type (fake: forum posts only)');
  if (!(perms & Perm.SendMessages)) return err(403, 50013, 'Missing Permissions');
  const name = String(body?.name ?? '');
  if (name.length < 1 || name.length > 100) return err(400, 50035, 'Invalid Form Body (name)');
  const message = body?.message;
  if (Array.isArray(message?.embeds) && message.embeds.length && !(perms & Perm.EmbedLinks)) return err(403, 50013, 'Missing Permissions');
  const invalid = invalidMessage(message, true);
  if (invalid) return err(400, 50035, invalid);
  const post = forumPost(fake, channel, name, message, fake.botUserId);
  return { status: 201, json: { ...post.thread, message: post.message } };
});

function randomToken(): string {
  let out = '';
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; i < 68; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

/** POST /users/@me/channels: the DM channel with a user (the same one every time). */
function openDm({ fake, body }: RouteContext): RouteResult {
  const userId = String(body?.recipient_id ?? '');
  if (!/^\d{15,20}$/.test(userId)) return err(400, 50035, 'Invalid Form Body (recipient_id)');
  let id = [...fake.dmChannels].find(([, user]) => user === userId)?.[0];
  if (!id) {
    id = fake.snowflake();
    fake.dmChannels.set(id, userId);
    fake.channelMap.set(id, { id, type: 1, name: '', position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 });
  }
  return ok({ id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null }] });
}

const createMessage = onChannel(({ fake, body }, channel, perms) => {
  if (channel.type === 1 && fake.closedDms.has(fake.dmChannels.get(channel.id) ?? '')) return err(403, 50007, 'Cannot send messages to this user');
  if (channel.type === 15) return err(400, 50008, 'Cannot send messages in a non-text channel');
  if (!(perms & Perm.SendMessages)) return err(403, 50013, 'Missing Permissions');
  if (Array.isArray(body?.embeds) && body.embeds.length && !(perms & Perm.EmbedLinks)) return err(403, 50013, 'Missing Permissions');
  const invalid = invalidMessage(body, true);
  if (invalid) return err(400, 50035, invalid);
  if (body?.nonce === undefined || body?.enforce_nonce !== true) return ok(fake.createMessage(channel, body));
  // enforce_nonce: the same nonce in the same channel within the window returns the first message.
  const key = `${channel.id}:${body.nonce}`;
  const seen = fake.nonces.get(key);
  if (seen && Date.now() - seen.at < (fake.options.nonceWindowMs ?? 300_000)) return ok(seen.message);
  const message = fake.createMessage(channel, body);
  fake.nonces.set(key, { message, at: Date.now() });
  return ok(message);
});

/** One message of a channel, or 404 10008. */
function onMessage(handle: (ctx: RouteContext, list: FakeMessage[], index: number) => RouteResult) {
  return onChannel((ctx, channel) => {
    const list = ctx.fake.messageMap.get(channel.id) ?? [];
    const index = list.findIndex((m) => m.id === ctx.params.message);
    return index < 0 ? err(404, 10008, 'Unknown Message') : handle(ctx, list, index);
  });
}

const getMessage = onMessage((_ctx, list, index) => ok(list[index]));
/** Publishing (crosspost): announcement channels only, once per message (flag 1 = CROSSPOSTED). */
const crosspostMessage = onMessage(({ fake, params }, list, index) => {
  const channel = fake.channelMap.get(params.channel)!;
  if (channel.type !== 5) return err(400, 50024, 'Cannot execute action on this channel type');
  const message = list[index];
  if (message.flags & 1) return err(400, 40033, 'This message has already been crossposted.');
  message.flags |= 1;
  return ok(message);
});

/** A thread under a message: needs Create Public Threads; one per message (160004 for a second). */
const startThread = onMessage(({ fake, params, body }, list, index) => {
  const channel = fake.channelMap.get(params.channel)!;
  if (!(fake.botPermissions(channel) & Perm.CreatePublicThreads)) return err(403, 50013, 'Missing Permissions');
  const message = list[index];
  if (message.thread) return err(400, 160004, 'A thread has already been created for this message');
  const name = String(body?.name ?? '');
  if (name.length < 1 || name.length > 100) return err(400, 50035, 'Invalid Form Body (name)');
  message.thread = { id: fake.snowflake(), name, type: channel.type === 5 ? 10 : 11, parent_id: channel.id };
  return { status: 201, json: { ...message.thread, guild_id: fake.guildId, owner_id: fake.botUserId } };
});
const patchMessage = onMessage(({ body }, list, index) => ok(Object.assign(list[index], pickMessageFields(body ?? {}), { edited_timestamp: new Date().toISOString() })));
const deleteMessage = onMessage((_ctx, list, index) => {
  list.splice(index, 1);
  return ok();
});

// ------------------------------------------------------------------------------------- guilds

/** One of the fake's guilds, or 404 10004. */
function onGuild(handle: (ctx: RouteContext) => RouteResult) {
  return (ctx: RouteContext): RouteResult => (!ctx.fake.hasGuild(ctx.params.guild) ? err(404, 10004, 'Unknown Guild') : handle(ctx));
}

// --------------------------------------------------------------------------------------- table

const routes: Route[] = [
  { method: 'GET', path: 'gateway/bot', handle: ({ fake }) => ok({ url: fake.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }) },
  { method: 'GET', path: 'gateway', handle: ({ fake }) => ok({ url: fake.gatewayUrl }) },
  { method: 'GET', path: 'users/@me', handle: ({ fake }) => ok(fake.botUser()) },
  { method: 'POST', path: 'users/@me/channels', handle: openDm },
  { method: 'GET', path: 'applications/@me', handle: ({ fake }) => ok(fake.applicationPayload()) },
  { method: 'GET', path: 'oauth2/applications/@me', handle: ({ fake }) => ok(fake.applicationPayload()) },

  { method: 'GET', path: 'applications/:app/commands', handle: listCommands },
  { method: 'PUT', path: 'applications/:app/commands', handle: putCommands },
  { method: 'POST', path: 'applications/:app/commands', handle: postCommand },
  { method: 'GET', path: 'applications/:app/commands/:command', handle: getCommand },
  { method: 'DELETE', path: 'applications/:app/commands/:command', handle: deleteCommand },
  { method: 'PATCH', path: 'applications/:app/commands/:command', handle: patchCommand },
  { method: 'GET', path: 'applications/:app/guilds/:guild/commands', handle: listCommands },
  { method: 'PUT', path: 'applications/:app/guilds/:guild/commands', handle: putCommands },
  { method: 'POST', path: 'applications/:app/guilds/:guild/commands', handle: postCommand },
  { method: 'GET', path: 'applications/:app/guilds/:guild/commands/:command', handle: getCommand },
  { method: 'DELETE', path: 'applications/:app/guilds/:guild/commands/:command', handle: deleteCommand },
  { method: 'PATCH', path: 'applications/:app/guilds/:guild/commands/:command', handle: patchCommand },

  { method: 'POST', path: 'interactions/:id/:token/callback', handle: interactionCallback },

  { method: 'POST', path: 'webhooks/:app/:token', handle: postFollowup },
  { method: 'DELETE', path: 'webhooks/:id/:token', handle: deleteWebhook },
  // @original before :message, which would match it too.
  { method: 'GET', path: 'webhooks/:app/:token/messages/@original', handle: getOriginal },
  { method: 'DELETE', path: 'webhooks/:app/:token/messages/@original', handle: deleteOriginal },
  { method: 'PATCH', path: 'webhooks/:app/:token/messages/@original', handle: patchOriginal },
  { method: 'GET', path: 'webhooks/:app/:token/messages/:message', handle: getFollowup },
  { method: 'PATCH', path: 'webhooks/:app/:token/messages/:message', handle: patchFollowup },
  { method: 'DELETE', path: 'webhooks/:app/:token/messages/:message', handle: deleteFollowup },

  { method: 'GET', path: 'channels/:channel', handle: getChannel },
  { method: 'GET', path: 'channels/:channel/messages', handle: listMessages },
  { method: 'POST', path: 'channels/:channel/messages', handle: createMessage },
  { method: 'GET', path: 'channels/:channel/messages/:message', handle: getMessage },
  { method: 'PATCH', path: 'channels/:channel/messages/:message', handle: patchMessage },
  { method: 'DELETE', path: 'channels/:channel/messages/:message', handle: deleteMessage },
  { method: 'POST', path: 'channels/:channel/messages/:message/crosspost', handle: crosspostMessage },
  { method: 'POST', path: 'channels/:channel/webhooks', handle: createWebhook },
  { method: 'POST', path: 'channels/:channel/threads', handle: startForumThread },
  { method: 'POST', path: 'channels/:channel/messages/:message/threads', handle: startThread },

  { method: 'GET', path: 'guilds/:guild', handle: onGuild(({ fake, params }) => ok(fake.guildPayload(false, params.guild))) },
  { method: 'GET', path: 'guilds/:guild/channels', handle: onGuild(({ fake, params }) => ok([...fake.channelMap.values()].filter((c) => c.guild_id === params.guild))) },
  { method: 'GET', path: 'guilds/:guild/roles', handle: onGuild(({ fake, params }) => ok(fake.rolesOf(params.guild))) },
  { method: 'GET', path: 'guilds/:guild/threads/active', handle: onGuild(({ fake }) => ok({ threads: [...fake.threads.values()], members: [] })) },
  {
    method: 'GET',
    path: 'guilds/:guild/members/:user',
    handle: onGuild(({ fake, params }) => {
      const member = fake.members().find((m) => m.user.id === params.user);
      return member ? ok(member) : err(404, 10007, 'Unknown Member');
    }),
  },
];
