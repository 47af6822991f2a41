// A local HTTP server for feed tests and the benchmark: serves whatever a test puts at a path, honours
// If-None-Match with 304, and has a few hostile routes (slow, huge, redirect loops).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export interface Route {
  body: string | Buffer;
  type?: string;
  status?: number;
  /** Send an ETag (hash of the body) and answer If-None-Match with 304. Default true. */
  etag?: boolean;
  headers?: Record<string, string>;
}

export interface FeedServer {
  base: string;
  port: number;
  set(path: string, route: Route): void;
  remove(path: string): void;
  /** Requests received, in order. */
  log: { path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }[];
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const log: FeedServer['log'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const record = (status: number) =>
      log.push({ path, status, ifNoneMatch: req.headers['if-none-match'] as string | undefined, ifModifiedSince: req.headers['if-modified-since'] as string | undefined });
    if (path === '/slow') {
      // Headers now, body never: the client's total timeout must end it.
      record(200);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      return;
    }
    if (path === '/huge') {
      // 20 MB without a Content-Length, streamed in 64 KB chunks.
      record(200);
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 20 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      pump();
      return;
    }
    if (path === '/huge-declared') {
      record(200);
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(20 * 1024 * 1024) });
      res.write('<rss>');
      return;
    }
    if (path.startsWith('/redirect/')) {
      // /redirect/<n>/<target path>: n hops on this server, then the target path.
      const [, , n, ...rest] = path.split('/');
      const left = Number(n);
      const location = left > 1 ? `/redirect/${left - 1}/${rest.join('/')}` : `/${rest.join('/')}`;
      record(302);
      res.writeHead(302, { location });
      res.end();
      return;
    }
    const route = routes.get(path);
    if (!route) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
    const headers: Record<string, string> = { 'content-type': route.type ?? 'application/rss+xml; charset=utf-8', ...route.headers };
    if (route.etag !== false && (route.status ?? 200) === 200) {
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        record(304);
        res.writeHead(304, { etag });
        res.end();
        return;
      }
    }
    record(route.status ?? 200);
    res.writeHead(route.status ?? 200, headers);
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    set: (path, route) => routes.set(path, route),
    remove: (path) => routes.delete(path),
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface FixtureItem {
  guid: string;
  title: string;
  link?: string;
  pubDate?: string;
  description?: string;
  content?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS 2.0 document with the given items (newest first, as feeds list them). */
export function rssFeed(title: string, items: FixtureItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}<guid isPermaLink="false">${esc(i.guid)}</guid>` +
        `${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}${i.description ? `<description>${esc(i.description)}</description>` : ''}` +
        `${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${esc(title)}</title><link>https://example.org/</link><description>test</description>\n${body}\n</channel></rss>`;
}
