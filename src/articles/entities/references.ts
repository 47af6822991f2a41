// Later references: "Mr Blair" and "Blair" to the full name, "He" to the last person named, "the
// Secretary-General" to the one holding that role, "the commission" to the one commission; and the role
// of a person the text names without one but refers to by office ("Jack Straw said. The foreign secretary
// told MPs …").
import { ORG_HEADS } from '../../language/organisations';
import { containsWord } from '../../language/word-search';
import type { Sentence } from '../model';
import type { EntityRegistry, PersonDraft } from './registry';

/** A name without its generational suffix ("Louis Gerstner Jr." → "Louis Gerstner", "James Trotter III" → "James Trotter"). */
export function withoutSuffix(name: string): string {
  return name.replace(/,?\s+(?:Jr|Sr|II|III|IV)\.?$/, '');
}

/** Pass: "Mr Blair" attaches to the full name when one was seen; otherwise it stands alone. */
export function resolveSurnameRefs(_sentences: Sentence[], registry: EntityRegistry): void {
  const all = [...registry.people.values()];
  for (const ref of registry.surnameRefs) {
    // "John C. Maxwell Jr." … "Mr. Maxwell": a generational suffix follows the surname
    const full = ref.whole ? undefined : all.find((p) => p.name.split(' ').length > 1 && withoutSuffix(p.name).endsWith(` ${ref.surname}`));
    if (full) {
      full.sentences.add(ref.sentence);
      if (ref.role && !full.role) {
        full.role = ref.role;
        if (ref.organisation) full.organisation ??= ref.organisation;
      }
      if (!registry.peopleBySentence[ref.sentence].includes(full.name)) registry.peopleBySentence[ref.sentence].push(full.name);
    } else {
      registry.addPerson(ref.display, ref.sentence, ref.role, ref.organisation);
    }
  }
}

/** Titles of an office one person holds at a time, which "the <title>" refers back to. */
const OFFICE = /^(?:(?:deputy|shadow|vice)\s+)?(?:prime minister|chancellor(?: of the exchequer)?|(?:[a-z]+\s+)?secretary|(?:[a-z]+\s+)?minister|president|premier|attorney general|secretary-general|secretary general|mayor|governor|speaker)$/i;

/** The last word of every title OFFICE matches (in lower case, as officeAt requires). */
const OFFICE_LAST_WORDS = new Set(['minister', 'chancellor', 'exchequer', 'secretary', 'president', 'premier', 'general', 'secretary-general', 'mayor', 'governor', 'speaker']);

/** "the prime minister" at words[i..]: the longest office title there, or null. */
export function officeAt(ws: string[], i: number): { title: string; length: number } | null {
  // (a title starts with a lower-case letter and ends with an office word: other spans are not joined up to be tested)
  if (!/^[a-z]/.test(ws[i] ?? '')) return null;
  for (let n = Math.min(5, ws.length - i); n >= 1; n--) {
    if (!OFFICE_LAST_WORDS.has(ws[i + n - 1].replace(/[,.;:]$/, ''))) continue;
    const title = ws.slice(i, i + n).join(' ').replace(/[,.;:]$/, '');
    if (/^[a-z][a-z -]*$/.test(title) && OFFICE.test(title)) return { title, length: n };
  }
  return null;
}

/**
 * Pass: a person named without a role, then "the <office>" in a later sentence with no name of its own:
 * the office is the role of the person the article is most about among those named so far without one
 * (most sentences, then first named), unless someone already holds that office.
 */
