// Filters: words and phrases, RE2 patterns (linear time, so a catastrophic pattern cannot hang the bot),
// and the admin-facing validation of each part.
import { describe, expect, it } from 'vitest';
import { buildFilter, checkPattern, compileFilter, describeFilter, EMPTY_FILTER, parseStoredFilter, storedFilter } from '../../src/feeds/filters';

const article = (title: string, body = '') => ({ title, body });

describe('filters', () => {
  it('include passes an article with any word or phrase, whole words only, case and accents ignored', () => {
    const f = compileFilter({ include: ['harbour board', 'Tajikistan'], exclude: [] });
    expect(f.test(article('The Harbour Board met')).pass).toBe(true);
    expect(f.test(article('News', 'Talks in TAJIKISTAN today')).pass).toBe(true);
    expect(f.test(article('Harbours boarded')).pass).toBe(false);
    expect(f.test(article('Nothing here'))).toEqual({ pass: false, reason: 'none of: harbour board, Tajikistan' });
    expect(compileFilter({ include: ['cafe'], exclude: [] }).test(article('Café opens')).pass).toBe(true);
  });

  it('exclude leaves out an article with any of its words', () => {
    const f = compileFilter({ include: [], exclude: ['sport', 'opinion'] });
    expect(f.test(article('Election results')).pass).toBe(true);
    expect(f.test(article('Opinion: the vote'))).toEqual({ pass: false, reason: 'contains "opinion"' });
  });

  it('patterns match case-insensitively; exclude patterns leave out', () => {
    const f = compileFilter({ include: [], exclude: [], pattern: '\\b(CSTO|NATO)\\b', excludePattern: 'live blog' });
    expect(f.test(article('csto meets')).pass).toBe(true);
    expect(f.test(article('EU meets')).pass).toBe(false);
    expect(f.test(article('NATO: Live Blog')).pass).toBe(false);
  });

  it('a catastrophic pattern, (a+)+$, on a long run of "a"s answers in linear time', () => {
    const f = compileFilter({ include: [], exclude: [], pattern: '(a+)+$' });
    const hostile = `${'a'.repeat(19_000)}!`;
    const started = performance.now();
    for (let i = 0; i < 5; i++) expect(f.test(article('x', hostile)).pass).toBe(false);
    const nested = compileFilter({ include: [], exclude: [], pattern: '(x+x+)+y' });
    expect(nested.test(article('x', 'x'.repeat(19_999))).pass).toBe(false);
    // A backtracking engine needs longer than the universe's age for these; RE2 takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
    // Admins may save it: it is harmless here.
    expect(checkPattern('(a+)+$')).toEqual({ ok: true });
  });

  it('the text a filter reads is bounded', () => {
    const f = compileFilter({ include: ['needle'], exclude: [] });
    expect(f.test(article('t', `${'word '.repeat(5000)} needle`)).pass).toBe(false);
  });

  it('refuses patterns RE2 cannot run, with a reason an admin can act on', () => {
    expect(checkPattern('(a')).toMatchObject({ ok: false, reason: expect.stringContaining('missing closing )') });
    expect(checkPattern('(a)\\1')).toMatchObject({ ok: false, reason: expect.stringContaining('no backreferences') });
    expect(checkPattern('(?=x)')).toMatchObject({ ok: false });
    expect(checkPattern('a'.repeat(201))).toMatchObject({ ok: false, reason: 'a pattern of at most 200 characters.' });
  });

  it('buildFilter replaces the parts given, keeps the others, and "-" clears a part', () => {
    const first = buildFilter(EMPTY_FILTER, { include: 'CSTO, Tajikistan', pattern: 'border' });
    expect(first).toEqual({ ok: true, spec: { include: ['CSTO', 'Tajikistan'], exclude: [], pattern: 'border' } });
    if (!first.ok) throw new Error('unreachable');
    const second = buildFilter(first.spec, { exclude: 'sport', include: '-' });
    expect(second).toEqual({ ok: true, spec: { include: [], exclude: ['sport'], pattern: 'border' } });
    if (!second.ok) throw new Error('unreachable');
    expect(buildFilter(second.spec, { pattern: 'none', exclude: 'off' })).toEqual({ ok: true, spec: EMPTY_FILTER });
    expect(buildFilter(EMPTY_FILTER, { pattern: '(' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^`pattern`: not a pattern Herald can use/) });
    expect(buildFilter(EMPTY_FILTER, { excludePattern: '[' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^`exclude_pattern`/) });
    expect(buildFilter(EMPTY_FILTER, { include: ', ,' })).toMatchObject({ ok: false, reason: expect.stringMatching(/^`include`: give words/) });
    expect(buildFilter(EMPTY_FILTER, { include: Array.from({ length: 21 }, (_, i) => `w${i}`).join(',') })).toMatchObject({ ok: false, reason: '`include`: at most 20 words or phrases.' });
  });

  it('round-trips through its stored form; an empty filter is stored as nothing', () => {
    const spec = { include: ['a'], exclude: [], pattern: 'b+' };
    expect(parseStoredFilter(storedFilter(spec))).toEqual(spec);
    expect(storedFilter(EMPTY_FILTER)).toBeNull();
    expect(parseStoredFilter('not json')).toBeNull();
    expect(parseStoredFilter('{"include": 3}')).toBeNull();
    expect(describeFilter(spec)).toBe('only with: a; matching /b+/');
    expect(describeFilter(null)).toBe('no filter');
  });

  it('a stored pattern RE2 refuses (written by hand) fails closed', () => {
    expect(compileFilter({ include: [], exclude: [], pattern: '(' }).test(article('anything'))).toMatchObject({ pass: false });
  });
});
