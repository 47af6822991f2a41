// Normalised entity keys of an article, shared by topic matching and story linking. Pure.
// "Collective Security Treaty Organization" and "CSTO" both become the key "csto", so an acronym and
// its spelled-out name meet; people are keyed by surname; places by name.
import type { Article, Organisation } from '../articles/model';
import { NEWS_AGENCIES, NEWS_OUTLET_FIRST, NEWS_OUTLET_LAST } from '../language/organisations';
import { foldAccents } from '../language/accents';

const MINOR = new Set(['of', 'the', 'and', 'for', 'de', 'du', 'la', 'le', 'des', 'on', 'in', 'to', 'at', '&']);

export function normalise(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "Collective Security Treaty Organization" → "csto"; single words and acronyms → themselves. */
export function initialism(name: string): string {
  const words = name.split(/\s+/).filter((w) => w && !MINOR.has(w.toLowerCase()));
  if (words.length < 2) return normalise(name);
  return normalise(words.map((w) => w[0]).join(''));
}

export interface EntityProfile {
  /** One canonical key per entity (for Jaccard); news outlets have none (see isNewsOutlet). */
  keys: Set<string>;
  /** Every name form that refers to an entity of the article (for topic matching). */
  names: Set<string>;
}

/** Capitalised multi-word names and acronyms in running text: the fallback when the parser found none. */
export function capitalisedNames(text: string): string[] {
  const out: string[] = [];
  // Single spaces only, so the pattern stays linear on hostile input (long whitespace runs).
  const re = /\b[A-Z][\p{L}'’-]*(?: (?:(?:of|the|and|for|de) )?[A-Z][\p{L}'’-]*)*/gu;
  for (const m of text.slice(0, 200_000).matchAll(re)) {
    const name = m[0].trim();
    const words = name.split(/\s+/);
    if (words.length >= 2 || /^[A-Z]{2,6}$/.test(name)) out.push(name.replace(/ (?:of|the|and|for|de)$/, ''));
  }
  return out;
}

/**
 * A news agency or outlet: a known agency, a name that reads like an outlet ("Daily Ledger", "Radio Free
 * Europe", "Financial Times"), or the article's own source (front matter). It tells who reported a story,
 * so two articles from Reuters are not one story for it.
 */
export function isNewsOutlet(org: Pick<Organisation, 'name' | 'acronym' | 'aliases'>, ownSource?: string): boolean {
  const source = ownSource ? normalise(ownSource) : '';
  for (const form of [org.name, org.acronym, ...org.aliases]) {
    if (!form) continue;
    const n = normalise(form).replace(/^the /, '');
    if (!n) continue;
    if (NEWS_AGENCIES.has(n) || n === source) return true;
    const words = n.split(' ');
    if (words.length >= 2 && (NEWS_OUTLET_FIRST.has(words[0]) || NEWS_OUTLET_LAST.has(words[words.length - 1]))) return true;
  }
  return false;
}

export function entityProfile(article: Article): EntityProfile {
  const names = new Set<string>();
  return { keys: collectEntities(article, names), names };
}

/** The canonical entity keys alone (what story linking compares): no name forms are built or kept. */
export function entityKeys(article: Article): Set<string> {
  return collectEntities(article);
}

/** The article's entity keys; every name form too when `names` is given. */
function collectEntities(article: Article, names?: Set<string>): Set<string> {
  const keys = new Set<string>();
  const addName = (n: string | undefined) => {
    if (!n || !names) return;
    const k = normalise(n);
    if (k) names.add(k);
  };
  const addInitialism = (n: string) => names?.add(initialism(n));
  for (const o of article.organisations) {
    const key = o.acronym ? normalise(o.acronym) : initialism(o.name);
    if (key && !isNewsOutlet(o, article.meta.source)) keys.add(`org:${key}`);
    addName(o.name);
    addName(o.acronym);
    addInitialism(o.name);
    for (const a of o.aliases) {
      addName(a);
      addInitialism(a);
    }
  }
  for (const p of article.people) {
    const parts = normalise(p.name).split(' ').filter(Boolean);
    if (parts.length === 0) continue;
    keys.add(`person:${parts[parts.length - 1]}`);
    addName(p.name);
    if (parts.length > 1) names?.add(parts[parts.length - 1]);
  }
  for (const pl of article.places) {
    const k = normalise(pl.name);
    if (k) keys.add(`place:${k}`);
    addName(pl.name);
  }
  if (keys.size === 0) {
    // Parser found no entities (or is degraded): fall back to capitalised names in the text.
    const text = [article.headline, ...article.paragraphs].join('\n');
    for (const name of capitalisedNames(text)) {
      const words = name.split(/\s+/).filter((w) => !MINOR.has(w.toLowerCase()));
      const key = words.length >= 3 || /^[A-Z]{2,6}$/.test(name) ? initialism(name) : normalise(name);
      if (key.length >= 2) keys.add(`name:${key}`);
      addName(name);
      addInitialism(name);
    }
  }
  return keys;
}
