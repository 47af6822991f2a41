// Which article /ask quotes when several tracked articles share the question's words: the sentence must
// be about what the question is about ("the plan"), not only share its verb with it.
import { describe, expect, it } from 'vitest';
import { MemoryLibrary } from '../../../src/articles/library';
import { parseArticle } from '../../../src/articles/parse';
import { createAskService, type AskResult } from '../../../src/answers/ask/ask';

const now = new Date('2026-03-20T12:00:00Z');

function serviceOver(articles: string[]) {
  const library = new MemoryLibrary();
  articles.forEach((text, i) => {
    const parsed = parseArticle(text, { now, origin: `/a${i}.txt` });
    if (!parsed.ok) throw new Error('parse failed');
    library.upsert({ article: parsed.article, origin: `/a${i}.txt`, ingestedAt: now });
  });
  return createAskService(library);
}

/** The headline of the article the reply quotes (as answer, quote or closest sentence), or null. */
function quoted(result: ReturnType<ReturnType<typeof serviceOver>['ask']>): string | null {
  const r = result as AskResult;
  if (r.ok) return r.citations[0]?.headline ?? null;
  return r.closest?.headline ?? null;
}

const libraries = 'Libraries to close as council cuts budget\n\nPublished: 25 February 2026\n\nFive libraries in Birmingham will close by the end of the year as the city council tries to save £300m.\n\nVolunteers have offered to run one library.\n';
const debt = 'Ministers back debt relief plan\n\nPublished: 5 February 2026\n\nUnder the plan, which could cost the UK £1bn, countries must spend the cash saved on health and education.\n\nCharities welcomed the announcement.\n';
const concert = 'Band announce Glasgow concert\n\nPublished: 1 March 2026\n\nThe band have announced a concert at Bellahouston Park in Glasgow on 1 July.\n\nTickets go on sale on Friday.\n';
const meals = 'Free school meals plan announced\n\nPublished: 20 January 2026\n\nThe government has announced a plan to extend free school meals to 500,000 more children.\n\nCampaigners welcomed the move.\n';

describe('/ask chooses the article the question is about', () => {
  it('reads "the plan" as what the question is about, not as the weak verb of "plans to"', () => {
    const ask = serviceOver([libraries, debt]);
    expect(quoted(ask.ask('How much will the plan save?', { now }))).toBe('Ministers back debt relief plan');
  });

  it('offers as the closest sentence the one that states most of the question, not the one a date was read from', () => {
    const ask = serviceOver([concert, meals]);
    expect(quoted(ask.ask('When was the plan announced?', { now }))).toBe('Free school meals plan announced');
  });

  it("quotes a sentence that states the question in its words though no answer of the asked kind is read from it", () => {
    const airport = 'Airport wins appeal to expand\n\nPublished: 2 February 2026\n\nThe airport says the expansion will create 800 jobs.\n\nCampaign group Airport Action Network said it was considering a legal challenge.\n';
    const result = serviceOver([airport]).ask('Who is considering a legal challenge?', { now }) as AskResult;
    expect(result).toMatchObject({ ok: true, quoteOnly: true, confidence: 0, citations: [{ text: 'Campaign group Airport Action Network said it was considering a legal challenge.' }] });
    // A name of the question the sentence lacks still declines it.
    expect(serviceOver([airport]).ask('Is Heathrow considering a legal challenge?', { now }).ok).toBe(false);
  });

  it("reads a name in the article's headline as stated by each of its sentences, for quoting", () => {
    const bridge = 'Plan for new crossing over the Menai Strait shelved\n\nPublished: 10 March 2026\n\nPlans for a third crossing have been shelved by the government because of rising costs.\n\nThe bridge was first proposed in 2007 to ease congestion.\n';
    const result = serviceOver([bridge]).ask('When was the Menai bridge first proposed?', { now }) as AskResult;
    expect(result).toMatchObject({ ok: true, quoteOnly: true, citations: [{ text: 'The bridge was first proposed in 2007 to ease congestion.' }] });
  });

  it('quotes, of sentences that state the question alike, the one from the newest article', () => {
    const concert = 'Band reschedule Glasgow concert\n\nPublished: 12 February 2005\n\nFans who bought tickets for the original 22 February show can attend the rescheduled concert.\n';
    const match = 'Hartlepool stun Wrexham to reach final\n\nPublished: 16 March 2026\n\nHartlepool United beat Wrexham 3-1 on Saturday to reach the final.\n\nA crowd of 10,432 watched the match, the highest attendance at the ground this season.\n';
    for (const order of [[concert, match], [match, concert]]) {
      expect(quoted(serviceOver(order).ask('What was the attendance?', { now }))).toBe('Hartlepool stun Wrexham to reach final');
    }
  });

  it("does not let the headline state the question's action for a sentence that only names what is counted", () => {
    const factory = 'Car parts factory to close with loss of 430 jobs\n\nPublished: 5 February 2026\n\nThe company blamed falling demand for the decision.\n\nThe factory opened in 1968 and once employed more than 2,000 people.\n';
    const result = serviceOver([factory]).ask('How many people lost their jobs?', { now }) as AskResult;
    expect(result.ok && result.citations[0].text).not.toBe('The factory opened in 1968 and once employed more than 2,000 people.');
    expect(result.ok).toBe(false);
  });
});
