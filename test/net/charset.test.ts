import { describe, expect, it } from 'vitest';
import { decodeBody, detectCharset } from '../../src/net/charset';

// "Москва" in windows-1251, and "café" in ISO-8859-1.
const moscow1251 = Buffer.from([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0]);
const cafeLatin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]);

describe('decodeBody', () => {
  it('uses the Content-Type charset first', () => {
    expect(decodeBody(moscow1251, 'application/rss+xml; charset=windows-1251')).toBe('Москва');
    expect(decodeBody(cafeLatin1, 'text/html; charset="ISO-8859-1"')).toBe('café');
  });

  it('then the XML declaration or the HTML meta charset', () => {
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'), moscow1251, Buffer.from('</t>')]);
    expect(decodeBody(xml, 'application/xml')).toBe('<?xml version="1.0" encoding="windows-1251"?><t>Москва</t>');
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="iso-8859-1"></head><body>'), cafeLatin1]);
    expect(decodeBody(html)).toBe('<html><head><meta charset="iso-8859-1"></head><body>café');
  });

  it('falls back to UTF-8, also for unknown labels', () => {
    expect(detectCharset(Buffer.from('plain'), 'text/xml; charset=made-up')).toBe('utf-8');
    expect(decodeBody(Buffer.from('Zürich'))).toBe('Zürich');
  });
});
