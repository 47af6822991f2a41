// The /timeline picture as a layout model (pure): where each event's mark and label go on one time axis,
// with every label fitted to the picture and events that would overlap stacked on separate rows. The picture is
// drawn from this model alone, so tests check positions and labels here rather than pixels.
import { eventStatus } from '../articles/event-status';
import { yearUnknown } from '../articles/date-text';
import type { EventStatus } from '../articles/model';
import { monthName } from '../language/calendar-words';
import { cleanText, fitText, textWidth } from './text';

export type Precision = 'day' | 'month' | 'year' | 'approximate';

export interface TimelineEventInput {
  id: string;
  /** yyyy-mm-dd: first day (of the month or year, for coarser precisions). */
  date: string;
  /** yyyy-mm-dd: last day; equals `date` for a single day. */
  endDate: string;
  precision: Precision;
  /** 'by' is a deadline: the mark sits at its end. */
  qualifier: 'on' | 'by' | 'about' | 'range' | 'alternative';
  /** The date in words, as precise as the article is ("May 1992", "by 28 November 2024"). */
  dateText: string;
  description: string;
  /** The year is a guess (approximate date, or the article never said which year). */
  uncertainYear: boolean;
  /** False when the parser could not fix the year: past/upcoming is then not known (unless past at the latest year). */
  yearCertain?: boolean;
  /** With yearCertain false: the date uses the latest year the evidence allows. */
  yearIsLatest?: boolean;
  isPublication?: boolean;
  /** Index into TimelineInput.sources. */
  source: number;
}

export interface TimelineSource {
  headline: string;
  /** "BBC · 26 November 2024" */
  detail?: string;
}

export interface TimelineInput {
  events: TimelineEventInput[];
  sources: TimelineSource[];
  now: Date;
  /** "Story" when the events come from several articles on one story. */
  story?: boolean;
}

export interface TextBox {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  bold?: boolean;
  anchor: 'start' | 'middle' | 'end';
  /** Estimated drawn width (px). */
  width: number;
}

export interface TimelineItem {
  id: string;
  /** A day is a point; a month, a year or a range is a span from x to x2. */
  shape: 'point' | 'span';
  x: number;
  x2: number;
  /** Centre line of the item's row. */
  y: number;
  row: number;
  status: EventStatus;
  uncertain: boolean;
  deadline: boolean;
  label: TextBox;
  /** The label's clip rectangle (the picture never shows text outside it). */
  clip: { x: number; y: number; width: number; height: number };
  source: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  title: TextBox;
  subtitle: TextBox;
  axis: { x1: number; x2: number; y: number; ticks: { x: number; label: TextBox }[] };
  today: { x: number; y1: number; y2: number; label: TextBox };
  items: TimelineItem[];
  rows: number;
  legend: TextBox[];
  /** "[1] Headline — BBC" lines when several articles contribute. */
  sourceLines: TextBox[];
  /** Events not drawn (beyond MAX_ITEMS). */
  omitted: number;
}

export const LAYOUT = {
  width: 800,
  pad: 20,
  titleSize: 18,
  textSize: 13,
  smallSize: 12,
  rowHeight: 24,
  /** Longest label (px) before it is cut with "…". */
  maxLabel: 560,
  markerRadius: 5,
  minSpan: 6,
  gap: 10,
  maxItems: 60,
} as const;

const DAY = 86_400_000;
/** "Jan", "Feb", … "Sep", … */
const shortMonth = (m: number): string => monthName(m).slice(0, 3);

const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

function box(text: string, x: number, y: number, size: number, anchor: TextBox['anchor'] = 'start', bold = false): TextBox {
  return { text, x, y, size, anchor, width: textWidth(text, size, bold), ...(bold ? { bold } : {}) };
}

