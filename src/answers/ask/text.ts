// Words for /ask: tokenising, stemming (Porter2 from the installed wink model), stop words and the
// general-purpose synonym groups that let a member's wording meet an article's wording.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const porter = require('wink-eng-lite-web-model/dist/porter-stemmer.js') as (word: string) => string;

export interface Token {
  /** As written. */
  raw: string;
  lower: string;
  stem: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter (or is an all-caps acronym). */
  cap: boolean;
}

// Letters/digits, keeping decimal and thousands separators inside numbers ("19,800", "102.6bn", "0.7").
export const WORD = /[\p{L}\p{N}]+(?:[.,'’][\p{N}]+)*[\p{L}]*/gu;

/** Irregular forms that the stemmer cannot bring together. */
const IRREGULAR: Record<string, string> = {
  held: 'hold', led: 'lead', met: 'meet', won: 'win', said: 'say', says: 'say', told: 'tell', sold: 'sell', bought: 'buy',
  took: 'take', taken: 'take', made: 'make', gave: 'give', given: 'give', began: 'begin', begun: 'begin', ran: 'run',
  chose: 'choose', chosen: 'choose', drew: 'draw', drawn: 'draw', fought: 'fight', brought: 'bring', spoke: 'speak',
  spoken: 'speak', wrote: 'write', written: 'write', went: 'go', gone: 'go', came: 'come', became: 'become', grew: 'grow',
  grown: 'grow', knew: 'know', known: 'know', saw: 'see', seen: 'see', kept: 'keep', sent: 'send', spent: 'spend',
  paid: 'pay', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', lost: 'lose', did: 'do', does: 'do', done: 'do',
  chaired: 'chair', chairs: 'chair', heads: 'head', headed: 'head', leads: 'lead', runs: 'run', running: 'run',
  organisation: 'organization', organisations: 'organization', organizations: 'organization',
};

const stemCache = new Map<string, string>();

/** Stem of one lower-case word (cached: the vocabulary is small compared with the text). */
export function stemWord(lower: string): string {
  let s = stemCache.get(lower);
  if (s !== undefined) return s;
  const base = IRREGULAR[lower] ?? lower.replace(/’/g, "'").replace(/'s$/, '').replace(/isation/, 'ization');
  s = /^\d/.test(base) ? base.replace(/,/g, '') : porter(base);
  if (stemCache.size < 200_000) stemCache.set(lower, s);
  return s;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    out.push({ raw, lower, stem: stemWord(lower), start: m.index, end: m.index + raw.length, cap: /^\p{Lu}/u.test(raw) });
  }
  return out;
}

/** Stems of every word of a text, without building tokens (the hot path when measuring sentences). */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(stemWord(m[0].toLowerCase()));
  return out;
}

export const STOP_WORDS = new Set(
  (
    'a an the and or but if of in on at to for from by with about as into onto over under than then that this these those ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'it its it\'s they them their there here he him his she her hers we us our you your i me my mine who whom whose which what ' +
    'when where why how whether not no nor so such also just only very too more most much many some any each all both either ' +
    'neither other another own same up down out off again further once s t don now get gets getting got going go gonna let lets please ' +
    'tell know say said says think kind sort thing things anything something yes one ones ever still yet already'
  ).split(' '),
);

/** Words a question uses about the articles themselves, never about the topic. */
export const META_WORDS = new Set('article articles news story stories report reports reported tracked happen happening happened exactly currently actually'.split(' '));

/**
 * Synonym groups (general English, not tied to any article). Each word is stemmed at load; a word
 * may belong to several groups.
 */
const GROUPS: string[][] = [
  ['approve', 'approval', 'ratify', 'ratification', 'endorse', 'endorsement', 'adopt', 'adoption', 'sanction', 'okay', 'authorise', 'authorize'],
  ['member', 'membership', 'belong', 'members'],
  ['country', 'nation', 'state', 'countries', 'nations', 'states'],
  ['join', 'membership', 'accession', 'accede', 'enter', 'entry'],
  ['stage', 'phase', 'step'],
  ['strengthen', 'reinforce', 'bolster', 'tighten', 'enhance'],
  ['border', 'frontier', 'boundary'],
  ['decide', 'decision', 'resolve'],
  ['publish', 'release', 'publication', 'unveil'],
  ['worry', 'concern', 'fear', 'risk', 'worries', 'concerns'],
  ['cost', 'price', 'charge', 'fee'],
  ['invest', 'investment'],
  ['propose', 'proposal', 'table', 'suggest'],
  ['headquarter', 'headquarters', 'hq'],
  ['start', 'begin', 'commence', 'launch'],
  ['cancel', 'withdraw', 'pull', 'scrap'],
  ['announce', 'announcement', 'name', 'unveil', 'reveal'],
  ['expect', 'due', 'likely', 'scheduled', 'set'],
  ['trip', 'journey', 'travel', 'ride'],
  ['money', 'fund', 'funding', 'cash', 'budget'],
  ['allocate', 'earmark', 'set', 'aside'],
  ['meet', 'meeting', 'talks', 'summit', 'conference'],
  ['hold', 'host'],
  ['vote', 'ballot', 'poll', 'election', 'votes'],
  ['sign', 'signature', 'signing'],
  ['treaty', 'pact', 'accord', 'agreement'],
  ['deal', 'agreement', 'accord', 'pact'],
  ['ban', 'embargo', 'prohibition'],
  ['strike', 'walkout', 'industrial action'],
  ['film', 'movie', 'picture'],
  ['concert', 'gig', 'show', 'perform', 'performance', 'play'],
  ['sale', 'sell', 'release', 'launch', 'available', 'shop', 'shelf'],
  ['live', 'reside', 'resident'],
    ['worker', 'employee', 'staff'],
  ['home', 'house', 'household', 'property'],
  ['jet', 'aircraft', 'plane', 'airliner'],
  ['maker', 'manufacturer', 'producer'],
  ['big', 'large', 'size', 'worth', 'value'],
  ['percentage', 'percent', 'share', 'proportion'],
  ['worse', 'exacerbate', 'aggravate', 'deteriorate', 'worsen'],
  ['rebate', 'refund'],
  ['tax', 'levy', 'duty'],
  ['important', 'importance', 'crucial', 'vital', 'significance', 'matter', 'matters'],
  ['premier', 'prime'],
  ['speak', 'spokesman', 'spokeswoman', 'spokesperson'],
  ['chair', 'chairman', 'chairwoman', 'chairperson'],
  ['security', 'safety', 'defence', 'defense'],
  ['help', 'aid', 'assist', 'assistance'],
];

const synonymIndex = new Map<string, Set<string>>();
for (const group of GROUPS) {
  const stems = group.map((w) => tokenize(w).map((t) => t.stem).join(' '));
  for (const s of stems) {
    const set = synonymIndex.get(s) ?? new Set<string>();
    for (const o of stems) if (o !== s) set.add(o);
    synonymIndex.set(s, set);
  }
}

/** Stems that may stand for `stem` in an article (not including itself). */
export function synonymsOf(stem: string): string[] {
  return [...(synonymIndex.get(stem) ?? [])].filter((s) => !s.includes(' '));
}

/** Titles people hold; a generic leader word in a question ("runs", "head") matches any of them. */
export const TITLE_WORDS = new Set(
  (
    'secretary-general president vice-president chairman chairwoman chair chairperson chief executive ceo director ' +
    'head leader premier minister secretary chancellor commissioner governor mayor king queen prince editor correspondent ' +
    'envoy ambassador general spokesman spokeswoman spokesperson founder manager coach captain judge undersecretary deputy ' +
    'boss executive analyst professor economist owner bassist singer guitarist drummer star actor actress engineer ' +
    'presenter officer official commander attorney adviser advisor MP senator lawyer solicitor'
  ).split(' ').map((w) => w.toLowerCase()),
);

/** Titles of whoever leads an organisation or country (what "who runs X" asks for). */
export const LEADER_TITLES = new Set(
  'secretary-general president chairman chairwoman chair chairperson chief executive ceo director head leader premier prime-minister minister chancellor governor mayor king queen boss founder commander general'.split(' '),
);

/** Question words that ask for whoever leads something, whatever the title. */
export const GENERIC_LEADER = new Set(['run', 'runs', 'running', 'lead', 'leads', 'leader', 'head', 'heads', 'chief', 'boss', 'charge', 'helm', 'top']);

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const CALENDAR = new Set([...MONTHS, ...WEEKDAYS, 'christmas', 'easter', 'spring', 'summer', 'autumn', 'winter']);

export function isCalendarWord(lower: string): boolean {
  return CALENDAR.has(lower);
}

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12, several: NaN,
};

/** Normalises for loose text comparison: lower case, letters/digits only, single spaces. */
export function looseText(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}%$£€.]+/gu, ' ').trim();
}
