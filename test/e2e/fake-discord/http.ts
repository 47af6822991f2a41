// The fake's HTTP front: attachment downloads (like Discord's CDN, no authorization), each request parsed
// and recorded (fake.requests), failures injected with failNext, the bot token checked, then the REST
// route table (routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeDiscord } from '../fake-discord';
import { parseMultipartFiles, parseMultipartPayload, readBody } from './multipart';
import { route } from './routes';
import type { FailOptions, Failure, RecordedRequest, UploadedFile } from './types';

export class RestFront {
  private readonly failures: Failure[] = [];

  constructor(private readonly fake: FakeDiscord) {}

  failNext(method: string, route: string | RegExp, status: number, times = 1, options: FailOptions = {}): void {
    const match =
      typeof route === 'string'
        ? ((re: RegExp) => (p: string) => re.test(p))(new RegExp(`^${route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z_]+/g, '[^/]+')}$`))
        : (p: string) => route.test(p);
    this.failures.push({ method: method.toUpperCase(), match, status, remaining: times, options });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    // Attachment files, like Discord's CDN: no authorization, outside the API.
    const file = /^\/attachments\/(\d+)\//.exec(url.pathname);
    if (file) {
      const stored = this.fake.attachments.get(file[1]);
      this.fake.attachmentReads.push(url.pathname);
      res.writeHead(stored ? 200 : 404, { 'content-type': stored?.contentType ?? 'text/plain' });
      res.end(stored ? stored.data : 'not found');
      return;
    }
    const raw = await readBody(req);
    if (this.fake.options.responseDelayMs) await new Promise((resolve) => setTimeout(resolve, this.fake.options.responseDelayMs));
    let body: any = undefined;
    let files: UploadedFile[] | undefined;
    if (raw.length) {
      const type = String(req.headers['content-type'] ?? '');
      if (type.includes('multipart/form-data')) {
        body = parseMultipartPayload(raw, type);
        files = parseMultipartFiles(raw, type);
      }
      else {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams), body, status: 0, ...(files ? { files } : {}) };
    this.fake.requests.push(record);
    const reply = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (this.fake.options.verbose) process.stderr.write(`[fake-discord] ${method} ${path} → ${status}\n`);
      // No content-type on 204: discord.js would try to parse an empty JSON body.
      res.writeHead(status, json === undefined ? headers : { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    const failure = this.failures.find((f) => f.remaining > 0 && f.method === method && f.match(path));
    if (failure) {
      failure.remaining--;
      return this.fail(failure, reply);
    }

    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && req.headers.authorization !== `Bot ${this.fake.token}`) {
      return reply(401, { message: '401: Unauthorized', code: 0 });
    }
    try {
      const out = route(this.fake, method, path, body, url.searchParams, record);
      const delay = this.fake.options.messageReplyDelayMs;
      if (delay && method === 'POST' && /^\/channels\/[^/]+\/messages$/.test(path)) setTimeout(() => reply(out.status, out.json), delay);
      else reply(out.status, out.json);
    } catch (error) {
      reply(500, { message: `fake discord bug: ${(error as Error).message}`, code: 0 });
    }
  }

  private fail(f: Failure, reply: (s: number, j?: unknown, h?: Record<string, string>) => void): void {
    if (f.status === 429) {
      const seconds = (f.options.retryAfterMs ?? 100) / 1000;
      const headers: Record<string, string> = {
        'retry-after': String(seconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(seconds),
        'x-ratelimit-reset': String((Date.now() / 1000 + seconds).toFixed(3)),
        'x-ratelimit-bucket': 'fakebucket',
        'x-ratelimit-scope': f.options.scope ?? (f.options.global ? 'global' : 'user'),
      };
      if (f.options.global) headers['x-ratelimit-global'] = 'true';
      return reply(429, f.options.body ?? { message: 'You are being rate limited.', retry_after: seconds, global: f.options.global ?? false }, headers);
    }
    const defaults: Record<number, unknown> = {
      400: { message: 'Invalid Form Body', code: 50035 },
      403: { message: 'Missing Permissions', code: 50013 },
      404: { message: 'Unknown Channel', code: 10003 },
    };
    reply(f.status, f.options.body ?? defaults[f.status] ?? { message: `${f.status}: Server Error`, code: 0 });
  }
}
