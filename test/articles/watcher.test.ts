// The articles folder, watched: new, changed and removed files, announcements of new files once, the
// rescan fallback, and story updates announced as such.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ManualClock } from '../../src/core/clock';
import { MemoryLibrary } from '../../src/articles/library';
import { ArticlesWatcher, type FolderEvent } from '../../src/articles/watcher';
import type { MessagePoster } from '../../src/core/poster';
import { startFakeDiscord, type FakeDiscord } from '../e2e/fake-discord';
import { rssFeed, startFeedServer, type FeedServer } from '../feeds/feed-server';
import { discordPoster, eventually, silent, startInstance, tempDir } from '../feeds/harness';

const SEED = resolve(__dirname, '../../data/articles/csto-border-plan.txt');

let fake: FakeDiscord;
let server: FeedServer;
let poster: MessagePoster;
beforeAll(async () => {
  fake = await startFakeDiscord();
  server = await startFeedServer();
  poster = discordPoster(fake);
});
afterAll(async () => {
  await fake.close();
  await server.close();
});

let dir: string;
let dbPath: string;
let channel: string;
let clock: ManualClock;
let n = 0;
beforeEach(() => {
  n++;
  const root = tempDir('herald-folder-');
  dir = join(root, 'articles');
  mkdirSync(dir);
  dbPath = join(root, 'herald.db');
  channel = fake.addChannel({ name: `folder-${n}` });
  clock = new ManualClock('2024-11-27T10:00:00Z');
});

const article = (headline: string, body: string) => `${headline}\n\n${body}\n`;
const titles = () => fake.messages(channel).map((m) => (m.embeds[0] as { title?: string }).title);

