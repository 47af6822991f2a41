// The tracked articles, in memory, with lookup by id or headline. Ingestion (ingest.ts) fills it.
import type { Article } from './model';

export interface TrackedArticle {
  article: Article;
  /** File path or URL it came from. */
  origin: string;
  /** When Herald ingested (or last re-ingested) it. */
  ingestedAt: Date;
}

export type LibraryChange =
  | { type: 'added' | 'updated'; tracked: TrackedArticle; previous?: TrackedArticle }
  | { type: 'removed'; tracked: TrackedArticle };

export interface ArticleLibrary {
  /** Most recently ingested first. */
  list(): TrackedArticle[];
  get(id: string): TrackedArticle | undefined;
  /** No query → the most recently ingested. Otherwise id, exact headline, or a unique headline match. */
  resolve(query?: string): TrackedArticle | undefined;
  /** Autocomplete: articles whose headline (or id) contains every word of the query. */
  suggest(query: string, limit?: number): TrackedArticle[];
  size(): number;
  /** While Herald's start-up load runs: files settled so far of those it reads; undefined once complete. */
  loading?(): LoadProgress | undefined;
}

export interface LoadProgress {
  done: number;
  total: number;
}

const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const collator = new Intl.Collator();

/** Most recently ingested first; ties by headline. The one order list(), resolve() and suggest() use (and views kept in it). */
export function newestFirst(a: TrackedArticle, b: TrackedArticle): number {
  return b.ingestedAt.getTime() - a.ingestedAt.getTime() || collator.compare(a.article.headline, b.article.headline);
}

/** Puts `entry` into `entries`, kept in the library's order (newestFirst), after every entry equal to it. */
export function insertInOrder<E extends { tracked: TrackedArticle }>(entries: E[], entry: E): void {
  entries.splice(afterInOrder(entries, entry.tracked), 0, entry);
}

/** Takes `entry` (this very object) out of `entries`, kept in the library's order; nothing if absent. */
export function removeInOrder<E extends { tracked: TrackedArticle }>(entries: E[], entry: E): void {
  let at = afterInOrder(entries, entry.tracked);
  // Equal keys sit together, just before the binary-search position.
  while (at > 0 && newestFirst(entries[at - 1].tracked, entry.tracked) === 0) at--;
  for (let i = at; i < entries.length; i++) {
    if (entries[i] === entry) {
      entries.splice(i, 1);
      return;
    }
    if (newestFirst(entries[i].tracked, entry.tracked) > 0) break;
  }
  const i = entries.indexOf(entry);
  if (i >= 0) entries.splice(i, 1);
}

/** First index whose article sorts after `tracked` (binary search). */
function afterInOrder(entries: readonly { tracked: TrackedArticle }[], tracked: TrackedArticle): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(entries[mid].tracked, tracked) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Entry {
  tracked: TrackedArticle;
  /** Normalised headline (autocomplete searches it and the id). */
  headline: string;
}

/**
 * The library keeps its order as articles come and go (binary search and one splice per change), so a
 * command, a resolve or an autocomplete keystroke never sorts 10,000 articles.
 */
export class MemoryLibrary implements ArticleLibrary {
  private byId = new Map<string, Entry>();
  private byOrigin = new Map<string, string>();
  /** id → every origin whose file holds that article (identical files), the canonical one first. */
  private holders = new Map<string, string[]>();
  private ordered: Entry[] = [];
  /** Normalised headline → its article, or its articles in the library's order: resolve() by headline looks up, not scans. */
  private byHeadline = new Map<string, Entry | Entry[]>();
  /**
   * What autocomplete searches: each article's normalised headline and id, one line each in the library's
   * order, made again at the first search after a change; lineStarts[i] is where ordered[i]'s line starts.
   * A keystroke is then one native substring search, not a test of every article.
   */
  private searchText: string | undefined;
  private lineStarts = new Int32Array(1);
  private listeners: ((change: LibraryChange) => void)[] = [];
  private progress: LoadProgress | undefined;

  /** main.ts marks the start-up load: commands answer from what is loaded and say so. */
  setLoading(progress: LoadProgress | undefined): void {
    this.progress = progress;
  }

  loading(): LoadProgress | undefined {
    return this.progress;
  }

