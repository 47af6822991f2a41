// The /timeline picture drawn on a worker thread (src/pictures/picture-thread.ts): the same PNG, alt text
// and layout as drawn on the main thread, made on another thread; the thread starts with the first picture
// and ends when idle; a thread that cannot start or that dies leaves the pictures drawn on the main thread.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { timelinePictureInput } from '../../src/answers/timeline';
import { PictureThread } from '../../src/pictures/picture-thread';
import { PICTURE_THREAD_NICE } from '../../src/pictures/picture-worker';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { parsedSeed, track } from '../answers/helpers';

const NOW = new Date('2026-11-27T12:00:00Z');
const input = timelinePictureInput(track(parsedSeed()), NOW);

let thread: PictureThread | undefined;
afterEach(() => thread?.close());

describe('PictureThread', () => {
  it('draws on another thread the very picture the main thread draws', async () => {
    thread = new PictureThread();
    await thread.warm();
    const [dark, light] = await Promise.all([thread.render(input, 'dark'), thread.render(input, 'light', 600)]);
    expect(thread.lastThreadId).toBeDefined();
    expect(thread.lastThreadId).not.toBe(threadId);
    const here = new TimelinePictures();
    for (const [picture, expected] of [
      [dark, await here.render(input, 'dark')],
      [light, await here.render(input, 'light', 600)],
    ] as const) {
      expect(Buffer.from(picture.attachment.data).equals(Buffer.from(expected.attachment.data))).toBe(true);
      expect(picture.attachment).toMatchObject({ name: 'timeline.png', contentType: 'image/png', description: expected.attachment.description });
      expect(picture.layout).toEqual(expected.layout);
      expect([picture.width, picture.height]).toEqual([expected.width, expected.height]);
    }
  }, 60_000);

  it('draws on this thread when the worker cannot start, or after it died', async () => {
    const missing = new PictureThread(new URL('./no-such-worker.js', import.meta.url));
    const expected = await new TimelinePictures().render(input, 'dark');
    const drawn = await missing.render(input, 'dark');
    expect(Buffer.from(drawn.attachment.data).equals(Buffer.from(expected.attachment.data))).toBe(true);
    expect(missing.lastThreadId).toBeUndefined();

    thread = new PictureThread();
    await thread.warm();
    const pending = thread.render(input, 'light');
    void thread.close();
    const afterClose = await pending;
    expect(afterClose.attachment.description).toBe(expected.attachment.description);
    expect((await thread.render(input, 'dark')).attachment.data.length).toBe(expected.attachment.data.length);
  }, 60_000);

  it('passes on a picture the worker could not draw as an error, not as a picture', async () => {
    thread = new PictureThread();
    const broken = { ...input, now: new Date(Number.NaN) };
    await expect(thread.render(broken, 'dark')).rejects.toThrow(/picture thread could not draw/);
  }, 60_000);

  it('starts with the first picture and ends when idle; the next picture starts another thread', async () => {
    thread = new PictureThread(undefined, 32, 100);
    expect(thread.running).toBe(false);
    const first = await thread.render(input, 'dark');
    const firstThread = thread.lastThreadId;
    expect(thread.running).toBe(true);
    await new Promise((done) => setTimeout(done, 400));
    expect(thread.running).toBe(false);
    const second = await thread.render(input, 'dark');
    expect(thread.lastThreadId).toBeDefined();
    expect(thread.lastThreadId).not.toBe(firstThread);
    expect(thread.lastThreadId).not.toBe(threadId);
    expect(Buffer.from(second.attachment.data).equals(Buffer.from(first.attachment.data))).toBe(true);
  }, 60_000);

  it.runIf(existsSync('/proc/thread-self'))('draws at a lower priority than the threads that answer commands (Linux)', async () => {
    // Each thread's nice value: field 19 of /proc/self/task/<tid>/stat (after the command name's parentheses).
    const nices = () => readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    const atNice = () => nices().filter((n) => n === PICTURE_THREAD_NICE).length;
    expect(PICTURE_THREAD_NICE).toBeGreaterThan(nices()[0]);
    const before = atNice();
    thread = new PictureThread();
    await thread.render(input, 'dark');
    expect(atNice()).toBe(before + 1);
    await thread.close();
    expect(atNice()).toBe(before);
  }, 60_000);
});