describe('articles folder', () => {
  it('ingests a new file within seconds, re-ingests a change, retires a removed file; announces new files once', async () => {
    copyFileSync(SEED, join(dir, 'seed.txt'));
    const herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
    expect(herald.library.size()).toBe(1);
    // What was in the folder when monitoring first started is not news.
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(0);

    const file = join(dir, 'harbour.txt');
    writeFileSync(file, article('Harbour board approves new quay', 'The Harbour Board approved the northern quay on Monday. Work starts on 3 March 2025.'));
    await eventually(() => herald.library.byOriginPath(file) !== undefined);
    await herald.news.settle();
    expect(titles()).toEqual(['Harbour board approves new quay']);

    writeFileSync(file, article('Harbour board approves new quay', 'The Harbour Board approved the northern quay on Monday after a long debate. Work starts on 3 March 2025.'));
    await eventually(() => herald.library.byOriginPath(file)?.article.paragraphs.join(' ').includes('long debate') === true);
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(1);

    rmSync(file);
    await eventually(() => herald.library.byOriginPath(file) === undefined);
    expect(herald.library.size()).toBe(1);
    await herald.stop();
  });

  it('after a restart repeats nothing, and announces a file added while Herald was down', async () => {
    copyFileSync(SEED, join(dir, 'seed.txt'));
    let herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
    const first = join(dir, 'first.txt');
    writeFileSync(first, article('Library extends opening hours', 'The city library will open until 9pm from 6 January 2025.'));
    await eventually(() => herald.library.byOriginPath(first) !== undefined);
    await herald.news.settle();
    await herald.stop();

    writeFileSync(join(dir, 'while-down.txt'), article('Museum reopens after repairs', 'The museum reopens on 14 February 2025 after roof repairs.'));
    herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.settle();
    expect(titles()).toEqual(['Library extends opening hours', 'Museum reopens after repairs']);
    await herald.stop();
  });

  it('picks up files by the periodic rescan when file-system events are unavailable', async () => {
    const library = new MemoryLibrary();
    const events: FolderEvent['type'][] = [];
    const watcher = new ArticlesWatcher({ dir, library, clock, log: silent, fsWatch: false, rescanMs: 40, onEvent: (e) => events.push(e.type) });
    await watcher.start();
    const file = join(dir, 'late.txt');
    writeFileSync(file, article('Late article', 'Written while no watcher listened.'));
    await eventually(() => library.byOriginPath(file) !== undefined);
    rmSync(file);
    await eventually(() => library.byOriginPath(file) === undefined);
    await watcher.stop();
    expect(events.filter((e) => e !== 'unchanged')).toEqual(['added', 'removed']);
  });

  it('announces a feed article on a tracked story as an update, saying which date moved', async () => {
    copyFileSync(SEED, join(dir, 'seed.txt'));
    const path = `/story-${n}.xml`;
    server.set(path, { body: rssFeed('World Desk', []) });
    const herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 }, feeds: [`${server.base}${path}`] });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
    await herald.news.feeds.pollAll();
    clock.set('2024-11-28T10:00:00Z');
    const link = `https://world.example/${n}/csto-delay`;
    server.set(path, {
      body: rssFeed('World Desk', [
        {
          guid: `delay-${n}`,
          title: 'CSTO postpones approval of Tajikistan-Afghanistan border plan',
          link,
          pubDate: 'Thu, 28 Nov 2024 08:00:00 GMT',
          content:
            '<p>The Collective Security Treaty Organization (CSTO) will now approve the plan to strengthen the border between Tajikistan and Afghanistan on December 5, Secretary-General Imangali Tasmagambetov said.</p><p>Member states asked for more time to review the final stages of the plan.</p>',
        },
      ]),
    });
    await herald.news.feeds.pollAll();
    const embed = fake.messages(channel)[0]?.embeds[0] as { title: string; description: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe('CSTO postpones approval of Tajikistan-Afghanistan border plan');
    expect(embed.description.split('\n')[0]).toBe(`**Update to:** ${readFileSync(SEED, 'utf8').split('\n')[0]}`);
    const moved = embed.fields.find((f) => f.name === 'Date moved')?.value ?? '';
    expect(moved).toContain('<t:1732795200:D> → **<t:1733400000:D>**');
    // /brief's story: both articles, oldest first.
    const story = herald.news.stories.storyOf(herald.library.byOriginPath(link)?.article.id ?? '');
    expect(story?.articles.map((t) => t.article.headline)).toEqual([
      readFileSync(SEED, 'utf8').split('\n')[0],
      'CSTO postpones approval of Tajikistan-Afghanistan border plan',
    ]);
    await herald.stop();
  });

  it('a changed file that moves an event date is announced again, saying so; other edits are not', async () => {
    const herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
    const file = join(dir, 'budget.txt');
    const v1 = article('Council sets budget vote', 'The city council will vote on the budget on 12 December 2024.');
    writeFileSync(file, v1);
    await eventually(() => herald.library.byOriginPath(file) !== undefined);
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(1);
    writeFileSync(file, article('Council sets budget vote', 'The city council will vote on the budget on 19 December 2024.'));
    await eventually(() => herald.library.byOriginPath(file)?.article.paragraphs.join(' ').includes('19 December') === true);
    await herald.news.settle();
    expect(fake.messages(channel)).toHaveLength(2);
    const fields = (fake.messages(channel)[1].embeds[0] as { fields: { name: string; value: string }[] }).fields;
    expect(fields.find((f) => f.name === 'Date moved')?.value).toMatch(/^[^\n]*: <t:1734004800:D> → \*\*<t:1734609600:D>\*\*$/);
    await herald.stop();
  });

  it('a folder that was empty when monitoring started still announces its first file after a restart', async () => {
    let herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.watches.subscribe({ guildId: fake.guildId, channelId: channel, userId: fake.users.admin });
    await herald.stop();
    writeFileSync(join(dir, 'first-ever.txt'), article('Park opens new playground', 'The park opens its new playground on 1 March 2025.'));
    herald = await startInstance(dbPath, clock, poster, { articlesDir: dir, folder: { debounceMs: 50, rescanMs: 0 } });
    await herald.news.settle();
    expect(titles()).toEqual(['Park opens new playground']);
    await herald.stop();
  });
});
