import { describe, expect, it } from 'vitest';
import { noReminderReason, planReminders, reconcile, reminderEligibility, remindableEvents, type ExistingReminder } from '../../src/reminders/plan';
import { readFileSync } from 'node:fs';
import { parseArticle } from '../../src/articles/parse';
import { SEED_FILE } from '../answers/helpers';
import { article, tracked } from './fixtures';

const utc9 = { time: '09:00', timezone: 'UTC', leadDays: 0 };
const vote = { date: '2024-11-28', description: 'Council to vote on the budget', expression: 'November 28' };

describe('reminders only from certain dates of fresh articles (ARTICLE_FRESH_DAYS)', () => {
  const at = (iso: string) => new Date(iso);

  it('takes an article published at most freshDays before ingestion, with a certain year', () => {
    const a = article('Budget vote', [vote]);
    expect(reminderEligibility(tracked(a, '/a.txt', at('2024-11-27T10:00:00Z')))).toEqual({ ok: true });
    expect(reminderEligibility(tracked(a, '/a.txt', at('2024-12-03T10:00:00Z')))).toEqual({ ok: true });
    expect(reminderEligibility(tracked(a, '/a.txt', at('2024-12-04T10:00:00Z')))).toEqual({ ok: false, why: 'published 2024-11-26, 8 days before it was added (ARTICLE_FRESH_DAYS 7)' });
    expect(reminderEligibility(tracked(a, '/a.txt', at('2024-12-04T10:00:00Z')), 8)).toEqual({ ok: true });
    expect(remindableEvents(tracked(a, '/a.txt', at('2024-12-04T10:00:00Z')))).toEqual([]);
  });

  it('gives none for an archive article, an undated one, or a guessed year, and says why', () => {
    const archive = tracked(article('Election', [{ ...vote, date: '2027-05-05' }], undefined, '2005-03-01'), '/a.txt', at('2026-11-28T12:00:00Z'));
    expect(remindableEvents(archive)).toEqual([]);
    expect(noReminderReason(archive)).toBe('published 2005');
    const guessed = article('Vote', [vote]);
    guessed.published = { ...guessed.published, inferred: true, yearCertain: false };
    expect(noReminderReason(tracked(guessed))).toBe('year not certain');
    const undated = article('Vote', [vote]);
    undated.published = { date: null, inferred: false, reason: 'none', confidence: 0, yearCertain: false };
    expect(noReminderReason(tracked(undated))).toBe('publication date unknown');
    // A fresh article whose only day event has a guessed year: nothing, and why.
    const uncertainEvent = article('Vote', [{ ...vote, yearCertain: false }]);
    expect(remindableEvents(tracked(uncertainEvent))).toEqual([]);
    expect(noReminderReason(tracked(uncertainEvent))).toBe('year not certain');
    expect(noReminderReason(tracked(article('Vote', [vote])))).toBeUndefined();
  });

  it('the seed gives its reminder when ingested on 27 or 28 November 2024, and none when ingested in 2026', () => {
    const text = readFileSync(SEED_FILE, 'utf8');
    const seedAt = (now: string) => {
      const r = parseArticle(text, { now: at(now), origin: SEED_FILE });
      if (!r.ok) throw new Error(r.error);
      return tracked(r.article, SEED_FILE, at(now));
    };
    for (const now of ['2024-11-27T08:00:00Z', '2024-11-28T07:00:00Z']) expect(remindableEvents(seedAt(now)).map((e) => e.date), now).toEqual(['2024-11-28']);
    expect(remindableEvents(seedAt('2026-11-28T12:00:00Z'))).toEqual([]);
    expect(noReminderReason(seedAt('2026-11-28T12:00:00Z'))).toBe('year not certain');
  });
});

