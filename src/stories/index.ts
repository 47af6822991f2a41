// Stories: tracked articles grouped by storyScore links, kept as a link graph that each library change
// updates locally. Two articles can only be on one story if they share an entity (sameStory needs one),
// so an inverted index from entity keys to articles gives every candidate; a cheap bound from the shared
// entity count and headline words settles most candidates before the full score is needed. A change
// costs the article's candidates, never every article or every pair.
// Entities named by a large share of the library (a country in every other article, an outlet that
// reports half of them) are "common": they link nothing, or a big library chains into a few giant
// stories. The index knows each entity's document frequency, so it decides this from the library itself.
import type { LibraryChange, MemoryLibrary, TrackedArticle } from '../articles/library';
import type { Article } from '../articles/model';
import { corrects, jaccard, movedEvents, sameStory, signature, storyScore, STORY_THRESHOLD, type DateMove, type StorySignature } from './link';

export interface Story {
  /** Every article of the story, oldest first (publication date, else ingestion time). */
  articles: TrackedArticle[];
  /** The article the story started with. */
  first: TrackedArticle;
  /** More articles link on than STORY_MAX: `articles` holds the closest (fewest links away). */
  truncated?: boolean;
}

/**
 * At most this many articles make a story's view (/brief, /timeline): links chain, and in a large library
 * a chain can reach thousands of articles, which no reply can show and no command should walk each time.
 */
export const STORY_MAX = 50;

export interface StoryLink {
  tracked: TrackedArticle;
  score: number;
  /** Events the newer article moved to another date. */
  moves: DateMove[];
}

/** An article that links to another one (sameStory(storyScore(it, other))), with its signature. */
export interface LinkingArticle {
  tracked: TrackedArticle;
  signature: StorySignature;
}

/** An event of an older article that a newer one moved: the new date with its span and precision (DateMove). */
export type SupersededEvent = { origin: string } & Pick<DateMove, 'eventId' | 'from' | 'to' | 'toEnd' | 'toPrecision'>;

/** What /brief (and reminders) need from stories. */
export interface StoryLookup {
  /** The story an article belongs to, oldest article first. */
  storyOf(articleId: string, keep?: (tracked: TrackedArticle) => boolean): Story | undefined;
  /** Events of older articles on the same story that this article moved to another date (optional: test doubles may omit it). */
  supersededBy?(articleId: string): SupersededEvent[];
}

/** What reminders need: who links to an article, and which articles a library change may affect. */
export interface StoryLinks {
  signatureOf(articleId: string): StorySignature | undefined;
  /** Tracked articles whose story score against this one passes (the direction supersession reads). */
  linkingTo(articleId: string): LinkingArticle[];
  /** Article ids a change may alter the story links of: the article itself and its neighbours, before and after. */
  touchedBy(change: LibraryChange): string[];
  /** The article and its story neighbours. */
  neighboursOf?(articleId: string): string[];
  /** Tracked articles this one links to (the older articles whose dates it may move). */
  linksOf?(articleId: string): LinkingArticle[];
}

interface Node {
  id: string;
  tracked: TrackedArticle;
  sig: StorySignature;
  /** Ids this article links to: sameStory(storyScore(this, other)). Each once (an array: most hold 0–5). */
  out: string[];
  /** Ids that link to this article. */
  in: string[];
  /** Scratch for candidates(): the pass that last counted this node, and its shared entity count then. */
  pass: number;
  shared: number;
}

/**
 * An entity named by more than this share of the library's articles (and by at least COMMON_FLOOR of
 * them) is common: it links no stories. A story's own entities (its organisation, its people) are named
 * by its few articles, far below; what passes is what every other article names.
 */
export const COMMON_SHARE = 0.02;
export const COMMON_FLOOR = 50;

/** A candidate's score bound without its events (at most 0.15 of the score): below this nothing links. */
const EVENTS_WEIGHT = 0.15;

/**
 * Strings shared by many signatures (entity keys, headline and event words), one copy each: a string is
 * counted once for each signature set holding it and dropped with its last holder.
 */
class SharedStrings {
  private readonly pool = new Map<string, { text: string; holders: number }>();

  readonly take = (text: string): string => {
    const entry = this.pool.get(text);
    if (entry) {
      entry.holders++;
      return entry.text;
    }
    this.pool.set(text, { text, holders: 1 });
    return text;
  };

  release(text: string): void {
    const entry = this.pool.get(text);
    if (entry && --entry.holders === 0) this.pool.delete(text);
  }

  releaseAll(sig: StorySignature): void {
    for (const k of sig.profile.keys) this.release(k);
    for (const w of sig.headlineWords) this.release(w);
    for (const e of sig.events) for (const w of e.words) this.release(w);
    if (sig.source) this.release(sig.source);
    if (sig.host) this.release(sig.host);
  }

