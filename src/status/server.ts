// The status server (STATUS_PORT): a read-only HTTP server for operators. / is the status page, /api/status
// its JSON, /healthz the health check (200 or 503, never behind the token), /metrics Prometheus text.
// It answers GET and HEAD only, so nothing can be changed through it; STATUS_TOKEN guards all but /healthz.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { listenHttp } from '../net/http-listen';
import { PAGE_CSS, PAGE_HTML, PAGE_JS } from './page';
import type { StatusReport } from './report';

export interface Health {
  ok: boolean;
  /** Connected to Discord's gateway (or serving the console). */
  connected: boolean;
  /** The database answered a query just now. */
  database: boolean;
}

export interface StatusServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  token?: string;
  log: Logger;
  report(): StatusReport;
  health(): Health;
  metrics(): Promise<{ contentType: string; text: string }>;
}

export interface StatusServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time bearer check (hashing first makes the lengths equal). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return Boolean(m) && timingSafeEqual(digest(m![1]), digest(token));
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * On a loopback address, only requests naming a loopback host are answered: a web page that rebinds its
 * own domain name to 127.0.0.1 cannot read the status through a visitor's browser.
 */
function hostAllowed(req: IncomingMessage, bindHost: string): boolean {
  if (!LOOPBACK.test(bindHost)) return true;
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return LOOPBACK.test(host);
}

export async function startStatusServer(o: StatusServerOptions): Promise<StatusServer> {
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra });
    res.end(head ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return send(res, 405, 'text/plain; charset=utf-8', 'Read-only: GET and HEAD only.\n', false, { allow: 'GET, HEAD' });
    if (!hostAllowed(req, o.host)) return send(res, 421, 'text/plain; charset=utf-8', 'Unknown host.\n', head);
    const path = new URL(req.url ?? '/', 'http://status').pathname;
    if (path === '/healthz') {
      const health = o.health();
      return send(res, health.ok ? 200 : 503, 'application/json; charset=utf-8', `${JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', connected: health.connected, database: health.database })}\n`, head);
    }
    if (o.token && !bearerMatches(req.headers.authorization, o.token)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'A bearer token is required (STATUS_TOKEN).\n', head, { 'www-authenticate': 'Bearer realm="herald-status"' });
    }
    switch (path) {
      case '/':
        return send(res, 200, 'text/html; charset=utf-8', PAGE_HTML, head);
      case '/app.js':
        return send(res, 200, 'text/javascript; charset=utf-8', PAGE_JS, head);
      case '/style.css':
        return send(res, 200, 'text/css; charset=utf-8', PAGE_CSS, head);
      case '/api/status':
        return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(o.report())}\n`, head);
      case '/metrics': {
        const m = await o.metrics();
        return send(res, 200, m.contentType, m.text, head);
      }
      case '/favicon.ico':
        res.writeHead(204, SECURITY_HEADERS);
        return void res.end();
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found. Try /, /healthz or /metrics.\n', head);
    }
  };

  const { server, port, origin } = await listenHttp({
    port: o.port,
    host: o.host,
    log: o.log,
    failed: 'status server request failed',
    handle,
    internalError: (res) => send(res, 500, 'text/plain; charset=utf-8', 'Internal error (logged).\n', false),
  });
  o.log.info({ url: `${origin}/` }, 'status server listening');
  return {
    url: `${origin}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
