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
};

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
