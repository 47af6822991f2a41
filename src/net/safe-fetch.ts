// Fetching URLs that strangers supplied (feeds, linked pages) without letting them reach private
// addresses: Herald resolves the name itself, vets every address, then connects to that vetted address
// (a custom `lookup`, so there is no second DNS answer to rebind), follows redirects by hand and vets
// each hop again, and bounds the response size and time.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { classifyAddress, type AddressVerdict } from './address';

export interface SafeFetchOptions {
  /** ALLOW_PRIVATE_FEEDS: skip the address check (tests, intranet feeds). */
  allowPrivate: boolean;
  /**
   * With allowPrivate, private addresses only on this host name: a redirect to another host is vetted as
   * without it (an intranet page must not send Herald on to another intranet host).
   */
  privateHost?: string;
  headers?: Record<string, string>;
  /** Largest (decoded) body accepted; larger responses are aborted. Default 5 MB. */
  maxBytes?: number;
  /** Per hop, from request to connected socket. Default 5 s. */
  connectTimeoutMs?: number;
  /** Whole fetch, redirects included. Default 15 s. */
  timeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Name resolution, replaceable in tests. */
  resolve?: (hostname: string) => Promise<{ address: string; family: number }[]>;
  /** Address policy when the guard is on; defaults to classifyAddress. Tests use it to treat one name as public. */
  policy?: (address: string, hostname: string) => AddressVerdict;
}

export type FetchFailureKind = 'bad-url' | 'refused' | 'dns' | 'timeout' | 'too-large' | 'network' | 'http' | 'redirects';

export type FetchOutcome =
  | { ok: true; status: number; url: string; headers: Record<string, string | undefined>; body: Buffer }
  | { ok: false; kind: FetchFailureKind; reason: string; url: string; status?: number; retryAfterMs?: number };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const defaultResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/** GETs `url`. Never throws: every failure comes back as `{ ok: false, kind, reason }`. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchOutcome> {
  const maxRedirects = options.maxRedirects ?? 5;
  // Elapsed time on the monotonic clock: a timeout is a duration, not a reading of "now".
  const deadline = performance.now() + (options.timeoutMs ?? 15_000);
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const target = await vet(current, options);
    if (!target.ok) return target;
    const remaining = deadline - performance.now();
    if (remaining <= 0) return { ok: false, kind: 'timeout', reason: 'timed out', url: current };
    const response = await request(target.url, target.address, target.family, options, remaining);
    if (!response.ok) return response;
    if (REDIRECTS.has(response.status)) {
      const location = response.headers.location;
      if (!location) return { ok: false, kind: 'http', reason: `HTTP ${response.status} without a Location`, url: current, status: response.status };
      try {
        current = new URL(location, current).toString();
      } catch {
        return { ok: false, kind: 'bad-url', reason: `redirect to an invalid URL`, url: current };
      }
      continue;
    }
    if (response.status !== 304 && (response.status < 200 || response.status > 299)) {
      // Retry-After in seconds (429, 503); the HTTP-date form is ignored rather than read against a clock.
      const seconds = Number(response.headers['retry-after']);
      const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 86_400) * 1000 : undefined;
      return { ok: false, kind: 'http', reason: `HTTP ${response.status}`, url: current, status: response.status, ...(retryAfterMs ? { retryAfterMs } : {}) };
    }
    return response;
  }
  return { ok: false, kind: 'redirects', reason: `more than ${maxRedirects} redirects`, url: current };
}

type Vetted = { ok: true; url: URL; address: string; family: 4 | 6 } | { ok: false; kind: FetchFailureKind; reason: string; url: string };

async function vet(raw: string, options: SafeFetchOptions): Promise<Vetted> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, kind: 'bad-url', reason: 'not a valid URL', url: raw };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, kind: 'bad-url', reason: `only http and https URLs are fetched (not ${url.protocol.replace(':', '')})`, url: raw };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let candidates: { address: string; family: number }[];
  if (isIP(host)) candidates = [{ address: host, family: isIP(host) }];
  else {
    try {
      candidates = await (options.resolve ?? defaultResolve)(host);
    } catch (error) {
      return { ok: false, kind: 'dns', reason: `cannot resolve ${host} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, url: raw };
    }
    if (candidates.length === 0) return { ok: false, kind: 'dns', reason: `cannot resolve ${host}`, url: raw };
  }
  if (options.allowPrivate && (options.privateHost === undefined || sameHostName(url.hostname, options.privateHost))) {
    const first = candidates[0];
    return { ok: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }
  // Any refused address refuses the name: a name that also points inward is not trusted.
  const policy = options.policy ?? classifyAddress;
  for (const c of candidates) {
    const verdict = policy(c.address, host);
    if (!verdict.allowed) return { ok: false, kind: 'refused', reason: `${host} resolves to ${verdict.reason} (${verdict.address}); private addresses are not fetched`, url: raw };
  }
  const first = policy(candidates[0].address, host);
  if (!first.allowed) return { ok: false, kind: 'refused', reason: first.reason, url: raw };
  return { ok: true, url, address: first.address, family: first.family };
}

/** Host names compared as URLs write them (lower case, IPv6 in brackets or not). */
function sameHostName(a: string, b: string): boolean {
  const bare = (h: string) => h.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return bare(a) === bare(b);
}

