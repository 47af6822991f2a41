// When was the article published, and how sure is the year? Evidence strongest first: front matter
// (which feeds and fetched pages fill in, naming their own basis), a date in the URL path, a dateline or
// a report the lead relays ("media reported on Tuesday, November 26"; never speech: "said on Monday"). A weekday–date pair without a year
// fixes the year only when the most recent such year lies within FRESH_PIN_DAYS before ingestion, or when
// the other evidence of the text together (explicit years in the past or future tense, "since 1997",
// "until June 2006", other weekday–date pairs) leaves exactly one year. Otherwise the year is a guess and
// is marked so (yearCertain: false); no year is ever assumed silently.
import type { FrontMatter, Published, Sentence } from './model';
import { monthName, WEEKDAY_NAMES } from '../language/calendar-words';
import { dayNumber, dayOfIso, isoOf, isValidDate, weekdayOf, ymdOf } from './calendar';
import { clauseAround, clauseTense, isSayingDate, resolveMention, type DateMention } from './dates';

export interface PublicationInference {
  published: Published;
  /** Day against which dates are resolved. */
  ref: number;
  /** True when `ref` is the publication date (relative expressions are then exact). */
  refIsPublication: boolean;
  /** True when `ref` is the publication or the ingestion date (not a date the text mentions for something else). */
  refIsNow: boolean;
  /** True when the year of `ref` is certain, so dates read against it have certain years. */
  refYearCertain: boolean;
  /**
   * True when `ref` uses the latest year the evidence allows (a weekday pin): an event past at its guessed
   * date is past whatever the true year.
   */
  refIsLatest: boolean;
  /** The mention that dates the report itself, if any. */
  publicationMention?: { sentence: number; start: number };
  warnings: string[];
}

/** A weekday–date pair whose most recent year lies this close before ingestion is news of the day: its year is certain. */
export const FRESH_PIN_DAYS = 14;
/** How far back a weekday–date pair's candidate years are searched. */
const CANDIDATE_YEARS = 150;
/** A date the text mentions lies within this many days of the publication (for bounds and anchors). */
const NEAR_DAYS = 183;
/** A month or part of a year the text names in the future tense lies at most this far after the report. */
const NEAR_FUTURE_DAYS = 730;

/**
 * "Azerbaijani media reported on Tuesday, November 26": a report the article relays, in its lead, dates it.
 * Speech ("said on", "told reporters on", "announced on") is when something was said, not when the article
 * appeared, and never dates it; nor does a report named further down the article.
 */
