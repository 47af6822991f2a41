// Injected interactions (slash commands, autocomplete, buttons) and how the bot's answers settle them: each
// is delivered over the gateway or, after useInteractionsEndpoint, POSTed signed to the bot's interactions
// endpoint as Discord does (its HTTP answer taken as the callback). FakeDiscord's inject* and endpoint
// methods are these; the REST routes (routes.ts) record callbacks, edits and follow-ups and call settle.
import { randomBytes } from 'node:crypto';
import type { FakeDiscord } from '../fake-discord';
import { memberPayload } from './payloads';
import { BOT_ROLE_PERMS, MEMBER_PERMS, Perm } from './permissions';
import { route } from './routes';
import { InteractionSigner, postSigned } from './signing';
import type { FakeMessage, InjectOptions, InteractionRecord, InteractionResult, RecordedRequest } from './types';

export class FakeInteractions {
  readonly interactions = new Map<string, InteractionRecord>();
  readonly byToken = new Map<string, InteractionRecord>();
  /** Interactions injected as expired: their callback gets 404 10062. */
  readonly expired = new Set<string>();
  private readonly waiters = new Map<string, () => void>();
  private readonly rejecters = new Map<string, (error: Error) => void>();
  /** Interactions endpoint (HTTP delivery) when set; otherwise interactions go over the gateway. */
  private endpoint: { url: string; responseTimeoutMs: number } | undefined;
  /** The application's Ed25519 key pair for signing interactions (made on first use). */
  readonly signer = new InteractionSigner();
  /** Each HTTP delivery of an interaction: the endpoint's status and answer (undefined when it did not answer in time). */
  readonly endpointCalls: { id: string; status: number | undefined; body: unknown; ms: number }[] = [];

  constructor(private readonly fake: FakeDiscord) {}


  injectCommand(name: string, options: Record<string, string | number | boolean | undefined> = {}, opts: InjectOptions = {}): Promise<InteractionResult> {
    const def = this.findCommand(name, opts.dm ? undefined : opts.guildId ?? this.fake.guildId);
    const { subcommand, ...rest } = options;
    const defOptions: any[] = def?.options ?? [];
    let leaf = this.commandOptions(rest, defOptions);
    if (subcommand !== undefined) {
      const sub = defOptions.find((o) => o.name === subcommand);
      leaf = [{ type: 1, name: String(subcommand), options: this.commandOptions(rest, sub?.options ?? []) }];
    }
    const data: any = { id: def?.id ?? this.fake.snowflake(), name, type: 1, options: leaf, ...(opts.dm ? {} : { guild_id: opts.guildId ?? this.fake.guildId }) };
    const attached = Object.values(options).filter((v): v is string => typeof v === 'string' && this.fake.attachments.has(v));
    if (attached.length) data.resolved = { attachments: Object.fromEntries(attached.map((id) => [id, this.attachmentPayload(id)])) };
    return this.inject('command', 2, data, opts);
  }

  private attachmentPayload(id: string): any {
    const file = this.fake.attachments.get(id)!;
    const url = `${this.fake.baseUrl}/attachments/${id}/${encodeURIComponent(file.filename)}`;
    return { id, filename: file.filename, size: file.data.byteLength, url, proxy_url: url, content_type: file.contentType };
  }

  injectAutocomplete(
    name: string,
    focused: { name: string; value: string },
    options: Record<string, string | number | boolean | undefined> = {},
    opts: InjectOptions = {},
  ): Promise<InteractionResult> {
    const def = this.findCommand(name, opts.dm ? undefined : opts.guildId ?? this.fake.guildId);
    const { subcommand, ...rest } = options;
    const defOptions: any[] = subcommand !== undefined ? def?.options?.find((o: any) => o.name === subcommand)?.options ?? [] : def?.options ?? [];
    const typeOf = defOptions.find((o) => o.name === focused.name)?.type ?? 3;
    let leaf = [...this.commandOptions(rest, defOptions), { type: typeOf, name: focused.name, value: focused.value, focused: true }];
    if (subcommand !== undefined) leaf = [{ type: 1, name: String(subcommand), options: leaf }];
    return this.inject('autocomplete', 4, { id: def?.id ?? this.fake.snowflake(), name, type: 1, options: leaf }, opts);
  }

