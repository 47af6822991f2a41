// When was the article published? Front matter first; else a dated report in the text ("reported on
// Tuesday, November 26"), whose year a weekday pins. Also picks the reference day against which dates
// without a year are read, and says why, so no year is ever assumed silently.
import type { FrontMatter, Published, Sentence } from './model';
import { monthName, WEEKDAY_NAMES } from '../language/calendar-words';
import { dayNumber, dayOfIso, isoOf, isValidDate, pinYearByWeekday } from './calendar';
import type { DateMention } from './dates';

export interface PublicationInference {
  published: Published;
  /** Day against which dates are resolved. */
  ref: number;
  /** True when `ref` is the publication date (relative expressions are then exact). */
  refIsPublication: boolean;
  /** True when `ref` is the publication or the ingestion date (not a date the text mentions for something else). */
  refIsNow: boolean;
  /** The mention that dates the report itself, if any. */
  publicationMention?: { sentence: number; start: number };
  warnings: string[];
}

const REPORTING_BEFORE = /\b(?:reported|said|says|announced|told|stated|wrote|published|confirmed|revealed|disclosed|declared|reports|announces|issued|released)\s+(?:on\s+)?$/i;

function describeDayMonth(month: number, day: number): string {
  return `${day} ${monthName(month)}`;
}

export function inferPublication(meta: FrontMatter, sentences: Sentence[], mentions: DateMention[][], today: number): PublicationInference {
  const todayIso = isoOf(today);
  const todayYear = Number(todayIso.slice(0, 4));
  if (meta.published) {
    const day = dayOfIso(meta.published);
    if (day !== null) {
      return {
        published: { date: meta.published, inferred: false, reason: 'given in the front matter (published:)', confidence: 1, yearCertain: true },
        ref: day,
        refIsPublication: true, refIsNow: true,
        warnings: [],
      };
    }
  }

  // 1. A dated report: "<source> reported on <date>", "On <date>, X said".
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind !== 'dayMonth') continue;
      const before = s.text.slice(Math.max(0, m.start - 40), m.start);
      const opening = m.start <= 3 && /^(?:On\s+)?$/.test(s.text.slice(0, m.start)) && /\b(?:said|reported|announced|told)\b/.test(s.text);
      // "are announced on 25 January", "will be reported on ..." look ahead, not back at the report
      if ((!REPORTING_BEFORE.test(before) || /\b(?:is|are|be|been|being|will|would|to)\s+\w+\s+(?:on\s+)?$/i.test(before)) && !opening) continue;
      const { month, day, weekday, year } = m.spec;
      const quoted = `"${m.expression}"`;
      if (year !== undefined) {
        if (!isValidDate(year, month, day)) continue;
        return {
          published: { date: isoOf(dayNumber(year, month, day)), inferred: true, reason: `the text says it was reported on ${quoted}`, confidence: 0.9, sentence: s.index, yearCertain: true },
          ref: dayNumber(year, month, day), refIsPublication: true, refIsNow: true, publicationMention: { sentence: s.index, start: m.start }, warnings: [],
        };
      }
      if (weekday !== undefined) {
        const y = pinYearByWeekday(month, day, weekday, today);
        if (y !== null) {
          const at = dayNumber(y, month, day);
          return {
            published: {
              date: isoOf(at),
              inferred: true,
              reason: `the text says it was reported on ${quoted}, which has no year; by the weekday rule ${y} is the most recent year up to ${todayYear} (ingested ${todayIso}) in which ${describeDayMonth(month, day)} fell on a ${WEEKDAY_NAMES[weekday]}`,
              confidence: 0.8,
              sentence: s.index,
              yearCertain: false,
            },
            ref: at, refIsPublication: true, refIsNow: true, publicationMention: { sentence: s.index, start: m.start }, warnings: [],
          };
        }
      }
      // No year and no weekday ("said the 19 February meets"): too weak to date the report; fall through to anchors.
    }
  }

  // 2. No publication date: find an anchor for dates without a year.
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind !== 'dayMonth' || m.spec.weekday === undefined || m.spec.year !== undefined) continue;
      const { month, day, weekday } = m.spec;
      const y = pinYearByWeekday(month, day, weekday, today);
      if (y === null) continue;
      return {
        published: {
          date: null,
          inferred: false,
          reason: `no publication date in front matter or text; dates without a year are read relative to "${m.expression}", which the weekday rule places in ${y} (the most recent year up to ${todayYear}, ingested ${todayIso}, in which ${describeDayMonth(month, day)} fell on a ${WEEKDAY_NAMES[weekday]})`,
          confidence: 0,
          yearCertain: false,
        },
        ref: dayNumber(y, month, day), refIsPublication: false, refIsNow: false, warnings: [],
      };
    }
  }
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind !== 'dayMonth' || m.spec.year === undefined || !isValidDate(m.spec.year, m.spec.month, m.spec.day)) continue;
      const at = dayNumber(m.spec.year, m.spec.month, m.spec.day);
      return {
        published: {
          date: null,
          inferred: false,
          reason: `no publication date in front matter or text; dates without a year are read relative to "${m.expression}", the first full date in the text`,
          confidence: 0,
          yearCertain: false,
        },
        ref: at, refIsPublication: false, refIsNow: false, warnings: [],
      };
    }
  }
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind !== 'monthYear') continue;
      const at = dayNumber(m.spec.year, m.spec.month, 1);
      return {
        published: {
          date: null,
          inferred: false,
          reason: `no publication date in front matter or text; dates without a year are read relative to "${m.expression}", the first month with a year in the text`,
          confidence: 0,
          yearCertain: false,
        },
        ref: at, refIsPublication: false, refIsNow: false, warnings: [],
      };
    }
  }
  const hasYearless = mentions.some((ms) => ms.length > 0);
  return {
    published: {
      date: null,
      inferred: false,
      reason: `no publication date in front matter or text${hasYearless ? `; dates without a year are read relative to the ingestion date ${todayIso} (an assumption, not evidence)` : ''}`,
      confidence: 0,
      yearCertain: false,
    },
    ref: today,
    refIsPublication: false,
    refIsNow: true,
    warnings: hasYearless ? [`no date in the text fixes a year; dates were read relative to the ingestion date ${todayIso}`] : [],
  };
}