export function rolesByOffice(sentences: Sentence[], registry: EntityRegistry): void {
  const people = [...registry.people.values()];
  const firstSeen = (p: PersonDraft) => Math.min(...p.sentences);
  for (const s of sentences) {
    const ws = s.text.split(/\s+/);
    for (let i = 0; i < ws.length - 1; i++) {
      if (!/^[Tt]he$/.test(ws[i])) continue;
      let j = i + 1;
      if (/^(?:then|former|current|new)$/.test(ws[j])) j++;
      const office = officeAt(ws, j);
      if (!office) continue;
      const next = ws[j + office.length] ?? '';
      const closed = /[,.;:]$/.test(ws[j + office.length - 1]);
      if (!closed && (/^\p{Lu}/u.test(next) || next === 'of')) continue; // "the prime minister Tony Blair", "the president of France"
      const title = office.title;
      if (people.some((p) => p.role?.toLowerCase() === title.toLowerCase())) continue;
      const candidates = people.filter((p) => !p.role && firstSeen(p) <= s.index);
      if (candidates.length === 0) continue;
      candidates.sort((a, b) => b.sentences.size - a.sentences.size || firstSeen(a) - firstSeen(b));
      candidates[0].role = title;
    }
  }
  rolesFromPreviousSentence(sentences, registry);
}

/**
 * "…, the BBC's political editor has learned. Andrew Marr says …": a role with no name in one sentence,
 * and in the next a person named for the first time, with no role, opening it.
 */
function rolesFromPreviousSentence(sentences: Sentence[], registry: EntityRegistry): void {
  for (const s of sentences.slice(1)) {
    const prev = sentences[s.index - 1];
    if (!prev) continue;
    const first = registry.peopleBySentence[s.index][0];
    const person = first ? registry.people.get(first.toLowerCase()) : undefined;
    if (!person || person.role || Math.min(...person.sentences) !== s.index || !s.text.startsWith(person.name)) continue;
    const m = /\b[Tt]he\s+(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)*)['’]s\s+((?:[a-z-]+\s+){0,2}(?:editor|correspondent|spokes(?:man|woman|person)|reporter|analyst|adviser|advisor|director|chief|head))\s+(?:has|had|says|said|is|was|reports|reported|understands|learned|learnt)\b/u.exec(prev.text);
    if (!m) continue;
    person.role = m[2].trim();
    person.organisation ??= registry.findOrg(m[1])?.name ?? m[1];
  }
}

/** Pass: later references by surname alone, by role ("the Secretary-General") or by pronoun ("He ..."). */
export function linkPersonMentions(sentences: Sentence[], registry: EntityRegistry): void {
  const named = [...registry.people.values()].map((p) => {
    const parts = p.name.split(' ');
    const surname = parts[parts.length - 1];
    return { p, surname: parts.length > 1 && surname.length > 2 ? surname : null, role: p.role ? `the ${p.role}` : null };
  });
  let last: PersonDraft | undefined;
  for (const s of sentences) {
    const here = registry.peopleBySentence[s.index];
    if (here.length === 0) {
      for (const { p, surname, role } of named) {
        if ((surname !== null && containsWord(s.text, surname)) || (role !== null && containsWord(s.text, role, true))) {
          p.sentences.add(s.index);
          here.push(p.name);
        }
      }
    }
    if (here.length === 0 && last && /^(He|She)\b/.test(s.text)) {
      last.sentences.add(s.index);
      here.push(last.name);
    }
    if (here.length > 0) last = registry.people.get(here[here.length - 1].toLowerCase()) ?? last;
  }
}

/** Pass: organisations referenced by acronym or by their head word in lower case ("the commission"). */
export function linkOrganisationMentions(sentences: Sentence[], registry: EntityRegistry): void {
  const orgs = registry.organisations;
  for (const o of orgs) {
    const heads = o.name.split(/\s+/).filter((w) => ORG_HEADS.has(w.toLowerCase()));
    const acronym = o.acronym || null;
    const uniqueHead = heads.length === 1 && orgs.filter((x) => x.name.toLowerCase().includes(heads[0].toLowerCase())).length === 1;
    const head = uniqueHead ? `the ${heads[0].toLowerCase()}` : null;
    if (!acronym && !head) continue;
    for (const s of sentences) {
      if (o.sentences.has(s.index)) continue;
      if ((acronym !== null && containsWord(s.text, acronym)) || (head !== null && containsWord(s.text, head))) o.sentences.add(s.index);
    }
  }
}