  injectButton(customId: string, opts: InjectOptions & { messageFlags?: number } = {}): Promise<InteractionResult> {
    const channelId = opts.dm ? this.dmChannelId(opts) : opts.channelId ?? this.fake.channels.general;
    const message = this.fake.makeMessage(channelId, { content: '', embeds: [], components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: customId, label: customId }] }], flags: opts.messageFlags ?? 0 });
    message.application_id = this.fake.applicationId;
    return this.inject('button', 3, { custom_id: customId, component_type: 2 }, opts, message);
  }

  inject(kind: InteractionRecord['kind'], type: number, data: any, opts: InjectOptions, message?: FakeMessage): Promise<InteractionResult> {
    const id = this.fake.snowflake();
    const token = `itk_${randomBytes(24).toString('base64url')}`;
    const guildId = opts.guildId ?? this.fake.guildId;
    const channelId = opts.dm ? this.dmChannelId(opts) : opts.channelId ?? this.fake.extraGuilds.get(guildId)?.general ?? this.fake.channels.general;
    const record: InteractionRecord = { id, token, kind, channelId, callbacks: [], deferred: false, ephemeral: false, reply: null, followups: [], settled: false };
    this.interactions.set(id, record);
    this.byToken.set(token, record);
    if (opts.expired) this.expired.add(id);
    const userId = opts.userId ?? (opts.admin ? this.fake.users.admin : this.fake.users.member);
    const user = { id: userId, username: `user${userId.slice(-4)}`, discriminator: '0', global_name: null, avatar: null };
    const permissions = opts.permissions ?? String(opts.admin ? MEMBER_PERMS | Perm.ManageGuild : MEMBER_PERMS);
    const channel = opts.dm ? { id: channelId, type: 1, recipients: [user], last_message_id: null, flags: 0 } : this.fake.channelMap.get(channelId);
    const payload: any = {
      id,
      application_id: this.fake.applicationId,
      type,
      data,
      channel_id: channelId,
      channel,
      token,
      version: 1,
      locale: 'en-GB',
      app_permissions: String(BOT_ROLE_PERMS),
      entitlements: [],
      authorizing_integration_owners: { 0: opts.dm ? undefined : guildId, 1: opts.dm ? userId : undefined },
      context: opts.dm ? 1 : 0,
      attachment_size_limit: 10_485_760,
    };
    if (opts.dm) payload.user = user;
    else {
      payload.guild_id = guildId;
      payload.guild_locale = 'en-GB';
      payload.guild = { id: guildId, locale: 'en-GB', features: [] };
      payload.member = { ...memberPayload(user, []), permissions };
    }
    if (message) payload.message = message;
    const timeoutMs = opts.timeoutMs ?? 10_000;
    const settled = new Promise<InteractionResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        this.rejecters.delete(id);
        reject(new Error(`fake discord: interaction ${kind} ${JSON.stringify(data).slice(0, 200)} not answered in ${timeoutMs} ms; callbacks so far: ${JSON.stringify(record.callbacks).slice(0, 500)}`));
      }, timeoutMs);
      this.rejecters.set(id, (error) => {
        clearTimeout(timer);
        this.waiters.delete(id);
        reject(error);
      });
      this.waiters.set(id, () => {
        clearTimeout(timer);
        this.rejecters.delete(id);
        const { settled: _s, ...rest } = record;
        const result = structuredClone(rest);
        resolve({ ...result, final: result.followups.length && !result.reply ? result.followups[result.followups.length - 1] : result.reply });
      });
    });
    if (this.endpoint) void this.deliverOverHttp(record, payload, this.endpoint);
    else this.fake.dispatch('INTERACTION_CREATE', payload);
    return settled;
  }

  // ------------------------------------------------------------------ interactions endpoint (HTTP)

  /** The application's public key (hex, for DISCORD_PUBLIC_KEY); the same for the fake's whole life. */
  get publicKey(): string {
    return this.signer.publicKey;
  }

  useEndpoint(url: string, options: { responseTimeoutMs?: number } = {}): { publicKey: string } {
    this.endpoint = { url, responseTimeoutMs: options.responseTimeoutMs ?? 3_000 };
    return { publicKey: this.publicKey };
  }

  useGateway(): void {
    this.endpoint = undefined;
  }

  /** Discord's signature headers for `body` (timestamp in Unix seconds; default now) with the endpoint's key. */
  sign(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    return this.signer.sign(body, timestamp);
  }

  /** Sends a PING as Discord does when the endpoint URL is saved; the endpoint's status and answer. */
  async pingEndpoint(): Promise<{ status: number; body: unknown }> {
    if (!this.endpoint) throw new Error('fake discord: call useInteractionsEndpoint first');
    const body = JSON.stringify({ id: this.fake.snowflake(), application_id: this.fake.applicationId, type: 1, token: `itk_${randomBytes(24).toString('base64url')}`, version: 1 });
    const res = await postSigned(this.endpoint.url, body, this.signer);
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      /* a refusal's plain text */
    }
    return { status: res.status, body: json };
  }

  private async deliverOverHttp(record: InteractionRecord, payload: unknown, endpoint: NonNullable<FakeInteractions['endpoint']>): Promise<void> {
    const body = JSON.stringify(payload);
    const started = performance.now();
    const call: FakeInteractions['endpointCalls'][number] = { id: record.id, status: undefined, body: undefined, ms: 0 };
    this.endpointCalls.push(call);
    const fail = (why: string) => {
      call.ms = performance.now() - started;
      this.rejecters.get(record.id)?.(new Error(`fake discord: This interaction failed (${why})`));
      this.rejecters.delete(record.id);
    };
    let res: Response;
    try {
      res = await postSigned(endpoint.url, body, this.signer, AbortSignal.timeout(endpoint.responseTimeoutMs));
    } catch (error) {
      return fail(`no answer within ${endpoint.responseTimeoutMs} ms: ${(error as Error).message}`);
    }
    call.status = res.status;
    const text = await res.text().catch(() => '');
    call.ms = performance.now() - started;
    try {
      call.body = JSON.parse(text);
    } catch {
      call.body = text;
    }
    if (res.status !== 200 || typeof call.body !== 'object') return fail(`endpoint answered ${res.status}: ${text.slice(0, 200)}`);
    // The HTTP answer is the interaction's callback: recorded and applied like POST /interactions/:id/:token/callback.
    const path = `/interactions/${record.id}/${record.token}/callback`;
    const recorded: RecordedRequest = { method: 'POST', path, query: {}, body: call.body, status: 0 };
    this.fake.requests.push(recorded);
    const out = route(this.fake, 'POST', path, call.body, new URLSearchParams(), recorded);
    recorded.status = out.status;
    if (out.status >= 400) fail(`Discord refused the response: ${JSON.stringify(out.json)}`);
  }

  private dmChannelId(opts: InjectOptions): string {
    return opts.channelId ?? `${BigInt(opts.userId ?? this.fake.users.member) + 7n}`;
  }

  private findCommand(name: string, guildId?: string): any | undefined {
    return (guildId ? this.fake.guildCommands.get(guildId) ?? [] : []).find((c) => c.name === name) ?? this.fake.globalCommands.find((c) => c.name === name);
  }

  private commandOptions(values: Record<string, string | number | boolean | undefined>, defs: any[]): any[] {
    const out: any[] = [];
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const type = defs.find((d) => d.name === name)?.type ?? (typeof value === 'boolean' ? 5 : typeof value === 'number' ? (Number.isInteger(value) ? 4 : 10) : 3);
      out.push({ type, name, value });
    }
    return out;
  }

  settle(record: InteractionRecord): void {
    if (record.settled) return;
    record.settled = true;
    this.waiters.get(record.id)?.();
    this.waiters.delete(record.id);
  }
}
