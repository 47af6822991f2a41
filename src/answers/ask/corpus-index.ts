// The retrieval side of /ask: a BM25 index over every sentence of every tracked article, kept in
// memory and updated as articles are added, replaced or removed. Postings are flat number arrays
// (sentence id, term frequency) so 10,000 articles stay within a few tens of megabytes.
import type { TrackedArticle } from '../../articles/library';
import type { Article } from '../../articles/model';
import { STOP_WORDS, stemWord, tokenize } from './text';

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
const B = 0.75;
const GENERIC_ORG_WORDS = new Set(['organization', 'organisation', 'union', 'association', 'party', 'corporation', 'company', 'group', 'council', 'committee', 'agency', 'commission', 'the', 'of', 'and', 'for']);

export class CorpusIndex {
  private articles: IndexedArticle[] = [];
  private byId = new Map<string, IndexedArticle>();
  private sentenceArticle: number[] = [];
  private sentenceLength: number[] = [];
  private postings = new Map<string, number[]>();
  /** Term → articles containing it (ascending keys; dead ones filtered on read). */
  private articlePostings = new Map<string, number[]>();
  private df = new Map<string, number>();
  /** Term → how often it appears capitalised mid-sentence, and in total: tells names from words. */
  private capitalised = new Map<string, number>();
  private occurrences = new Map<string, number>();
  /** Acronym → names, across all articles (for expanding a question's acronyms). */
  private globalAliases = new Map<string, Set<string>>();
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
    const articleTerms = new Set<string>();
    for (const term of this.terms(tracked.article.headline, false)) articleTerms.add(term);
    sentences.forEach((text, i) => {
      const sid = this.sentenceArticle.length;
      this.sentenceArticle.push(entry.key);
      const tf = new Map<string, number>();
      const terms = this.terms(text, true);
      for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
      this.sentenceLength.push(terms.length);
      this.totalLength += terms.length;
      for (const [term, n] of tf) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(sid, n);
        this.df.set(term, (this.df.get(term) ?? 0) + 1);
        articleTerms.add(term);
      }
      void i;
    });
    for (const term of articleTerms) {
      let list = this.articlePostings.get(term);
      if (!list) this.articlePostings.set(term, (list = []));
      list.push(entry.key);
    }
    for (const alias of entry.aliases) {
      let names = this.globalAliases.get(alias.acronym);
      if (!names) this.globalAliases.set(alias.acronym, (names = new Set()));
      if (names.size < 8) names.add(alias.name);
    }
    this.liveSentences += sentences.length;
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    entry.alive = false;
    this.byId.delete(id);
    entry.sentences.forEach((text) => {
      const len = this.terms(text, false);
      this.totalLength -= len.length;
      for (const term of new Set(len)) this.df.set(term, Math.max(0, (this.df.get(term) ?? 1) - 1));
    });
    this.liveSentences -= entry.sentences.length;
    this.deadSentences += entry.sentences.length;
    if (this.deadSentences > 1000 && this.deadSentences > this.liveSentences) this.compact();
  }

  /** Rebuilds without the removed articles. */
  private compact(): void {
    const live = this.articles.filter((a) => a.alive).map((a) => a.tracked);
    this.articles = [];
    this.byId.clear();
    this.sentenceArticle = [];
    this.sentenceLength = [];
    this.postings.clear();
    this.articlePostings.clear();
    this.df.clear();
    this.capitalised.clear();
    this.occurrences.clear();
    this.globalAliases.clear();
    this.liveSentences = 0;
    this.totalLength = 0;
    this.deadSentences = 0;
    for (const t of live) this.add(t);
  }

  /** Index terms of a text (stop words out); counts capitalisation when `count`. */
  private terms(text: string, count: boolean): string[] {
    const out: string[] = [];
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (STOP_WORDS.has(t.lower)) continue;
      out.push(t.stem);
      if (count && i > 0) {
        this.occurrences.set(t.stem, (this.occurrences.get(t.stem) ?? 0) + 1);
        if (t.cap) this.capitalised.set(t.stem, (this.capitalised.get(t.stem) ?? 0) + 1);
      }
    }
    return out;
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
    for (const term of this.occurrences.keys()) {
      if (term.length > root.length && term.startsWith(root) && term.length <= root.length + 6 && this.properness(term) > 0.6) {
        out.push(term);
        if (out.length >= 4) break;
      }
    }
    this.prefixCache.set(root, out);
    return out;
  }

  aliasesOf(acronym: string): string[] {
    return [...(this.globalAliases.get(acronym.toLowerCase()) ?? [])];
  }

  /** Acronyms whose spelled-out name is made of these stems (in order, generic words optional). */
  acronymsFor(stems: string[]): { acronym: string; used: string[] }[] {
    const out: { acronym: string; used: string[] }[] = [];
    const have = new Set(stems);
    for (const [acronym, names] of this.globalAliases) {
      for (const name of names) {
        const nameStems = tokenize(name).filter((t) => !GENERIC_ORG_WORDS.has(t.lower)).map((t) => t.stem);
        if (nameStems.length >= 2 && nameStems.every((s) => have.has(s))) {
          out.push({ acronym, used: nameStems });
          break;
        }
      }
    }
    return out;
  }

  hasTerm(article: IndexedArticle, stem: string): boolean {
    const list = this.articlePostings.get(stem);
    if (!list) return false;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] === article.key) return true;
      if (list[mid] < article.key) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** BM25 over sentences; `only` restricts to one article. Returns the best `limit` hits. */
  search(terms: WeightedTerm[], limit: number, only?: IndexedArticle): Hit[] {
    const total = this.sentenceArticle.length;
    if (this.scores.length < total) this.scores = new Float64Array(Math.max(total, this.scores.length * 2));
    const scores = this.scores;
    const touched: number[] = [];
    const avg = this.liveSentences > 0 ? this.totalLength / this.liveSentences : 1;
    for (const { stem, weight } of terms) {
      const list = this.postings.get(stem);
      if (!list) continue;
      const idf = this.idf(stem) * weight;
      let from = 0;
      let to = list.length;
      if (only) {
        // Postings are in sentence-id order: binary-search the article's range.
        from = lowerBound(list, only.firstSentence);
        to = lowerBound(list, only.firstSentence + only.sentences.length);
      }
      for (let p = from; p < to; p += 2) {
        const sid = list[p];
        const tf = list[p + 1];
        const len = this.sentenceLength[sid];
        const s = (idf * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * len) / avg));
        if (scores[sid] === 0) touched.push(sid);
        scores[sid] += s;
      }
    }
    const hits: Hit[] = [];
    let floor = -Infinity;
    for (const sid of touched) {
      const score = scores[sid];
      scores[sid] = 0;
      if (score <= floor && hits.length >= limit) continue;
      const article = this.articles[this.sentenceArticle[sid]];
      if (!article.alive) continue;
      hits.push({ article, sentence: sid - article.firstSentence, score });
      if (hits.length > limit * 4) {
        hits.sort((a, b) => b.score - a.score);
        hits.length = limit;
        floor = hits[hits.length - 1].score;
      }
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}

/** First even position whose sentence id is ≥ sid in a flat (sid, tf) postings list. */
function lowerBound(list: number[], sid: number): number {
  let lo = 0;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * 2] < sid) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
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
      // Keep the trailing words whose initials can spell the acronym.
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
  void stemWord;
  return [...out.values()];
}
