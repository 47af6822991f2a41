// Message templates for announcements (pure). An admin writes text with {placeholders}; each value comes
// from the article, made inert first (markdown escaped, mentions defused, controls stripped), and the
// whole result is defused once more, so no value can combine with the template's own characters into a
// mention ("<@&{title}>" with a title of digits stays text). Templates themselves may not contain
// mentions: pinging is the role ping's job, which names exactly one role in allowed_mentions.
import type { Article } from '../articles/model';
import { dayTimestamp } from '../format/dates';
import { clip, discordEscape, neutraliseMentions } from '../format/text';
import { cleanText } from '../format/parts';
import { summarise, upcoming } from './announcement';

export const PLACEHOLDERS = ['title', 'summary', 'link', 'source', 'date', 'keydate', 'topic'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

export type MessageFormat = 'embed' | 'text';

export const TEMPLATE_MAX = 1500;

/** What {name} stands for, for /help and error messages. */
export const PLACEHOLDER_HELP: Record<Placeholder, string> = {
  title: 'the headline',
  summary: 'the first sentences',
  link: 'the article link',
  source: 'the feed or site name',
  date: 'the publication date',
  keydate: 'the next key date and what happens then',
  topic: 'the watch topic terms that matched',
};

/** The plain-text message when a watch asks for text without writing its own template. */
export const DEFAULT_TEXT_TEMPLATE = '**{title}**\n{summary}\n{keydate}\n{link}';

const PLACEHOLDER = /\{([a-z]+)\}/g;
const MENTION_SYNTAX = /@(everyone|here)\b|<@|<#/i;

/** Checks an admin's template: bounded, known placeholders only, no mentions of its own. */
export function checkTemplate(text: string): { ok: true } | { ok: false; reason: string } {
  if (text.trim().length === 0) return { ok: false, reason: 'the template is empty.' };
  if (text.length > TEMPLATE_MAX) return { ok: false, reason: `a template of at most ${TEMPLATE_MAX} characters.` };
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length) return { ok: false, reason: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${[...new Set(unknown)].map((n) => `{${n}}`).join(', ')}; use ${PLACEHOLDERS.map((n) => `{${n}}`).join(' ')}.` };
  if (!/\{[a-z]+\}/.test(text)) return { ok: false, reason: `the template uses no placeholder; use at least one of ${PLACEHOLDERS.map((n) => `{${n}}`).join(' ')}.` };
  if (MENTION_SYNTAX.test(text)) return { ok: false, reason: 'a template cannot mention anyone (@everyone, @here, <@…>, <#…>); to ping a role, use the ping option.' };
  return { ok: true };
}

export interface ValueInput {
  article: Article;
  /** The article's link (item link or meta url). */
  url?: string;
  now: Date;
  /** Topic terms of the watch that matched. */
  matchedTerms?: string[];
}

/**
 * Article text as Discord markdown. A template is the one reply text written in Discord markdown by design
 * (admins write it for Discord): its values are escaped here, not carried as plain-text parts (safe()), so
 * the defusing of the whole result sees exactly the text Discord gets. The console shows it as written.
 */
function markdownValue(text: string, max?: number): string {
  const inert = discordEscape(cleanText(text));
  return max === undefined ? inert : clip(inert, max, 'exact');
}

/** Every placeholder's value, already inert. */
export function placeholderValues(input: ValueInput): PlaceholderValues {
  const { article, url } = input;
  const next = upcoming(article, input.now)[0];
  return {
    title: markdownValue(article.headline, 256),
    summary: markdownValue(summarise(article)),
    // A bare URL is not escaped (escaping would break the link) but cannot carry a mention either.
    link: url ? neutraliseMentions(cleanText(url).replace(/[\s<>]/g, encodeURIComponent)) : '',
    source: markdownValue(article.meta.source ?? hostOf(url) ?? '', 200),
    date: article.published.date ? dayTimestamp(article.published.date, 'D') : '',
    keydate: next ? `${dayTimestamp(next.date, 'D')}: ${markdownValue(next.description, 150)}` : '',
    topic: markdownValue((input.matchedTerms ?? []).join(', '), 200),
  };
}

/** Fills the template; a line whose placeholders were all empty is left out. The result is inert. */
export function fillTemplate(template: string, values: PlaceholderValues): string {
  const lines: string[] = [];
  for (const line of template.split('\n')) {
    const filled = line.replace(PLACEHOLDER, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
    if (filled.trim() === '' && /\{[a-z]+\}/.test(line)) continue;
    lines.push(filled);
  }
  return neutraliseMentions(lines.join('\n').trim());
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
