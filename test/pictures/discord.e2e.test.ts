// /timeline's picture through the real discord.js client and the fake Discord: the reply's PNG arrives as a
// multipart file upload beside the embed, with alt text, and the message still pings nobody.
import { describe, expect, it } from 'vitest';
import timeline from '../../commands/timeline';
import { TimelinePictures } from '../../src/pictures/timeline-picture';
import { botPerTest, type Bot } from '../e2e/bot-harness';
import { decodePng } from './png-decode';

const world = botPerTest();
let bot: Bot | undefined;

describe('/timeline picture on Discord', () => {
  it('uploads the PNG as a file attachment of the reply, with the embed and no pings', async () => {
    bot = await world.startBot({ commands: [timeline] });
    bot.services.pictures = new TimelinePictures();
    const result = await world.fake.injectCommand('timeline', { theme: 'light' });
    expect(result.deferred).toBe(true);
    const uploads = world.fake.requests.filter((r) => r.files?.length);
    expect(uploads).toHaveLength(1);
    const [upload] = uploads;
    expect(upload.method).toBe('PATCH');
    expect(upload.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
    expect(upload.files!.map((f) => [f.filename, f.contentType])).toEqual([['timeline.png', 'image/png']]);
    const png = decodePng(upload.files![0].data);
    expect(png.width).toBe(800);
    expect(upload.body.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Timeline picture: CSTO to approve/) })]);
    expect(upload.body.embeds[0].title).toMatch(/^Timeline: CSTO/);
    expect(upload.body.allowed_mentions).toEqual({ parse: [] });
    expect(world.fake.mentionViolations()).toEqual([]);
  });

  it('answers in text alone when no picture service runs', async () => {
    bot = await world.startBot({ commands: [timeline] });
    const result = await world.fake.injectCommand('timeline');
    expect(result.final?.embeds).toHaveLength(1);
    expect(world.fake.requests.filter((r) => r.files?.length)).toEqual([]);
  });
});
