// The console mode writes a reply's attachment (the /timeline picture) to a file and prints its path.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('prints /timeline\'s text without waiting for the picture, and the next answer does not wait for it either', async () => {
    const { router, clock, services } = setup([track(parsedSeed())], '2026-11-27T12:00:00Z');
    let draw!: () => void;
    const real = new TimelinePictures();
    // A picture that is drawn only when the test says so.
    services.pictures = { render: (...args: Parameters<TimelinePictures['render']>) => new Promise<void>((r) => (draw = r)).then(() => real.render(...args)) } as TimelinePictures;
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const done = runConsole({ router, input, output, isTTY: false, clock, fileDir: join(tempDir(), 'pictures') });
    input.write('/timeline\n/help\n');
    await vi.waitFor(() => expect(text).toContain('> /help'), { timeout: 5000 });
    await vi.waitFor(() => expect(draw).toBeDefined());
    expect(text).toContain('Timeline: CSTO to approve');
    expect(text).not.toContain('Picture written to');
    draw();
    input.end();
    await done;
    // The picture's line comes after both answers.
    expect(text.indexOf('Picture written to')).toBeGreaterThan(text.indexOf('> /help'));
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