const REPORTED_BEFORE = /\b(?:reported|reports|published)\s+(?:on\s+)?$/i;
/** The first sentences of the body: where a relayed report that dates the article stands. */
const LEAD_SENTENCES = 3;
/** "LONDON, March 3 (Reuters) -", "WASHINGTON, Tuesday, 14 June -": a place in capitals, a comma, then the date. */
const DATELINE_BEFORE = /^\s*[A-Z][A-Z.'’ -]{1,40},\s*$/;
const STRONG_FUTURE = /\b(will|shall|'ll|’ll|is to|are to|set to|due to|scheduled to|plans? to|planning to|going to|intends? to|aims? to|expected to|expects?\s+(?:\w+\s+){0,3}to|upcoming|forthcoming)\b/i;
const PAST_AUX = /\b(was|were|had|did)\b/i;

function describeDayMonth(month: number, day: number): string {
  return `${day} ${monthName(month)}`;
}

interface Bounds {
  /** The publication lies on or after this day. */
  lo?: number;
  loWhy?: string;
  /** The publication lies on or before this day. */
  hi?: number;
  hiWhy?: string;
  nearLo?: number;
  nearLoWhy?: string;
}

/**
 * What the explicit years of the text say about when it was written: a date stated in the past tense or
 * after "since" lies before the publication; one stated in the future tense or after "until" lies after it.
 * Conflicting evidence (a past date after a future one) is dropped rather than trusted.
 */
export function yearBounds(sentences: Sentence[], mentions: DateMention[][]): Bounds {
  const b: Bounds = {};
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      const spec = m.spec;
      const explicit = (spec.kind === 'year' && !spec.decade) || spec.kind === 'monthYear' || (spec.kind === 'dayMonth' && spec.year !== undefined);
      if (!explicit) continue;
      const span = resolveMention(spec, m.by, { ref: 0, refIsPublication: true, refIsNow: false, tense: 'neutral' });
      if (!span) continue;
      const before = s.text.slice(Math.max(0, m.start - 24), m.start);
      const clause = clauseAround(s.text, m.start, m.end);
      const pastAux = PAST_AUX.test(clause);
      const since = /\bsince\s+$/i.test(before);
      const until = /\b(?:until|till|through)\s+$/i.test(before);
      const future = !pastAux && (STRONG_FUTURE.test(clause) || until);
      const past = since || (pastAux && !STRONG_FUTURE.test(clause));
      const quoted = `"${m.expression}"`;
      if (future && !since) {
        if (b.hi === undefined || span.endDate < b.hi) {
          b.hi = span.endDate;
          b.hiWhy = `${quoted} is still ahead (${until ? 'until' : 'future tense'})`;
        }
        // A month or part of a year ("early 2005", "June 2006") is named ahead only when it is near.
        const fine = spec.kind === 'monthYear' || spec.kind === 'dayMonth' || (spec.kind === 'year' && spec.part !== undefined);
        const near = span.date - NEAR_FUTURE_DAYS;
        if (fine && (b.nearLo === undefined || near > b.nearLo)) {
          b.nearLo = near;
          b.nearLoWhy = `${quoted}, named ahead to the month or part of a year, lies within ${NEAR_FUTURE_DAYS / 365} years of the report`;
        }
      } else if (past) {
        if (b.lo === undefined || span.date > b.lo) {
          b.lo = span.date;
          b.loWhy = `${quoted} is already past (${since ? 'since' : 'past tense'})`;
        }
      }
    }
  }
  if (b.lo !== undefined && b.hi !== undefined && b.lo > b.hi) return {};
  if (b.nearLo !== undefined && (b.lo === undefined || b.nearLo > b.lo)) {
    b.lo = b.nearLo;
    b.loWhy = b.nearLoWhy;
  }
  return b;
}

/** Every day, newest first, not after `latest`, on which month/day fell on `weekday` (over CANDIDATE_YEARS). */
function weekdayCandidates(month: number, dayOfMonth: number, weekday: number, latest: number): number[] {
  const out: number[] = [];
  const start = ymdOf(latest).y;
  for (let y = start; y > start - CANDIDATE_YEARS; y--) {
    if (!isValidDate(y, month, dayOfMonth)) continue;
    const day = dayNumber(y, month, dayOfMonth);
    if (day <= latest && weekdayOf(day) === weekday) out.push(day);
  }
  return out;
}

interface Pair {
  month: number;
  day: number;
  weekday: number;
  expression: string;
  /** Stated in the past tense ("reopened on Saturday 5 December"): the day lies before the report. */
  past?: boolean;
  /** The day something was said ("said on Tuesday, 10 November"): the speaker's now, days before the report. */
  said?: boolean;
}

/**
 * Irregular past forms that tell of something done ("the storm struck on Saturday 5 December", "City won on
 * …"), which clauseTense (auxiliaries and -ed endings) does not see. Verbs of saying and thinking are left
 * out ("told residents the bridge opens on …" names a day ahead), and so are forms equal to their present
 * ("hit", "put", "beat").
 */
const DONE = /\b(?:won|lost|fell|rose|took|came|went|began|broke|drew|ran|met|struck|sold|paid|held|led|fought|threw|shook|sank|swept|froze|flew|brought|caught|stood|sent|spent|built|stole|tore|blew|drove|rode|rang|sang|fled|became|swore|overtook|underwent|withdrew|forbade|arose)\b/i;

