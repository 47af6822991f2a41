// /timeline's picture through the real discord.js client and the fake Discord: the text answers first, then the PNG arrives by an edit of the reply as a
// multipart file upload beside the embed, with alt text, and the message still pings nobody.
import { describe, expect, it } from 'vitest';
import timeline from '../../commands/timeline';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { botPerTest, waitForLog, type Bot } from '../e2e/bot-harness';
import { decodePng } from './png-decode';

const world = botPerTest();
let bot: Bot | undefined;

describe('/timeline picture on Discord', () => {
  it('answers in text at once, then edits the reply to add the PNG as a file attachment, with alt text and no pings', async () => {
    bot = await world.startBot({ commands: [timeline] });
    bot.services.pictures = new TimelinePictures();
    const result = await world.fake.injectCommand('timeline', { theme: 'light' });
    // The first answer is the text itself (no "thinking…"), with no file: the picture is not on its path.
    expect(result.deferred).toBe(false);
    expect((result.reply?.embeds[0] as { title?: string } | undefined)?.title).toMatch(/^Timeline: CSTO/);
    expect(world.fake.requests.filter((r) => r.files?.length)).toEqual([]);
    await waitForLog(bot.logs, /interaction reply updated/);
    const uploads = world.fake.requests.filter((r) => r.files?.length);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload.method).toBe('PATCH');
    expect(upload.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(world.fake.requests.indexOf(upload)).toBeGreaterThan(world.fake.requests.findIndex((r) => r.path.endsWith('/callback')));
    expect(upload.files!.map((f) => [f.filename, f.contentType])).toEqual([['timeline.png', 'image/png']]);
    const png = decodePng(upload.files![0].data);
    expect(png.width).toBe(800);
    expect(upload.body.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Timeline picture: CSTO to approve/) })]);
    // The edit keeps the text answer.
    expect(upload.body.embeds[0].title).toMatch(/^Timeline: CSTO/);
    expect(upload.body.allowed_mentions).toEqual({ parse: [] });
    expect(world.fake.mentionViolations()).toEqual([]);
  });

  it('leaves the text answer as it is when the picture cannot be drawn', async () => {
    bot = await world.startBot({ commands: [timeline] });
    bot.services.pictures = { render: () => Promise.reject(new Error('no picture today')) } as unknown as TimelinePictures;
    const result = await world.fake.injectCommand('timeline');
    expect((result.reply?.embeds[0] as { title?: string } | undefined)?.title).toMatch(/^Timeline: CSTO/);
    await waitForLog(bot.logs, /could not draw the timeline picture/);
    expect(world.fake.requests.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('answers in text alone when no picture service runs', async () => {
    bot = await world.startBot({ commands: [timeline] });
    const result = await world.fake.injectCommand('timeline');
    expect(result.final?.embeds).toHaveLength(1);
    expect(world.fake.requests.filter((r) => r.files?.length)).toEqual([]);
  });
});
