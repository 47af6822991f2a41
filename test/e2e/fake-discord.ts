/**
 * A fake Discord for end-to-end tests: an HTTP REST API under /api/v10 plus a JSON gateway (ws), both on
 * 127.0.0.1 with a random port. The real discord.js Client reaches it only through
 * `new Client({ rest: { api: fake.apiUrl } })` (or DISCORD_API_URL=fake.apiUrl for a child process): it
 * discovers the gateway with GET /gateway/bot like it does against Discord. All state (guild, channels,
 * messages, commands, sessions) lives here, so bots may connect, crash (SIGKILL) and reconnect any number
 * of times.
 *
 * API (stable; other features' e2e tests rely on it):
 *
 *   const fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
 *   fake.apiUrl            `${base}/api` → DISCORD_API_URL / `rest: { api }`
 *   fake.token             a token the fake accepts (REST "Bot <token>" and gateway IDENTIFY/RESUME)
 *   fake.applicationId, fake.botUserId, fake.guildId (@everyone role id = guildId), fake.botRoleId
 *   fake.channels          { general, reminders, noSend, noEmbed, hidden } text-channel ids in the guild:
 *                          noSend denies the bot SEND_MESSAGES, noEmbed denies EMBED_LINKS, hidden denies
 *                          VIEW_CHANNEL (posting there gives 403 50013 / 50013 / 50001 like Discord)
 *   fake.users             { member, admin } user ids (admin has Manage Server; member does not)
 *   fake.addChannel({ name, overwrites?, guildId? }) → id;  fake.deleteChannel(id) (then posts get 404 10003)
 *   fake.addGuild(name?) → { guildId, general }: another server the bot is in (its own @everyone role,
 *                          the same bot role, one text channel "general"); sent in READY/GUILD_CREATE.
 *                          Inject into it with opts.guildId (the default channel is then its general).
 *   fake.setOverwrites(channelId, overwrites) changes a channel's permission overwrites (CHANNEL_UPDATE sent);
 *                          Perm has the bits (ViewChannel, SendMessages, EmbedLinks, ManageGuild, …)
 *   fake.addChannel({ name, type: 5 }) is an announcement channel: POST …/messages/:id/crosspost publishes (flag 1;
 *                          40033 the second time; 50024 elsewhere); POST …/messages/:id/threads sets message.thread
 *                          (needs Create Public Threads, which the bot role has; 160004 the second time)
 *   Webhooks: POST /channels/:id/webhooks (needs Manage Webhooks for the bot, which its role lacks: allow it with an
 *                          overwrite; 400 50035 for a name with "clyde"/"discord") → fake.webhooks; POST
 *                          /webhooks/:id/:token[?wait=true] executes one (message with webhook_id, author = the
 *                          username given; 404 10015 once fake.deleteWebhook(id) ran; 401 50027 for a wrong token);
 *                          DELETE /webhooks/:id/:token.
 *   Forums: fake.addChannel({ name, type: 15 }); POST /channels/:id/threads {name, message} makes a forum post
 *                          (a thread whose first message has the thread's id; Send Messages needed), so does a
 *                          webhook execute with thread_name; fake.forumPosts(id) lists them; posting a message to
 *                          the forum itself is 400 50008. GET /guilds/:id/threads/active lists threads.
 *   GET /channels/:id/messages honours after= (oldest first page, newest first in it) and limit.
 *   Message objects over REST carry no guild_id, as Discord's do not (GET /channels/:id gives a channel's guild_id).
 *   fake.messages(channelId)  messages created with POST /channels/:id/messages (newest last). Interaction
 *                          replies are NOT in here: read them from the interaction result.
 *   fake.requests          every REST request: { method, path (after /api/v10, no query), query, body, status }
 *   fake.commandWrites     the PUT/POST requests on application-command routes (registrations)
 *   fake.commands(guildId?) the registered commands (global when guildId is omitted)
 *   fake.setCommands(defs, guildId?) pre-register commands without recording a write
 *   fake.mentionViolations() message-creating/editing requests whose body lacks allowed_mentions with
 *                          parse: [] (roles allowed only as listed): expect it toEqual([])
 *   fake.failNext(method, route, status, times?, { body?, retryAfterMs?, global?, scope? })
 *                          the next `times` matching requests fail. route is a pattern such as
 *                          '/channels/:id/messages' or '/interactions/:id/:token/callback', or a RegExp on the
 *                          path. 429 carries retry-after / x-ratelimit-* / x-ratelimit-scope headers and
 *                          {message, retry_after, global}; 403 defaults to {code: 50013, Missing Permissions};
 *                          pass body {code: 50001, message: 'Missing Access'} for the other; 404 defaults to
 *                          {code: 10003, Unknown Channel}; 5xx to a plain error body.
 *   fake.waitForReady(n?)  resolves when n IDENTIFY→READY handshakes have happened in total (default 1)
 *   fake.identifyCount, fake.resumeCount, fake.connectedCount()
 *   fake.dropConnection(code?) closes every gateway socket: 1006 (default) = abrupt, no close frame;
 *                          4000 etc. = close frame with that code. discord.js then resumes (or re-identifies).
 *   fake.injectCommand(name, options?, opts?) → Promise<InteractionResult>
 *       options: { optionName: value, subcommand?: 'name' }; types come from the registered definition
 *                (else string/integer/number/boolean from the JS value).
 *       opts: { dm?: true, userId?, admin?: true, permissions?: '32', channelId?, expired?: true, timeoutMs? }
 *       An Attachment option's value is an id from fake.addAttachment(filename, data, contentType?): the
 *       interaction then carries it in data.resolved.attachments with a URL this fake serves (no auth);
 *       fake.attachmentReads lists the downloads.
 *   fake.injectAutocomplete(name, focused: { name, value }, options?, opts?) → Promise<InteractionResult>
 *   fake.injectButton(customId, opts? & { messageFlags? }) → Promise<InteractionResult>
 *       Each resolves when the user's view is settled: a reply (4), component update (7) or autocomplete
 *       result (8) callback, or after a defer (5/6) the first edit of @original. Rejects after timeoutMs
 *       (default 10 s). An interaction injected while no bot is connected is delivered when one is.
 *       After a defer, the first follow-up also settles it (a deferred reply deleted and answered privately).
 *   InteractionResult: { id, token, channelId, callbacks: [{type, data}], deferred, ephemeral, reply (the
 *       original response after edits: content, embeds, components, flags), followups, choices
 *       (autocomplete), final (what the user saw: reply, or the last follow-up when reply was deleted) }
 *   fake.interaction(id)   the live record (e.g. to wait for follow-ups: rec.followups)
 *   fake.interactionsPublicKey  the application's Ed25519 public key (hex) → DISCORD_PUBLIC_KEY; once read,
 *                          GET /applications/@me's verify_key is it (the pair is made on first use)
 *   fake.useInteractionsEndpoint(url, { responseTimeoutMs? }) → { publicKey }: from then on interactions are
 *                          not sent over the gateway but POSTed to `url` as Discord does for an "Interactions
 *                          Endpoint URL": signed with that key pair (X-Signature-Ed25519 over
 *                          X-Signature-Timestamp + body). The HTTP response is taken as the callback
 *                          (recorded in fake.requests like POST /interactions/:id/:token/callback); a non-200
 *                          answer or none within responseTimeoutMs (default 3000, Discord's limit) rejects the
 *                          injection ("This interaction failed"). fake.endpointCalls lists each delivery.
 *   fake.signInteraction(body, timestamp?) → headers signed with that key (tests of the endpoint's checks)
 *   fake.useGateway()      back to delivering interactions over the gateway
 *   Several bots may connect at once (e.g. a restarted process before the killed one's socket closed):
 *   injected interactions go to the most recently connected live session.
 *   POST /channels/:id/messages enforces Discord's limits (content 2000, embeds 10/6000, fields 25, …) with
 *   400 50035, like interaction replies and webhook edits do; validateMessagePayload(body, true) exposes it.
 *   fake.close()
 *
 * Files: this one holds the recorded state (guilds, channels, messages, commands, requests) and the API above;
 * in fake-discord/: http.ts the HTTP front (request parsing and recording, failNext, the token check);
 * routes.ts the REST API as a route table; gateway.ts the gateway (sessions, IDENTIFY/RESUME, dispatch);
 * interactions.ts injected interactions and their delivery (gateway or a signed POST to an interactions
 * endpoint) and settling; messages.ts the message payload rules; permissions.ts the bits, the test
 * server's grants and Discord's permission algorithm; types.ts the records and options; multipart.ts the
 * request-body parsing; signing.ts the application's Ed25519 key and signed POSTs; payloads.ts member and
 * guild objects.
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { messagePayload } from './fake-discord/messages';
import { BOT_ROLE_PERMS, channelPermissions, EVERYONE_PERMS, Perm } from './fake-discord/permissions';
import { FakeGateway } from './fake-discord/gateway';
import { FakeInteractions } from './fake-discord/interactions';
import { guildFields, memberPayload } from './fake-discord/payloads';
import { RestFront } from './fake-discord/http';
import type { Overwrite, FakeChannel, FakeRole, FakeMessage, RecordedRequest, InteractionRecord, InteractionResult, FakeDiscordOptions } from './fake-discord/types';

export { Perm } from './fake-discord/permissions';
export { messagePayload, validateMessagePayload } from './fake-discord/messages';
export type { Overwrite, FakeChannel, FakeRole, FakeMessage, RecordedRequest, UploadedFile, InteractionCallback, InteractionRecord, InteractionResult, InjectOptions, FailOptions, FakeDiscordOptions } from './fake-discord/types';


// ------------------------------------------------------------------------------------------------ fake

export class FakeDiscord {
  readonly token = `fake.${randomBytes(18).toString('base64url')}`;
  baseUrl = '';
  apiUrl = '';
  gatewayUrl = '';

  // Snowflakes as Discord makes them: milliseconds since 2015 in the high bits (from the real clock), so
  // `after=<id of a moment>` and an id's time work as on Discord; a counter keeps them unique and rising.
  private nextId = (BigInt(Date.now()) - 1_420_070_400_000n) << 22n;
  readonly applicationId = this.snowflake();
  readonly botUserId = this.applicationId;
  readonly guildId = this.snowflake();
  readonly botRoleId = this.snowflake();
  readonly users = { member: this.snowflake(), admin: this.snowflake() };
  readonly channels: { general: string; reminders: string; noSend: string; noEmbed: string; hidden: string };

  readonly requests: RecordedRequest[] = [];
  /** Files attached to injected commands (addAttachment), served under /attachments/:id/:filename. */
  readonly attachments = new Map<string, { filename: string; data: Buffer; contentType: string }>();
  /** Paths of attachment downloads, in order. */
  readonly attachmentReads: string[] = [];
  readonly commandWrites: RecordedRequest[] = [];

  /** Parsing, recording, injected failures and the route table (fake-discord/http.ts). */
  private readonly rest = new RestFront(this);
  private readonly server = createServer((req, res) => void this.rest.handle(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  // State below is read and changed by the REST route table (fake-discord/routes.ts) too.
  readonly channelMap = new Map<string, FakeChannel>();
  readonly roles: FakeRole[];
  readonly messageMap = new Map<string, FakeMessage[]>();
  readonly nonces = new Map<string, { message: FakeMessage; at: number }>();
  readonly globalCommands: any[] = [];
  readonly guildCommands = new Map<string, any[]>();
  /** Webhooks created with POST /channels/:id/webhooks. */
  readonly webhooks = new Map<string, { id: string; token: string; channel_id: string; guild_id: string; name: string; type: 1; application_id: string }>();
  /** Threads (forum posts), by id. */
  readonly threads = new Map<string, { id: string; type: number; name: string; parent_id: string; guild_id: string; owner_id: string; message_count: number }>();
  /** Users whose DMs are closed to the bot (a message to their DM channel gets 403 50007). */
  readonly closedDms = new Set<string>();
  /** DM channels opened with POST /users/@me/channels: channel id → the user. */
  readonly dmChannels = new Map<string, string>();
  /** Servers added with addGuild: id → name and default channel. */
  readonly extraGuilds = new Map<string, { name: string; general: string }>();
  private readonly gateway = new FakeGateway(this);
  /** Injected interactions and their delivery (fake-discord/interactions.ts). */
  private readonly hub = new FakeInteractions(this);
  readonly interactions = this.hub.interactions;
  readonly byToken = this.hub.byToken;
  readonly expired = this.hub.expired;
  readonly endpointCalls = this.hub.endpointCalls;

  constructor(readonly options: FakeDiscordOptions = {}) {
    this.roles = [
      role(this.guildId, '@everyone', EVERYONE_PERMS, 0),
      { ...role(this.botRoleId, 'Herald', BOT_ROLE_PERMS, 1), managed: true },
    ];
    this.channels = {
      general: this.addChannel({ name: 'general' }),
      reminders: this.addChannel({ name: 'reminders' }),
      noSend: this.addChannel({ name: 'no-send', overwrites: [{ id: this.botRoleId, type: 0, allow: '0', deny: String(Perm.SendMessages) }] }),
      noEmbed: this.addChannel({ name: 'no-embed', overwrites: [{ id: this.botRoleId, type: 0, allow: '0', deny: String(Perm.EmbedLinks) }] }),
      hidden: this.addChannel({ name: 'hidden', overwrites: [{ id: this.guildId, type: 0, allow: '0', deny: String(Perm.ViewChannel) }] }),
    };
    this.server.on('upgrade', (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.gateway.accept(ws));
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    return this;
  }

  snowflake(): string {
    this.nextId += 1n + BigInt(Math.floor(Math.random() * 4096));
    return this.nextId.toString();
  }

  // ---------------------------------------------------------------------------------- guild state

  addChannel(spec: { name: string; id?: string; type?: number; overwrites?: Overwrite[]; guildId?: string }): string {
    const id = spec.id ?? this.snowflake();
    this.channelMap.set(id, {
      id,
      type: spec.type ?? 0,
      name: spec.name,
      guild_id: spec.guildId ?? this.guildId,
      position: this.channelMap.size,
      permission_overwrites: spec.overwrites ?? [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    });
    if (this.gateway.connected) this.dispatch('CHANNEL_CREATE', this.channelMap.get(id));
    return id;
  }

  /** Another server the bot is in, with one text channel. */
  addGuild(name = `Other Server ${this.extraGuilds.size + 1}`): { guildId: string; general: string } {
    const guildId = this.snowflake();
    const general = this.snowflake();
    this.extraGuilds.set(guildId, { name, general });
    this.addChannel({ name: 'general', id: general, guildId });
    if (this.gateway.connected) this.dispatch('GUILD_CREATE', this.guildPayload(true, guildId));
    return { guildId, general };
  }

  /** Whether the bot is in this server. */
  hasGuild(guildId: string): boolean {
    return guildId === this.guildId || this.extraGuilds.has(guildId);
  }

  /** A server's roles: its own @everyone (id = the server's id) and the bot's role. */
  rolesOf(guildId: string = this.guildId): FakeRole[] {
    return guildId === this.guildId ? this.roles : [role(guildId, '@everyone', EVERYONE_PERMS, 0), this.roles[1]];
  }

  deleteChannel(id: string): void {
    const channel = this.channelMap.get(id);
    if (!channel) return;
    this.channelMap.delete(id);
    this.dispatch('CHANNEL_DELETE', channel);
  }

  setOverwrites(channelId: string, overwrites: Overwrite[]): void {
    const channel = this.channelMap.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    channel.permission_overwrites = overwrites;
    this.dispatch('CHANNEL_UPDATE', channel);
  }

  /** Deletes a webhook as an admin would: executing it then gives 404 10015. */
  deleteWebhook(id: string): void {
    this.webhooks.delete(id);
  }

  /** The forum posts (threads) of a forum channel, oldest first, each with its first message. */
  forumPosts(channelId: string): { thread: { id: string; name: string; owner_id: string }; message: FakeMessage | undefined }[] {
    return [...this.threads.values()].filter((t) => t.parent_id === channelId).map((thread) => ({ thread, message: this.messageMap.get(thread.id)?.[0] }));
  }

  /** Messages Herald sent to a user's DM channel. */
  directMessages(userId: string): FakeMessage[] {
    const channel = [...this.dmChannels].find(([, user]) => user === userId)?.[0];
    return channel ? this.messages(channel) : [];
  }

  messages(channelId: string): FakeMessage[] {
    return [...(this.messageMap.get(channelId) ?? [])];
  }

  commands(guildId?: string): any[] {
    return [...(guildId ? this.guildCommands.get(guildId) ?? [] : this.globalCommands)];
  }

  setCommands(defs: any[], guildId?: string): void {
    const list = defs.map((d) => this.storeCommand(d, guildId));
    if (guildId) this.guildCommands.set(guildId, list);
    else this.globalCommands.splice(0, this.globalCommands.length, ...list);
  }

  interaction(id: string): InteractionRecord | undefined {
    return this.interactions.get(id);
  }

  failNext(...args: Parameters<RestFront['failNext']>): void {
    this.rest.failNext(...args);
  }

  /** Requests that create or edit a message without allowed_mentions {parse: []} (roles only when listed). */
  mentionViolations(): RecordedRequest[] {
    return this.requests.filter((r) => {
      if (r.status >= 400) return false;
      const payload = messagePayload(r);
      if (payload === undefined) return false;
      const am = payload?.allowed_mentions;
      if (!am || !Array.isArray(am.parse) || am.parse.length !== 0) return true;
      // A member's own reminder may ping that one member, named in the message.
      if (am.users && am.users.length && (am.users.length > 1 || !String(payload.content ?? '').includes(`<@${am.users[0]}>`))) return true;
      return am.replied_user === true;
    });
  }

  // ----------------------------------------------------------------------------------- gateway
  // (fake-discord/gateway.ts)

  get identifyCount(): number {
    return this.gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.gateway.resumeCount;
  }

  connectedCount(): number {
    return this.gateway.connectedCount();
  }

  waitForReady(n = 1): Promise<void> {
    return this.gateway.waitForReady(n);
  }

  dropConnection(code = 1006): void {
    this.gateway.drop(code);
  }

  /** A gateway event to every connected session (also sent by the interactions hub). */
  dispatch(t: string, d: unknown): void {
    this.gateway.dispatch(t, d);
  }

  // ------------------------------------------------------------------------------- interactions
  // (fake-discord/interactions.ts)

  injectCommand(...args: Parameters<FakeInteractions['injectCommand']>): Promise<InteractionResult> {
    return this.hub.injectCommand(...args);
  }

  /** A file a user attaches to a command: pass the returned id as the attachment option's value. */
  addAttachment(filename: string, data: Buffer | string, contentType = 'application/octet-stream'): string {
    const id = this.snowflake();
    this.attachments.set(id, { filename, data: Buffer.from(data), contentType });
    return id;
  }

  injectAutocomplete(...args: Parameters<FakeInteractions['injectAutocomplete']>): Promise<InteractionResult> {
    return this.hub.injectAutocomplete(...args);
  }

  injectButton(...args: Parameters<FakeInteractions['injectButton']>): Promise<InteractionResult> {
    return this.hub.injectButton(...args);
  }

  /** Called by the routes once the user's view of an interaction is settled. */
  settle(record: InteractionRecord): void {
    this.hub.settle(record);
  }

  /** The application's public key (hex, for DISCORD_PUBLIC_KEY); the same for the fake's whole life. */
  get interactionsPublicKey(): string {
    return this.hub.publicKey;
  }

  useInteractionsEndpoint(...args: Parameters<FakeInteractions['useEndpoint']>): { publicKey: string } {
    return this.hub.useEndpoint(...args);
  }

  useGateway(): void {
    this.hub.useGateway();
  }

  /** Discord's signature headers for `body` (timestamp in Unix seconds; default now) with the endpoint's key. */
  signInteraction(...args: Parameters<FakeInteractions['sign']>): Record<string, string> {
    return this.hub.sign(...args);
  }

  /** Sends a PING as Discord does when the endpoint URL is saved; the endpoint's status and answer. */
  pingEndpoint(): Promise<{ status: number; body: unknown }> {
    return this.hub.pingEndpoint();
  }

  // -------------------------------------------------------------------------------- payloads

  storeCommand(def: any, guildId?: string, id?: string): any {
    return {
      id: id ?? this.snowflake(),
      application_id: this.applicationId,
      version: this.snowflake(),
      type: def.type ?? 1,
      name: def.name,
      description: def.description ?? '',
      ...(def.options && def.options.length ? { options: def.options } : {}),
      default_member_permissions: def.default_member_permissions ?? null,
      dm_permission: def.dm_permission ?? true,
      nsfw: def.nsfw ?? false,
      contexts: def.contexts ?? null,
      integration_types: def.integration_types ?? [0],
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }

  createMessage(channel: FakeChannel, body: any): FakeMessage {
    // No guild_id: Discord's REST message objects carry none (only the gateway's MESSAGE_CREATE does).
    const message = this.makeMessage(channel.id, body ?? {});
    const list = this.messageMap.get(channel.id) ?? [];
    list.push(message);
    this.messageMap.set(channel.id, list);
    channel.last_message_id = message.id;
    return message;
  }

  makeMessage(channelId: string, body: any, fromInteraction = false): FakeMessage {
    return {
      id: this.snowflake(),
      channel_id: channelId,
      author: this.botUser(),
      content: body.content ?? '',
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      allowed_mentions: body.allowed_mentions,
      flags: body.flags ?? 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      type: fromInteraction ? 20 : 0,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      ...(fromInteraction ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
    };
  }

  applicationPayload(): Record<string, unknown> {
    return { id: this.applicationId, name: 'Herald', description: '', icon: null, bot_public: true, bot_require_code_grant: false, flags: 0, owner: this.botUser(), verify_key: this.hub.signer.madePublicKey ?? 'f'.repeat(64), team: null };
  }

  botUser(): Record<string, unknown> {
    return { id: this.botUserId, username: 'Herald', discriminator: '0', global_name: 'Herald', avatar: null, bot: true, flags: 0, verified: true, mfa_enabled: false };
  }

  members(): any[] {
    return [
      memberPayload(this.botUser(), [this.botRoleId]),
      memberPayload({ id: this.users.member, username: 'member', discriminator: '0', global_name: null, avatar: null }, []),
      memberPayload({ id: this.users.admin, username: 'admin', discriminator: '0', global_name: null, avatar: null }, []),
    ];
  }

  guildPayload(withState = true, guildId: string = this.guildId): Record<string, unknown> {
    return {
      ...guildFields(guildId, guildId === this.guildId ? this.options.guildName ?? 'Herald Test Server' : this.extraGuilds.get(guildId)?.name, this.users.admin, this.rolesOf(guildId)),
      ...(withState
        ? {
            unavailable: false,
            large: false,
            member_count: 3,
            joined_at: new Date(0).toISOString(),
            channels: [...this.channelMap.values()].filter((c) => c.guild_id === guildId).map(({ guild_id: _g, ...c }) => c),
            members: this.members(),
            threads: [],
            presences: [],
            voice_states: [],
            stage_instances: [],
            guild_scheduled_events: [],
          }
        : {}),
    };
  }

  /** Discord's permission algorithm for the bot member in a guild channel. */
  botPermissions(channel: FakeChannel): bigint {
    return channelPermissions(this.roles, channel, this.guildId, this.botUserId, [this.botRoleId]);
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}

// --------------------------------------------------------------------------------------- helpers

function role(id: string, name: string, permissions: bigint, position: number): FakeRole {
  return { id, name, permissions: String(permissions), position, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 };
}
