// Words about people: honorifics, name particles, common given names, role titles and the verbs that report
// what someone said. Used by the parser (people, attributions) and by /ask (names and roles in a sentence).

/** Honorifics: a capitalised word after one of these is a person's (sur)name. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'baroness', 'baron', 'messrs']);
/** The honorifics, as written, that the attributions read before a surname at the end of a subject ("… summit Mr Blair"). */
export const SURNAME_HONORIFICS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Miss', 'Lord', 'Lady', 'Sir'];

/** Lower-case particles inside a person's name ("Jeremy de Souza", "Osama bin Laden", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'der', 'den', 'dos', 'van', 'von', 'al', 'el', 'bin', 'ibn', 'la', 'le', 'st']);

/** Common given names; a capitalised pair starting with one is a person. */
export const FIRST_NAMES = new Set(`
adam alan alastair alex alexander alice alistair andrew angela ann anna anne anthony bill bob boris brian bruce
carl caroline catherine charles charlie chris christine christopher claire colin david dennis diana donald douglas
ed edward elizabeth emma eric frank gary geoff geoffrey george gerhard gordon graham harold harry helen henry howard
ian jack jacques james jane janet jean jeremy jim joan joe john jonathan joseph julia julie kate keith ken kenneth
kevin kim laura lee linda lisa margaret maria mark martin mary matthew michael mike nancy neil nelson nick nicholas
nicolas patricia patrick paul peter philip phil ray richard rob robert robin roger ron ronald rose ruth sam sarah
simon stephen steve steven sue susan ted terry thomas tim timothy tom tony valerie victoria vladimir walter william
yasser ariel hamid hosni kofi silvio jose gerry charles ken menzies iain oliver alan ruth tessa hilary hillary
barack george condoleezza colin dick al jacques angela recep mahmoud moshe shimon ehud bashar saddam osama
aaron abdul abdullah abu adrian ahmad ahmed aidan akbar alain alberto albert alejandro aleksandr alexei alfred ali
alison allan amanda amy andre andrea andrei andreas andres andy angus anita annette antonio arnold arthur ashley
barbara barry ben benjamin bernard bernd betty beverley billy boris brendan brett bridget calvin carlos carol carolyn
cathy cecilia charlotte cheryl christina clare clarence claude claudia clive connor craig cynthia dan daniel
danny darren dave dawn dean deborah debra declan denis denise derek desmond diane dmitry dominic donna doris dorothy
duncan dylan edith edwin eileen elaine eleanor elena ellen emily emmanuel enrique erik ernest esther eugene evelyn
fabio fatima felipe felix fernando fidel fiona francesca francesco francis francisco franco francois frederick fred
gareth gavin gemma geraldine gerald gerard gianni gillian giovanni giuseppe glen glenn gloria graeme greg gregory
guillaume gustavo hans harriet hassan hazel heather heinz helmut herbert hugh hugo ibrahim igor imran ingrid
irene isabel ivan jacob jacqueline jamie jan jason javier jayne jeff jeffrey jennifer jenny jerome jerry jessica jill
joanna joanne joel johann johannes jon jorge josef joyce juan judith julian juliet justin karen karl kathleen kathryn
katherine keith kelly kenneth khalid kieran kirsty klaus kurt lars laurent leonard leonid leslie lewis lionel
lorraine louis louise lucy luis luke lynne lynn malcolm manuel marc marco marcus margaret marie mario marion
marjorie martha matt maureen maurice max megan melanie melissa michel michelle miguel mikhail miriam mohamed mohammad
mohammed monica muhammad nadia natalie nathan nicola nicole nigel nikolai noel norman olga omar oscar owen pablo pamela
pascal pat pauline pedro penny petra phillip pierre rachel rafael rahul rajiv ralph ramon raymond rebecca reginald rhys
ricardo rick ricky rita roberto rodney roy russell ryan sally samuel sandra sanjay sara scott sean sebastian sergei
sergey shane sharon sheila shirley simone sonia sophie stanley stefan stella stuart sunil suzanne sylvia tanya teresa
theresa thierry toby tommy tracey tracy trevor uwe vanessa vera vernon veronica vicky victor vincent viktor vivian
wayne wendy wilfred wolfgang xavier yuri yusuf yvonne zoe
`.trim().split(/\s+/));

/** Relations and ages that make the name before them a person's ("Otis Ferry, the 22 year old son of ..."). */
export const KINSHIP_WORDS = new Set(
  'son daughter wife husband brother sister father mother widow widower grandson granddaughter nephew niece cousin friend girlfriend boyfriend partner uncle aunt'.split(' '),
);

