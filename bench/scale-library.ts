// A varied synthetic news library for the scale bench: stories (a kind of happening, the people,
// organisations and places in it, a key date) told by one to eight articles each — the first
// announcing, follow-ups reporting progress, moving the date or recounting it — built from word lists
// and sentence templates, so no two articles share their wording or their set of entities.
// Deterministic (seeded PRNG): the same count gives the same files. Written to a temp folder by the
// bench, never committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './measure';

const FIRST = [
  'Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hassan', 'Irina', 'Jonas', 'Karim', 'Lena', 'Marek', 'Nadia',
  'Oskar', 'Priya', 'Rustam', 'Sofia', 'Timur', 'Ulla', 'Viktor', 'Wen', 'Yusuf', 'Zara', 'Amara', 'Bruno', 'Chiara', 'Diego',
  'Esther', 'Felix', 'Gulnara', 'Henrik', 'Ines', 'Jamal', 'Keiko', 'Luis', 'Mirela', 'Nikolai', 'Olga', 'Pedro', 'Rania',
  'Samuel', 'Tamara', 'Umar', 'Vera', 'William', 'Ximena', 'Yara', 'Zoltan', 'Aidan', 'Beatrix', 'Cosmin', 'Dalia', 'Emeka',
  'Fatima', 'Gideon', 'Hana', 'Ivo', 'Jana', 'Kofi', 'Leila', 'Mateo', 'Noor', 'Omar', 'Paulina', 'Rafael', 'Saida', 'Tomas',
];
const LAST = [
  'Abdullaev', 'Bergman', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gallo', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski',
  'Larsen', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Yilmaz',
  'Zhukov', 'Almeida', 'Baranov', 'Chen', 'Demir', 'Esposito', 'Ferreira', 'Grigoryan', 'Horvat', 'Iqbal', 'Jovanovic',
  'Kaur', 'Lindqvist', 'Mensah', 'Nakamura', 'Oliveira', 'Popescu', 'Rahimov', 'Santos', 'Tkachenko', 'Usmanov', 'Vasquez',
  'Wojcik', 'Xu', 'Yamamoto', 'Zaidi', 'Adeyemi', 'Bianchi', 'Cohen', 'Dlamini', 'Ekstrom', 'Fonseca', 'Gashi', 'Hoffmann',
  'Ismailova', 'Juarez', 'Kiptoo', 'Lemaire', 'Mutasa', 'Nazarov', 'Ortiz', 'Pham', 'Qureshi', 'Rahman', 'Schmidt', 'Toure',
];
const CITIES = [
  'Tashkent', 'Glasgow', 'Brussels', 'Geneva', 'Ankara', 'Tehran', 'Baghdad', 'Delhi', 'Berlin', 'Madrid', 'Lisbon', 'Vienna',
  'Prague', 'Warsaw', 'Oslo', 'Helsinki', 'Dublin', 'Athens', 'Cairo', 'Nairobi', 'Lagos', 'Tokyo', 'Seoul', 'Manila', 'Hanoi',
  'Lima', 'Quito', 'Bogota', 'Almaty', 'Bishkek', 'Dushanbe', 'Tbilisi', 'Yerevan', 'Baku', 'Riga', 'Vilnius', 'Tallinn',
  'Krakow', 'Porto', 'Seville', 'Lyon', 'Marseille', 'Hamburg', 'Munich', 'Zurich', 'Milan', 'Naples', 'Sofia', 'Bucharest',
  'Belgrade', 'Zagreb', 'Ljubljana', 'Accra', 'Dakar', 'Kampala', 'Lusaka', 'Harare', 'Casablanca', 'Tunis', 'Amman', 'Doha',
  'Muscat', 'Karachi', 'Lahore', 'Dhaka', 'Colombo', 'Jakarta', 'Bangkok', 'Osaka', 'Busan', 'Santiago', 'Montevideo',
];
const COUNTRIES = [
  'Uzbekistan', 'Scotland', 'Belgium', 'Switzerland', 'Turkey', 'Iran', 'Iraq', 'India', 'Germany', 'Spain', 'Portugal',
  'Austria', 'Czechia', 'Poland', 'Norway', 'Finland', 'Ireland', 'Greece', 'Egypt', 'Kenya', 'Nigeria', 'Japan', 'Korea',
  'Philippines', 'Vietnam', 'Peru', 'Ecuador', 'Colombia', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Georgia', 'Armenia',
  'Azerbaijan', 'Latvia', 'Lithuania', 'Estonia', 'Ghana', 'Senegal', 'Uganda', 'Zambia', 'Zimbabwe', 'Morocco', 'Tunisia',
  'Jordan', 'Qatar', 'Oman', 'Pakistan', 'Bangladesh', 'Indonesia', 'Thailand', 'Chile', 'Uruguay', 'Bulgaria', 'Romania',
];
const ORG_ADJ = [
  'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'National', 'Federal', 'Regional', 'Coastal', 'Atlantic', 'Pacific',
  'Caspian', 'Baltic', 'Alpine', 'Continental', 'United', 'Independent', 'Royal', 'Metropolitan', 'Rural', 'Arctic', 'Danube',
];
const ORG_FIELD = [
  'Grain', 'Water', 'Energy', 'Railway', 'Fisheries', 'Textile', 'Mining', 'Aviation', 'Shipping', 'Broadband', 'Housing',
  'Forestry', 'Health', 'Teachers', 'Dairy', 'Steel', 'Tourism', 'Pharmaceutical', 'Wine', 'Coffee', 'Solar', 'Wind',
  'Cotton', 'Copper', 'Transit', 'Border', 'Customs', 'Veterinary', 'Film', 'Publishers',
];
const ORG_KIND = ['Council', 'Association', 'Authority', 'Federation', 'Union', 'Commission', 'Agency', 'Alliance', 'Board', 'Institute', 'Consortium', 'Cooperative'];
const ROLES = ['chief executive', 'chair', 'spokesperson', 'director general', 'secretary-general', 'president', 'head of policy', 'chief economist', 'minister of transport', 'finance minister', 'mayor', 'lead negotiator'];
const OUTLETS = ['Reuters', 'the Associated Press', 'Agence France-Presse', 'the Daily Ledger', 'Radio Meridian', 'the Harbour Times', 'Channel Nine', 'the Morning Courier', 'Interfax', 'Kyodo', 'the Evening Standard', 'Global Wire'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Kind {
  thing: string;
  /** What happens on the key date (infinitive phrase). */
  act: string;
  headline: string[];
  lead: string[];
  follow: string[];
  delay: string[];
  reasons: string[];
}

const KINDS: Kind[] = [
  {
    thing: 'trade agreement', act: 'sign the trade agreement',
    headline: ['{acr} to sign {field} trade deal with {country}', '{country} and {acr} agree terms of {field} pact', '{field} trade pact with {country} nears signature'],
    lead: ['The {org} ({acr}) will sign a {field} trade agreement with {country} on {date}, officials said.', 'Negotiators from the {org} and {country} have agreed the text of a trade agreement that will be signed in {city} on {date}.'],
    follow: ['Talks on the {field} trade agreement between the {acr} and {country} entered their final stage in {city}.', 'Exporters in {country} welcomed progress on the trade agreement with the {org}.'],
    delay: ['The signing of the {field} trade agreement between the {acr} and {country} has been postponed to {newdate}.', 'The {org} said the trade agreement with {country} will now be signed on {newdate} instead.'],
    reasons: ['tariff quotas', 'rules of origin', 'sanitary checks', 'dispute settlement'],
  },
  {
    thing: 'strike', act: 'begin the strike',
    headline: ['{field} workers in {city} to strike over pay', '{acr} members vote for walkout in {country}', 'Strike looms at {city} {field} sites'],
    lead: ['Members of the {org} ({acr}) will begin a strike on {date} after talks on pay collapsed, the union said.', 'Thousands of {field} workers in {city} will walk out on {date}, the {org} announced.'],
    follow: ['Mediators met leaders of the {org} in {city} to try to avert the strike.', 'Employers in {country} made a revised offer to the {acr} ahead of the planned strike.'],
    delay: ['The {acr} has postponed the strike to {newdate} to allow more talks.', 'The walkout by the {org} will now begin on {newdate}, the union said.'],
    reasons: ['pay', 'pensions', 'working hours', 'safety rules'],
  },
  {
    thing: 'summit', act: 'hold the summit',
    headline: ['{city} to host {field} summit', 'Leaders gather for {acr} summit in {city}', '{acr} summit set for {country}'],
    lead: ['The {org} ({acr}) will hold a summit on {field} policy in {city} on {date}, organisers said.', 'Ministers from across the region will meet in {city} on {date} for a summit called by the {org}.'],
    follow: ['Preparations for the {acr} summit in {city} are under way, with security tightened around the venue.', 'Delegations from {country} confirmed they will attend the {org} summit.'],
    delay: ['The {acr} summit in {city} has been moved to {newdate}.', 'Organisers said the {org} summit will now take place on {newdate}.'],
    reasons: ['security', 'the agenda', 'travel costs', 'hosting arrangements'],
  },
  {
    thing: 'railway line', act: 'open the railway line',
    headline: ['New {city} rail link to open', '{acr} sets opening date for {city} line', '{city}–{city2} railway nears completion'],
    lead: ['A new railway line between {city} and {city2} will open on {date}, the {org} ({acr}) said.', 'Passenger services on the {city} to {city2} line are due to start on {date}, according to the {org}.'],
    follow: ['Test trains have begun running on the {city} to {city2} line built by the {org}.', 'Residents of {city2} said the new railway from {city} would cut journey times by half.'],
    delay: ['The opening of the {city} to {city2} line has been pushed back to {newdate}, the {acr} said.', 'Services on the new railway will now start on {newdate} after signalling faults, the {org} said.'],
    reasons: ['signalling', 'safety approvals', 'ticket prices', 'station works'],
  },
  {
    thing: 'election', act: 'hold the vote',
    headline: ['{country} sets date for {field} board election', 'Vote on {acr} leadership called', '{acr} members to elect new {role}'],
    lead: ['Members of the {org} ({acr}) will elect a new {role} on {date}, the board announced.', 'The {org} will hold a leadership vote on {date}, with {person} among the candidates.'],
    follow: ['Candidates for the {acr} leadership set out their plans at a debate in {city}.', '{person} said the {org} needed a fresh start after a difficult year.'],
    delay: ['The {acr} leadership vote has been delayed until {newdate}.', 'The election of the {org} {role} will now be held on {newdate}.'],
    reasons: ['candidate rules', 'postal ballots', 'turnout', 'membership fees'],
  },
  {
    thing: 'festival', act: 'open the festival',
    headline: ['{city} {field} festival returns', '{acr} announces {city} festival line-up', 'Festival to fill {city} streets'],
    lead: ['The annual {field} festival in {city} will open on {date}, the {org} ({acr}) said.', 'Organisers expect record crowds when the {city} festival, backed by the {org}, opens on {date}.'],
    follow: ['Tickets for the {city} festival sold out within hours, the {acr} said.', 'Hotels in {city} reported strong bookings ahead of the festival.'],
    delay: ['The {city} festival will now open on {newdate}, the {acr} said.', 'Bad weather forecasts led the {org} to move the festival opening to {newdate}.'],
    reasons: ['the weather', 'ticket sales', 'the venue', 'sponsorship'],
  },
  {
    thing: 'inquiry report', act: 'publish the inquiry report',
    headline: ['Inquiry into {city} {field} failure to report', '{acr} inquiry findings due', 'Report on {country} {field} collapse expected'],
    lead: ['An inquiry into the failure of {field} services in {city} will publish its findings on {date}, the {org} ({acr}) said.', 'The report of the {acr} inquiry, led by {person}, is due to be published on {date}.'],
    follow: ['Witnesses told the {acr} inquiry that warnings about {field} services in {city} had been ignored.', '{person} said the inquiry had received more than {n} submissions.'],
    delay: ['Publication of the {acr} inquiry report has been delayed to {newdate}.', 'The {org} said its inquiry report will now appear on {newdate}.'],
    reasons: ['legal checks', 'new evidence', 'staff shortages', 'the scope of the inquiry'],
  },
  {
    thing: 'product launch', act: 'launch the service',
    headline: ['{acr} to launch {field} service in {country}', 'New {field} service coming to {city}', '{org} unveils {city} launch plan'],
    lead: ['The {org} ({acr}) will launch a new {field} service in {city} on {date}, it said on {weekday}.', 'Customers in {country} will be able to use the new {field} service from {date}, the {org} said.'],
    follow: ['Early users of the {acr} {field} service in {city} gave mixed reviews.', 'Rivals of the {org} cut prices ahead of its launch in {country}.'],
    delay: ['The {acr} has delayed the launch of its {field} service to {newdate}.', 'The {field} service of the {org} will now launch on {newdate}, the company said.'],
    reasons: ['software faults', 'licences', 'supply problems', 'demand'],
  },
  {
    thing: 'court ruling', act: 'deliver the ruling',
    headline: ['Court to rule on {acr} {field} dispute', 'Ruling due in {country} {field} case', '{person} case: judges set ruling date'],
    lead: ['A court in {city} will deliver its ruling in the dispute between the {org} ({acr}) and the government of {country} on {date}.', 'Judges will rule on {date} on whether the {org} broke {field} rules, the court said.'],
    follow: ['Lawyers for the {acr} made their closing arguments in {city}.', '{person} told the court that the {org} had acted within the law.'],
    delay: ['The ruling in the {acr} case has been postponed to {newdate}.', 'The court in {city} said it will now rule on {newdate}.'],
    reasons: ['new filings', 'a judge falling ill', 'the volume of evidence', 'an appeal'],
  },
  {
    thing: 'budget vote', act: 'vote on the budget',
    headline: ['{city} council to vote on {field} budget', '{acr} budget faces vote', 'Budget showdown looms for {acr}'],
    lead: ['The board of the {org} ({acr}) will vote on its {field} budget on {date}, the {role} said.', 'A vote on the {acr} budget, which includes {n} million in {field} spending, is set for {date}.'],
    follow: ['Members of the {org} argued over {field} spending at a meeting in {city}.', '{person} warned that cuts to the {acr} budget would hit {city} hardest.'],
    delay: ['The {acr} budget vote has been moved to {newdate}.', 'The vote on the {org} budget will now take place on {newdate}.'],
    reasons: ['spending cuts', 'tax income', 'debt', 'salaries'],
  },
  {
    thing: 'plant opening', act: 'open the plant',
    headline: ['{field} plant in {city} to open', '{acr} opens doors of new {city} plant', 'New {field} plant promises jobs in {country}'],
    lead: ['A {field} plant built by the {org} ({acr}) near {city} will open on {date}, creating {n} jobs.', 'The new {acr} plant in {city} is due to open on {date}, the {org} said.'],
    follow: ['Construction of the {acr} plant near {city} is nearly complete, the {role} said.', 'Local officials in {city} said the {org} plant would bring {n} jobs.'],
    delay: ['The opening of the {acr} plant in {city} has been moved to {newdate}.', 'The {org} said its {city} plant will now open on {newdate}.'],
    reasons: ['permits', 'equipment delays', 'hiring', 'power connections'],
  },
  {
    thing: 'treaty ratification', act: 'ratify the treaty',
    headline: ['{country} parliament to ratify {acr} treaty', 'Treaty with {acr} heads for ratification', '{acr} treaty vote set in {country}'],
    lead: ['The parliament of {country} will ratify the {field} treaty with the {org} ({acr}) on {date}, the speaker said.', 'Lawmakers in {country} are set to ratify the {acr} treaty on {date}.'],
    follow: ['A committee in {country} backed the {acr} treaty by a large majority.', '{person} said the treaty with the {org} would strengthen {field} cooperation.'],
    delay: ['Ratification of the {acr} treaty has been postponed to {newdate}.', 'The parliament of {country} will now vote on the {org} treaty on {newdate}.'],
    reasons: ['legal review', 'opposition demands', 'translation errors', 'public hearings'],
  },
];

const FILLERS = [
  '"{quote}," said {person}, the {role} of the {org}.',
  '{person}, the {role} of the {acr}, said the decision reflected {reason}.',
  'According to {outlet}, the {org} has {n} members across {country} and {country2}.',
  'The {org} was founded in {city2} in {year}.',
  'In {year}, a similar plan was abandoned because of disputes over {reason}.',
  'Critics in {city2} said the plan ignored concerns about {reason}.',
  'The members of the {acr} include {countrylist}.',
  'Analysts at {outlet} said the {field} sector in {country} had grown by {n} per cent last year.',
  '{person2}, a {role} at a rival group, said the timing was "{adjective}".',
  'The {acr} said it would publish further details in the coming weeks.',
  'Officials in {city} declined to comment on the talks.',
  '{outlet} reported that the {org} had held talks with officials in {country2}.',
  'The plan has three stages: {stages}.',
  '"We have waited {n} years for this," {person2} told {outlet}.',
  'The {org} employs about {n} people, most of them in {city}.',
  'Previous talks in {city2} ended without agreement in {monthname} {year}.',
  'Opposition politicians in {country} called for a review of {reason}.',
  'The {role} of the {acr}, {person}, is due to brief reporters in {city}.',
];
const QUOTES = [
  'This is a turning point for the whole region', 'We are ready to move ahead', 'Nobody should underestimate the work still to do',
  'It is good news for workers and their families', 'The timetable is ambitious but realistic', 'We listened to every concern',
  'This decision was not taken lightly', 'The next weeks will be decisive', 'We expect strong interest from abroad',
];
const ADJECTIVES = ['unfortunate', 'overdue', 'risky', 'sensible', 'rushed', 'welcome', 'surprising', 'inevitable'];
const STAGES = ['consultation', 'design', 'tendering', 'construction', 'testing', 'review', 'rollout', 'evaluation', 'training', 'audit'];

interface Story {
  kind: Kind;
  org: string;
  acr: string;
  field: string;
  role: string;
  person: string;
  city: string;
  city2: string;
  country: string;
  country2: string;
  /** Key date and, for stories whose date moves, the new one. */
  date: Date;
  moved?: Date;
  /** First publication (the day the story starts). */
  start: Date;
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayMonthYear = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const monthDayYear = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;

export interface GeneratedArticle {
  file: string;
  text: string;
  headline: string;
}

/**
 * `count` articles on about count/4 stories. `now` anchors the dates: stories start from two years
 * before it to a few weeks after, key dates fall days to months after their start, so a library has
 * past, recent and upcoming events alike.
 */
export function generateLibrary(count: number, now: Date, seed = 17): GeneratedArticle[] {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const out: GeneratedArticle[] = [];
  const headlines = new Set<string>();
  let storyNo = 0;
  while (out.length < count) {
    storyNo++;
    const field = pick(ORG_FIELD);
    const org = `${pick(ORG_ADJ)} ${field} ${pick(ORG_KIND)}`;
    const acr = org.split(' ').map((w) => w[0]).join('').toUpperCase();
    const start = new Date(now.getTime() - int(-30, 730) * DAY);
    const date = new Date(start.getTime() + int(3, 120) * DAY);
    const story: Story = {
      kind: pick(KINDS), org, acr, field, role: pick(ROLES), person: `${pick(FIRST)} ${pick(LAST)}`,
      city: pick(CITIES), city2: pick(CITIES), country: pick(COUNTRIES), country2: pick(COUNTRIES), date, start,
      moved: rand() < 0.3 ? new Date(date.getTime() + int(5, 60) * DAY) : undefined,
    };
    const articles = Math.min(count - out.length, int(1, 8));
    for (let a = 0; a < articles; a++) {
      const published = new Date(story.start.getTime() + a * int(1, 6) * DAY);
      const text = writeArticle(story, a, published, rand, pick, int);
      let headline = text.slice(text.indexOf('---\n', 4) + 4).split('\n')[0];
      // Headlines stay unique, as distinct articles' usually are (autocomplete and resolve need it).
      if (headlines.has(headline)) {
        const unique = `${headline} (${story.city}, ${MONTHS[published.getUTCMonth()]} ${published.getUTCDate()})`;
        const body = text.replace(`\n${headline}\n`, `\n${unique}\n`);
        headline = unique;
        out.push({ file: `story-${String(storyNo).padStart(5, '0')}-${a + 1}.txt`, text: body, headline });
      } else out.push({ file: `story-${String(storyNo).padStart(5, '0')}-${a + 1}.txt`, text, headline });
      headlines.add(headline);
    }
  }
  return out;
}

function writeArticle(
  s: Story,
  part: number,
  published: Date,
  rand: () => number,
  pick: <T>(list: readonly T[]) => T,
  int: (lo: number, hi: number) => number,
): string {
  const moved = s.moved && part > 0 && part >= 2 ? s.moved : undefined;
  const dateText = rand() < 0.5 ? dayMonthYear(s.date) : monthDayYear(s.date);
  const person2 = `${pick(FIRST)} ${pick(LAST)}`;
  const countries = Array.from({ length: int(3, 6) }, () => pick(COUNTRIES)).filter((c, i, all) => all.indexOf(c) === i);
  const stages = Array.from({ length: 3 }, () => pick(STAGES)).filter((c, i, all) => all.indexOf(c) === i);
  const vars: Record<string, string> = {
    org: s.org, acr: s.acr, field: s.field.toLowerCase(), role: s.role, person: s.person, person2, city: s.city, city2: s.city2,
    country: s.country, country2: s.country2, date: dateText, newdate: moved ? dayMonthYear(moved) : dateText,
    weekday: WEEKDAYS[published.getUTCDay()], outlet: pick(OUTLETS), n: String(int(2, 900)), year: String(int(1985, 2022)),
    reason: pick(s.kind.reasons), quote: pick(QUOTES), adjective: pick(ADJECTIVES), monthname: pick(MONTHS),
    countrylist: `${countries.slice(0, -1).join(', ')} and ${countries[countries.length - 1]}`,
    stages: `${stages.slice(0, -1).join(', ')} and ${stages[stages.length - 1]}`,
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? k).replace(/^("?)([a-z])/, (_, q: string, c: string) => q + c.toUpperCase());
  const headlineTemplate = moved ? `${pick(['Delay', 'New date', 'Postponed'])}: ${pick(s.kind.headline)}` : pick(s.kind.headline);
  const headline = fill(headlineTemplate).replace(/^./, (c) => c.toUpperCase());
  const lead = moved ? fill(pick(s.kind.delay)) : part === 0 ? fill(pick(s.kind.lead)) : fill(pick(s.kind.follow));
  const body = [lead];
  if (part > 0 && !moved) body.push(fill(`The {org} still plans to ${s.kind.act} on {date}.`));
  if (moved) body.push(fill(`It had planned to ${s.kind.act} on {date}.`));
  const fillers = [...FILLERS].sort(() => rand() - 0.5).slice(0, int(4, 9));
  for (const f of fillers) body.push(fill(f));
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length; ) {
    const take = int(1, 3);
    paragraphs.push(body.slice(i, i + take).join(' '));
    i += take;
  }
  const front = ['---', `source: ${vars.outlet.replace(/^the /, 'The ')}`, `published: ${iso(published)}`, `url: https://news.example.org/${s.acr.toLowerCase()}/${iso(published)}-${part}`, '---'];
  return `${front.join('\n')}\n${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

/** Writes the library into `dir` (created if needed); returns what was written. */
export function writeLibrary(dir: string, count: number, now: Date, seed = 17): GeneratedArticle[] {
  mkdirSync(dir, { recursive: true });
  const articles = generateLibrary(count, now, seed);
  for (const a of articles) writeFileSync(join(dir, a.file), a.text);
  return articles;
}