function request(
  url: URL,
  address: string,
  family: 4 | 6,
  options: SafeFetchOptions,
  timeoutMs: number,
): Promise<FetchOutcome> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const href = url.toString();
  // Pin the connection to the vetted address (both the single and the `all` lookup forms).
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return new Promise<FetchOutcome>((resolvePromise) => {
    let settled = false;
    const finish = (outcome: FetchOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      resolvePromise(outcome);
    };
    const client = url.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = client.request(
      url,
      {
        method: 'GET',
        lookup: pinned,
        agent: false,
        headers: { 'user-agent': 'Herald/0.1 (news monitor)', 'accept-encoding': 'gzip, deflate, br', ...options.headers },
      },
      (res) => {
        clearTimeout(connect);
        const status = res.statusCode ?? 0;
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        if (REDIRECTS.has(status) || status === 304 || status < 200 || status > 299) {
          res.resume();
          finish({ ok: true, status, url: href, headers, body: Buffer.alloc(0) });
          req.destroy();
          return;
        }
        const declared = Number(headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          finish({ ok: false, kind: 'too-large', reason: `response larger than ${maxBytes} bytes (${declared} declared)`, url: href });
          req.destroy();
          return;
        }
        const encoding = (headers['content-encoding'] ?? '').toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? zlib.createGunzip()
            : encoding === 'deflate'
              ? zlib.createInflate()
              : encoding === 'br'
                ? zlib.createBrotliDecompress()
                : null;
        const stream = decoder ? res.pipe(decoder) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            finish({ ok: false, kind: 'too-large', reason: `response larger than ${maxBytes} bytes`, url: href });
            req.destroy();
            decoder?.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () => finish({ ok: true, status, url: href, headers, body: Buffer.concat(chunks) }));
        stream.on('error', (error: Error) => finish({ ok: false, kind: 'network', reason: error.message, url: href }));
        res.on('error', (error: Error) => finish({ ok: false, kind: 'network', reason: error.message, url: href }));
      },
      );
    } catch (error) {
      // e.g. a stored validator (ETag) with characters Node refuses to send.
      resolvePromise({ ok: false, kind: 'network', reason: (error as Error).message, url: href });
      return;
    }
    const total = setTimeout(() => {
      finish({ ok: false, kind: 'timeout', reason: `no complete response within ${Math.round((options.timeoutMs ?? 15_000) / 1000)} s`, url: href });
      req.destroy();
    }, timeoutMs);
    const connect = setTimeout(() => {
      finish({ ok: false, kind: 'timeout', reason: 'could not connect in time', url: href });
      req.destroy();
    }, Math.min(options.connectTimeoutMs ?? 5_000, timeoutMs));
    req.on('socket', (socket) => socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect)));
    req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, kind: 'network', reason: error.code ? `${error.code}: ${error.message}` : error.message, url: href }));
    req.end();
  });
}