/** Role titles, longest first where it matters. Matched case-insensitively against words before or after a name. */
export const ROLE_TITLES = [
  'deputy prime minister', 'prime minister', 'secretary of state', 'under-secretary of state', 'undersecretary of state',
  'undersecretary', 'chief of staff', 'secretary-general', 'secretary general', 'general secretary',
  'foreign secretary', 'home secretary', 'defence secretary', 'defense secretary', 'health secretary',
  'education secretary', 'culture secretary', 'trade secretary', 'transport secretary', 'environment secretary',
  'work and pensions secretary', 'northern ireland secretary', 'chief secretary', 'foreign minister',
  'finance minister', 'defence minister', 'defense minister', 'interior minister', 'trade minister', 'oil minister',
  'energy minister', 'economy minister', 'health minister', 'chancellor of the exchequer', 'chief executive',
  'managing director', 'executive director', 'finance director', 'general manager', 'vice president',
  'vice-president', 'attorney general', 'lord chancellor', 'party chairman', 'shadow chancellor',
  'shadow home secretary', 'shadow foreign secretary', 'first minister', 'home office minister', 'commons leader',
  'opposition leader', 'party leader', 'chief economist', 'chief constable', 'high commissioner', 'head of state',
  'president', 'chancellor', 'minister', 'secretary', 'chairman', 'chairwoman', 'chairperson', 'chair', 'director',
  'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'governor', 'mayor', 'senator', 'ambassador',
  'commissioner', 'judge', 'king', 'queen', 'prince', 'princess', 'general', 'admiral', 'colonel', 'captain',
  'bishop', 'archbishop', 'pope', 'premier', 'speaker', 'mp', 'mep', 'founder', 'co-founder', 'head', 'boss', 'chief',
  'coach', 'manager', 'editor', 'correspondent', 'deputy', 'lawyer', 'economist', 'analyst', 'singer', 'bassist',
  'guitarist', 'drummer', 'actor', 'actress', 'producer', 'presenter', 'author', 'writer', 'campaigner', 'under-secretary',
  'chancellor', 'treasurer', 'envoy', 'adviser', 'advisor', 'officer', 'inspector', 'professor', 'dr',
  'qc', 'director-general', 'director general', 'commander', 'superintendent', 'sergeant', 'detective', 'councillor',
  'president-elect', 'governor-general', 'chief justice', 'justice', 'lieutenant', 'lieutenant general', 'lieutenant colonel', 'lieutenant commander',
  'lieutenant governor', 'vice admiral', 'rear admiral', 'major general',
  'brigadier', 'brigadier general', 'field marshal', 'marshal', 'corporal', 'private', 'pastor', 'rabbi', 'imam', 'cardinal',
  'sheikh', 'ayatollah', 'emperor', 'empress', 'sultan', 'emir', 'crown prince', 'duke', 'duchess', 'earl', 'countess',
  'representative', 'congressman', 'congresswoman', 'assemblyman', 'alderman', 'magistrate', 'prosecutor', 'attorney',
  'district attorney', 'sheriff', 'constable', 'inspector general', 'surgeon general', 'secretary of defense',
  // abbreviated before a name ("Gen. Powell", "Sen. Dole")
  'gen', 'sen', 'gov', 'lt', 'col', 'sgt', 'capt', 'adm', 'rep', 'cmdr', 'maj', 'supt', 'insp', 'det',
  // ranks and offices of more than one word, read whole before a name ("Chief Superintendent Al McHugh",
  // "U.S. Attorney Ann Lee", "District Judge Bo Chan") or after it (", chief financial officer,")
  'chief superintendent', 'detective superintendent', 'detective chief superintendent', 'chief inspector',
  'detective inspector', 'detective chief inspector', 'detective sergeant', 'detective constable', 'police chief',
  'police commissioner', 'deputy commissioner', 'assistant commissioner', 'u.s. attorney', 'us attorney',
  'united states attorney', 'assistant u.s. attorney', 'district judge', 'u.s. district judge', 'us district judge',
  'federal judge', 'circuit judge', 'appeals judge', 'high court judge', 'chief financial officer',
  'chief operating officer', 'chief executive officer', 'chief investment officer', 'chief information officer',
  'chief technology officer', 'executive vice president', 'senior vice president', 'vice chairman', 'deputy chairman',
  'general counsel', 'trade representative', 'deputy secretary', 'assistant secretary',
];
/** Titles abbreviated before a name ("Sen. Dole", "Lt. Col. Ames"), written out when shown as a role. */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  gen: 'general', sen: 'senator', gov: 'governor', rep: 'representative', lt: 'lieutenant', col: 'colonel',
  sgt: 'sergeant', capt: 'captain', adm: 'admiral', cmdr: 'commander', maj: 'major', supt: 'superintendent',
  insp: 'inspector', det: 'detective', prof: 'professor', brig: 'brigadier', cpl: 'corporal', pte: 'private',
};
/** Honorifics that say nothing of what a person does: never shown as a role on their own. */
const HONORIFIC_ONLY_ROLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'rev', 'hon']);

/**
 * A role as shown: abbreviated titles written out ("Sen." → "senator", "former Lt. Gen." → "former lieutenant
 * general"), and none for an honorific alone ("Dr"), which names no office.
 */
export function writtenOutRole(role: string): string | undefined {
  const words = role.trim().split(/\s+/);
  if (words.length === 1 && HONORIFIC_ONLY_ROLES.has(words[0].toLowerCase().replace(/\.$/, ''))) return undefined;
  if (!words.some((w) => TITLE_ABBREVIATIONS[w.toLowerCase().replace(/\.$/, '')] !== undefined)) return role;
  return words.map((w) => TITLE_ABBREVIATIONS[w.toLowerCase().replace(/\.$/, '')] ?? w).join(' ');
}