describe('remindableEvents', () => {
  it('keeps day-precision events and drops coarser ones, the publication date and either/or dates', () => {
    const a = article('Budget vote', [
      vote,
      { date: '2024-12-01', precision: 'month', description: 'Budget takes effect' },
      { date: '2024-11-26', isPublication: true, description: 'Reported' },
      { date: '2024-12-04', qualifier: 'alternative', endDate: '2024-12-05', description: 'Second reading' },
    ]);
    expect(remindableEvents(tracked(a)).map((e) => [e.date, e.content.description])).toEqual([['2024-11-28', 'Council to vote on the budget']]);
  });

  it('merges events of one article on the same day into one reminder, voiced by the most salient', () => {
    const a = article('Budget vote', [
      { date: '2024-11-28', description: 'Vote within two days', qualifier: 'by', salience: 0.6 },
      { ...vote, salience: 0.9, sentence: 0 },
    ]);
    const events = remindableEvents(tracked(a));
    expect(events).toHaveLength(1);
    expect(events[0].content.description).toBe('Council to vote on the budget');
    expect(events[0].content.sentence).toBe('The council will vote on the budget.');
    expect(events[0].content.attribution).toBe('The council said');
  });

  it('keys an event by origin file name and description without dates, so a date move keeps the key', () => {
    const before = remindableEvents(tracked(article('Budget vote', [{ ...vote, description: 'Council to vote on the budget on November 28' }]), '/a/budget.txt'));
    const after = remindableEvents(tracked(article('Budget vote (updated)', [{ date: '2024-12-02', description: 'Council to vote on the budget on December 2' }]), '/elsewhere/budget.txt'));
    expect(after[0].key).toBe(before[0].key);
    const other = remindableEvents(tracked(article('Budget vote', [vote]), '/a/other.txt'));
    expect(other[0].key).not.toBe(before[0].key);
  });
});

describe('planReminders', () => {
  const events = remindableEvents(tracked(article('Budget vote', [vote])));

  it('posts at REMINDER_TIME in TIMEZONE on the event date', () => {
    expect(planReminders(events, utc9).map((p) => [p.leadDays, new Date(p.dueAt).toISOString()])).toEqual([[0, '2024-11-28T09:00:00.000Z']]);
    expect(planReminders(events, { time: '18:30', timezone: 'America/New_York', leadDays: 0 }).map((p) => new Date(p.dueAt).toISOString())).toEqual([
      '2024-11-28T23:30:00.000Z',
    ]);
  });

  it('adds a lead reminder N days before, at the same local time', () => {
    expect(planReminders(events, { ...utc9, leadDays: 1 }).map((p) => [p.leadDays, new Date(p.dueAt).toISOString()])).toEqual([
      [0, '2024-11-28T09:00:00.000Z'],
      [1, '2024-11-27T09:00:00.000Z'],
    ]);
  });

  it('a lead across a DST switch keeps the local time (London, 1 day before 28 Oct 2024)', () => {
    const e = remindableEvents(tracked(article('x', [{ date: '2024-10-28', description: 'Hearing' }])));
    expect(planReminders(e, { time: '09:00', timezone: 'Europe/London', leadDays: 2 }).map((p) => new Date(p.dueAt).toISOString())).toEqual([
      '2024-10-28T09:00:00.000Z',
      '2024-10-26T08:00:00.000Z',
    ]);
  });
});

