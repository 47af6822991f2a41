// The console's command line: "/<command> [subcommand] option:value …", as a user would fill in a
// slash command. A value runs to the next " <option>:" (an option this command has) or to the end of
// the line; text before any option fills the first required option (or the first option). Pure,
// linear in the line's length, and it never throws: any line gives a command or a message.
import { OptionType, type OptionDefinition, type RawOptions } from '../../core/command';
import { clip } from '../../format/text';

export interface CommandShape {
  name: string;
  options?: OptionDefinition[];
}

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'command'; command: string; options: RawOptions }
  | { kind: 'error'; message: string };

// An option marker: "name:" at the start or after whitespace. Bounded name length keeps the scan linear.
const MARKER = /(^|\s)([\p{L}\p{N}_-]{1,32}):/gu;

export function parseCommandLine(line: string, lookup: (name: string) => CommandShape | undefined): ParsedLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'error', message: 'Commands start with "/", e.g. /help.' };
  const head = /^\/(\S*)\s*/.exec(text);
  const name = (head?.[1] ?? '').toLowerCase();
  if (name === '') return { kind: 'error', message: 'Type a command after "/", e.g. /help.' };
  let rest = text.slice(head?.[0].length ?? text.length);
  const shape = lookup(name);
  // Unknown commands go to the router, which says so in the same words on every transport.
  if (!shape) return { kind: 'command', command: name, options: {} };

  const options: RawOptions = {};
  let defs = shape.options ?? [];
  const subcommands = defs.filter((o) => o.type === OptionType.Subcommand);
  if (subcommands.length > 0) {
    const first = /^(\S+)\s*/.exec(rest);
    const names = subcommands.map((s) => s.name).join(', ');
    if (!first) return { kind: 'error', message: `/${name} needs one of: ${names} (e.g. /${name} ${subcommands[0].name}).` };
    const sub = subcommands.find((s) => s.name === first[1].toLowerCase());
    if (!sub) return { kind: 'error', message: `/${name} has no "${clip(first[1], 40, 'exact')}"; use one of: ${names}.` };
    options.subcommand = sub.name;
    defs = sub.options ?? [];
    rest = rest.slice(first[0].length);
  }

  const byName = new Map(defs.map((d) => [d.name.toLowerCase(), d]));
  const found: { def: OptionDefinition; markerStart: number; valueStart: number }[] = [];
  for (const m of rest.matchAll(MARKER)) {
    const def = byName.get(m[2].toLowerCase());
    if (def) found.push({ def, markerStart: m.index + m[1].length, valueStart: m.index + m[0].length });
  }

  const leading = rest.slice(0, found.length ? found[0].markerStart : rest.length).trim();
  for (const [i, f] of found.entries()) {
    const value = rest.slice(f.valueStart, i + 1 < found.length ? found[i + 1].markerStart : rest.length).trim();
    if (value !== '') options[f.def.name] = convert(f.def, value);
  }
  if (leading !== '') {
    const target = defs.find((d) => d.required) ?? defs[0];
    const usage = defs.map((d) => `${d.name}:`).join(' ');
    if (!target) return { kind: 'error', message: `/${shape.name}${options.subcommand ? ` ${options.subcommand}` : ''} takes no options.` };
    if (options[target.name] !== undefined) return { kind: 'error', message: `"${clip(leading, 40, 'exact')}" is not an option; use ${usage}` };
    options[target.name] = convert(target, leading);
  }
  return { kind: 'command', command: shape.name, options };
}

/** Typed like Discord delivers it; a value that does not fit is passed on as text for the command's schema to reject. */
function convert(def: OptionDefinition, value: string): string | number | boolean {
  switch (def.type) {
    case OptionType.Integer:
    case OptionType.Number:
      return /^[-+]?\d{1,15}(\.\d{1,15})?$/.test(value) ? Number(value) : value;
    case OptionType.Boolean: {
      const v = value.toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(v)) return true;
      if (['false', 'no', 'off', '0'].includes(v)) return false;
      return value;
    }
    case OptionType.Channel:
      return /^<#(\d+)>$/.exec(value)?.[1] ?? value.replace(/^#/, '');
    case OptionType.Role:
    case OptionType.User:
      return /^<@[!&]?(\d+)>$/.exec(value)?.[1] ?? value.replace(/^@/, '');
    default:
      return value;
  }
}
