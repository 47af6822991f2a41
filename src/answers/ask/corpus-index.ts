// The retrieval side of /ask: a BM25 index over every sentence of every tracked article, kept in
// memory and updated as articles are added, replaced or removed. Postings are flat number arrays
// (sentence id, term frequency) so 10,000 articles stay within a few tens of megabytes.
import type { TrackedArticle } from '../../articles/library';
import type { Article } from '../../articles/model';
import { ORG_NAME_FILLER } from '../../language/organisations';
import { stemWord } from '../../language/stem';
import { NOUN_HOMOGRAPHS, STOP_WORDS } from '../../language/stop-words';
import { WORD, tokenize } from '../../language/terms';

export interface IndexedArticle {
  key: number;
  tracked: TrackedArticle;
  /** Sentence texts (the parser's, or split here when the parser gave none). */
  sentences: string[];
  firstSentence: number;
  alive: boolean;
  /** Acronym (lower case) → spelled-out names, and each name's key → its acronym. */
  aliases: Alias[];
}

export interface Alias {
  acronym: string;
  name: string;
}

export interface Hit {
  article: IndexedArticle;
  sentence: number;
  score: number;
}

export interface WeightedTerm {
  stem: string;
  weight: number;
}

const K1 = 1.2;
/** Terms weighted below this only score sentences that stronger terms found. */
const WEAK_WEIGHT = 0.45;
const B = 0.75;


/** A growable Int32Array: a tenth of the memory of a JS number array for postings. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }
  /** Drops the spare capacity left by doubling. */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

export class CorpusIndex {
  private articles: IndexedArticle[] = [];
  private byId = new Map<string, IndexedArticle>();
  private sentenceArticle = new IntList(1024);
  private sentenceLength = new IntList(1024);
  /** Term → ids of the sentences containing it, ascending. */
  private postings = new Map<string, IntList>();
  /** Term → keys of the articles whose headline contains it, ascending. */
  private headlinePostings = new Map<string, IntList>();
  private df = new Map<string, number>();
  /** Term → how often it appears capitalised mid-sentence, and in total: tells names from words. */
  private capitalised = new Map<string, number>();
  private occurrences = new Map<string, number>();
  /** Acronym → names, across all articles (for expanding a question's acronyms). */
  private globalAliases = new Map<string, Map<string, string[]>>();
  /** Stem → acronyms whose name contains it (for finding the acronym of a spelled-out name). */
  private aliasByStem = new Map<string, Set<string>>();
  private liveSentences = 0;
  private totalLength = 0;
  private deadSentences = 0;
  private scores = new Float64Array(1024);

  get size(): number {
    return this.byId.size;
  }

  get sentenceCount(): number {
    return this.liveSentences;
  }

  article(id: string): IndexedArticle | undefined {
    return this.byId.get(id);
  }