  get size(): number {
    return this.pool.size;
  }
}

export class StoryIndex implements StoryLookup, StoryLinks {
  private readonly nodes = new Map<string, Node>();
  private readonly strings = new SharedStrings();
  /** Entity key → the articles naming it (nodes, not ids: counting shared keys needs no lookups). */
  private readonly byEntity = new Map<string, Set<Node>>();
  private pass = 0;
  private readonly touched = new WeakMap<LibraryChange, string[]>();
  /** Entity keys too widespread to link stories (see COMMON_SHARE). */
  private readonly common = new Set<string>();
  /** Ids whose links a change of the common keys redrew during the current change (undefined outside one). */
  private relinked: Set<string> | undefined;

  private readonly commonShare: number;
  private readonly commonFloor: number;

  /** `common`: the bounds of common keys (tests use small ones; default COMMON_SHARE and COMMON_FLOOR). */
  constructor(private readonly library: MemoryLibrary, common: { share?: number; floor?: number } = {}) {
    this.commonShare = common.share ?? COMMON_SHARE;
    this.commonFloor = common.floor ?? COMMON_FLOOR;
    for (const t of library.list()) this.add(t);
    library.onChange((change) => this.apply(change));
  }

  /** The entity keys that link no stories now (document frequency over COMMON_SHARE of the library). */
  commonKeys(): ReadonlySet<string> {
    return this.common;
  }

  /** Distinct strings the indexed signatures hold (each kept once however many signatures hold it). */
  sharedStrings(): number {
    return this.strings.size;
  }

  private apply(change: LibraryChange): void {
    const touched = new Set<string>();
    this.relinked = touched;
    const forget = (id: string) => {
      const node = this.nodes.get(id);
      if (!node) return;
      touched.add(id);
      for (const o of node.out) touched.add(o);
      for (const i of node.in) touched.add(i);
      this.remove(id);
    };
    if (change.type === 'removed') forget(change.tracked.article.id);
    else {
      if (change.previous) forget(change.previous.article.id);
      const node = this.add(change.tracked);
      touched.add(change.tracked.article.id);
      for (const o of node.out) touched.add(o);
      for (const i of node.in) touched.add(i);
    }
    this.relinked = undefined;
    this.touched.set(change, [...touched]);
  }

  /** The article and the articles it links to or is linked from (whose supersession its visibility may change). */
  neighboursOf(articleId: string): string[] {
    const node = this.nodes.get(articleId);
    return node ? [articleId, ...node.out, ...node.in] : [articleId];
  }

  touchedBy(change: LibraryChange): string[] {
    return this.touched.get(change) ?? [change.tracked.article.id];
  }

  private add(tracked: TrackedArticle): Node {
    const id = tracked.article.id;
    if (this.nodes.has(id)) this.remove(id);
    const sig = signature(tracked.article, this.strings.take);
    const node: Node = { id, tracked, sig, out: [], in: [], pass: 0, shared: 0 };
    this.link(node);
    this.nodes.set(id, node);
    for (const key of sig.profile.keys) {
      let ids = this.byEntity.get(key);
      if (!ids) this.byEntity.set(key, (ids = new Set()));
      ids.add(node);
    }
    this.reviewCommon(sig.profile.keys);
    return node;
  }

  /** Links `node` (not yet or no longer linked) to every candidate it is on one story with, both ways. */
  private link(node: Node): void {
    const { id, sig } = node;
    for (const c of this.candidates(sig, id)) {
      const other = c.node;
      const [forward, backward] = c.both ? [true, true] : [sameStory(storyScore(sig, other.sig, this.common)), sameStory(storyScore(other.sig, sig, this.common))];
      if (forward) {
        node.out = withId(node.out, c.id);
        other.in = withId(other.in, id);
      }
      if (backward) {
        other.out = withId(other.out, id);
        node.in = withId(node.in, c.id);
      }
    }
  }

  private unlink(node: Node): void {
    for (const o of node.out) {
      const other = this.nodes.get(o);
      if (other) other.in = withoutId(other.in, node.id);
    }
    for (const i of node.in) {
      const other = this.nodes.get(i);
      if (other) other.out = withoutId(other.out, node.id);
    }
    node.out = [];
    node.in = [];
  }

  /** The document frequency above which a key is common, for the library's size now. */
  private commonAbove(): number {
    return Math.max(this.commonFloor, Math.ceil(this.commonShare * this.nodes.size));
  }

