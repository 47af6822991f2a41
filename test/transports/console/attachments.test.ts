// The console mode writes a reply's attachment (the /timeline picture) to a file and prints its path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { TimelinePictures } from '../../../src/pictures/timeline-picture';
import { runConsole, saveAttachment } from '../../../src/transports/console/console';
import { parsedSeed, setup, track } from '../../answers/helpers';
import { decodePng } from '../../pictures/png-decode';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'herald-console-files-'));
  dirs.push(dir);
  return dir;
}

describe('console attachments', () => {
  it('/timeline writes the PNG to a file and prints the path', async () => {
    const { router, clock, services } = setup([track(parsedSeed())], '2026-11-27T12:00:00Z');
    services.pictures = new TimelinePictures();
    const fileDir = join(tempDir(), 'pictures');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const done = runConsole({ router, input, output, isTTY: false, clock, fileDir });
    input.end('/timeline theme:light\n');
    await done;
    const path = /\nPicture written to (\S+\/timeline-[0-9a-f]{12}\.png)\n/.exec(text)?.[1];
    expect(path, text.slice(-300)).toBeDefined();
    expect(path!.startsWith(fileDir)).toBe(true);
    expect(decodePng(readFileSync(path!)).width).toBe(800);
    expect(text).toContain('Timeline: CSTO to approve');
  });

  it('says why when the file cannot be written, without failing the answer', async () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the folder should be');
    const line = await saveAttachment(blocker, { name: 'timeline.png', contentType: 'image/png', data: new Uint8Array([1, 2, 3]) });
    expect(line).toMatch(/^Could not write timeline\.png to .*not-a-folder: /);
  });

  it('names the file by its content and keeps a hostile name inside the folder', async () => {
    const dir = tempDir();
    const line = await saveAttachment(dir, { name: '../../../etc/passwd.png', contentType: 'image/png', data: new Uint8Array([1]) });
    expect(line).toMatch(new RegExp(`^Picture written to ${dir}/[\\w-]+-[0-9a-f]{12}\\.png$`));
  });
});