/**
 * Occupations: roles written in lower case before or after a name ("solicitor Matthew Knight", "John Holliday,
 * a huntsman"). Unlike the titles above they are not read inside a capitalised run ("Star Wars Battlefront").
 */
export const OCCUPATIONS = [
  'rock star', 'pop star', 'film star', 'star', 'design engineer', 'solicitor', 'barrister', 'huntsman', 'auctioneer',
  'jockey', 'chef', 'frontman', 'frontwoman', 'engineer', 'scientist', 'researcher', 'trustee', 'executive', 'vocalist',
  'composer', 'novelist', 'poet', 'artist', 'designer', 'architect', 'footballer', 'player', 'striker', 'goalkeeper',
  'consultant', 'strategist', 'negotiator', 'mediator', 'historian', 'academic', 'lecturer', 'teacher', 'doctor',
  'surgeon', 'nurse', 'pilot', 'farmer', 'banker', 'investor', 'entrepreneur', 'businessman', 'businesswoman',
  'tycoon', 'magnate', 'actor', 'actress', 'singer', 'bassist', 'guitarist', 'drummer', 'producer', 'presenter',
  'author', 'writer', 'campaigner', 'lawyer', 'economist', 'analyst', 'coach', 'correspondent', 'editor',
  'astronaut', 'cosmonaut', 'financier', 'delegate', 'publisher', 'trader', 'broker', 'scholar', 'official', 'diplomat',
  'activist', 'commentator', 'reporter', 'journalist', 'columnist', 'physician', 'accountant', 'interpreter', 'translator',
  'expert', 'photographer', 'cameraman', 'prisoner', 'convener', 'convenor', 'shop steward', 'organiser', 'organizer',
];
export const OCCUPATION_SET = new Set(OCCUPATIONS);
export const ROLE_SET = new Set([...ROLE_TITLES, ...OCCUPATIONS]);
export const MAX_ROLE_TOKENS = 5;

/** Modifiers that may precede a role title and belong to it ("former prime minister"). */
export const ROLE_MODIFIERS = new Set(['former', 'deputy', 'acting', 'shadow', 'interim', 'assistant', 'senior', 'junior', 'ex-', 'ex', 'then', 'joint', 'co', 'chief', 'vice']);

/**
 * Fields an office is held in ("Health minister", "Defence secretary", "Opposition leader"): written before a
 * role they name the office, not a body, even when capitalised (as at the start of a sentence).
 */
export const PORTFOLIO_WORDS = new Set([
  'health', 'defence', 'defense', 'opposition', 'transport', 'education', 'justice', 'culture', 'housing', 'environment',
  'energy', 'finance', 'foreign', 'home', 'interior', 'trade', 'economy', 'agriculture', 'employment', 'immigration',
  'communications', 'tourism', 'sport', 'sports', 'science', 'industry', 'welfare', 'security', 'schools', 'children',
  'women', 'equalities', 'veterans', 'transportation', 'commerce', 'labor', 'fisheries', 'farming', 'planning',
]);

/** Verbs that introduce reported speech or a report. */
export const REPORTING_VERBS = [
  'reported', 'said', 'says', 'told', 'announced', 'stated', 'claimed', 'warned', 'added', 'insisted', 'argued',
  'confirmed', 'revealed', 'explained', 'emphasized', 'emphasised', 'stressed', 'noted', 'suggested', 'wrote',
  'declared', 'admitted', 'acknowledged', 'predicted', 'promised', 'urged', 'believes', 'believed', 'disclosed',
  'reports', 'announces', 'tells', 'writes', 'mentioned', 'indicated', 'pointed out', 'maintained', 'estimated',
];

/** Titles people hold, as single words; a generic leader word in a question ("runs", "head") matches any of them. */
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

/** Lower-case words that qualify a title ("former foreign minister") even where they look like verbs. */
export const TITLE_QUALIFIERS = new Set(['former', 'deputy', 'acting', 'vice', 'foreign', 'home', 'finance', 'defence', 'defense', 'interior', 'trade', 'culture', 'health', 'education', 'environment', 'energy', 'justice', 'senior', 'junior', 'interim', 'assistant', 'shadow', 'prime', 'current', 'outgoing', 'incoming', 'new', 'executive', 'managing', 'joint', 'general', 'chief', 'principal', 'national', 'regional', 'state', 'party', 'opposition', 'government', 'team', 'club', 'music', 'film', 'news', 'financial', 'economic', 'political', 'lead', 'british', 'us', 's']);

/**
 * What a person has one of, so that a count of them counts the people: "430 jobs were lost" says how many
 * people lost their jobs, "30 lives were lost" how many people lost their lives, "12 seats" how many MPs lost
 * their seats. Not homes, cars or shares, which people share or hold many of.
 */
export const ONE_EACH = new Set(['job', 'jobs', 'life', 'lives', 'seat', 'seats']);