  add(tracked: TrackedArticle): void {
    if (this.byId.has(tracked.article.id)) this.remove(tracked.article.id);
    const sentences = sentenceTexts(tracked.article);
    const entry: IndexedArticle = {
      key: this.articles.length,
      tracked,
      sentences,
      firstSentence: this.sentenceArticle.length,
      alive: true,
      aliases: findAliases(tracked.article, sentences),
    };
    this.articles.push(entry);
    this.byId.set(tracked.article.id, entry);
    for (const term of new Set(indexTerms(tracked.article.headline))) {
      let list = this.headlinePostings.get(term);
      if (!list) this.headlinePostings.set(term, (list = new IntList(2)));
      list.push(entry.key);
    }
    const seen = new Set<string>();
    for (const text of sentences) {
      const sid = this.sentenceArticle.length;
      this.sentenceArticle.push(entry.key);
      const terms = indexTerms(text, this.occurrences, this.capitalised);
      this.sentenceLength.push(terms.length);
      this.totalLength += terms.length;
      seen.clear();
      for (const term of terms) {
        if (seen.has(term)) continue;
        seen.add(term);
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = new IntList(2)));
        list.push(sid);
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
      }
    }
    for (const alias of entry.aliases) {
      let names = this.globalAliases.get(alias.acronym);
      if (!names) this.globalAliases.set(alias.acronym, (names = new Map()));
      if (names.size >= 8 || names.has(alias.name)) continue;
      const stems = tokenize(alias.name).filter((t) => !ORG_NAME_FILLER.has(t.lower)).map((t) => t.stem);
      names.set(alias.name, stems);
      for (const s of stems) {
        let set = this.aliasByStem.get(s);
        if (!set) this.aliasByStem.set(s, (set = new Set()));
        set.add(alias.acronym);
      }
    }
    this.liveSentences += sentences.length;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    entry.alive = false;
    this.byId.delete(id);
    for (const text of entry.sentences) {
      const terms = indexTerms(text);
      this.totalLength -= terms.length;
      for (const term of new Set(terms)) this.df.set(term, Math.max(0, (this.df.get(term) ?? 1) - 1));
    }
    this.liveSentences -= entry.sentences.length;
    this.deadSentences += entry.sentences.length;
    if (this.deadSentences > 1000 && this.deadSentences > this.liveSentences) this.compact();
  }

  /** Rebuilds without the removed articles. */
  private compact(): void {
    const live = this.articles.filter((a) => a.alive).map((a) => a.tracked);
    this.articles = [];
    this.byId.clear();
    this.sentenceArticle = new IntList(1024);
    this.sentenceLength = new IntList(1024);
    this.postings.clear();
    this.headlinePostings.clear();
    this.df.clear();
    this.capitalised.clear();
    this.occurrences.clear();
    this.globalAliases.clear();
    this.aliasByStem.clear();
    this.liveSentences = 0;
    this.totalLength = 0;
    this.deadSentences = 0;
    for (const t of live) this.add(t);
  }

  /** Releases spare capacity after a bulk build (the service calls it once all articles are in). */
  trim(): void {
    for (const list of this.postings.values()) list.trim();
    for (const list of this.headlinePostings.values()) list.trim();
  }

  idf(stem: string): number {
    const n = Math.max(1, this.liveSentences);
    const df = this.df.get(stem) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Share of a term's occurrences written with a capital mid-sentence (names, places, acronyms). */
  properness(stem: string): number {
    const total = this.occurrences.get(stem) ?? 0;
    return total === 0 ? 0 : (this.capitalised.get(stem) ?? 0) / total;
  }

  known(stem: string): boolean {
    return (this.df.get(stem) ?? 0) > 0;
  }

  private prefixCache = new Map<string, string[]>();
  private prefixCacheSize = -1;

  /** Capitalised terms (names) that start with `root`: "tajik" → "tajikistan". */
  properTermsStartingWith(root: string): string[] {
    if (this.prefixCacheSize !== this.occurrences.size) {
      this.prefixCache.clear();
      this.prefixCacheSize = this.occurrences.size;
    }
    let out = this.prefixCache.get(root);
    if (out) return out;
    out = [];
    for (const term of this.capitalised.keys()) {
      if (term.length > root.length && term.startsWith(root) && term.length <= root.length + 7 && this.properness(term) > 0.6) {
        out.push(term);
        if (out.length >= 4) break;
      }
    }
    this.prefixCache.set(root, out);
    return out;
  }

  aliasesOf(acronym: string): string[] {
    return [...(this.globalAliases.get(acronym.toLowerCase())?.keys() ?? [])];
  }

  /** Acronyms whose spelled-out name is made of these stems (generic words like "organisation" optional). */
  acronymsFor(stems: string[]): { acronym: string; used: string[] }[] {
    const out: { acronym: string; used: string[] }[] = [];
    const have = new Set(stems);
    const candidates = new Set<string>();
    for (const s of stems) for (const a of this.aliasByStem.get(s) ?? []) candidates.add(a);
    for (const acronym of candidates) {
      for (const nameStems of this.globalAliases.get(acronym)?.values() ?? []) {
        if (nameStems.length >= 2 && nameStems.every((s) => have.has(s))) {
          out.push({ acronym, used: nameStems });
          break;
        }
      }
    }
    return out;
  }

  hasTerm(article: IndexedArticle, stem: string): boolean {
    const list = this.postings.get(stem);
    if (list) {
      const at = lowerBound(list, article.firstSentence);
      if (at < list.length && list.data[at] < article.firstSentence + article.sentences.length) return true;
    }
    const headline = this.headlinePostings.get(stem);
    if (!headline) return false;
    const at = lowerBound(headline, article.key);
    return at < headline.length && headline.data[at] === article.key;
  }

  /**
   * BM25 over sentences (term frequency taken as 1: sentences rarely repeat a word); `only` restricts to
   * one article, `visible` to the articles it accepts (by id; checked before ranking, so hidden articles
   * never crowd visible ones out).
   */
  search(terms: WeightedTerm[], limit: number, only?: IndexedArticle, visible?: (articleId: string) => boolean): Hit[] {
    const total = this.sentenceArticle.length;
    if (this.scores.length < total) this.scores = new Float64Array(Math.max(total, this.scores.length * 2));
    const scores = this.scores;
    const lengths = this.sentenceLength.data;
    const touched: number[] = [];
    const avg = this.liveSentences > 0 ? this.totalLength / this.liveSentences : 1;
    const k = K1 * (1 - B);
    const kb = (K1 * B) / avg;
    // Strong terms (rare ones first) find the candidate sentences. Weak terms (low weight: broad
    // expansions such as every title for "who runs …") and very common terms only add to sentences
    // already found, checked by binary search, instead of walking their long postings.
    const ordered = terms
      .filter((t) => this.postings.has(t.stem))
      .sort((a, b) => Number(a.weight < WEAK_WEIGHT) - Number(b.weight < WEAK_WEIGHT) || this.postings.get(a.stem)!.length - this.postings.get(b.stem)!.length);
    const common = Math.max(5000, this.liveSentences / 20);
    for (const { stem, weight } of ordered) {
      const list = this.postings.get(stem)!;
      const w = this.idf(stem) * weight * (K1 + 1);
      const weak = weight < WEAK_WEIGHT || list.length > common;
      if (!only && weak && touched.length > 0 && touched.length * 4 < list.length) {
        for (const sid of touched) {
          const at = lowerBound(list, sid);
          if (at < list.length && list.data[at] === sid) scores[sid] += w / (1 + k + kb * lengths[sid]);
        }
        continue;
      }
      let from = 0;
      let to = list.length;
      if (only) {
        from = lowerBound(list, only.firstSentence);
        to = lowerBound(list, only.firstSentence + only.sentences.length);
      }
      const ids = list.data;
      for (let p = from; p < to; p++) {
        const sid = ids[p];
        const s = w / (1 + k + kb * lengths[sid]);
        if (scores[sid] === 0) touched.push(sid);
        scores[sid] += s;
      }
    }
    // Keep the best `limit` live sentences.
    const best: number[] = [];
    let floor = 0;
    const seen = visible && new Map<number, boolean>();
    for (const sid of touched) {
      const score = scores[sid];
      if (best.length >= limit * 4 && score <= floor) continue;
      if (seen) {
        const key = this.sentenceArticle.data[sid];
        let ok = seen.get(key);
        if (ok === undefined) seen.set(key, (ok = visible(this.articles[key].tracked.article.id)));
        if (!ok) continue;
      }
      best.push(sid);
      if (best.length >= limit * 8) {
        best.sort((a, b) => scores[b] - scores[a]);
        best.length = limit * 4;
        floor = scores[best[best.length - 1]];
      }
    }
    best.sort((a, b) => scores[b] - scores[a]);
    const hits: Hit[] = [];
    for (const sid of best) {
      const article = this.articles[this.sentenceArticle.data[sid]];
      if (!article.alive) continue;
      hits.push({ article, sentence: sid - article.firstSentence, score: scores[sid] });
      if (hits.length >= limit) break;
    }
    for (const sid of touched) scores[sid] = 0;
    return hits;
  }
}

