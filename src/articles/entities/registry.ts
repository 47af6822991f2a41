// What the entity passes have found so far: people, organisations and places with the sentences that
// mention them, plus the evidence one pass leaves for the next (surnames seen after an honorific, acronyms
// that name things, capitalised names not yet classified). The passes share this one object instead of
// closures over loose maps.
import type { Organisation, Person, Place } from '../model';
import { COMPANY_FORMS } from '../../language/organisations';
import { PLACE_ALIASES, type PlaceKind } from '../../language/places';
import { writtenOutRole } from '../../language/people';

export interface PersonDraft {
  name: string;
  role?: string;
  organisation?: string;
  sentences: Set<number>;
}
export interface OrgDraft {
  name: string;
  acronym?: string;
  aliases: Set<string>;
  members: string[];
  sentences: Set<number>;
}
export interface PlaceDraft {
  name: string;
  kind: PlaceKind;
  sentences: Set<number>;
  /** The text names the place itself, not only its people's adjective ("Moroccan troops", "a Dutch firm"). */
  named: boolean;
}

/** A capitalised name the name rules left open; the context pass decides it from the words around each mention. */
export interface PendingName {
  name: string;
  sentence: number;
  /** Text before and after the mention, within its sentence. */
  before: string;
  after: string;
  /** The mention opens its sentence (its capital says nothing). */
  initial: boolean;
  possessive: boolean;
  /** The capitalised words of the name, as written. */
  words: string[];
  /** Shaped like a person's name ("Ned Potter"): a comma after it may lead to an affiliation, not a list. */
  personLike: boolean;
}

/** "Mr Blair" seen before the full name is known; attached to a full name at the end. */
export interface SurnameRef {
  surname: string;
  sentence: number;
  display: string;
  /** "President Bush": the title written before the surname. */
  role?: string;
  organisation?: string;
  /** The display is a whole name ("King Hussein"), never another person's surname. */
  whole?: boolean;
}

export interface Entities {
  people: Person[];
  organisations: Organisation[];
  places: Place[];
  /** Per sentence: the people mentioned, in order (names as in `people`). */
  peopleBySentence: string[][];
}

const key = (name: string) => name.toLowerCase().replace(/^the\s+/, '');

export class EntityRegistry {
  readonly people = new Map<string, PersonDraft>();
  readonly organisations: OrgDraft[] = [];
  readonly places = new Map<string, PlaceDraft>();
  readonly peopleBySentence: string[][];
  readonly surnameRefs: SurnameRef[] = [];
  /** Surnames used after an honorific anywhere ("Mr Lavagna"): "Roberto Lavagna" is then a person. */
  readonly honorificSurnames = new Set<string>();
  /** Words the article writes in lower case somewhere (not opening a sentence): capitalised at a sentence's start they are not names. */
  readonly lowerCaseWords = new Set<string>();
  /** Words the article capitalises inside a sentence (not at its start): names' words ("Bank" of "the Bank of England"). */
  readonly capitalisedWords = new Set<string>();
  /** Acronyms defined for things that are not organisations ("PlayStation Portable (PSP)"). */
  readonly thingAcronyms = new Set<string>();
  /** Single acronyms seen, with whether any mention used one as a name rather than a modifier ("ID cards"). */
  readonly acronyms = new Map<string, { sentences: Set<number>; asName: boolean }>();
  readonly pending: PendingName[] = [];
  /** Per sentence: where known organisations were named ([start, end) offsets), so their words are not read again. */
  readonly knownSpans = new Map<number, [number, number][]>();

  /** Marks [start, end) of sentence `sentence` as a known organisation's words. */
  markKnown(sentence: number, start: number, end: number): void {
    const spans = this.knownSpans.get(sentence) ?? [];
    spans.push([start, end]);
    this.knownSpans.set(sentence, spans);
  }
  private readonly orgIndex = new Map<string, OrgDraft>();

  constructor(sentenceCount: number) {
    this.peopleBySentence = Array.from({ length: sentenceCount }, () => []);
  }

  findOrg(name: string): OrgDraft | undefined {
    return this.orgIndex.get(key(name));
  }

  /** An organisation whose full name starts with these words ("Collective Security Treaty" → "… Organization"). */
  orgStartingWith(name: string): OrgDraft | undefined {
    const prefix = `${key(name)} `;
    return this.organisations.find((o) => o.name.toLowerCase().startsWith(prefix));
  }

  addOrg(name: string, sentence: number, acronym?: string, aliases: string[] = []): OrgDraft {
    const clean = name.replace(/^the\s+/i, '').trim();
    let org = this.findOrg(clean) ?? (acronym ? this.findOrg(acronym) : undefined) ?? aliases.map((a) => this.findOrg(a)).find(Boolean);
    if (!org) {
      org = { name: clean, aliases: new Set(), members: [], sentences: new Set() };
      this.organisations.push(org);
      this.orgIndex.set(key(clean), org);
    } else if (acronym && org.name === acronym) {
      // first seen as a bare acronym; now we know its full name
      org.aliases.add(org.name);
      org.name = clean;
      this.orgIndex.set(key(clean), org);
    }
    if (acronym && !org.acronym) org.acronym = acronym;
    for (const alias of [...(acronym ? [acronym] : []), ...aliases, clean]) this.addAlias(org, alias);
    org.sentences.add(sentence);
    return org;
  }