/** Axis ticks at round steps (years, months or days) that leave room for their labels. */
function ticks(from: number, to: number, maxTicks: number): { t: number; text: string }[] {
  const spanDays = (to - from) / DAY;
  const start = new Date(from);
  const out: { t: number; text: string }[] = [];
  if (spanDays > 3 * 365) {
    const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => spanDays / 365.25 / s <= maxTicks) ?? 1000;
    for (let y = Math.ceil(start.getUTCFullYear() / step) * step; ; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t > to) break;
      if (t >= from) out.push({ t, text: String(y) });
    }
  } else if (spanDays > 75) {
    const step = [1, 2, 3, 6, 12].find((s) => spanDays / 30.44 / s <= maxTicks) ?? 12;
    let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1;
    m = Math.ceil(m / step) * step;
    for (; ; m += step) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t > to) break;
      out.push({ t, text: m % 12 === 0 ? String(Math.floor(m / 12)) : `${shortMonth((m % 12) + 1)} ${Math.floor(m / 12)}` });
    }
  } else {
    const step = [1, 2, 7, 14].find((s) => spanDays / s <= maxTicks) ?? 14;
    for (let t = Math.ceil(from / DAY) * DAY; t <= to; t += step * DAY) {
      const d = new Date(t);
      out.push({ t, text: `${d.getUTCDate()} ${shortMonth(d.getUTCMonth() + 1)}` });
    }
  }
  return out;
}

