// The interactions endpoint (INTERACTIONS=http): POST /interactions as Discord calls it, and GET /healthz for
// a load balancer. Every POST is refused with 401 unless its Ed25519 signature is Discord's, checked on the
// raw bytes before anything reads them; bodies over the size limit are refused with 413 unread; a signed
// request older (or newer) than the timestamp window, or one replayed (to this process or, through the
// shared ReplayStore, to any replica on the same database), is refused too. Only then is the JSON parsed
// and handed to the interaction handler, whose answer is the HTTP response.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import { listenHttp } from '../../net/http-listen';
import { interactionSchema, type HttpInteraction, type InteractionResponse } from './interactions';
import type { ReplayStore } from './replays';
import { checkSignature, ReplayGuard } from './verify';

/** Far above any interaction Discord sends (a button on a full message is tens of KB), far below 1 MB. */
export const MAX_BODY_BYTES = 512 * 1024;

export const INTERACTIONS_PATH = '/interactions';

/** At most one "refused" log line per this interval (the first one at once). */
export const REFUSAL_LOG_MS = 10_000;

export interface InteractionsServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  publicKey: KeyObject;
  clock: Clock;
  log: Logger;
  respond(interaction: HttpInteraction): Promise<InteractionResponse | undefined>;
  /** False while shutting down: new interactions get 503 (Discord shows the user it failed). */
  accepting(): boolean;
  /** For GET /healthz: serving and the database answers. */
  healthy(): boolean;
  maxBodyBytes?: number;
  /** Interaction ids already received, shared by the replicas (the database); without it, this process's memory only. */
  replays?: ReplayStore;
  /** Tests: log every refusal (0) or at most one per this many ms (default REFUSAL_LOG_MS). */
  refusalLogMs?: number;
}

export interface InteractionsServer {
  url: string;
  port: number;
  /** True from listening until close(). */
  serving(): boolean;
  close(): Promise<void>;
}

class TooLarge extends Error {}

/** Reads the body, refusing it as soon as it passes `max` bytes. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const TEXT = 'text/plain; charset=utf-8';

export async function startInteractionsServer(o: InteractionsServerOptions): Promise<InteractionsServer> {
  const max = o.maxBodyBytes ?? MAX_BODY_BYTES;
  const replays = new ReplayGuard();
  let serving = false;

  const send = (res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(body);
  };
  // Anyone can send forged requests: the log gets the first refusal and then at most one line per
  // REFUSAL_LOG_MS with how many were refused meanwhile, so a flood cannot flood the log too.
  let lastLogged = -Infinity;
  let unlogged = 0;
  // A refused request whose body was not read is not drained: the connection closes after the answer.
  const refuse = (res: ServerResponse, status: number, message: string, reason: string, req: IncomingMessage, unread = false) => {
    const at = performance.now();
    if (at - lastLogged >= (o.refusalLogMs ?? REFUSAL_LOG_MS)) {
      o.log.warn({ status, reason, remote: req.socket.remoteAddress, ...(unlogged ? { alsoRefusedSinceLastLine: unlogged } : {}) }, 'interaction request refused');
      lastLogged = at;
      unlogged = 0;
    } else unlogged++;
    send(res, status, TEXT, `${message}\n`, unread ? { connection: 'close' } : {});
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://interactions').pathname;
    if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const ok = serving && o.healthy();
      return send(res, ok ? 200 : 503, 'application/json; charset=utf-8', `${JSON.stringify({ status: ok ? 'ok' : 'unavailable' })}\n`);
    }
    if (path !== INTERACTIONS_PATH) return send(res, 404, TEXT, `Not found. Discord posts interactions to ${INTERACTIONS_PATH}.\n`);
    if (req.method !== 'POST') return send(res, 405, TEXT, 'POST only.\n', { allow: 'POST' });

    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') return refuse(res, 401, 'invalid request signature', 'missing headers', req, true);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return refuse(res, 413, 'request body too large', `content-length ${declared}`, req, true);
    let body: Buffer;
    try {
      body = await readBody(req, max);
    } catch (error) {
      if (error instanceof TooLarge) return refuse(res, 413, 'request body too large', `body over ${max} bytes`, req, true);
      throw error;
    }
    const now = o.clock.now();
    const check = checkSignature(o.publicKey, signature, timestamp, body, now);
    if (!check.ok) return refuse(res, 401, 'invalid request signature', check.reason, req);

    // From here on the bytes are Discord's own.
    let parsed;
    try {
      parsed = interactionSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      return refuse(res, 400, 'body is not JSON', 'invalid JSON', req);
    }
    if (!parsed.success) return refuse(res, 400, 'not an interaction', 'schema mismatch', req);
    if (!replays.firstTime(parsed.data.id, now.getTime())) return refuse(res, 401, 'interaction already received', 'replayed', req);
    if (o.replays) {
      let first: boolean;
      try {
        first = await o.replays.firstTime(parsed.data.id, now.getTime(), now.getTime() + replays.windowMs);
      } catch (error) {
        // Without the shared record a replay could not be told apart: refused, and Discord shows the failure.
        o.log.error({ err: error }, 'interaction not checked against earlier ones (database); refused');
        return send(res, 503, TEXT, 'Try again.\n');
      }
      if (!first) return refuse(res, 401, 'interaction already received', 'replayed elsewhere', req);
    }
    if (!o.accepting()) return send(res, 503, TEXT, 'Shutting down.\n', { connection: 'close' });

    const response = await o.respond(parsed.data);
    if (!response) return send(res, 400, TEXT, 'interaction type not handled\n');
    send(res, 200, 'application/json', JSON.stringify(response));
  };

  // Discord waits 3 s; a client that trickles its request is cut off well after that (listenHttp: 10 s).
  const { server, port, origin } = await listenHttp({
    port: o.port,
    host: o.host,
    log: o.log,
    failed: 'interactions request failed',
    handle,
    internalError: (res) => send(res, 500, TEXT, 'Internal error (logged).\n'),
  });
  serving = true;
  const url = `${origin}${INTERACTIONS_PATH}`;
  o.log.info({ url }, 'interactions endpoint listening');
  return {
    url,
    port,
    serving: () => serving,
    close: () =>
      new Promise<void>((resolve) => {
        serving = false;
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}