describe('reconcile', () => {
  const now = new Date('2024-11-27T10:00:00Z');
  const plan = (date: string, leadDays = 0) =>
    planReminders(remindableEvents(tracked(article('Budget vote', [{ ...vote, date }]))), { ...utc9, leadDays });
  const row = (over: Partial<ExistingReminder>): ExistingReminder => ({
    id: 1,
    eventKey: plan('2024-11-28')[0].eventKey,
    leadDays: 0,
    dueAt: Date.parse('2024-11-28T09:00:00Z'),
    state: 'pending',
    ...over,
  });

  it('creates a reminder for an upcoming event', () => {
    const actions = reconcile([], plan('2024-11-28'), now);
    expect(actions.create.map((p) => new Date(p.dueAt).toISOString())).toEqual(['2024-11-28T09:00:00.000Z']);
    expect([actions.move, actions.cancel, actions.refresh]).toEqual([[], [], []]);
  });

  it('creates none for an event already past at ingestion, nor for one due earlier today', () => {
    expect(reconcile([], plan('2024-11-20'), now).create).toEqual([]);
    expect(reconcile([], plan('2024-11-27'), now).create).toEqual([]);
    // one second after "now" is still ahead
    expect(reconcile([], plan('2024-11-27'), new Date('2024-11-27T08:59:59Z')).create).toHaveLength(1);
  });

  it('moves the pending reminder when the event date moves (a move, not cancel + create)', () => {
    const actions = reconcile([row({ id: 7 })], plan('2024-12-02'), now, () => plan('2024-11-28')[0].content);
    expect(actions.move.map((m) => [m.id, new Date(m.planned.dueAt).toISOString()])).toEqual([[7, '2024-12-02T09:00:00.000Z']]);
    expect(actions.create).toEqual([]);
    expect(actions.cancel).toEqual([]);
  });

  it('cancels a pending reminder whose event moved into the past or disappeared', () => {
    expect(reconcile([row({ id: 7 })], plan('2024-11-20'), now).cancel).toEqual([7]);
    expect(reconcile([row({ id: 7 })], [], now).cancel).toEqual([7]);
  });

  it('leaves a pending reminder that is overdue (Herald was down) in place for the due-scan to judge', () => {
    const later = new Date('2024-11-28T11:00:00Z');
    const actions = reconcile([row({ id: 7 })], plan('2024-11-28'), later, () => plan('2024-11-28')[0].content);
    expect(actions).toEqual({ create: [], move: [], refresh: [], cancel: [] });
  });

  it('keeps sent history and does not re-create a reminder already sent for that instant', () => {
    const sent = row({ id: 3, state: 'sent' });
    expect(reconcile([sent], plan('2024-11-28'), new Date('2024-11-20T00:00:00Z'))).toEqual({ create: [], move: [], refresh: [], cancel: [] });
    // the event then moves to a later date: a new reminder, the sent one untouched
    const moved = reconcile([sent], plan('2024-12-02'), now);
    expect(moved.create.map((p) => p.eventDate)).toEqual(['2024-12-02']);
    expect(moved.cancel).toEqual([]);
  });

  it('leaves a claimed reminder (being posted) alone', () => {
    expect(reconcile([row({ id: 7, state: 'claimed' })], [], now).cancel).toEqual([]);
    expect(reconcile([row({ id: 7, state: 'claimed' })], plan('2024-12-02'), now).move).toEqual([]);
  });

  it('a lead change cancels the old lead reminder and creates the new one', () => {
    const lead1 = plan('2024-11-30', 1);
    const existing = lead1.map((p, i) => row({ id: i + 1, eventKey: p.eventKey, leadDays: p.leadDays, dueAt: p.dueAt }));
    const actions = reconcile(existing, plan('2024-11-30', 2), now, () => lead1[0].content);
    expect(actions.cancel).toEqual([2]);
    expect(actions.create.map((p) => [p.leadDays, new Date(p.dueAt).toISOString()])).toEqual([[2, '2024-11-28T09:00:00.000Z']]);
  });

  it('refreshes stored content when the article text changed but the date did not', () => {
    const actions = reconcile([row({ id: 7 })], plan('2024-11-28'), now, () => ({ ...plan('2024-11-28')[0].content, headline: 'old' }));
    expect(actions.refresh.map((r) => r.id)).toEqual([7]);
  });

  it('an event reworded by a re-parse and moved is still one reminder, moved (the only leftover on each side pairs up)', () => {
    const reworded = planReminders(remindableEvents(tracked(article('Budget vote', [{ date: '2024-12-03', description: 'Councillors vote on the city budget' }]))), utc9);
    expect(reworded[0].eventKey).not.toBe(row({}).eventKey);
    const actions = reconcile([row({ id: 7 })], reworded, now);
    expect(actions.move.map((m) => [m.id, m.planned.eventKey, m.planned.eventDate])).toEqual([[7, reworded[0].eventKey, '2024-12-03']]);
    expect([actions.create, actions.cancel]).toEqual([[], []]);
  });

  it('two leftovers on a side are ambiguous: cancel and create instead of guessing', () => {
    const two = planReminders(
      remindableEvents(tracked(article('Budget vote', [
        { date: '2024-12-03', description: 'First reading', sentence: 0 },
        { date: '2024-12-09', description: 'Final reading', sentence: 0 },
      ]))),
      utc9,
    );
    const actions = reconcile([row({ id: 7 })], two, now);
    expect(actions.cancel).toEqual([7]);
    expect(actions.create.map((p) => p.eventDate)).toEqual(['2024-12-03', '2024-12-09']);
  });
});
