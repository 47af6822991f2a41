// /who: the people (with roles), the organisations (with acronyms and members), the places and who said what;
// or, given a name, that one person or organisation.
import type { TrackedArticle } from '../articles/library';
import type { Article, Attribution, Organisation, Person } from '../articles/model';
import type { Choice, EmbedField, Reply } from '../core/reply';
import { userError } from '../core/reply';
import { matchesWords, normalise } from './article-option';
import { sentenceText } from './events';
import { HERALD_COLOR, joinList } from '../format/text';
import { bold, quote, safe } from '../format/parts';

/** "Secretary-General of the CSTO" — the organisation only when the role does not already name it. */
export function personAbout(p: Person): string {
  const named = p.organisation !== undefined && ` ${normalise(p.role ?? '')} `.includes(` ${normalise(p.organisation)} `);
  const org = named ? undefined : p.organisation;
  return [p.role, org].filter(Boolean).join(', ');
}

export function personLine(p: Person): string {
  const about = personAbout(p);
  return `${bold(safe(p.name))}${about ? ` — ${safe(about)}` : ''}`;
}

export function organisationName(o: Organisation): string {
  return o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;
}

export function organisationLine(o: Organisation): string {
  return `${bold(safe(organisationName(o)))}${o.members.length ? ` — members: ${safe(joinList(o.members))}` : ''}`;
}

/** "Azerbaijani media reported: …", but "According to RIA Novosti: …" when the verb leads into the source. */
export function attributionLine(a: Attribution, withClaim = true, emphasis = true): string {
  const claim = a.claim && withClaim ? `: ${safe(a.claim)}` : '';
  const verb = a.verb.trim();
  const source = emphasis ? bold(safe(a.source)) : safe(a.source);
  if (/\b(from|to|by|of|with)$/i.test(verb)) return `${safe(verb.charAt(0).toUpperCase() + verb.slice(1))} ${source}${claim}`;
  return `${source} ${safe(verb)}${claim}`;
}

/** A field of one item a line, whole (Discord's renderer keeps what fits and says "…and N more"). */
export function listField(name: string, lines: string[]): EmbedField | undefined {
  if (lines.length === 0) return undefined;
  return { name, value: lines.join('\n'), list: true };
}

const present = (f: EmbedField | undefined): f is EmbedField => f !== undefined;

function surname(name: string): string {
  const words = normalise(name).split(' ');
  return words[words.length - 1] ?? '';
}

function orgKeys(o: Organisation): string[] {
  return [o.name, o.acronym, ...o.aliases].filter((k): k is string => Boolean(k)).map(normalise);
}

export type WhoMatch = { kind: 'person'; person: Person } | { kind: 'organisation'; organisation: Organisation };

/** Exact name, surname, acronym or alias first; then a unique every-word match. */
export function findWho(article: Article, query: string): WhoMatch[] {
  const q = normalise(query);
  if (!q) return [];
  const exact: WhoMatch[] = [
    ...article.people.filter((p) => normalise(p.name) === q || surname(p.name) === q).map((person) => ({ kind: 'person' as const, person })),
    ...article.organisations.filter((o) => orgKeys(o).includes(q)).map((organisation) => ({ kind: 'organisation' as const, organisation })),
  ];
  if (exact.length) return exact;
  return [
    ...article.people.filter((p) => matchesWords(query, p.name)).map((person) => ({ kind: 'person' as const, person })),
    ...article.organisations
      .filter((o) => matchesWords(query, [o.name, o.acronym ?? '', ...o.aliases].join(' ')))
      .map((organisation) => ({ kind: 'organisation' as const, organisation })),
  ];
}

export function whoChoices(article: Article, typed: string): Choice[] {
  const people = article.people.filter((p) => matchesWords(typed, `${p.name} ${p.role ?? ''}`)).map((p) => ({ name: p.role ? `${p.name} — ${p.role}` : p.name, value: p.name }));
  const orgs = article.organisations
    .filter((o) => matchesWords(typed, [o.name, o.acronym ?? '', ...o.aliases].join(' ')))
    .map((o) => ({ name: organisationName(o), value: o.acronym ?? o.name }));
  return [...people, ...orgs];
}

