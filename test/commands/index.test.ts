// The command list is complete and every definition is JSON Discord accepts.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandModuleSchema, OptionType, type OptionDefinition } from '../../src/core/command';
import { commands } from '../../commands';
import { repoRoot } from '../answers/helpers';

const folder = resolve(repoRoot, 'commands');
const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

/** Discord's rules for chat-input command JSON; returns what is wrong, empty when valid. */
function problems(where: string, options: OptionDefinition[] | undefined): string[] {
  const out: string[] = [];
  const list = options ?? [];
  if (list.length > 25) out.push(`${where}: more than 25 options`);
  let optionalSeen = false;
  const names = new Set<string>();
  for (const o of list) {
    const at = `${where} ${o.name}`;
    if (!/^[-_\p{Ll}\p{N}]{1,32}$/u.test(o.name)) out.push(`${at}: name must be lowercase, 1–32 characters`);
    if (names.has(o.name)) out.push(`${at}: duplicate name`);
    names.add(o.name);
    if (o.description.length < 1 || o.description.length > 100) out.push(`${at}: description must be 1–100 characters`);
    if (o.type === OptionType.Subcommand) {
      out.push(...problems(at, o.options));
      continue;
    }
    if (o.required && optionalSeen) out.push(`${at}: required option after an optional one`);
    if (!o.required) optionalSeen = true;
    if (o.autocomplete && o.choices) out.push(`${at}: autocomplete and choices together`);
    if ((o.choices?.length ?? 0) > 25) out.push(`${at}: more than 25 choices`);
  }
  if (list.some((o) => o.type === OptionType.Subcommand) && list.some((o) => o.type !== OptionType.Subcommand)) out.push(`${where}: subcommands mixed with options`);
  return out;
}

describe('commands/index.ts', () => {
  it('lists every command file in commands/, each under its file name', () => {
    const listed = commands.map((c) => c.definition.name).sort();
    expect(listed).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });

  it('loads every module in the folder as a valid command module', async () => {
    for (const file of files) {
      const mod = (await import(resolve(folder, file))) as { default: unknown };
      const checked = commandModuleSchema.safeParse(mod.default);
      expect(checked.success, `${file}: ${checked.error?.message}`).toBe(true);
      expect(commands).toContain(mod.default);
    }
  });

  it('has definitions Discord accepts', () => {
    const all = commands.flatMap((c) => {
      const d = c.definition;
      const own = /^[-_\p{Ll}\p{N}]{1,32}$/u.test(d.name) && d.description.length >= 1 && d.description.length <= 100 ? [] : [`${d.name}: bad name or description`];
      return [...own, ...problems(`/${d.name}`, d.options)];
    });
    expect(all).toEqual([]);
    expect(new Set(commands.map((c) => c.definition.name)).size).toBe(commands.length);
    // Discord: a command's names, descriptions and choices together stay within 4000 characters.
    const size = (os: OptionDefinition[] = []): number =>
      os.reduce((n, o) => n + o.name.length + o.description.length + size(o.options) + (o.choices ?? []).reduce((m, ch) => m + ch.name.length + String(ch.value).length, 0), 0);
    for (const c of commands) expect(c.definition.name.length + c.definition.description.length + size(c.definition.options), c.definition.name).toBeLessThanOrEqual(4000);
  });

  it('gives every article option autocomplete', () => {
    const articleOptions = commands.flatMap((c) => (c.definition.options ?? []).filter((o) => o.name === 'article'));
    expect(articleOptions.length).toBeGreaterThanOrEqual(6);
    for (const o of articleOptions) expect(o).toMatchObject({ type: OptionType.String, autocomplete: true });
  });

  it('checks the rules it enforces (a bad definition is reported)', () => {
    expect(problems('/x', [
      { type: OptionType.String, name: 'Opt', description: '' },
      { type: OptionType.String, name: 'b', description: 'b', required: true },
    ])).toEqual(['/x Opt: name must be lowercase, 1–32 characters', '/x Opt: description must be 1–100 characters', '/x b: required option after an optional one']);
  });
});
