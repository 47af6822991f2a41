// Hostile input for templates and filters (seeded fast-check, test/support/property-seed.ts): an admin's
// template and a stranger's article never crash rendering and never produce a mention; filters built from
// any input never throw, and any pattern RE2 accepts runs in linear time on long hostile text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderDelivery } from '../../src/feeds/delivery';
import { buildFilter, checkPattern, compileFilter, EMPTY_FILTER } from '../../src/feeds/filters';
import { checkTemplate, fillTemplate, placeholderValues, PLACEHOLDERS } from '../../src/feeds/templates';
import { renderMessage } from '../../src/transports/discord/render';
import { makeArticle } from './article-builder';

const now = new Date('2024-11-27T10:00:00Z');
/** Anything that could resolve to a ping or a channel link in Discord. */
const MENTION = /@(everyone|here)|<@[!&]?\d|<#\d/i;

const hostileBits = ['@everyone', '@here', '<@&', '<@!', '<@', '<#', '>', '123456789012345678', '@', '&', '#', '{title}', '{', '}', '\\', '*', '`', '\u202e', '\u200b', '\n', ' ', 'a', 'https://x.example/'];
const hostileText = fc.array(fc.oneof(fc.constantFrom(...hostileBits), fc.string({ maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join(''));
const templateText = fc
  .array(fc.oneof(fc.constantFrom(...PLACEHOLDERS.map((p) => `{${p}}`)), fc.constantFrom(...hostileBits), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 20 })
  .map((parts) => parts.join(''));
const role = '223456789012345678';

function texts(payload: ReturnType<typeof renderMessage>): string[] {
  const out = [payload.content ?? ''];
  for (const e of payload.embeds ?? []) out.push(e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]));
  return out;
}

describe('templates under hostile input', () => {
  it('checkTemplate never throws; a template it accepts, filled with hostile article text, never mentions anyone but the configured role', () => {
    let accepted = 0;
    fc.assert(
      fc.property(templateText, hostileText, hostileText, hostileText, fc.constantFrom('embed', 'text'), fc.boolean(), (template, headline, body, source, format, ping) => {
        const verdict = checkTemplate(template);
        if (!verdict.ok) return;
        accepted++;
        const article = makeArticle({ headline: headline.trim() || 'x', paragraphs: [body.trim() || 'y'], source: source || undefined, url: 'https://x.example/@everyone' });
        const reply = renderDelivery({ article, origin: 'https://x.example/a', now, matchedTerms: [source] }, { template, format: format as 'embed' | 'text', pingRoleId: ping ? role : null });
        const payload = renderMessage(reply);
        expect(payload.allowed_mentions).toEqual(ping ? { parse: [], roles: [role] } : { parse: [] });
        for (const text of texts(payload)) {
          const rest = ping ? text.replace(`<@&${role}>`, '') : text;
          expect(rest).not.toMatch(MENTION);
        }
        expect((payload.content ?? '').length).toBeLessThanOrEqual(2000);
      }),
      { numRuns: 1500 },
    );
    // The generator must actually exercise accepted templates.
    expect(accepted).toBeGreaterThan(200);
  });

  it('fillTemplate defuses any splice of template and value', () => {
    fc.assert(
      fc.property(templateText, hostileText, (template, value) => {
        const values = placeholderValues({ article: makeArticle({ headline: 'h' }), now });
        const spliced = Object.fromEntries(Object.keys(values).map((k) => [k, value])) as typeof values;
        expect(fillTemplate(template.replace(/@(everyone|here)|<@|<#/gi, ''), spliced)).not.toMatch(MENTION);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('filters under hostile input', () => {
  const regexBits = ['(', ')', '+', '*', '?', '{1000}', '{2,}', '|', '.', 'a', '\\b', '\\1', '(?=', '[', ']', '^', '$', '\\', 'x+x+', '(a+)+'];
  const regexText = fc.array(fc.oneof(fc.constantFrom(...regexBits), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 15 }).map((p) => p.join(''));

  it('buildFilter never throws, and a pattern it accepts runs on 20,000 hostile characters quickly', () => {
    const long = `${'a'.repeat(9_000)}${'x'.repeat(9_000)}!`;
    let accepted = 0;
    const started = performance.now();
    fc.assert(
      fc.property(regexText, hostileText, hostileText, (pattern, include, exclude) => {
        expect(() => checkPattern(pattern)).not.toThrow();
        const built = buildFilter(EMPTY_FILTER, { pattern, include, exclude });
        if (!built.ok) {
          expect(built.reason.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const verdict = compileFilter(built.spec).test({ title: include, body: long });
        expect(typeof verdict.pass).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(20);
    // 300 patterns, each on 18,000 characters: a backtracking engine would not finish (a+)+ even once.
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
