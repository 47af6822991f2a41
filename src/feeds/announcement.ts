// What an announcement says. Pure: an article (and what it updates) in, a transport-neutral Reply out.
import { createHash } from 'node:crypto';
import { eventYearIsCertain, yearIsCertain, type Article } from '../articles/model';
import type { Embed, EmbedField, Reply } from '../core/reply';
import type { DateMove } from '../stories/link';
import { clip } from '../format/text';
import { bold, link as linkPart, safe } from '../format/parts';
import { dayTimestamp } from '../format/dates';
import { atPrecision, publishedDateText } from '../articles/date-text';
import { isFarMove } from '../reminders/holds';

export interface AnnouncementInput {
  article: Article;
  /** Where it came from: the item link or the file. */
  origin: string;
  now: Date;
  /** The tracked article this one updates (same story), by headline. */
  updateTo?: string;
  /** Events whose date this article moved. */
  moves?: DateMove[];
  /** The article whose dates it moved: both sources are named beside the move. */
  movedFrom?: { headline: string; source?: string; url?: string };
  /** Topic terms of the watch that matched. */
  matchedTerms?: string[];
}

const COLOR = 0x2b6cb0;
const UPDATE_COLOR = 0xc05621;

export function renderAnnouncement(input: AnnouncementInput): Reply {
  const { article, now } = input;
  const url = article.meta.url ?? (/^https?:\/\//.test(input.origin) ? input.origin : undefined);
  const parts: string[] = [];
  if (input.updateTo) parts.push(`${bold('Update to:')} ${safe(input.updateTo, { max: 200, exact: true })}`);
  // Article and feed text is untrusted: safe() carries it as plain text (controls stripped; Discord gets it escaped, mentions defused).
  const summary = safe(summarise(article));
  if (summary) parts.push(summary);
  const fields: EmbedField[] = [];
  if (input.moves && input.moves.length > 0) {
    fields.push({
      name: 'Date moved',
      value: input.moves
        .slice(0, 3)
        .map((m) => `${safe(m.description, { max: 120, exact: true })}: ${dayTimestamp(m.from, 'D')} → ${bold(m.toPrecision && m.toPrecision !== 'day' ? atPrecision(m.to, m.toPrecision) : dayTimestamp(m.to, 'D'))}${isFarMove(m.from, m.to, now) ? ' — held: reminders keep the earlier date until an admin confirms (/remind moves)' : ''}`)
        .join('\n'),
    });
    if (input.movedFrom) {
      const name = (source: string | undefined, link: string | undefined, fallback: string) => {
        const label = safe(source ?? (link ? hostOf(link) : fallback));
        return link && /^https?:\/\//.test(link) ? linkPart(label, link) : label;
      };
      fields.push({
        name: 'Sources',
        value: `Before: ${name(input.movedFrom.source, input.movedFrom.url, 'the earlier article')} — ${safe(input.movedFrom.headline, { max: 150, exact: true })}\nNow: ${name(article.meta.source, url, 'this article')}`,
      });
    }
  }
  const dates = upcoming(article, now);
  if (dates.length > 0) {
    fields.push({ name: 'Key dates', value: dates.map((e) => `${dayTimestamp(e.date, 'D')} (${dayTimestamp(e.date, 'R')}): ${safe(e.description, { max: 150, exact: true })}`).join('\n') });
  }
  if (input.matchedTerms && input.matchedTerms.length > 0) fields.push({ name: 'Matched', value: safe(input.matchedTerms.join(', '), { max: 200, exact: true }), inline: true });
  if (url) fields.push({ name: 'Source', value: linkPart(safe(article.meta.source ?? hostOf(url)), url), inline: true });
  const embed: Embed = {
    title: safe(article.headline),
    url,
    description: parts.join('\n\n') || undefined,
    fields,
    footer: [article.meta.source && safe(article.meta.source), article.published.date ? `published ${yearIsCertain(article.published) ? article.published.date : publishedDateText(article.published)}` : undefined].filter(Boolean).join(' · ') || 'Herald',
    color: input.updateTo || (input.moves && input.moves.length > 0) ? UPDATE_COLOR : COLOR,
  };
  if (article.published.date && !article.published.inferred && yearIsCertain(article.published)) embed.timestamp = `${article.published.date}T12:00:00.000Z`;
  return { embeds: [embed] };
}

/** The first two sentences of the article (fewer when the first is already long), within 500 characters. */
export function summarise(article: Article): string {
  const sentences = article.sentences.length > 0 ? article.sentences.map((s) => s.text) : article.paragraphs;
  let out = '';
  for (const s of sentences.slice(0, 2)) {
    if (out && out.length + s.length > 350) break;
    out = out ? `${out} ${s}` : s;
  }
  return cut(out, 500);
}

/** Upcoming dated events, most salient first (at most three), shown in date order. */
export function upcoming(article: Article, now: Date): Article['events'] {
  const today = now.toISOString().slice(0, 10);
  return article.events
    .filter((e) => !e.isPublication && eventYearIsCertain(e) && e.endDate >= today && (e.precision === 'day' || e.precision === 'month'))
    .sort((a, b) => b.salience - a.salience || a.date.localeCompare(b.date))
    .slice(0, 3)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Idempotency key for (watch, article): ≤ 25 characters, the same on every retry and restart. */
export function announcementNonce(watchId: number, articleKey: string): string {
  return `n${createHash('sha256').update(`${watchId}\u0000${articleKey}`).digest('hex').slice(0, 24)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'source';
  }
}

/** Announcements shorten a quoted description or headline within a line exactly at its length (Discord's limits are its renderer's). */
const cut = (s: string, max: number) => clip(s, max, 'exact');
