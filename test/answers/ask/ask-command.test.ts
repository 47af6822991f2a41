// /ask end to end through the router, and the service keeping its index in step with the library.
import { describe, expect, it } from 'vitest';
import { ANSWER_PRECISION } from '../../../src/answers/ask/answer';
import { calibrated, calibratedLower } from '../../../src/answers/ask/calibration';
import { leadText } from '../../../src/answers/ask/reply';
import { createAskService } from '../../../src/answers/ask/ask';
import { makeArticle, parsedSeed, setup, track } from '../helpers';
import { asDiscord } from '../../support/discord-markup';
import { renderReplyText } from '../../../src/transports/console/render-text';
import { renderMessage } from '../../../src/transports/discord/render';

function withAsk(now = '2024-11-27T12:00:00Z') {
  // The seed as ingested at that moment: on 27 November 2024 its year is certain, in 2026 it is not.
  const env = setup([track(parsedSeed(new Date(now)), new Date(now))], now);
  env.services.ask = createAskService(env.library);
  return env;
}

describe('/ask', () => {
  it('leads with the date as /when shows it, then quotes the sentence under the headline', async () => {
    const { run, library } = withAsk();
    const question = 'When was the Collective Security Treaty signed?';
    const now = new Date('2024-11-27T12:00:00Z');
    // The answer /ask reads, as the reply leads with it once its measured precision reaches ANSWER_PRECISION.
    const best = createAskService(library).ask(question, { now, undecided: true });
    if (!best.ok) throw new Error('expected an answer');
    expect(asDiscord(leadText(best, now))).toMatch(/^\*\*May 1992\*\* · .*<t:\d+:[A-Za-z]>.* · past$/);
    const reply = await run('ask', { question });
    const embed = asDiscord(reply.embeds?.[0]);
    expect(embed?.title).toBe(`Q: ${question}`);
    expect(embed?.description).toContain('> The Collective Security Treaty was signed in May 1992 in Tashkent');
    expect(embed?.description).toContain('— *CSTO to approve plan strengthening Tajikistan-Afghanistan Border Security*');
    // The confidence shown is the measured precision at the answer's score (calibration.ts), never a flat 100%,
    // and a direct answer is given only from ANSWER_PRECISION up: below it the reply quotes the sentence.
    const result = createAskService(library).ask(question, { now });
    if (!result.ok) throw new Error('expected an answer');
    expect(result.confidence).toBe(calibrated(result.raw, result.answerClass));
    expect(result.quoteOnly === true).toBe(result.confidence < ANSWER_PRECISION || calibratedLower(result.raw, result.answerClass) < ANSWER_PRECISION);
    expect(embed?.description?.split('\n')[0]).toBe(result.quoteOnly ? 'No direct answer — the closest the articles come:' : asDiscord(leadText(best, now)));
    // The confidence is shown only beside a direct answer: a quote only shows none.
    expect(embed?.footer).toBe(result.quoteOnly ? 'As of 27 November 2024' : `As of 27 November 2024 · confidence ${Math.round(result.confidence * 100)}%`);
    expect(result.confidence).toBeLessThan(1);
  });

  it('quotes the sentence without a direct answer when the answer is not confident enough', async () => {
    const { run, library } = withAsk();
    // A place: where-answers were not measured right often enough on SQuAD to be given directly.
    const question = 'Where was the Collective Security Treaty signed?';
    const result = createAskService(library).ask(question, { now: new Date('2024-11-27T12:00:00Z') });
    if (!result.ok) throw new Error('expected the sentence');
    expect(result.quoteOnly).toBe(true);
    expect(result.confidence).toBeLessThan(ANSWER_PRECISION);
    const description = (await run('ask', { question })).embeds?.[0].description ?? '';
    expect(description.split('\n')[0]).toBe('No direct answer — the closest the articles come:');
    expect(description.split('\n')[1]).toBe(`> ${result.text}`);
  });

  it('shows no answer confidence beside a quote only, on Discord and on the console', async () => {
    const { run } = withAsk();
    const now = new Date('2024-11-27T12:00:00Z');
    const reply = await run('ask', { question: 'Where was the Collective Security Treaty signed?' });
    const embed = reply.embeds?.[0];
    expect(embed?.description?.split('\n')[0]).toBe('No direct answer — the closest the articles come:');
    expect(asDiscord(embed)?.footer).toBe('As of 27 November 2024');
    expect(renderReplyText(reply, now)).not.toMatch(/confidence/i);
    expect(JSON.stringify(renderMessage(reply))).not.toMatch(/confidence/i);
  });

  it('beside a quote only, lists the dates of the quoted sentence, not other events a member would take for the answer', async () => {
    const { run } = withAsk();
    const embed = (await run('ask', { question: 'Who reported that the CSTO will approve the plan on November 28?' })).embeds?.[0];
    expect(embed?.description?.split('\n')[0]).toBe('No direct answer — the closest the articles come:');
    const names = (embed?.fields ?? []).map((f) => f.name);
    // The quoted sentence says media reported on Tuesday, November 26 that the plan is to be approved on November 28.
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/2[68] November 2024/);
    expect(names.join(' ')).not.toMatch(/1992|years ago/);
  });

  it('shows a date as upcoming, then past once it has gone by', () => {
    const { library } = withAsk();
    const result = createAskService(library).ask('When will the plan be approved?', { now: new Date('2024-11-27T12:00:00Z'), undecided: true });
    if (!result.ok) throw new Error('expected an answer');
    const t = Date.UTC(2024, 10, 28, 12) / 1000;
    expect(asDiscord(leadText(result, new Date('2024-11-27T12:00:00Z')))).toMatch(new RegExp(`^\\*\\*(?:by )?28 November 2024\\*\\* · (?:by )?<t:${t}:D> \\(<t:${t}:R>\\) · upcoming$`));
    expect(asDiscord(leadText(result, new Date('2026-11-27T12:00:00Z')))).toMatch(/^\*\*(?:by )?28 November 2024\*\* · .* · past$/);
  });

  it('ingested in 2026, claims no year for the approval and shows no timestamp: past whatever the year', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const { library } = withAsk(now.toISOString());
    const result = createAskService(library).ask('When will the plan be approved?', { now, undecided: true });
    if (!result.ok) throw new Error('expected an answer');
    expect(asDiscord(leadText(result, now))).toMatch(/^\*\*(?:by )?28 November \(year not stated; 2024 at the latest\)\*\* · past$/);
  });

  it('answers who with the person and role, and lists as bullet points', () => {
    const { library } = withAsk();
    const service = createAskService(library);
    const now = new Date('2024-11-27T12:00:00Z');
    const who = service.ask('Who is the secretary general of the CSTO?', { now, undecided: true });
    if (!who.ok) throw new Error('expected an answer');
    expect(asDiscord(leadText(who, now))).toBe('**Imangali Tasmagambetov, Secretary-General of the CSTO**');
    const list = service.ask('Which countries are in the CSTO?', { now, undecided: true });
    if (!list.ok) throw new Error('expected an answer');
    expect(leadText(list, now).split('\n').slice(0, 6)).toEqual(['• Russia', '• Belarus', '• Armenia', '• Kazakhstan', '• Kyrgyzstan', '• Tajikistan']);
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
    const answered = service.ask('When will the Budget be delivered?', { now, undecided: true });
    expect(answered.ok && 'date' in answered ? answered.date?.date : undefined).toBe('2025-03-16');
    expect(service.ask('When will the Budget be delivered?', { now }).ok).toBe(true);
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