/** Index terms of a text: stems of the words that are not stop words; counts capitalisation when maps are given. */
function indexTerms(text: string, occurrences?: Map<string, number>, capitalised?: Map<string, number>): string[] {
  const out: string[] = [];
  let first = true;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    if (STOP_WORDS.has(lower) && !NOUN_HOMOGRAPHS.has(lower)) {
      first = false;
      continue;
    }
    const stem = stemWord(lower);
    out.push(stem);
    // The first word of a sentence is capitalised whatever it is: it counts for neither side.
    if (occurrences && capitalised && !first) {
      occurrences.set(stem, (occurrences.get(stem) ?? 0) + 1);
      const c = raw.charCodeAt(0);
      if ((c >= 65 && c <= 90) || (c > 127 && raw[0] !== lower[0])) capitalised.set(stem, (capitalised.get(stem) ?? 0) + 1);
    }
    first = false;
  }
  return out;
}

/** First position in an ascending list whose value is ≥ value. */
function lowerBound(list: IntList, value: number): number {
  let lo = 0;
  let hi = list.length;
  const data = list.data;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function spelledBy(words: string[], acronym: string): string | undefined {
  const target = acronym.toUpperCase().replace(/[^A-Z]/g, '');
  for (let start = 0; start < words.length; start++) {
    if (!/^[A-Z]/.test(words[start])) continue;
    const capitals = words.slice(start).filter((w) => /^[A-Z]/.test(w));
    const initials = capitals.map((w) => w[0]).join('');
    const trailingGeneric = capitals.length > target.length && capitals.slice(target.length).every((w) => ORG_NAME_FILLER.has(w.toLowerCase()));
    if (initials === target || (trailingGeneric && initials.startsWith(target))) return words.slice(start).join(' ');
  }
  return undefined;
}

/** The parser's sentences; when it gave none, a plain split of the paragraphs. */
export function sentenceTexts(article: Article): string[] {
  if (article.sentences.length > 0) return article.sentences.map((s) => s.text);
  const out: string[] = [];
  for (const p of article.paragraphs) {
    for (const s of p.split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/)) if (s.trim()) out.push(s.trim());
  }
  return out;
}

