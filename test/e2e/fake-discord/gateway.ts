// The fake Discord's gateway: sessions over ws (HELLO, heartbeat ACKs, IDENTIFY → READY and a GUILD_CREATE
// per server, RESUME → the missed events replayed), and dispatches to the live session, queued while none is
// live. The host (FakeDiscord) holds the state the events describe.
import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { FakeDiscordOptions, Session } from './types';

export interface GatewayHost {
  readonly options: FakeDiscordOptions;
  readonly token: string;
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly extraGuilds: ReadonlyMap<string, unknown>;
  botUser(): Record<string, unknown>;
  guildPayload(withState?: boolean, guildId?: string): Record<string, unknown>;
}

export class FakeGateway {
  identifyCount = 0;
  resumeCount = 0;
  private readonly sessions = new Map<string, Session>();
  private readonly pending: { t: string; d: unknown }[] = [];
  private readyWaiters: { n: number; resolve: () => void }[] = [];
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly host: GatewayHost) {}

  /** Whether any bot has a socket open (dispatches for new state are sent only then). */
  get connected(): boolean {
    return this.sockets.size > 0;
  }


  connectedCount(): number {
    return [...this.sessions.values()].filter((s) => s.socket).length;
  }

  waitForReady(n = 1): Promise<void> {
    if (this.identifyCount >= n) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push({ n, resolve }));
  }

  drop(code = 1006): void {
    // 4009 (session timed out): as on Discord, the session is gone, so a RESUME gets INVALID_SESSION (op 9).
    if (code === 4009) this.sessions.clear();
    for (const ws of this.sockets) {
      if (code === 1006) ws.terminate();
      else ws.close(code, 'fake discord drop');
    }
  }

  /** A bot's socket: HELLO, then heartbeats, IDENTIFY (READY and GUILD_CREATEs) and RESUME (replay). */
  accept(ws: WebSocket): void {
    this.sockets.add(ws);
    let session: Session | null = null;
    const send = (payload: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
    };
    send({ op: 10, d: { heartbeat_interval: this.host.options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null });
    ws.on('message', (raw) => {
      let msg: { op: number; d: any };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (msg.op) {
        case 1:
          send({ op: 11, d: null, s: null, t: null });
          break;
        case 2: {
          if (msg.d?.token !== this.host.token && msg.d?.token !== `Bot ${this.host.token}`) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          session = { id: randomBytes(16).toString('hex'), seq: 0, events: [], socket: ws };
          this.sessions.set(session.id, session);
          this.identifyCount++;
          this.emitTo(session, 'READY', {
            v: 10,
            user: this.host.botUser(),
            guilds: [this.host.guildId, ...this.host.extraGuilds.keys()].map((id) => ({ id, unavailable: true })),
            session_id: session.id,
            resume_gateway_url: this.host.gatewayUrl,
            shard: [0, 1],
            application: { id: this.host.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            user_settings: {},
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
          });
          this.emitTo(session, 'GUILD_CREATE', this.host.guildPayload());
          for (const id of this.host.extraGuilds.keys()) this.emitTo(session, 'GUILD_CREATE', this.host.guildPayload(true, id));
          for (const w of this.readyWaiters.filter((w) => this.identifyCount >= w.n)) w.resolve();
          this.readyWaiters = this.readyWaiters.filter((w) => this.identifyCount < w.n);
          this.flushPending();
          break;
        }
        case 6: {
          const known = this.sessions.get(msg.d?.session_id);
          if (!known || (msg.d?.token !== this.host.token && msg.d?.token !== `Bot ${this.host.token}`)) {
            send({ op: 9, d: false, s: null, t: null });
            return;
          }
          if (known.socket && known.socket !== ws) known.socket.terminate();
          session = known;
          known.socket = ws;
          this.resumeCount++;
          for (const e of known.events.filter((e) => e.s > Number(msg.d.seq ?? 0))) send({ op: 0, ...e });
          this.emitTo(known, 'RESUMED', null);
          this.flushPending();
          break;
        }
        default:
          break; // presence updates etc.
      }
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      if (session && session.socket === ws) session.socket = null;
    });
    ws.on('error', () => undefined);
  }

  /** Sends a dispatch to one session (buffered for RESUME even when its socket is down). */
  private emitTo(session: Session, t: string, d: unknown): void {
    const event = { s: ++session.seq, t, d };
    session.events.push(event);
    if (session.events.length > 500) session.events.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify({ op: 0, ...event }));
  }

  /** Dispatches to the live session(s); when none is live, queues until one identifies or resumes. */
  dispatch(t: string, d: unknown): void {
    const live = this.liveSession();
    if (!live) {
      // A session whose socket just dropped will resume and replay it; a crashed process gets it on IDENTIFY.
      this.pending.push({ t, d });
      return;
    }
    this.emitTo(live, t, d);
  }

  private liveSession(): Session | undefined {
    let latest: Session | undefined;
    for (const s of this.sessions.values()) if (s.socket && s.socket.readyState === s.socket.OPEN) latest = s;
    return latest;
  }

  private flushPending(): void {
    const live = this.liveSession();
    if (!live) return;
    for (const e of this.pending.splice(0)) this.emitTo(live, e.t, e.d);
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}
