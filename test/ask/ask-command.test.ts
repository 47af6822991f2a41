// /ask end to end through the router, and the service keeping its index in step with the library.
import { describe, expect, it } from 'vitest';
import { calibrated } from '../../src/answers/ask/calibration';
import { createAskService } from '../../src/answers/ask/service';
import { makeArticle, parsedSeed, setup, track } from '../answers/helpers';

function withAsk(now = '2024-11-27T12:00:00Z') {
  const env = setup([track(parsedSeed())], now);
  env.services.ask = createAskService(env.library);
  return env;
}

describe('/ask', () => {
  it('leads with the date as /when shows it, then quotes the sentence under the headline', async () => {
    const { run } = withAsk();
    const reply = await run('ask', { question: 'When will the plan be approved?' });
    const embed = reply.embeds?.[0];
    const t = Date.UTC(2024, 10, 28, 12) / 1000;
    expect(embed?.title).toBe('Q: When will the plan be approved?');
    expect(embed?.description?.split('\n')[0]).toBe(`**28 November 2024** · <t:${t}:D> (<t:${t}:R>) · upcoming`);
    expect(embed?.description).toContain('> Azerbaijani media reported on Tuesday, November 26, that the CSTO is set to approve this plan on November 28.');
    expect(embed?.description).toContain('— *CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security*');
    // The confidence shown is the measured precision at the answer's score (calibration.ts), never a flat 100%.
    const result = createAskService(withAsk().library).ask('When will the plan be approved?', { now: new Date('2024-11-27T12:00:00Z') });
    if (!result.ok) throw new Error('expected an answer');
    expect(result.confidence).toBe(calibrated(result.raw));
    expect(embed?.footer).toBe(`As of 27 November 2024 · confidence ${Math.round(result.confidence * 100)}%`);
    expect(result.confidence).toBeLessThan(1);
  });

  it('says past once the date has gone by', async () => {
    const { run } = withAsk('2026-11-27T12:00:00Z');
    const reply = await run('ask', { question: 'when does the csto sign off on the border plan' });
    expect(reply.embeds?.[0].description?.split('\n')[0]).toMatch(/^\*\*(?:by )?28 November 2024\*\* · .* · past$/);
  });

  it('answers who with the person and role, and lists as bullet points', async () => {
    const { run } = withAsk();
    const who = await run('ask', { question: 'Who runs the CSTO?' });
    expect(who.embeds?.[0].description?.split('\n')[0]).toBe('**Imangali Tasmagambetov, Secretary-General, CSTO**');
    const list = await run('ask', { question: 'Which countries are in the CSTO?' });
    expect(list.embeds?.[0].description?.split('\n').slice(0, 6)).toEqual(['• Russia', '• Belarus', '• Armenia', '• Kazakhstan', '• Kyrgyzstan', '• Tajikistan']);
  });

  it('declines plainly when the articles do not say', async () => {
    const { run } = withAsk();
    const reply = await run('ask', { question: 'Who is the president of Tajikistan?' });
    expect(reply.embeds?.[0].description?.startsWith('The tracked articles don’t say.')).toBe(true);
  });

  it('restricts to one article when asked, and rejects an unknown one', async () => {
    const { run, library, services } = withAsk();
    library.upsert(track(makeArticle('Budget date set', ['The chancellor will deliver the Budget on 16 March 2025.'])));
    services.ask = createAskService(library);
    const scoped = await run('ask', { question: 'When will the Budget be delivered?', article: 'CSTO to approve' });
    expect(scoped.embeds?.[0].description?.startsWith('The tracked articles don’t say.')).toBe(true);
    const missing = await run('ask', { question: 'When will the Budget be delivered?', article: 'no such headline' });
    expect(missing).toEqual({ content: 'No such article — see /articles.', ephemeral: true });
  });

  it('asks for a real question rather than a word', async () => {
    const { run } = withAsk();
    const reply = await run('ask', { question: 'hi' });
    expect(reply.ephemeral).toBe(true);
  });

  it('suggests articles for the article option', async () => {
    const { complete } = withAsk();
    expect(await complete('ask', 'article', 'csto')).toEqual([
      { name: 'CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security', value: parsedSeed().id },
    ]);
  });
});

describe('createAskService', () => {
  it('follows the library: a new article becomes answerable, a removed one no longer answers', () => {
    const { library } = setup([]);
    const service = createAskService(library);
    const now = new Date('2025-01-01T00:00:00Z');
    expect(service.ask('When will the Budget be delivered?', { now }).ok).toBe(false);
    library.upsert(track(makeArticle('Budget date set', ['The chancellor will deliver the Budget on 16 March 2025.']), undefined, '/b.txt'));
    const answered = service.ask('When will the Budget be delivered?', { now });
    expect(answered.ok && 'date' in answered ? answered.date?.date : undefined).toBe('2025-03-16');
    library.removeOrigin('/b.txt');
    expect(service.ask('When will the Budget be delivered?', { now }).ok).toBe(false);
    expect(service.stats()).toEqual({ articles: 0, sentences: 0 });
  });
});

describe('robustness', () => {
  it('never throws, whatever the question', async () => {
    const fc = (await import('fast-check')).default;
    const { library } = setup([track(parsedSeed())]);
    const service = createAskService(library);
    const now = new Date('2026-11-27T12:00:00Z');
    const words = fc.constantFrom('when', 'who', 'how many', 'which', 'why', 'where', 'is', 'CSTO', 'plan', '28', '$5bn', 'Tajik-Afghan', "O'Neil", '?', ',', '(', 'the', '@everyone', '<@1>', '\u202e');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(words, { maxLength: 12 }).map((w) => w.join(' '))), (q) => {
        const r = service.ask(q, { now });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