/** What may stand beside a date on a dateline: punctuation, a time of day and its zone, "updated"/"published". */
const DATELINE_REST = /^(?:[\s,.;:|()\-–—]|\b(?:updated|published|posted|last|am|pm|gmt|bst|utc|cet|cest|est|edt|pst|pdt)\b|\d{1,2}[:.]\d{2})*$/i;

function weekdayPairs(sentences: Sentence[], mentions: DateMention[][]): Pair[] {
  const out: Pair[] = [];
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind === 'dayMonth' && m.spec.weekday !== undefined && m.spec.year === undefined && isValidDate(2000, m.spec.month, m.spec.day)) {
        const tense = clauseTense(s.text, m.start, m.end);
        // A line that is the date alone ("Saturday 5 December", "Saturday 5 December, 09:30 GMT") is the report's own date: never ahead
        const alone = DATELINE_REST.test(s.text.slice(0, m.start) + ' ' + s.text.slice(m.end));
        const past = alone || tense === 'past' || (tense === 'neutral' && DONE.test(clauseAround(s.text, m.start, m.end)));
        out.push({ month: m.spec.month, day: m.spec.day, weekday: m.spec.weekday, expression: m.expression, past, ...(isSayingDate(s.text, m.start) ? { said: true } : {}) });
      }
    }
  }
  return out;
}

interface YearPick {
  day: number;
  certain: boolean;
  /** Why, in words. */
  why: string;
}

/**
 * The year of a weekday–date pair, from all the evidence together. `slack`: how far the pair may lie from
 * the publication (0 when it is the publication date itself). `latest`: the last day the pair may fall on —
 * the ingestion day for the report's own date; for a date the report names, later (it may lie ahead).
 */
function pickYear(pair: Pair, others: Pair[], bounds: Bounds, today: number, slack: number, latest = today): YearPick | null {
  const all = weekdayCandidates(pair.month, pair.day, pair.weekday, latest);
  if (all.length === 0) return null;
  const dm = describeDayMonth(pair.month, pair.day);
  const wd = WEEKDAY_NAMES[pair.weekday];
  const todayIso = isoOf(today);
  const upTo = isoOf(latest);
  let pool = all.filter((d) => (bounds.lo === undefined || d >= bounds.lo - slack) && (bounds.hi === undefined || d <= bounds.hi + slack));
  const used: string[] = [];
  const { lo, hi } = bounds;
  if (lo !== undefined && bounds.loWhy && all.some((d) => d < lo - slack)) used.push(bounds.loWhy);
  if (hi !== undefined && bounds.hiWhy && all.some((d) => d > hi + slack)) used.push(bounds.hiWhy);
  // Other weekday–date pairs of the same text lie near it: a year where one of them cannot fall goes.
  for (const o of others) {
    if (o.month === pair.month && o.day === pair.day) continue;
    const near = weekdayCandidates(o.month, o.day, o.weekday, latest + NEAR_DAYS);
    const kept = pool.filter((d) => near.some((n) => Math.abs(n - d) <= NEAR_DAYS));
    if (kept.length > 0 && kept.length < pool.length) {
      pool = kept;
      used.push(`"${o.expression}" must fall near it`);
    }
  }
  const years = (days: number[]) => days.slice(0, 4).map((d) => ymdOf(d).y).join(', ') + (days.length > 4 ? '…' : '');
  if (pool.length === 0) {
    return { day: all[0], certain: false, why: `the evidence conflicts (${used.join('; ') || 'no year fits'}); ${ymdOf(all[0]).y} is only the most recent year up to ${upTo} in which ${dm} fell on a ${wd}, so the year is not certain` };
  }
  const newest = pool[0];
  if (pool.length === 1) {
    return { day: newest, certain: true, why: `${ymdOf(newest).y} is the only year in which ${dm} fell on a ${wd} that fits the text: ${used.join('; ')}` };
  }
  const gap = today - newest;
  if (Math.abs(gap) <= FRESH_PIN_DAYS) {
    const when = gap === 0 ? 'on the day' : `${Math.abs(gap)} day${Math.abs(gap) === 1 ? '' : 's'} ${gap > 0 ? 'before' : 'after'}`;
    const near = gap >= 0 ? 'a report that recent is of that year' : 'a date that near ahead is of that year';
    return { day: newest, certain: true, why: `${dm} ${gap >= 0 ? 'fell' : 'falls'} on a ${wd} ${when} Herald took the article in (${todayIso}); ${near} (${ymdOf(newest).y})` };
  }
  return {
    day: newest,
    certain: false,
    why: `${dm} fell on a ${wd} in ${years(pool)}${used.length ? ` (${used.join('; ')})` : ''}; nothing in the text decides between them, so ${ymdOf(newest).y}, the most recent up to ${upTo}, is a guess and the year is not certain`,
  };
}

