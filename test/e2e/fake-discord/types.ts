// The fake Discord's records and options: channels, roles, messages, recorded requests and uploads,
// interactions, injected failures, gateway sessions. Re-exported by ../fake-discord.ts.
import type { WebSocket } from 'ws';

export interface Overwrite {
  id: string;
  /** 0 role, 1 member */
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface FakeChannel {
  id: string;
  type: number;
  name: string;
  guild_id?: string;
  position: number;
  permission_overwrites: Overwrite[];
  parent_id: string | null;
  nsfw: boolean;
  topic: string | null;
  last_message_id: string | null;
  rate_limit_per_user: number;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  flags: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: Record<string, unknown>;
  content: string;
  embeds: unknown[];
  components: unknown[];
  allowed_mentions?: unknown;
  flags: number;
  nonce?: string | number;
  timestamp: string;
  edited_timestamp: string | null;
  type: number;
  tts: boolean;
  mention_everyone: boolean;
  mentions: unknown[];
  mention_roles: unknown[];
  attachments: unknown[];
  pinned: boolean;
  webhook_id?: string;
  application_id?: string;
  /** A thread started under this message (POST /channels/:id/messages/:id/threads). */
  thread?: { id: string; name: string; type: number; parent_id: string };
}

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, without the query string. */
  path: string;
  query: Record<string, string>;
  body: any;
  status: number;
  /** Files of a multipart/form-data upload (message attachments), in the order sent. */
  files?: UploadedFile[];
}

export interface UploadedFile {
  /** The form field name, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface InteractionCallback {
  type: number;
  data?: any;
}

export interface InteractionRecord {
  id: string;
  token: string;
  kind: 'command' | 'autocomplete' | 'button';
  /** Channel the interaction came from (a DM channel id for DMs). */
  channelId: string;
  callbacks: InteractionCallback[];
  deferred: boolean;
  ephemeral: boolean;
  /** What the user sees as the interaction's original response (after every edit). */
  reply: FakeMessage | null;
  followups: FakeMessage[];
  choices?: { name: string; value: string | number }[];
  settled: boolean;
}

export type InteractionResult = Omit<InteractionRecord, 'settled'> & {
  /** The message the user ended up seeing: the original response, or the follow-up that replaced a deleted one. */
  final: FakeMessage | null;
};

export interface InjectOptions {
  /** Send as a DM (no guild, no member). */
  dm?: boolean;
  /** From another server added with addGuild (default: fake.guildId). */
  guildId?: string;
  userId?: string;
  /** Shorthand for permissions including Manage Server (and user = users.admin unless userId is given). */
  admin?: boolean;
  /** member.permissions bit string (guild only). Default: a plain member without Manage Server. */
  permissions?: string;
  channelId?: string;
  /** The fake answers this interaction's callback with 404 Unknown interaction (10062). */
  expired?: boolean;
  timeoutMs?: number;
}

export interface FailOptions {
  body?: unknown;
  retryAfterMs?: number;
  global?: boolean;
  scope?: 'user' | 'shared' | 'global';
}

export interface FakeDiscordOptions {
  /** Gateway heartbeat interval sent in HELLO (default 41250, like Discord). */
  heartbeatIntervalMs?: number;
  /** How long a nonce is remembered for enforce_nonce (default 5 minutes). */
  nonceWindowMs?: number;
  guildName?: string;
  /** Log every request to stderr (debugging). */
  verbose?: boolean;
  /** A message POST is answered this long after the message is created (a client killed meanwhile posted without knowing). */
  messageReplyDelayMs?: number;
  /** Answer every REST request this much later (Discord's round trip, for benches). Default 0. */
  responseDelayMs?: number;
}

export interface Session {
  id: string;
  seq: number;
  events: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

export interface Failure {
  method: string;
  match: (path: string) => boolean;
  status: number;
  remaining: number;
  options: FailOptions;
}
