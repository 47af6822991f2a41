// /help: the commands and what they do, from the command definitions themselves.
import type { Command, OptionDefinition } from '../core/command';
import { OptionType } from '../core/command';
import type { EmbedField, Reply } from '../core/reply';
import { userError } from '../core/reply';
import { clip, HERALD_COLOR } from '../format/text';
import { bold } from '../format/parts';

export type HelpEntry = Pick<Command<unknown>, 'definition' | 'adminOnly' | 'guildOnly' | 'memberOpen'>;

function usage(name: string, options: OptionDefinition[] = []): string {
  const opts = options.filter((o) => o.type !== OptionType.Subcommand).map((o) => (o.required ? `${o.name}:…` : `[${o.name}:…]`));
  return [`/${name}`, ...opts].join(' ');
}

function marks(c: HelpEntry): string {
  const open = c.memberOpen?.subcommands.length ? `; ${c.memberOpen.subcommands.map((s) => `${s}`).join(' and ')}: any member` : '';
  return [c.adminOnly ? ` (admin: Manage Server${open})` : '', c.guildOnly ? ' (servers only)' : ''].join('');
}

function subcommands(c: HelpEntry): OptionDefinition[] {
  return (c.definition.options ?? []).filter((o) => o.type === OptionType.Subcommand);
}

export function helpReply(commands: readonly HelpEntry[], name?: string): Reply {
  const sorted = [...commands].sort((a, b) => a.definition.name.localeCompare(b.definition.name));
  if (name !== undefined) {
    const wanted = name.trim().replace(/^\//, '').toLowerCase();
    const c = sorted.find((x) => x.definition.name === wanted);
    if (!c) return userError(`There is no /${clip(wanted, 32)} command. The commands: ${sorted.map((x) => `/${x.definition.name}`).join(' ')}.`);
    const subs = subcommands(c);
    const fields: EmbedField[] = subs.length
      ? subs.map((s) => ({ name: `${usage(`${c.definition.name} ${s.name}`, s.options)}${c.adminOnly && c.memberOpen ? (c.memberOpen.subcommands.includes(s.name) ? ' · any member' : ' · admin') : ''}`, value: [s.description, ...(s.options ?? []).map((o) => `\`${o.name}\`: ${o.description}`)].join('\n') }))
      : (c.definition.options ?? []).map((o) => ({ name: `${o.name}${o.required ? ' (required)' : ' (optional)'}`, value: o.description }));
    return {
      embeds: [
        {
          title: subs.length ? `/${c.definition.name}` : usage(c.definition.name, c.definition.options),
          description: `${c.definition.description}${marks(c)}`,
          fields,
          color: HERALD_COLOR,
        },
      ],
    };
  }
  const lines = sorted.map((c) => `${bold(`/${c.definition.name}`)} — ${c.definition.description}${marks(c)}`);
  return {
    embeds: [
      {
        title: 'Herald: commands',
        description: lines.join('\n'),
        footer: 'More on one command: /help command:<name>',
        color: HERALD_COLOR,
      },
    ],
  };
}
