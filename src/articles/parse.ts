// parseArticle: article text in, a validated Article out (or a clear error). Never throws: bad input
// gives { ok: false, error } or a degraded article whose `warnings` say what was dropped.
import { hash } from 'node:crypto';
import { articleSchema, type Article, type ParseOptions, type ParseResult } from './model';
import { splitFrontMatter } from './front-matter';
import { plainTextOf } from './markup';
import { MAX_SENTENCE_CHARS, structureBody } from './sentences';
import { findDateMentions } from './dates';
import { inferPublication } from './published';
import { buildEvents } from './events';
import { findTimexes } from './timex';
import { extractEntities } from './entities';
import { extractAttributions } from './attributions';
import { extractLists } from './lists';
import { dayOfInstant } from './calendar';
import { foldAccents } from '../language/accents';

/** Share of control characters (other than whitespace) above which the input is treated as binary. */
const BINARY_CONTROL_SHARE = 0.05;
/** Share of U+FFFD (undecodable bytes) above which the input is treated as binary. */
const BINARY_REPLACEMENT_SHARE = 0.2;
const SAMPLE = 65_536;
const MAX_MENTIONS_PER_SENTENCE = 40;

export function slugify(text: string, max = 60): string {
  const slug = foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > max ? slug.slice(0, max).replace(/-[^-]*$/, '') || slug.slice(0, max) : slug;
  return cut;
}

function originName(origin: string | undefined): string {
  if (!origin) return '';
  const base = origin.split(/[\\/]/).pop() ?? origin;
  return base.replace(/\.[a-z0-9]+$/i, '');
}

/** Counts undecodable and control characters in a sample; returns an error when the text looks binary. */
function checkText(text: string): { error?: string; warnings: string[] } {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let controls = 0;
  let replacements = 0;
  let nuls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    else if (c === 0) nuls++;
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  const n = Math.max(1, sample.length);
  if ((controls + nuls) / n > BINARY_CONTROL_SHARE || replacements / n > BINARY_REPLACEMENT_SHARE) {
    return { error: `the file looks binary, not article text (${Math.round(((controls + nuls + replacements) / n) * 100)}% of the first ${sample.length} characters are control or undecodable bytes)`, warnings: [] };
  }
  const warnings: string[] = [];
  if (replacements > 0) warnings.push(`${replacements} undecodable byte sequence(s) (invalid UTF-8) were replaced with U+FFFD`);
  if (nuls + controls > 0) warnings.push(`${nuls + controls} control character(s) in the text were kept as is`);
  return { warnings };
}

function parseUnsafe(text: string, options: ParseOptions): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: 'the article text is not a string' };
  if (!(options?.now instanceof Date) || Number.isNaN(options.now.getTime())) return { ok: false, error: 'parseArticle needs options.now, a valid Date' };
  const contentHash = hash('sha256', text); // (one call: no Hash stream object per article)
  if (text.trim().length === 0) return { ok: false, error: 'the article is empty' };
  const check = checkText(text);
  if (check.error) return { ok: false, error: check.error };

  const fm = splitFrontMatter(text);
  if (text.slice(fm.bodyStart).trim().length === 0) return { ok: false, error: 'the article has no text after its front matter' };
  const plain = plainTextOf(text.slice(fm.bodyStart));
  if (plain.text.trim().length === 0) return { ok: false, error: 'the article has no text outside its markup' };
  const structure = structureBody(plain.text);
  const { sentences } = structure;
  const warnings = [...check.warnings, ...fm.warnings, ...plain.warnings, ...structure.warnings];
  if (sentences.length === 0) warnings.push('the article has a headline but no body text');

  const today = dayOfInstant(options.now);
  // Extraction reads a bounded prefix of each sentence so a pathological "sentence" cannot make it slow.
  const analysed = sentences.map((s) => (s.text.length > MAX_SENTENCE_CHARS ? { ...s, text: s.text.slice(0, MAX_SENTENCE_CHARS) } : s));
  if (analysed.some((s, i) => s !== sentences[i])) warnings.push(`sentences longer than ${MAX_SENTENCE_CHARS} characters were only analysed up to that length`);
  const mentions = analysed.map((s) => findDateMentions(s.text).slice(0, MAX_MENTIONS_PER_SENTENCE));
  const publication = inferPublication(fm.meta, sentences, mentions, today);
  warnings.push(...publication.warnings);

  const entities = extractEntities(analysed);
  const attributions = extractAttributions(analysed, { people: entities.people, peopleBySentence: entities.peopleBySentence });
  const lists = extractLists(analysed, { organisations: entities.organisations, people: entities.people.map((p) => p.name) });
  const events = buildEvents({
    sentences: analysed,
    mentions,
    publication,
    headline: structure.headline,
    now: options.now,
    describe: { sentences: analysed, peopleBySentence: entities.peopleBySentence },
    warnings,
  });

  const timexes = findTimexes(analysed, mentions, { ref: publication.ref, known: publication.refIsPublication && publication.refYearCertain });

  const slug = slugify(structure.headline) || slugify(originName(options.origin)) || 'article';
  const article: Article = {
    id: `${slug}-${contentHash.slice(0, 8)}`,
    headline: structure.headline,
    paragraphs: structure.paragraphs.map((p) => p.text),
    sentences,
    meta: fm.meta,
    published: publication.published,
    events,
    timexes,
    people: entities.people,
    organisations: entities.organisations,
    places: entities.places,
    attributions,
    lists,
    contentHash,
    warnings,
  };
  const checked = articleSchema.safeParse(article);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, error: `internal: the parsed article failed validation at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'unknown'}` };
  }
  return { ok: true, article: checked.data };
}

export function parseArticle(text: string, options: ParseOptions): ParseResult {
  try {
    return parseUnsafe(text, options);
  } catch (error) {
    return { ok: false, error: `internal parser error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