  addAlias(org: OrgDraft, alias: string): void {
    const clean = alias.replace(/^the\s+/i, '');
    if (clean !== org.name) org.aliases.add(clean);
    if (!this.orgIndex.has(key(clean))) this.orgIndex.set(key(clean), org);
  }

  /** `byDemonym`: the sentence names the place's people only ("Moroccan"); the place is listed once the text names it. */
  addPlace(given: string, kind: PlaceKind, sentence: number, byDemonym = false): void {
    // one entry per place however the text names it ("UK", "Britain", "British" → United Kingdom)
    const name = PLACE_ALIASES.get(given.toLowerCase()) ?? given;
    const k = name.toLowerCase();
    const p = this.places.get(k) ?? { name, kind, sentences: new Set<number>(), named: false };
    p.named ||= !byDemonym;
    p.sentences.add(sentence);
    this.places.set(k, p);
  }

  isPlace(name: string): boolean {
    return this.places.has((PLACE_ALIASES.get(name.toLowerCase()) ?? name).toLowerCase());
  }

  addPerson(name: string, sentence: number, role?: string, organisation?: string): PersonDraft {
    const k = name.toLowerCase();
    const p = this.people.get(k) ?? { name, sentences: new Set<number>() };
    // an honorific alone ("Dr") gives way to the office the text names ("Dr Ann Lee, a surgeon")
    if (role && (!p.role || writtenOutRole(p.role) === undefined)) p.role = role;
    if (organisation && !p.organisation) p.organisation = organisation;
    p.sentences.add(sentence);
    this.people.set(k, p);
    if (!this.peopleBySentence[sentence].includes(p.name)) this.peopleBySentence[sentence].push(p.name);
    return p;
  }

  /** A word that is a known person's surname or given name, or a surname seen after an honorific. */
  isPersonWord(word: string): boolean {
    if (this.honorificSurnames.has(word)) return true;
    for (const p of this.people.values()) if (p.name.split(' ').includes(word)) return true;
    return false;
  }

  /**
   * "the German People's Union … the People's Union", "the British Foreign Office … the Foreign Office": a
   * name of two words or more that another name ends with, after one or two capitalised qualifiers, is the
   * same body; one entry under the longer name, the shorter an alias.
   */
  mergeQualifiedNames(): void {
    for (const short of [...this.organisations]) {
      const n = short.name.split(' ').length;
      if (n < 2) continue;
      const long = this.organisations.find((o) => o !== short && o.name.endsWith(` ${short.name}`)
        && o.name.split(' ').length - n <= 2 && o.name.slice(0, -short.name.length - 1).split(' ').every((w) => /^\p{Lu}/u.test(w)));
      if (!long || (short.acronym && long.acronym && short.acronym !== long.acronym)) continue;
      for (const alias of [short.name, ...short.aliases]) this.addAlias(long, alias);
      for (const s of short.sentences) long.sentences.add(s);
      long.acronym ??= short.acronym;
      this.organisations.splice(this.organisations.indexOf(short), 1);
    }
  }

  /** "Kellogg Co." … "Kellogg": a company's name without its legal form is the same company; one entry, the short name an alias. */
  mergeLegalForms(): void {
    for (const long of [...this.organisations]) {
      const ws = long.name.split(' ');
      if (ws.length < 2 || !COMPANY_FORMS.has(ws[ws.length - 1].toLowerCase().replace(/\.$/, ''))) continue;
      const base = ws.slice(0, -1).join(' ').replace(/,$/, '');
      const short = this.organisations.find((o) => o !== long && o.name === base);
      if (!short || (short.acronym && long.acronym && short.acronym !== long.acronym)) continue;
      for (const alias of [short.name, ...short.aliases]) this.addAlias(long, alias);
      for (const s of short.sentences) long.sentences.add(s);
      long.acronym ??= short.acronym;
      this.organisations.splice(this.organisations.indexOf(short), 1);
    }
  }

  result(): Entities {
    this.mergeLegalForms();
    this.mergeQualifiedNames();
    const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
    return {
      people: [...this.people.values()].map((p) => {
        const role = p.role ? writtenOutRole(p.role) : undefined;
        return {
          name: p.name,
          ...(role ? { role } : {}),
          ...(p.organisation ? { organisation: p.organisation } : {}),
          sentences: sorted(p.sentences),
        };
      }),
      // in the order the article first names them
      organisations: [...this.organisations].sort((a, b) => Math.min(...a.sentences) - Math.min(...b.sentences)).map((o) => ({
        name: o.name,
        ...(o.acronym ? { acronym: o.acronym } : {}),
        aliases: [...o.aliases].filter((a) => a !== o.name),
        members: o.members,
        sentences: sorted(o.sentences),
      })),
      places: [...this.places.values()].filter((p) => p.named).map((p) => ({ name: p.name, kind: p.kind, sentences: sorted(p.sentences) })),
      peopleBySentence: this.peopleBySentence,
    };
  }
}
