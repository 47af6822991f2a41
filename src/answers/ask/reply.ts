// The /ask reply: the direct answer first (a date as in /when, a person with role, a list, a number,
// a place, a reason), then the sentence(s) it rests on with the article's headline, then related
// facts. A declined question says so plainly, with the closest sentence when it helps.
import type { Reply } from '../../core/reply';
import { userError } from '../../core/reply';
import { clip, HERALD_COLOR } from '../../format/text';
import { bold, italic, quote, safe } from '../../format/parts';
import { asOf } from '../../format/dates';
import { eventDateText, statusText } from '../../articles/date-text';
import { eventTimestamps } from '../events';
import { MONTH_NAMES } from '../../language/calendar-words';
import type { AskResult } from './answer';
import type { AskService } from './ask';

const MAX_ITEMS = 15;

/** Discord timestamps that say no more than the article: a calendar day only for day-precise dates. */
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const dayMonth = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]}`;

/** The answer's lead line(s), Discord-safe. */
export function leadText(result: Extract<AskResult, { ok: true }>, now: Date): string {
  switch (result.type) {
    case 'when': {
      if (!result.date) return bold(safe(result.text));
      // A year the parser could not fix: said so in the date itself, with a status only when it is sure.
      if (result.date.yearCertain === false) return [bold(eventDateText(result.date)), statusText(result.date, now)].join(' · ');
      if (result.yearUnknown) return `${bold(dayMonth(result.date.date))} · the articles give no year`;
      return [bold(eventDateText(result.date)), eventTimestamps(result.date), statusText(result.date, now)].filter(Boolean).join(' · ');
    }
    case 'list': {
      if (!result.items) return quote(result.text);
      const shown = result.items.slice(0, MAX_ITEMS).map((i) => `• ${safe(clip(i, 200))}`);
      const more = result.items.length - shown.length;
      return [...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
    }
    case 'why':
      return bold(safe(clip(capitalise(result.text), 400)));
    case 'what':
      return quote(result.text);
    case 'yesno':
      return bold('Yes.');
    default:
      return bold(safe(clip(result.text, 400)));
  }
}

export function askReply(result: ReturnType<AskService['ask']>, question: string, now: Date): Reply {
  if (!result.ok && result.type === 'unknown-article') return userError('No such article — see /articles.');
  const title = `Q: ${safe(question.replace(/\s+/g, ' ').trim())}`;
  if (!result.ok) {
    const lines = ['The tracked articles don’t say.'];
    if ('closest' in result && result.closest) {
      lines.push('', 'The closest they come:', quote(result.closest.text, 500), `— ${italic(safe(clip(result.closest.headline, 200)))}`);
    }
    return { embeds: [{ title, description: lines.join('\n'), footer: asOf(now), color: HERALD_COLOR }] };
  }
  // Quote only: no direct answer was good enough, so the sentence is offered as what the articles say.
  const lines = result.quoteOnly ? ['No direct answer — the closest the articles come:', quote(result.text, 600)] : [leadText(result, now)];
  // The quoted sentence(s), unless the answer already is the sentence.
  const sources = result.quoteOnly || result.type === 'what' || (result.type === 'list' && !result.items) ? result.citations.slice(1) : result.citations;
  if (sources.length > 0) lines.push('');
  for (const c of sources) lines.push(quote(c.text, 600));
  const headlines = [...new Set(result.citations.map((c) => c.headline))];
  lines.push(`— ${italic(safe(clip(headlines.join('; '), 200)))}`);
  const fields = result.related.slice(0, 3).map((r) => ({
    name: r.date ? `${eventDateText(r.date)} · ${statusText(r.date, now)}` : 'Related',
    value: safe(clip(capitalise(r.text), 300)),
  }));
  return {
    embeds: [
      {
        title,
        description: lines.join('\n'),
        fields: fields.length > 0 ? fields : undefined,
        // The confidence is about the direct answer: a quote-only reply gives none, so it shows none
        // (a member would read the figure as confidence in an answer that is not there).
        footer: result.quoteOnly ? asOf(now) : `${asOf(now)} · confidence ${Math.round(result.confidence * 100)}%`,
        color: HERALD_COLOR,
      },
    ],
  };
}