  /**
   * Keys whose document frequency crossed the bound become common (or, at half the bound, ordinary
   * again: the margin keeps a key near the bound from flipping on every change). A key becoming common
   * can only cut links, and only between two articles that both name it: those links are scored again
   * (a few, where relinking every article naming the key meant hundreds of candidate searches in a large
   * library, and every one of those articles reconciled by reminders). A key becoming ordinary again
   * may link articles anew: the articles naming it are linked anew.
   */
  private reviewCommon(keys: Iterable<string>): void {
    const above = this.commonAbove();
    const flipped: string[] = [];
    for (const key of keys) {
      const df = this.byEntity.get(key)?.size ?? 0;
      if (!this.common.has(key) && df > above) flipped.push(key);
      else if (this.common.has(key) && df <= above / 2) flipped.push(key);
    }
    // The bound grows with the library: now and then, common keys it has outgrown become ordinary.
    if (this.nodes.size % 256 === 0) {
      for (const key of this.common) if ((this.byEntity.get(key)?.size ?? 0) <= above / 2 && !flipped.includes(key)) flipped.push(key);
    }
    if (flipped.length === 0) return;
    const affected = new Set<Node>();
    let widened = false;
    for (const key of flipped) {
      if (this.common.has(key)) {
        this.common.delete(key);
        widened = true;
      } else this.common.add(key);
      for (const n of this.byEntity.get(key) ?? []) affected.add(n);
    }
    if (!widened) {
      this.cutLinks(affected);
      return;
    }
    const touched = this.relinked;
    for (const n of affected) {
      if (touched) {
        touched.add(n.id);
        for (const o of n.out) touched.add(o);
        for (const i of n.in) touched.add(i);
      }
      this.unlink(n);
    }
    for (const n of affected) {
      this.link(n);
      if (touched) {
        for (const o of n.out) touched.add(o);
        for (const i of n.in) touched.add(i);
      }
    }
  }

  /**
   * After keys became common (and none ordinary): of the links between two `affected` articles (those
   * naming such a key), those that no longer pass are cut. A link to an article naming none of the keys
   * scores as before (the keys were not shared), and no link appears (a shared key less never raises a
   * score), so nothing else is scored. Only the articles of a cut link are touched.
   */
  private cutLinks(affected: Set<Node>): void {
    const touched = this.relinked;
    for (const node of affected) {
      const cut = node.out.filter((id) => {
        const other = this.nodes.get(id) as Node;
        return affected.has(other) && !sameStory(storyScore(node.sig, other.sig, this.common));
      });
      for (const id of cut) {
        const other = this.nodes.get(id) as Node;
        node.out = withoutId(node.out, id);
        other.in = withoutId(other.in, node.id);
        touched?.add(node.id);
        touched?.add(id);
      }
    }
  }

  private remove(id: string): void {
    const node = this.nodes.get(id);
    if (!node) return;
    this.unlink(node);
    for (const key of node.sig.profile.keys) {
      const ids = this.byEntity.get(key);
      ids?.delete(node);
      if (ids?.size === 0) this.byEntity.delete(key);
    }
    this.nodes.delete(id);
    this.reviewCommon(node.sig.profile.keys);
    this.strings.releaseAll(node.sig);
  }

  /**
   * Indexed articles that may be on one story with `sig`: those sharing an entity key whose score,
   * counted without events, can still reach the threshold. `both`: linked in both directions for sure
   * (two shared entities and the threshold reached without events), no full score needed.
   */
  private candidates(sig: StorySignature, selfId: string): { id: string; node: Node; both: boolean }[] {
    // Shared key counts are kept on the nodes themselves (stamped with this pass): no map per call.
    const pass = ++this.pass;
    const counted: Node[] = [];
    const common = this.common;
    for (const key of sig.profile.keys) {
      if (common.has(key)) continue;
      const nodes = this.byEntity.get(key);
      if (!nodes) continue;
      for (const n of nodes) {
        if (n.pass !== pass) {
          n.pass = pass;
          n.shared = 0;
          counted.push(n);
        }
        n.shared++;
      }
    }
    const out: { id: string; node: Node; both: boolean }[] = [];
    const mine = sig.profile.keys.length;
    const words = sig.headlineWords;
    const noEvents = sig.events.length === 0;
    for (const node of counted) {
      if (node.id === selfId) continue;
      const n = node.shared;
      const other = node.sig;
      const theirs = other.profile.keys.length;
      // A correction of the other article (or the other a correction of it) links on one shared entity,
      // whatever the score: scored in full.
      if ((sig.correction || other.correction) && corrects(sig, other)) {
        out.push({ id: node.id, node, both: false });
        continue;
      }
      // The same terms as storyScore, with the shared entity count taken from the index.
      // One shared entity links only with a shared event (sameStory): without events on both sides, none.
      if (n === 1 && (noEvents || other.events.length === 0)) continue;
      const entityJ = (n / (mine + theirs - n) + n / Math.min(mine, theirs)) / 2;
      const entities = 0.6 * entityJ;
      if (n >= 2 && entities >= STORY_THRESHOLD) {
        // The threshold is reached on entities alone: linked both ways, whatever the headlines and events.
        out.push({ id: node.id, node, both: true });
        continue;
      }
      const base = entities + 0.25 * jaccard(words, other.headlineWords);
      if (base + EVENTS_WEIGHT < STORY_THRESHOLD - 1e-9) continue;
      out.push({ id: node.id, node, both: n >= 2 && base >= STORY_THRESHOLD });
    }
    return out;
  }