/** Lays out the events of one article (or story) on a time axis of `width` px. */
export function layoutTimeline(input: TimelineInput, width: number = LAYOUT.width): TimelineLayout {
  const { pad, textSize, smallSize, rowHeight, gap } = LAYOUT;
  const today = input.now.toISOString().slice(0, 10);
  const nowT = utc(today) + DAY / 2;
  const dated = input.events.filter((e) => Number.isFinite(utc(e.date)) && Number.isFinite(utc(e.endDate)));
  // A date whose year nothing bounds carries a placeholder year: it has no place on a time axis ("2024 at the
  // latest" has one, drawn hollow as an uncertain year).
  const unplaced = dated.filter((e) => yearUnknown(e)).length;
  const events = dated
    .filter((e) => !yearUnknown(e))
    .sort((a, b) => a.date.localeCompare(b.date) || b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id));
  const drawn = events.slice(0, LAYOUT.maxItems);

  // Header: the headline, and who reported it.
  // A story is named by its first article; a single article by its own headline.
  const first = input.sources[0];
  const headline = cleanText(first?.headline ?? '') || 'Untitled article';
  const titleText = fitText(input.story ? `Story: ${headline}` : headline, LAYOUT.titleSize, width - 2 * pad, true);
  const title = box(titleText, pad, pad + LAYOUT.titleSize, LAYOUT.titleSize, 'start', true);
  const count = `${dated.length} dated event${dated.length === 1 ? '' : 's'}${input.story ? ` from ${input.sources.length} articles` : ''}`;
  const subtitleText = fitText([input.story ? undefined : cleanText(first?.detail ?? ''), count].filter(Boolean).join(' · '), textSize, width - 2 * pad);
  const subtitle = box(subtitleText, pad, title.y + 22, textSize);

  // Time scale: every event and today, with a margin so marks are not drawn on the edge.
  const times = drawn.flatMap((e) => [utc(e.date), utc(e.endDate) + DAY]);
  let from = Math.min(nowT, ...times);
  let to = Math.max(nowT, ...times);
  if (to - from < 30 * DAY) {
    const mid = (from + to) / 2;
    from = mid - 15 * DAY;
    to = mid + 15 * DAY;
  }
  const margin = (to - from) * 0.04;
  from -= margin;
  to += margin;
  const x1 = pad + 10;
  const x2 = width - pad - 10;
  const scale = (t: number) => x1 + ((t - from) / (to - from)) * (x2 - x1);

  const axisY = subtitle.y + 40;
  const tickList = ticks(from, to, Math.max(2, Math.floor((x2 - x1) / 90)));
  const axis = {
    x1,
    x2,
    y: axisY,
    ticks: tickList.map(({ t, text }) => ({ x: scale(t), label: box(text, scale(t), axisY - 8, smallSize, 'middle') })),
  };

  // Items: mark first, then the label on whichever side has room, then the first row it does not overlap.
  const rowsTop = axisY + 26;
  const rowEnds: { left: number; right: number }[][] = [];
  const items: TimelineItem[] = drawn.map((e) => {
    const point = e.precision === 'day' && (e.date === e.endDate || e.qualifier === 'by');
    const deadline = e.qualifier === 'by';
    let mx = scale(point ? utc(deadline ? e.endDate : e.date) + DAY / 2 : utc(e.date));
    let mx2 = point ? mx : scale(utc(e.endDate) + DAY);
    if (mx2 - mx < LAYOUT.minSpan && !point) {
      const c = (mx + mx2) / 2;
      mx = c - LAYOUT.minSpan / 2;
      mx2 = c + LAYOUT.minSpan / 2;
    }
    const markLeft = point ? mx - LAYOUT.markerRadius : mx;
    const markRight = point ? mx + LAYOUT.markerRadius : mx2;
    // The source tag leads, so cutting a long label never removes it.
    const tag = input.story ? `[${e.source + 1}] ` : '';
    const full = tag + cleanText(`${e.dateText}${e.uncertainYear && !/about|uncertain|not stated|as written/.test(e.dateText) ? ' (year uncertain)' : ''}${e.isPublication ? ' (the report)' : ''} · ${e.description}`);
    const roomRight = width - pad - (markRight + 8);
    const roomLeft = markLeft - 8 - pad;
    const natural = textWidth(full, textSize);
    const right = natural <= Math.min(roomRight, LAYOUT.maxLabel) || roomRight >= roomLeft;
    const room = Math.max(40, Math.min(right ? roomRight : roomLeft, LAYOUT.maxLabel));
    const text = fitText(full, textSize, room);
    const labelWidth = Math.min(textWidth(text, textSize), room);
    const lx = right ? markRight + 8 : markLeft - 8;
    const left = Math.min(markLeft, right ? lx : lx - labelWidth) - gap / 2;
    const rightEdge = Math.max(markRight, right ? lx + labelWidth : lx) + gap / 2;
    let row = rowEnds.findIndex((spans) => spans.every((s) => rightEdge <= s.left || left >= s.right));
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push([]);
    }
    rowEnds[row].push({ left, right: rightEdge });
    const y = rowsTop + row * rowHeight + rowHeight / 2;
    const clipX = right ? lx : lx - room;
    return {
      id: e.id,
      shape: point ? 'point' : 'span',
      x: mx,
      x2: mx2,
      y,
      row,
      status: eventStatus(e, input.now), // the one status rule, in UTC days as the axis is
      uncertain: e.uncertainYear,
      deadline,
      label: { ...box(text, lx, y + textSize * 0.36, textSize, right ? 'start' : 'end'), width: labelWidth },
      clip: { x: Math.max(0, clipX), y: y - rowHeight / 2, width: Math.min(room, width - Math.max(0, clipX)), height: rowHeight },
      source: e.source,
    };
  });
  const rows = Math.max(rowEnds.length, 1);
  const chartBottom = rowsTop + rows * rowHeight;

  const todayX = scale(nowT);
  const todayText = `today, ${Number(today.slice(8))} ${shortMonth(Number(today.slice(5, 7)))} ${today.slice(0, 4)}`;
  const todayLabel = box(todayText, todayX, axisY + 18, smallSize, todayX > width / 2 ? 'end' : 'start');
  todayLabel.x += todayLabel.anchor === 'end' ? -5 : 5;

  let y = chartBottom + 22;
  const omittedText = (events.length > drawn.length ? ` · ${events.length - drawn.length} more events not drawn (see the text)` : '')
    + (unplaced > 0 ? ` · ${unplaced} with no known year not drawn (see the text)` : '');
  const legend = [box(fitText(`● a day   ▬ a month, a year or a range   ┅ year uncertain   | today${omittedText}`, smallSize, width - 2 * pad), pad, y, smallSize)];
  const sourceLines: TextBox[] = [];
  if (input.story) {
    input.sources.slice(0, 8).forEach((s, i) => {
      y += 18;
      sourceLines.push(box(fitText(cleanText(`[${i + 1}] ${s.headline}${s.detail ? ` — ${s.detail}` : ''}`), smallSize, width - 2 * pad), pad, y, smallSize));
    });
  }
  const height = Math.ceil(y + pad);

  return {
    width,
    height,
    title,
    subtitle,
    axis,
    today: { x: todayX, y1: axisY - 4, y2: chartBottom, label: todayLabel },
    items,
    rows,
    legend,
    sourceLines,
    omitted: events.length - drawn.length,
  };
}
