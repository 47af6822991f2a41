// An HTTP server for Herald's own endpoints (the status server, the interactions endpoint): a request
// whose handler throws is logged and answered 500, slow clients are cut off, and it resolves once listening.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface Listening {
  server: Server;
  port: number;
  /** http://host:port (IPv6 hosts in brackets), without a path. */
  origin: string;
}

export async function listenHttp(o: {
  port: number;
  host: string;
  log: Logger;
  /** The log message for a request whose handler threw. */
  failed: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers a request whose handler threw before it sent anything. */
  internalError(res: ServerResponse): void;
}): Promise<Listening> {
  const server: Server = createServer((req, res) => {
    o.handle(req, res).catch((error) => {
      o.log.error({ err: error, path: req.url }, o.failed);
      if (!res.headersSent) o.internalError(res);
      else res.destroy();
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;
  return { server, port, origin: `http://${host}:${port}` };
}