  onChange(listener: (change: LibraryChange) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Adds or replaces the article that came from `origin`. Articles are keyed by content, so two
   * identical files hold one article: it lives while any of them does, and speaks with the origin of
   * the first (its canonical origin, which reminders and /source use).
   */
  upsert(tracked: TrackedArticle): LibraryChange {
    const { origin } = tracked;
    const id = tracked.article.id;
    const previousId = this.byOrigin.get(origin);
    const previous = previousId === undefined ? undefined : this.byId.get(previousId)?.tracked;
    if (previousId === id && previous && previous.origin !== origin) {
      // A copy re-read with the same text: the article speaks with its canonical file; nothing changes.
      return { type: 'updated', tracked: previous, previous };
    }
    const soleHolder = previousId !== undefined && this.holders.get(previousId)?.length === 1;
    if (previous && (previousId === id || (soleHolder && !this.byId.has(id)))) {
      // The ordinary edit (or re-read) of a file that alone holds its article.
      if (previousId !== id) {
        this.holders.delete(previous.article.id);
        this.holders.set(id, [origin]);
      }
      this.forget(previous.article.id);
      this.put(tracked);
      this.byOrigin.set(origin, id);
      const change: LibraryChange = { type: 'updated', tracked, previous };
      this.emit(change);
      return change;
    }
    // The file's old text lives on in another file, or its new text is already held by one.
    if (previousId !== undefined) this.detach(origin, previousId);
    return this.attach(tracked);
  }

  /**
   * The file `origin` is gone. Its article is retired only when no other file holds it; when the
   * article's canonical file goes and a copy remains, the copy takes over (an 'updated' change whose
   * origin moved, so reminders follow it instead of being cancelled). Undefined when nothing changed.
   */
  removeOrigin(origin: string): LibraryChange | undefined {
    const id = this.byOrigin.get(origin);
    if (id === undefined) return undefined;
    return this.detach(origin, id);
  }

  private detach(origin: string, id: string): LibraryChange | undefined {
    this.byOrigin.delete(origin);
    const tracked = this.byId.get(id)?.tracked;
    const holders = (this.holders.get(id) ?? []).filter((o) => o !== origin);
    if (!tracked) return undefined;
    if (holders.length === 0) {
      this.holders.delete(id);
      this.forget(id);
      const change: LibraryChange = { type: 'removed', tracked };
      this.emit(change);
      return change;
    }
    this.holders.set(id, holders);
    if (tracked.origin !== origin) return undefined;
    const moved: TrackedArticle = { ...tracked, origin: holders[0] };
    this.forget(id);
    this.put(moved);
    const change: LibraryChange = { type: 'updated', tracked: moved, previous: tracked };
    this.emit(change);
    return change;
  }

  /** Adds `tracked` for an origin that holds nothing now. */
  private attach(tracked: TrackedArticle): LibraryChange {
    const id = tracked.article.id;
    const existing = this.byId.get(id)?.tracked;
    this.byOrigin.set(tracked.origin, id);
    if (existing) {
      this.holders.get(id)?.push(tracked.origin);
      return { type: 'added', tracked: existing };
    }
    this.put(tracked);
    this.holders.set(id, [tracked.origin]);
    const change: LibraryChange = { type: 'added', tracked };
    this.emit(change);
    return change;
  }

  /** Indexes and orders `tracked` (its id must not be present). */
  private put(tracked: TrackedArticle): void {
    const headline = norm(tracked.article.headline);
    const entry: Entry = { tracked, headline };
    this.searchText = undefined;
    this.byId.set(tracked.article.id, entry);
    insertInOrder(this.ordered, entry);
    const held = this.byHeadline.get(headline);
    if (!held) this.byHeadline.set(headline, entry);
    else {
      const same = Array.isArray(held) ? held : [held];
      // After every article that sorts before it or equal, as in `ordered`.
      let at = same.length;
      while (at > 0 && newestFirst(same[at - 1].tracked, tracked) > 0) at--;
      same.splice(at, 0, entry);
      this.byHeadline.set(headline, same);
    }
  }

  private emit(change: LibraryChange): void {
    for (const l of this.listeners) l(change);
  }

  private forget(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    removeInOrder(this.ordered, entry);
    this.byId.delete(id);
    this.searchText = undefined;
    const held = this.byHeadline.get(entry.headline);
    if (!Array.isArray(held)) this.byHeadline.delete(entry.headline);
    else {
      const rest = held.filter((e) => e !== entry);
      this.byHeadline.set(entry.headline, rest.length === 1 ? rest[0] : rest);
    }
  }

  byOriginPath(origin: string): TrackedArticle | undefined {
    const id = this.byOrigin.get(origin);
    return id ? this.byId.get(id)?.tracked : undefined;
  }

  origins(): string[] {
    return [...this.byOrigin.keys()];
  }

  /** Every origin (file or item link) holding the article, the canonical one first. */
  originsOf(id: string): readonly string[] {
    return this.holders.get(id) ?? [];
  }

  /** `keep`: only the articles it accepts (a server's view: articles/scopes.ts). */
  list(keep?: (tracked: TrackedArticle) => boolean): TrackedArticle[] {
    // One array of the final size (pushing 10,000 grows and copies it a dozen times: /articles allocated 0.4 MB).
    if (!keep) {
      const all = new Array<TrackedArticle>(this.ordered.length);
      for (let i = 0; i < all.length; i++) all[i] = this.ordered[i].tracked;
      return all;
    }
    const out: TrackedArticle[] = [];
    for (const e of this.ordered) if (!keep || keep(e.tracked)) out.push(e.tracked);
    return out;
  }

  get(id: string): TrackedArticle | undefined {
    return this.byId.get(id)?.tracked;
  }

  size(): number {
    return this.byId.size;
  }

  resolve(query?: string, keep?: (tracked: TrackedArticle) => boolean): TrackedArticle | undefined {
    const ok = (e: Entry | undefined) => e !== undefined && (!keep || keep(e.tracked));
    if (query === undefined || query.trim() === '') return this.ordered.find(ok)?.tracked;
    const exact = this.byId.get(query.trim());
    if (ok(exact)) return exact!.tracked;
    const q = norm(query);
    const held = this.byHeadline.get(q);
    const byHeadline = Array.isArray(held) ? held.find(ok) : ok(held) ? held : undefined;
    if (byHeadline) return byHeadline.tracked;
    const matches = this.suggest(query, 2, keep);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Articles whose headline or id contains every word of the query, in the library's order. */
  suggest(query: string, limit = 25, keep?: (tracked: TrackedArticle) => boolean): TrackedArticle[] {
    const words = norm(query).split(' ').filter(Boolean);
    const out: TrackedArticle[] = [];
    if (words.length === 0) {
      for (const e of this.ordered) {
        if (keep && !keep(e.tracked)) continue;
        out.push(e.tracked);
        if (out.length >= limit) break;
      }
      return out;
    }
    const text = this.searchable();
    const starts = this.lineStarts;
    // The longest word has the fewest places to be: each line holding it is checked for the others.
    const key = words.reduce((a, b) => (b.length > a.length ? b : a));
    for (let at = text.indexOf(key); at >= 0; ) {
      const i = lineAt(starts, at);
      const next = starts[i + 1];
      const e = this.ordered[i];
      const line = words.length > 1 ? text.slice(starts[i], next - 1) : '';
      if ((words.length === 1 || words.every((w) => line.includes(w))) && (!keep || keep(e.tracked))) {
        out.push(e.tracked);
        if (out.length >= limit) break;
      }
      at = text.indexOf(key, next);
    }
    return out;
  }

  /** searchText, made again after a change (no word of a query holds a line break, so none matches across lines). */
  private searchable(): string {
    if (this.searchText !== undefined) return this.searchText;
    const starts = new Int32Array(this.ordered.length + 1);
    const lines: string[] = new Array(this.ordered.length);
    let at = 0;
    for (let i = 0; i < this.ordered.length; i++) {
      const e = this.ordered[i];
      const line = `${e.headline} ${e.tracked.article.id}\n`;
      starts[i] = at;
      lines[i] = line;
      at += line.length;
    }
    starts[this.ordered.length] = at;
    this.lineStarts = starts;
    this.searchText = lines.join('');
    return this.searchText;
  }
}

/** The index of the line holding offset `at`: the last start at or before it (binary search). */
function lineAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