/** A date in a URL path: /2005/03/14/, /2005-03-14/, /20050314/. */
export function dateInUrl(url: string | undefined): { iso: string; text: string } | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (!isValidDate(y, mo, d)) return null;
  return { iso: isoOf(dayNumber(y, mo, d)), text: m[0].replace(/^[/_-]/, '') };
}

const BASIS_WORDS: Record<string, Published['basis']> = { feed: 'feed', page: 'page', url: 'url' };

export function inferPublication(meta: FrontMatter, sentences: Sentence[], mentions: DateMention[][], today: number): PublicationInference {
  const todayIso = isoOf(today);
  const todayYear = Number(todayIso.slice(0, 4));
  if (meta.published) {
    const day = dayOfIso(meta.published);
    if (day !== null) {
      const given = meta['published-basis'];
      const basis = given ? (BASIS_WORDS[/\bfeed\b/i.test(given) ? 'feed' : /\bpage\b/i.test(given) ? 'page' : /\bURL\b/i.test(given) ? 'url' : ''] ?? 'front-matter') : 'front-matter';
      return {
        published: {
          date: meta.published,
          inferred: false,
          reason: given ? `${given}, written into the front matter (published:)` : 'given in the front matter (published:)',
          confidence: 1,
          yearCertain: true,
          basis,
        },
        ref: day,
        refIsPublication: true, refIsNow: true, refYearCertain: true, refIsLatest: false,
        warnings: [],
      };
    }
  }

  const fromUrl = dateInUrl(meta.url);
  if (fromUrl && (dayOfIso(fromUrl.iso) ?? Infinity) <= today + 1) {
    const day = dayOfIso(fromUrl.iso) as number;
    return {
      published: { date: fromUrl.iso, inferred: true, reason: `the date in the URL path (${fromUrl.text})`, confidence: 0.9, yearCertain: true, basis: 'url' },
      ref: day, refIsPublication: true, refIsNow: true, refYearCertain: true, refIsLatest: false, warnings: [],
    };
  }

  const bounds = yearBounds(sentences, mentions);
  const pairs = weekdayPairs(sentences, mentions);

  // 1. A dateline or a dated report: "LONDON, March 3 -", a line holding the date alone ("Published: 3 March
  // 2005", "Updated 3 March 2005, 09:30 GMT"), "<source> reported on <date>" in the lead. A date opening a sentence ("On
  // 5 June 2024 the crew rowed 27 km, the coach said") is when something happened, not when it was reported.
  for (const s of sentences) {
    for (const m of mentions[s.index] ?? []) {
      if (m.spec.kind !== 'dayMonth') continue;
      const before = s.text.slice(Math.max(0, m.start - 40), m.start);
      const rest = s.text.slice(0, m.start) + ' ' + s.text.slice(m.end);
      // A date alone further down is a heading of its own ("12 March 2004" over a timeline's entry) unless labelled
      const alone = DATELINE_REST.test(rest) && (s.index <= 1 || /\b(?:updated|published|posted)\b/i.test(rest));
      const dateline = (s.index === 0 && DATELINE_BEFORE.test(s.text.slice(0, m.start))) || alone;
      // "are announced on 25 January", "will be reported on ..." look ahead, not back at the report
      const reported = s.index < LEAD_SENTENCES && REPORTED_BEFORE.test(before) && !/\b(?:is|are|be|been|being|will|would|to)\s+\w+\s+(?:on\s+)?$/i.test(before);
      if (!reported && !dateline) continue;
      const basis: Published['basis'] = dateline ? 'dateline' : 'text';
      const { month, day, weekday, year } = m.spec;
      const quoted = `"${m.expression}"`;
      const said = dateline ? `the dateline says ${quoted}` : `the text says it was reported on ${quoted}`;
      const mention = { sentence: s.index, start: m.start };
      if (year !== undefined) {
        if (!isValidDate(year, month, day)) continue;
        const at = dayNumber(year, month, day);
        return {
          published: { date: isoOf(at), inferred: true, reason: said, confidence: 0.9, sentence: s.index, yearCertain: true, basis },
          ref: at, refIsPublication: true, refIsNow: true, refYearCertain: true, refIsLatest: false, publicationMention: mention, warnings: [],
        };
      }
      if (weekday !== undefined) {
        const pick = pickYear({ month, day, weekday, expression: m.expression }, pairs, bounds, today, 0);
        if (pick) {
          return {
            published: {
              date: isoOf(pick.day),
              inferred: true,
              reason: `${said}, which has no year; ${pick.why}`,
              confidence: pick.certain ? 0.85 : 0.5,
              sentence: s.index,
              yearCertain: pick.certain,
              basis,
            },
            ref: pick.day, refIsPublication: true, refIsNow: true, refYearCertain: pick.certain, refIsLatest: !pick.certain, publicationMention: mention, warnings: [],
          };
        }
      }
      // No year and no weekday ("said the 19 February meets"): too weak to date the report; fall through to anchors.
    }
  }

  // 2. No publication date: find an anchor for dates without a year.
  if (pairs.length > 0) {
    const pair = pairs[0];
    // A date the text names may lie ahead of the day Herald took it in ("reopens on Saturday 5 December"),
    // unless it is stated in the past tense; only the report itself cannot be later than that day.
    const pick = pickYear(pair, pairs, bounds, today, NEAR_DAYS, pair.past ? today : today + NEAR_DAYS);
    if (pick) {
      return {
        published: {
          date: null,
          inferred: false,
          reason: `no publication date in front matter, URL or text; dates without a year are read relative to "${pair.expression}": ${pick.why}`,
          confidence: 0,
          yearCertain: false,
          basis: 'none',
        },
        // The day a statement was made is no publication date, but it is the speaker's now: what the statement
        // says in the future tense ("will resume in October") lies after it, as it would after the report's.
        ref: pick.day, refIsPublication: false, refIsNow: pair.said === true, refYearCertain: pick.certain, refIsLatest: !pick.certain, warnings: [],
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
          reason: `no publication date in front matter, URL or text; dates without a year are read relative to "${m.expression}", the first full date in the text, so their years are not certain`,
          confidence: 0,
          yearCertain: false,
          basis: 'none',
        },
        ref: at, refIsPublication: false, refIsNow: false, refYearCertain: false, refIsLatest: false, warnings: [],
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
          reason: `no publication date in front matter, URL or text; dates without a year are read relative to "${m.expression}", the first month with a year in the text, so their years are not certain`,
          confidence: 0,
          yearCertain: false,
          basis: 'none',
        },
        ref: at, refIsPublication: false, refIsNow: false, refYearCertain: false, refIsLatest: false, warnings: [],
      };
    }
  }
  const hasYearless = mentions.some((ms) => ms.length > 0);
  return {
    published: {
      date: null,
      inferred: false,
      reason: `no publication date in front matter, URL or text${hasYearless ? `; dates without a year are only placed near the ingestion date ${todayIso} (${todayYear}), an assumption, not evidence, so their years are not certain` : ''}`,
      confidence: 0,
      yearCertain: false,
      basis: 'none',
    },
    ref: today,
    refIsPublication: false,
    refIsNow: true,
    refYearCertain: false,
    refIsLatest: false,
    warnings: hasYearless ? [`no date in the text fixes a year; dates were read relative to the ingestion date ${todayIso}`] : [],
  };
}