/** Acronyms and their names: from the parser's organisations and from "Name (ACR)" / "ACR (Name)" in the text. */
export function findAliases(article: Article, sentences: string[]): Alias[] {
  const out = new Map<string, Alias>();
  const add = (acronym: string, name: string) => {
    const a = acronym.trim();
    const n = name.trim();
    if (a.length < 2 || n.length <= a.length) return;
    out.set(`${a.toLowerCase()}|${n.toLowerCase()}`, { acronym: a.toLowerCase(), name: n });
  };
  for (const org of article.organisations) {
    if (org.acronym) add(org.acronym, org.name);
    for (const alias of org.aliases) {
      if (/^[A-Z0-9&]{2,8}$/.test(alias)) add(alias, org.name);
      else if (org.acronym) add(org.acronym, alias);
    }
  }
  const pattern = /((?:[A-Z][\p{L}'’-]*\s+)(?:(?:of|and|for|the|de|&)\s+|[A-Z][\p{L}'’-]*\s+){0,7})\(([A-Z][A-Za-z0-9&]{1,9})\)/gu;
  for (const text of [article.headline, ...sentences]) {
    for (const m of text.matchAll(pattern)) {
      const acronym = m[2];
      const words = m[1].trim().split(/\s+/);
      // The longest run of trailing words whose capitals spell the acronym (a final "Union" may be left out of it).
      const spelled = spelledBy(words, acronym);
      if (spelled) {
        add(acronym, spelled);
        continue;
      }
      const initials = acronym.replace(/[^A-Z]/g, '');
      const capitalWords = words.filter((w) => /^[A-Z]/.test(w));
      const take = Math.min(capitalWords.length, Math.max(initials.length, 1));
      let count = 0;
      let startAt = words.length;
      for (let i = words.length - 1; i >= 0 && count < take; i--) {
        startAt = i;
        if (/^[A-Z]/.test(words[i])) count++;
      }
      add(acronym, words.slice(startAt).join(' '));
    }
  }
  // Acronyms spelled by the initials of a capitalised run elsewhere in the text ("Oil and Natural Gas Corporation" ↔ ONGC).
  const acronyms = new Set<string>();
  for (const text of [article.headline, ...sentences]) for (const m of text.matchAll(/\b[A-Z][A-Z0-9&]{1,7}\b/g)) acronyms.add(m[0]);
  if (acronyms.size > 0) {
    for (const text of sentences) {
      for (const m of text.matchAll(/(?:[A-Z][\p{L}'’-]+)(?:\s+(?:(?:of|and|for|the|&)\s+)?[A-Z][\p{L}'’-]+){1,7}/gu)) {
        const words = m[0].split(/\s+/);
        const initials = words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
        if (initials.length >= 2 && acronyms.has(initials)) add(initials, m[0]);
        const withAnd = words.map((w) => w[0].toUpperCase()).join('');
        if (withAnd !== initials && withAnd.length >= 2 && acronyms.has(withAnd)) add(withAnd, m[0]);
      }
    }
  }
  return [...out.values()];
}
