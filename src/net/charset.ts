// Bytes → text for fetched documents: the charset from Content-Type, else from the document's own
// declaration (<?xml encoding>, <meta charset>), else UTF-8. Many news feeds are still windows-1251,
// ISO-8859-x or Shift_JIS; decoding them as UTF-8 would garble every name in them.

export function detectCharset(body: Buffer, contentType?: string): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader && supported(fromHeader)) return fromHeader.toLowerCase();
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const head = body.subarray(0, 1024).toString('latin1');
  const declared = /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  if (declared && supported(declared)) return declared.toLowerCase();
  return 'utf-8';
}

export function decodeBody(body: Buffer, contentType?: string): string {
  return new TextDecoder(detectCharset(body, contentType)).decode(body);
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}