  private sig(article: Article): StorySignature {
    return this.nodes.get(article.id)?.sig ?? signature(article);
  }

  signatureOf(articleId: string): StorySignature | undefined {
    return this.nodes.get(articleId)?.sig;
  }

  linksOf(articleId: string): LinkingArticle[] {
    const node = this.nodes.get(articleId);
    if (!node) return [];
    return [...node.out].map((id) => this.nodes.get(id) as Node).map((n) => ({ tracked: n.tracked, signature: n.sig }));
  }

  linkingTo(articleId: string): LinkingArticle[] {
    const node = this.nodes.get(articleId);
    if (!node) return [];
    return [...node.in].map((id) => this.nodes.get(id) as Node).map((n) => ({ tracked: n.tracked, signature: n.sig }));
  }

  /**
   * The tracked article (other than `article` and anything from the same origin) that it best continues;
   * `keep`: among those a viewer may see.
   */
  bestLink(article: Article, origin?: string, keep?: (tracked: TrackedArticle) => boolean): StoryLink | undefined {
    const mine = this.sig(article);
    let best: StoryLink | undefined;
    for (const c of this.candidates(mine, article.id)) {
      const t = c.node.tracked;
      if (origin && t.origin === origin) continue;
      if (keep && !keep(t)) continue;
      const theirs = this.sig(t.article);
      const s = storyScore(mine, theirs, this.common);
      if (!sameStory(s)) continue;
      if (!best || s.score > best.score) best = { tracked: t, score: s.score, moves: movedEvents(theirs, mine) };
    }
    return best;
  }

  /**
   * Events of other (older) tracked articles that this article moved to another date: what a reminder
   * keyed by (origin, event id) should treat as superseded. Only articles published no earlier count.
   */
  supersededBy(articleId: string): SupersededEvent[] {
    const newer = this.nodes.get(articleId);
    if (!newer) return [];
    const out: SupersededEvent[] = [];
    for (const id of newer.out) {
      const t = this.nodes.get(id) as Node;
      if (t.tracked.origin === newer.tracked.origin || publishedAt(t.tracked) > publishedAt(newer.tracked)) continue;
      for (const m of movedEvents(t.sig, newer.sig)) out.push({ origin: t.tracked.origin, eventId: m.eventId, from: m.from, to: m.to, toEnd: m.toEnd, toPrecision: m.toPrecision });
    }
    return out;
  }

  /**
   * The story an article belongs to (just itself when nothing links to it); undefined for an unknown id.
   * `keep`: a server's view — the story is walked through the articles it accepts only, so an article
   * the viewer cannot see neither shows nor joins two it can.
   */
  storyOf(articleId: string, keep?: (tracked: TrackedArticle) => boolean): Story | undefined {
    const start = this.nodes.get(articleId);
    if (!start || (keep && !keep(start.tracked))) return undefined;
    const members = new Map<string, TrackedArticle>([[articleId, start.tracked]]);
    const queue = [start];
    let truncated = false;
    for (let head = 0; head < queue.length && !truncated; head++) {
      const current = queue[head];
      for (const id of current.out) {
        if (members.has(id)) continue;
        if (members.size >= STORY_MAX) {
          truncated = true;
          break;
        }
        const next = this.nodes.get(id) as Node;
        if (keep && !keep(next.tracked)) continue;
        members.set(id, next.tracked);
        queue.push(next);
      }
    }
    const articles = [...members.values()].sort((a, b) => publishedAt(a) - publishedAt(b) || a.article.headline.localeCompare(b.article.headline) || (a.article.id < b.article.id ? -1 : 1));
    return truncated ? { articles, first: articles[0], truncated } : { articles, first: articles[0] };
  }
}

/** `list` with `id` once: a new array of exactly its length when it grows (push would reserve room for 17 ids). */
function withId(list: string[], id: string): string[] {
  return list.includes(id) ? list : list.concat(id);
}

function withoutId(list: string[], id: string): string[] {
  return list.filter((x) => x !== id);
}

/** When an article was published (else ingested): which of two articles on a story is the newer. */
export function publishedAt(t: TrackedArticle): number {
  return t.article.published.date ? Date.parse(`${t.article.published.date}T00:00:00Z`) : t.ingestedAt.getTime();
}
