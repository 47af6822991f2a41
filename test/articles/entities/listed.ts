// What the entity passes list for a few sentences written for a test: names sorted, each person's role,
// and each person's role with the body they hold it in ("lawyer @ Ford").
import { extractEntities } from '../../../src/articles/entities';
import type { Sentence } from '../../../src/articles/model';

export function entities(...texts: string[]) {
  let start = 0;
  const s: Sentence[] = texts.map((text, index) => {
    const sentence = { index, paragraph: 0, text, start, end: start + text.length };
    start += text.length + 1;
    return sentence;
  });
  const e = extractEntities(s);
  return {
    people: e.people.map((p) => p.name).sort(),
    roles: Object.fromEntries(e.people.map((p) => [p.name, p.role])),
    employers: Object.fromEntries(e.people.map((p) => [p.name, [p.role, p.organisation].filter(Boolean).join(' @ ')])),
    orgs: e.organisations.map((o) => o.name).sort(),
    places: e.places.map((p) => p.name).sort(),
  };
}
