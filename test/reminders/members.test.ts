// "Remind me" planning (pure): which events get a button, what it carries, and where a member's pending
// reminder goes when its article or a newer one on the story changes.
import { describe, expect, it } from 'vitest';
import { isUpcomingDay, memberDueAt, parseRemindMe, planMember, remindMeButtons, remindMeCustomId, remindMeEvents, type NewerMove } from '../../src/reminders/members';
import { article, tracked } from './fixtures';

const now = new Date('2024-11-27T12:00:00Z');
const budget = tracked(
  article('Council budget vote', [
    { date: '2024-12-02', description: 'the council votes on the budget' },
    { date: '2024-11-20', description: 'the draft was published', status: 'past' },
    { date: '2024-12-10', description: 'a decision is expected', precision: 'month' },
    { date: '2025-01-15', description: 'the budget takes effect', yearCertain: false } as never,
    { date: '2024-12-05', description: 'the mayor may sign', qualifier: 'alternative' },
    { date: '2024-11-28', description: 'a hearing is held' },
  ]),
);

describe('Remind me buttons', () => {
  it('go under the upcoming events whose date is sure (day, certain year, not either/or), soonest first', () => {
    expect(remindMeEvents(budget, now).map((e) => [e.date, e.content.description])).toEqual([
      ['2024-11-28', 'a hearing is held'],
      ['2024-12-02', 'the council votes on the budget'],
    ]);
    const buttons = remindMeButtons(budget, now);
    expect(buttons.map((b) => b.label)).toEqual(['Remind me: 28 November 2024 · a hearing is held', 'Remind me: 2 December 2024 · the council votes on the budget']);
    for (const b of buttons) {
      expect(b.customId.length).toBeLessThanOrEqual(100);
      expect(parseRemindMe(b.customId)).toEqual({ article: expect.any(String), eventKey: expect.stringMatching(/^[0-9a-f]{24}$/) });
    }
  });

  it('give none for an archive article (the freshness rule server reminders use), nor once the day is over in UTC', () => {
    const archive = tracked(budget.article, '/articles/old.txt', new Date('2025-06-01T00:00:00Z'));
    expect(remindMeButtons(archive, now)).toEqual([]);
    expect(isUpcomingDay('2024-11-27', new Date('2024-11-27T23:59:00Z'))).toBe(true);
    expect(isUpcomingDay('2024-11-27', new Date('2024-11-28T00:00:00Z'))).toBe(false);
  });

  it('stop at 25 (five rows of five) and can be limited to the events a reply shows', () => {
    const many = tracked(article('Many dates', Array.from({ length: 30 }, (_, i) => ({ date: `2024-12-${String(i + 1).padStart(2, '0')}`, description: `step ${i + 1} of the plan` }))));
    expect(remindMeButtons(many, now)).toHaveLength(25);
    const only = remindMeButtons(budget, now, { only: new Set(['e0']) });
    expect(only.map((b) => b.label)).toEqual(['Remind me: 2 December 2024 · the council votes on the budget']);
  });

  it('carry the same article part when the article is re-parsed, and refuse malformed ids', () => {
    const [b] = remindMeButtons(budget, now);
    const again = tracked(article('Council budget vote (updated)', [{ date: '2024-11-28', description: 'a hearing is held' }]));
    expect(parseRemindMe(remindMeCustomId(again, 'a'.repeat(24)))?.article).toBe(parseRemindMe(b.customId)?.article);
    expect(parseRemindMe('remind:me:short:abc')).toBeUndefined();
    expect(parseRemindMe('remind:move:1:confirm')).toBeUndefined();
  });
});

describe('a member reminder follows its event', () => {
  const [hearing] = remindMeEvents(budget, now);
  const stored = { eventKey: hearing.key, eventDate: '2024-11-28', time: '09:00', timezone: 'Asia/Tokyo', content: hearing.content };
  const move = (to: string, published: number, headline = 'Hearing postponed'): NewerMove => ({ move: { description: 'a hearing is held', from: '2024-11-28', to, eventId: 'e5' }, headline, publishedAt: published });

  it('is due at the server time on the day in the member\'s zone', () => {
    expect(new Date(memberDueAt('2024-11-28', '09:00', 'Asia/Tokyo')).toISOString()).toBe('2024-11-28T00:00:00.000Z');
    expect(new Date(memberDueAt('2024-11-28', '09:00', 'America/New_York')).toISOString()).toBe('2024-11-28T14:00:00.000Z');
  });

  it('stays while nothing changed, and is cancelled when the article or the event goes', () => {
    expect(planMember(stored, budget, [], now)).toEqual({ kind: 'keep' });
    expect(planMember(stored, undefined, [], now)).toEqual({ kind: 'cancel', reason: 'the article was removed' });
    const without = tracked(article('Council budget vote', [{ date: '2024-12-02', description: 'the council votes on the budget' }]));
    expect(planMember(stored, without, [], now)).toEqual({ kind: 'cancel', reason: 'the event is no longer in the article, or its date is no longer certain' });
  });

  it('moves with the most recent newer article on the story, and names it', () => {
    const plan = planMember(stored, budget, [move('2024-12-03', 1), move('2024-12-04', 2, 'Hearing moved again')], now);
    expect(plan).toMatchObject({ kind: 'move', date: '2024-12-04', by: 'Hearing moved again', content: { eventDate: '2024-12-04', description: 'a hearing is held' } });
  });

  it('is cancelled, not moved to the first of the month, when the newer article gives only a month or a year', () => {
    const toMonth: NewerMove = { ...move('2024-12-01', 1), move: { ...move('2024-12-01', 1).move, toEnd: '2024-12-31', toPrecision: 'month' } };
    expect(planMember(stored, budget, [toMonth], now)).toEqual({ kind: 'cancel', reason: 'the event moved to December 2024, with no day given' });
    const toDay: NewerMove = { ...move('2024-12-01', 1), move: { ...move('2024-12-01', 1).move, toEnd: '2024-12-01', toPrecision: 'day' } };
    expect(planMember(stored, budget, [toDay], now)).toMatchObject({ kind: 'move', date: '2024-12-01' });
  });

  it('does not follow a move of a year or more (held for an admin), nor one of another event', () => {
    expect(planMember(stored, budget, [move('2026-01-10', 1)], now)).toEqual({ kind: 'keep' });
    expect(planMember(stored, budget, [{ ...move('2026-01-10', 1), confirmed: true }], now)).toMatchObject({ kind: 'move', date: '2026-01-10' });
    expect(planMember(stored, budget, [{ ...move('2024-12-03', 1), move: { ...move('2024-12-03', 1).move, eventId: 'e0' } }], now)).toEqual({ kind: 'keep' });
  });

  it('moves when the article itself now gives another day, and is cancelled when that day is already past for the member', () => {
    const updated = tracked(article('Council budget vote', [{ date: '2024-11-29', description: 'a hearing is held' }]));
    expect(planMember(stored, updated, [], now)).toMatchObject({ kind: 'move', date: '2024-11-29', by: 'Council budget vote' });
    const early = tracked(article('Council budget vote', [{ date: '2024-11-27', description: 'a hearing is held' }]));
    expect(planMember(stored, early, [], now)).toEqual({ kind: 'cancel', reason: 'the event moved to 27 November 2024, already past' });
  });
});
