// npm run eval -- entities [--half dev|held-out|all] [--errors]: Herald's people, organisations and places
// (the lists /who shows) against the hand labels of test/articles/entities-gold/labels.json: the seed and
// the 30 articles of ../shared/corpus. Precision and recall per list and overall, and role accuracy for
// the people the text gives a role. Rules are tuned on the dev articles only; held-out ones are checked.
import { parseArgs } from 'node:util';
import { KINDS, overall, precision, recall, roleAccuracy, scoreEntities, type EntityScore, type Half } from '../test/articles/entities-gold';

const { values } = parseArgs({ options: { half: { type: 'string' }, errors: { type: 'boolean' } } });
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const which: Half[] = (values.half ?? 'all') === 'all' ? ['dev', 'held-out', 'all'] : [values.half as Half];
for (const half of which) {
  if (!['dev', 'held-out', 'all'].includes(half)) {
    console.error('--half is dev, held-out or all');
    process.exit(2);
  }
  let s: EntityScore;
  try {
    s = scoreEntities(half);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  console.log(`Entities ${half}: ${s.articles} articles`);
  for (const k of KINDS) {
    const c = s.counts[k];
    console.log(`  ${k.padEnd(14)} P ${pct(precision(c))}  R ${pct(recall(c))}  (${c.correct} right of ${c.predicted} given, ${c.found} of ${c.gold} gold found)`);
  }
  const o = overall(s);
  console.log(`  ${'all'.padEnd(14)} P ${pct(precision(o))}  R ${pct(recall(o))}`);
  console.log(`  roles: ${pct(roleAccuracy(s))}% right of found people with a role (${s.roles.right}/${s.roles.found}; ${s.roles.withRole} in the text, ${s.spuriousRoles} roles given where the text has none)`);
  // Errors of the held-out half only when asked for by name: rules are not tuned to them.
  if (values.errors && (half === 'dev' || values.half === 'held-out')) for (const e of s.errors) console.log(`    ${e}`);
}
