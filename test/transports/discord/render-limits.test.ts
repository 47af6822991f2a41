// Every Discord limit holds for any reply, however long its parts (seeded fast-check, see
// test/support/property-seed.ts): replies carry their full text and this renderer is the only place that
// fits them to Discord.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply';
import { embedTotal, LIMITS, renderChoices, renderMessage, type MessagePayload } from '../../../src/transports/discord/render';

// Words, sentence ends, line breaks and the odd emoji, at any length from empty to far over each limit.
const word = fc.constantFrom('word', 'border', 'CSTO', 'Tajikistan.', 'plan,', '😀', '**bold**', '\n', '•', 'x'.repeat(40));
const text = (max: number) => fc.array(word, { maxLength: max }).map((w) => w.join(' '));
const field = fc.record({ name: text(80), value: text(400), inline: fc.boolean(), list: fc.boolean() }, { requiredKeys: ['name', 'value'] });
const embed = fc.record(
  { title: text(80), description: text(1400), fields: fc.array(field, { maxLength: 40 }), footer: text(700), url: fc.constant('https://example.com/a') },
  { requiredKeys: [] },
);
const button = fc.record({ customId: text(40), label: text(40), disabled: fc.boolean() }, { requiredKeys: ['customId', 'label'] });
const reply: fc.Arbitrary<Reply> = fc.record(
  { content: text(700), embeds: fc.array(embed, { maxLength: 12 }), buttons: fc.array(button, { maxLength: 8 }), buttonRows: fc.array(fc.array(button, { maxLength: 7 }), { maxLength: 7 }), ephemeral: fc.boolean() },
  { requiredKeys: [] },
);

/** Every rule Discord checks a message against; the list of broken ones. */
function broken(m: MessagePayload): string[] {
  const out: string[] = [];
  const over = (what: string, s: string | undefined, max: number) => (s ?? '').length > max && out.push(`${what} ${(s ?? '').length} > ${max}`);
  over('content', m.content, LIMITS.content);
  if ((m.embeds?.length ?? 0) > LIMITS.embeds) out.push('embeds');
  for (const e of m.embeds ?? []) {
    over('title', e.title, LIMITS.title);
    over('description', e.description, LIMITS.description);
    over('footer', e.footer?.text, LIMITS.footer);
    if ((e.fields?.length ?? 0) > LIMITS.fields) out.push(`fields ${e.fields!.length}`);
    for (const f of e.fields ?? []) {
      over('field name', f.name, LIMITS.fieldName);
      over('field value', f.value, LIMITS.fieldValue);
      if (!f.name || !f.value) out.push('empty field');
    }
    if (!e.title && !e.description && !e.fields?.length && !e.footer) out.push('empty embed');
  }
  if (embedTotal(m.embeds ?? []) > LIMITS.total) out.push(`total ${embedTotal(m.embeds ?? [])}`);
  if ((m.components?.length ?? 0) > LIMITS.buttonRows) out.push('rows');
  for (const row of m.components ?? []) {
    if (row.components.length > LIMITS.buttons) out.push('buttons');
    for (const b of row.components) {
      over('label', b.label, LIMITS.buttonLabel);
      over('custom_id', b.custom_id, LIMITS.customId);
      if (!b.label) out.push('empty label');
    }
  }
  if (!m.content && !m.embeds?.length && !m.components?.length && !m.files?.length) out.push('empty message');
  if (m.allowed_mentions.parse.length !== 0) out.push('mentions parsed');
  return out;
}

describe('Discord limits (property)', () => {
  it('hold for every rendered reply, whatever the lengths of its parts', () => {
    fc.assert(
      fc.property(reply, (r) => {
        expect(broken(renderMessage(r))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leave a reply within every limit exactly as it was', () => {
    const small = fc.record({ title: text(20), description: text(60), fields: fc.array(fc.record({ name: text(8).map((s) => s || 'n'), value: text(60).map((s) => s || 'v') }), { maxLength: 10 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(small, (e) => {
        const out = renderMessage({ embeds: [e] }).embeds?.[0];
        if (e.title) expect(out?.title).toBe(e.title);
        if (e.description) expect(out?.description).toBe(e.description);
        expect(out?.fields ?? []).toEqual(e.fields ?? []);
      }),
      { numRuns: 200 },
    );
  });

  it('say how many fields were left out, beyond 25 or beyond the 6000 total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 1500 }), (count, length) => {
        const fields = Array.from({ length: count }, (_, i) => ({ name: `Field ${i}`, value: `${'v'.repeat(length)}` }));
        const out = renderMessage({ embeds: [{ title: 'T', fields }] }).embeds![0].fields ?? [];
        const note = out.at(-1)?.value.match(/^…and (\d+) more$/);
        const shown = note ? out.length - 1 : out.length;
        expect(shown + (note ? Number(note[1]) : 0)).toBe(count);
        expect(out.slice(0, shown).map((f) => f.name)).toEqual(fields.slice(0, shown).map((f) => f.name));
      }),
      { numRuns: 300 },
    );
  });

  it('hold for autocomplete choices: 25 at most, names and values of 100 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: text(60), value: text(60).map((v) => v.trim() || 'v') }), { maxLength: 40 }), (choices) => {
        const out = renderChoices(choices);
        // A value is what the command gets when the choice is picked: one too long for Discord is left out, never cut.
        const carried = choices.filter((c) => c.value.length <= LIMITS.choiceValue);
        expect(out.map((c) => c.value)).toEqual(carried.slice(0, LIMITS.choices).map((c) => c.value));
        for (const c of out) {
          expect(c.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
          expect(c.name.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
