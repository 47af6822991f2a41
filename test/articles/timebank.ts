// TimeBank (../shared/eval/timebank, TempEval-3 TBAQ-cleaned) as Herald articles, and the score of
// Herald's TIMEX3 date values against the gold ones, beside chrono-node's on the same text. Used by
// `npm run eval -- timebank` and by test/articles/timebank.test.ts. Reads the data; never copies it.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as chrono from 'chrono-node';
import { yearIsCertain } from '../../src/articles/model';
import { parseArticle } from '../../src/articles/parse';
import { sharedPath } from '../support/shared-data';

export interface GoldTimex {
  type: string;
  value: string;
  text: string;
  /** Offsets in the plain text. */
  start: number;
  end: number;
}

export interface TimebankDocument {
  file: string;
  /** Document creation time, yyyy-mm-dd. */
  dct: string;
  /** The TEXT element without its markup. */
  text: string;
  gold: GoldTimex[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Strips the markup of a TimeML TEXT element, recording where each TIMEX3 lies in the plain text. */
export function readTimeml(file: string, xml: string): TimebankDocument {
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1]
    ?? /<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"/.exec(xml)?.[1];
  if (!dct) throw new Error(`${file}: no creation time (DCT)`);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const gold: GoldTimex[] = [];
  let open: { type: string; value: string; start: number } | null = null;
  for (const part of body.split(/(<[^>]+>)/)) {
    if (part.startsWith('<')) {
      const timex = /^<TIMEX3\b([^>]*)>/.exec(part);
      if (timex) {
        open = { type: /type="([^"]*)"/.exec(timex[1])?.[1] ?? '', value: /value="([^"]*)"/.exec(timex[1])?.[1] ?? '', start: text.length };
      } else if (part.startsWith('</TIMEX3') && open) {
        gold.push({ ...open, end: text.length, text: text.slice(open.start, text.length) });
        open = null;
      }
      continue;
    }
    text += part.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);
  }
  return { file, dct, text, gold };
}

export function timebankDocuments(): { ok: true; documents: TimebankDocument[] } | { ok: false; error: string } {
  let dir: string;
  try {
    dir = sharedPath('eval/timebank', 'the TimeBank evaluation documents');
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  if (files.length === 0) return { ok: false, error: `Missing shared research data: no .tml documents in ${dir}.` };
  return { ok: true, documents: files.map((f) => readTimeml(f, readFileSync(resolve(dir, f), 'utf8'))) };
}

const CALENDAR_VALUE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const HEADLINE = 'TimeBank document';

export interface Prediction {
  value: string;
  start: number;
  end: number;
  text: string;
}

/** Herald's date timexes with calendar values, offsets in the plain text. */
/** A TimeBank document as a Herald article: front matter with the creation date (when given), a neutral headline, the text. */
export function timebankArticleText(doc: TimebankDocument, published: string | null): string {
  const front = published ? `---\npublished: ${published}\n---\n` : '';
  return `${front}${HEADLINE}\n\n${doc.text}`;
}

export function heraldDates(doc: TimebankDocument, published: string | null, now = new Date('2026-11-28T12:00:00Z')) {
  const result = parseArticle(timebankArticleText(doc, published), { now, origin: doc.file });
  if (!result.ok) throw new Error(`${doc.file}: ${result.error}`);
  const a = result.article;
  const shift = HEADLINE.length + 2;
  const predictions: Prediction[] = a.timexes
    .filter((t) => t.type === 'date' && CALENDAR_VALUE.test(t.value))
    .map((t) => {
      const s = a.sentences[t.sentence];
      return { value: t.value, text: t.text, start: s.start + t.start - shift, end: s.start + t.end - shift };
    });
  return { predictions, article: a };
}

/** chrono-node's dates with the creation date as reference, at the precision it is certain of. */
export function chronoDates(doc: TimebankDocument): Prediction[] {
  const out: Prediction[] = [];
  const ref = new Date(`${doc.dct}T12:00:00Z`);
  for (const r of chrono.parse(doc.text, { instant: ref, timezone: 0 })) {
    const c = r.start;
    const y = c.get('year');
    const m = c.get('month');
    const d = c.get('day');
    if (y === null || m === null || d === null) continue;
    const pad = (n: number) => String(n).padStart(2, '0');
    let value: string;
    if (c.isCertain('day') || c.isCertain('weekday')) value = `${y}-${pad(m)}-${pad(d)}`;
    else if (c.isCertain('month')) value = `${y}-${pad(m)}`;
    else if (c.isCertain('year')) value = String(y);
    else value = `${y}-${pad(m)}-${pad(d)}`; // "today", "now": chrono implies the reference day
    out.push({ value, text: r.text, start: r.index, end: r.index + r.text.length });
  }
  return out;
}

export interface ValueScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of gold expressions overlapped by some prediction. */
  found: number;
  correct: number;
  predicted: number;
  gold: number;
}

