// Red-team scenario: an article saved as "Unicode" by a Windows editor (UTF-16 with a byte-order mark)
// was refused as binary. It is decoded by its BOM, parsed like the UTF-8 file, and /source says which
// encoding was used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_FILE_POLICY, ingestFile } from '../../src/articles/ingest';
import { MemoryLibrary } from '../../src/articles/library';
import { SEED_FILE, setup, caller } from '../answers/helpers';

const dir = mkdtempSync(join(tmpdir(), 'herald-utf16-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2024-11-27T10:00:00Z');
const seedText = readFileSync(SEED_FILE, 'utf8');

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

const encodings: [string, Buffer][] = [
  ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')])],
  ['UTF-16BE', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(seedText)])],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText, 'utf8')])],
];

describe('article files with a byte-order mark', () => {
  const plain = new MemoryLibrary();
  for (const [encoding, bytes] of encodings) {
    it(`${encoding}: parsed exactly like the UTF-8 file, and /source names the encoding`, async () => {
      if (plain.size() === 0) await ingestFile(plain, SEED_FILE, NOW, { policy: DEFAULT_FILE_POLICY });
      const file = join(dir, `seed-${encoding.replace(/\W+/g, '-')}.txt`);
      writeFileSync(file, bytes);
      const library = new MemoryLibrary();
      expect(await ingestFile(library, file, NOW, { policy: DEFAULT_FILE_POLICY })).toBe('added');
      const [decoded] = library.list();
      const [reference] = plain.list();
      expect(decoded.article.headline).toBe(reference.article.headline);
      expect(decoded.article.events).toEqual(reference.article.events);
      expect(decoded.article.encoding).toBe(encoding);
      // Unchanged on a second read: no re-parse.
      expect(await ingestFile(library, file, NOW, { policy: DEFAULT_FILE_POLICY })).toBe('unchanged');
      const { router } = setup([decoded]);
      const reply = await router.run({ command: 'source', options: {}, caller });
      expect(reply.embeds?.[0].fields).toContainEqual({ name: 'Encoding', value: encoding, inline: true });
    });
  }

  it('a plain UTF-8 file shows no encoding line', async () => {
    const { router } = setup(plain.list());
    const reply = await router.run({ command: 'source', options: {}, caller });
    expect(reply.embeds?.[0].fields?.map((f) => f.name)).not.toContain('Encoding');
  });
});
