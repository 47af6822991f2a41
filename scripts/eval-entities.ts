// npm run eval -- entities [--half dev|held-out|all|fresh|fresh2|fresh3|fresh4|fresh5|fresh6] [--errors]: Herald's people, organisations and
// places (the lists /who shows) against the hand labels of test/articles/entities-gold/labels.json (the seed
// and the 30 articles of ../shared/corpus) and, for --half fresh, of entities-gold/timebank-labels.json (11
// TimeBank documents of ../shared/eval/timebank). Precision and recall per list and overall, and role
// accuracy for the people the text gives a role. Rules are tuned on the dev articles only; held-out and
// fresh ones are checked. --half fresh2 scores a second fresh set of 10 more TimeBank documents
// (entities-gold/timebank-labels-fresh2.json), --half fresh3 a third (timebank-labels-fresh3.json),
// --half fresh4 and --half fresh5 a fourth and fifth (timebank-labels-fresh4.json, -fresh5.json: every 18th from index
// 13 and from 16, labelled by reading the text only before Herald was run on them), --half fresh6 a sixth
// (timebank-labels-fresh6.json: every 18th from index 7, labelled the same way). Without --half: dev, held-out and all (the fresh sets only when asked for by name).
import { parseArgs } from 'node:util';
import { HALVES, KINDS, overall, precision, recall, roleAccuracy, scoreEntities, type EntityScore, type Half } from '../test/articles/entities-gold';

const { values } = parseArgs({ options: { half: { type: 'string' }, errors: { type: 'boolean' } } });
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const which: Half[] = (values.half ?? 'all') === 'all' ? ['dev', 'held-out', 'all'] : [values.half as Half];
for (const half of which) {
  if (!HALVES.includes(half)) {
    console.error(`--half is ${HALVES.join(', ')}`);
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
  if (values.errors && (half === 'dev' || (values.half !== undefined && values.half !== 'all'))) for (const e of s.errors) console.log(`    ${e}`);
}