/**
 * Gold DATE expressions with a calendar value against predicted calendar values: in text order, each gold
 * expression is matched to the first unmatched prediction that overlaps it; a match is right when the
 * values are equal. Precision counts every calendar value given, recall every gold one.
 */
export function scoreValues(pairs: { gold: GoldTimex[]; predicted: Prediction[] }[], errors?: (e: string) => void): ValueScore {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  let found = 0;
  for (const doc of pairs) {
    const g = doc.gold.filter((t) => t.type === 'DATE' && CALENDAR_VALUE.test(t.value)).sort((a, b) => a.start - b.start);
    const used = new Set<number>();
    predicted += doc.predicted.length;
    gold += g.length;
    for (const t of g) {
      const i = doc.predicted.findIndex((p, k) => !used.has(k) && p.start < t.end && t.start < p.end);
      if (i < 0) {
        errors?.(`missed  "${t.text}" = ${t.value}`);
        continue;
      }
      used.add(i);
      found++;
      if (doc.predicted[i].value === t.value) correct++;
      else errors?.(`wrong   "${doc.predicted[i].text}" = ${doc.predicted[i].value}, gold "${t.text}" = ${t.value}`);
    }
    doc.predicted.forEach((p, k) => {
      if (!used.has(k)) {
        const other = doc.gold.find((t) => p.start < t.end && t.start < p.end);
        errors?.(`extra   "${p.text}" = ${p.value}${other ? ` (gold ${other.type} "${other.text}" = ${other.value})` : ''}`);
      }
    });
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, found: gold ? found / gold : 0, correct, predicted, gold };
}

export interface TimebankScore {
  herald: ValueScore;
  chrono: ValueScore;
  /** With the creation date removed: publication years asserted with certainty. */
  undated: { certainWrong: number; certainRight: number; unknown: number; wrong: string[] };
  errors: string[];
}

export function scoreTimebank(docs: TimebankDocument[]): TimebankScore {
  const errors: string[] = [];
  const heraldPairs = docs.map((d) => ({ gold: d.gold, predicted: heraldDates(d, d.dct).predictions }));
  const herald = scoreValues(heraldPairs, (e) => errors.push(e));
  const chronoScore = scoreValues(docs.map((d) => ({ gold: d.gold, predicted: chronoDates(d) })));
  const undated = { certainWrong: 0, certainRight: 0, unknown: 0, wrong: [] as string[] };
  for (const d of docs) {
    const { published } = heraldDates(d, null).article;
    if (!published.date || !yearIsCertain(published)) undated.unknown++;
    else if (published.date.slice(0, 4) === d.dct.slice(0, 4)) undated.certainRight++;
    else {
      undated.certainWrong++;
      undated.wrong.push(`${d.file}: ${published.date} (created ${d.dct}) — ${published.reason}`);
    }
  }
  return { herald, chrono: chronoScore, undated, errors };
}
