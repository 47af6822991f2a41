// Request bodies as the fake Discord reads them: the raw bytes, and a multipart body's payload_json and
// file parts (binary-safe).
import type { IncomingMessage } from 'node:http';
import type { UploadedFile } from './types';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseMultipartPayload(raw: Buffer, contentType: string): unknown {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  for (const part of raw.toString('utf8').split(`--${boundary}`)) {
    if (part.includes('name="payload_json"')) {
      const json = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
      try {
        return JSON.parse(json);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The file parts of a multipart body, as bytes (binary-safe: split on the boundary in the Buffer). */
export function parseMultipartFiles(raw: Buffer, contentType: string): UploadedFile[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1]?.replace(/^"|"$/g, '');
  if (!boundary) return [];
  const files: UploadedFile[] = [];
  const marker = Buffer.from(`--${boundary}`);
  let at = raw.indexOf(marker);
  while (at !== -1) {
    const next = raw.indexOf(marker, at + marker.length);
    if (next === -1) break;
    const part = raw.subarray(at + marker.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (split !== -1 && filename !== undefined) {
      files.push({
        field: /name="([^"]*)"/.exec(head)?.[1] ?? '',
        filename,
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '',
        data: Buffer.from(part.subarray(split + 4)),
      });
    }
    at = next;
  }
  return files;
}