function belongsTo(p: Person, o: Organisation): boolean {
  if (!p.organisation) return false;
  const keys = orgKeys(o);
  const org = normalise(p.organisation);
  return keys.includes(org) || keys.some((k) => k.length > 1 && ` ${org} `.includes(` ${k} `));
}

/** Attributions whose source names this person (full name or surname) or organisation. */
function saidBy(article: Article, keys: string[]): Attribution[] {
  return article.attributions.filter((a) => {
    const source = ` ${normalise(a.source)} `;
    return keys.some((k) => k && source.includes(` ${k} `));
  });
}

function mentions(article: Article, sentences: number[], max = 3): EmbedField | undefined {
  const quotes = [...new Set(sentences)]
    .slice(0, max)
    .map((i) => sentenceText(article, i))
    .filter((t): t is string => Boolean(t))
    .map((t) => quote(t, 300));
  return quotes.length ? { name: 'In the article', value: quotes.join('\n') } : undefined;
}

function personReply(article: Article, person: Person, headline: string): Reply {
  const keys = [normalise(person.name), surname(person.name)];
  const about = personAbout(person);
  const fields = [
    listField('Said or reported', saidBy(article, keys).map((a) => attributionLine(a))),
    mentions(article, person.sentences),
  ].filter(present);
  return { embeds: [{ title: safe(person.name), description: about ? safe(about) : 'No role is given in the article.', fields, footer: `From: ${headline}`, color: HERALD_COLOR }] };
}

function organisationReply(article: Article, org: Organisation, headline: string): Reply {
  const people = article.people.filter((p) => belongsTo(p, org));
  const otherNames = org.aliases.filter((a) => a !== org.name && a !== org.acronym);
  const fields = [
    otherNames.length ? { name: 'Also called', value: safe(joinList(otherNames)) } : undefined,
    org.members.length ? { name: 'Members', value: safe(joinList(org.members)) } : undefined,
    listField('People', people.map(personLine)),
    listField('Said or reported', saidBy(article, orgKeys(org)).map((a) => attributionLine(a))),
    mentions(article, org.sentences),
  ].filter(present);
  return { embeds: [{ title: safe(organisationName(org)), fields, footer: `From: ${headline}`, color: HERALD_COLOR }] };
}

export function whoReply(tracked: TrackedArticle, name?: string): Reply {
  const { article } = tracked;
  const headline = safe(article.headline);
  if (name !== undefined) {
    const matches = findWho(article, name);
    if (matches.length === 0) {
      const known = [...article.people.map((p) => p.name), ...article.organisations.map((o) => o.acronym ?? o.name)];
      const hint = known.length ? ` Try one of: ${safe(joinList(known.slice(0, 10)))}.` : ' Herald found no people or organisations in it.';
      return userError(`No one called “${safe(name, { max: 80 })}” in this article.${hint}`);
    }
    if (matches.length > 1) {
      const names = matches.map((m) => (m.kind === 'person' ? m.person.name : organisationName(m.organisation)));
      return userError(`“${safe(name, { max: 80 })}” could be ${safe(joinList(names.slice(0, 10)))}. Give more of the name.`);
    }
    const [match] = matches;
    return match.kind === 'person' ? personReply(article, match.person, headline) : organisationReply(article, match.organisation, headline);
  }
  const fields = [
    listField('People', article.people.map(personLine)),
    listField('Organisations', article.organisations.map(organisationLine)),
    article.places.length ? { name: 'Places', value: safe(joinList(article.places.map((p) => p.name))) } : undefined,
    listField('Who said what', article.attributions.map((a) => attributionLine(a))),
  ].filter(present);
  return {
    embeds: [
      {
        title: `Who: ${headline}`,
        description: fields.length ? undefined : 'Herald found no people or organisations in this article.',
        fields,
        footer: 'Details: /who name:<a name or acronym>',
        color: HERALD_COLOR,
      },
    ],
  };
}
