// Word stems: Porter2 (the wink-porter2-stemmer package) after a table of irregular forms it cannot join.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The package ships CommonJS without types: one function, word → stem.
const porter2 = require('wink-porter2-stemmer') as (word: string) => string;

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
  // Past forms of irregular verbs (a word that is also a common noun or name, "found", "left", "fed", is left out).
  ...pastForms(`
    arise arose arisen · awake awoke awoken · blow blew blown · break broke broken · breed bred · build built ·
    burn burnt · catch caught · cling clung · creep crept · deal dealt · dig dug · drink drank drunk ·
    drive drove driven · dwell dwelt · eat ate eaten · flee fled · fly flew flown · forbid forbade forbidden ·
    forget forgot forgotten · forgive forgave forgiven · freeze froze frozen · hang hung · hear heard · hide hid hidden ·
    kneel knelt · lay laid · mislead misled · lend lent · mean meant · oversee oversaw overseen · overcome overcame ·
    overtake overtook overtaken · overthrow overthrew overthrown · ride rode ridden · seek sought · shake shook shaken ·
    shine shone · shrink shrank shrunk · sing sang · sink sank sunk · sit sat · slay slew slain · sleep slept ·
    slide slid · speed sped · spin spun · stand stood · steal stole stolen · stick stuck · strike struck stricken ·
    strive strove striven · swear swore sworn · sweep swept · swim swam swum · swing swung · teach taught ·
    throw threw thrown · undergo underwent undergone · understand understood · undertake undertook undertaken ·
    uphold upheld · wake woke woken · wear wore worn · weave wove woven · withdraw withdrew withdrawn ·
    withhold withheld · withstand withstood · write wrote`),
  children: 'child', women: 'woman', men: 'man', feet: 'foot', teeth: 'tooth',
};

/** "shrink shrank shrunk · teach taught" → { shrank: 'shrink', shrunk: 'shrink', taught: 'teach' }. */
function pastForms(table: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of table.split('·')) {
    const [base, ...forms] = entry.trim().split(/\s+/);
    for (const form of forms) out[form] = base;
  }
  return out;
}

const stemCache = new Map<string, string>();

/** Stem of one lower-case word (cached: the vocabulary is small compared with the text). */
export function stemWord(lower: string): string {
  let s = stemCache.get(lower);
  if (s !== undefined) return s;
  const base = IRREGULAR[lower] ?? lower.replace(/’/g, "'").replace(/'s$/, '').replace(/isation/, 'ization');
  s = /^\d/.test(base) ? base.replace(/,/g, '') : porter2(base);
  if (stemCache.size < 200_000) stemCache.set(lower, s);
  return s;
}

/**
 * Past forms of irregular verbs that IRREGULAR leaves out because the form is another word too ("found" a firm,
 * "the left"): a search may take "found" for "find" where it asks for "find", never the other way round.
 */
const PAST_OF: Record<string, string> = { find: 'found', leav: 'left', feed: 'fed' };

/** The past form of an irregular verb (by the base form's stem) that stemWord keeps apart from it, if any: 'find' → 'found'. */
export function pastFormOf(stem: string): string | undefined {
  return PAST_OF[stem];
}
