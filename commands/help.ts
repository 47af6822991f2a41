import { z } from 'zod';
import { defineCommand, IN_SERVERS_AND_DMS, OptionType, type Command } from '../src/core/command';
import { optionalText } from '../src/answers/article-option';
import { helpReply } from '../src/answers/help';

export default defineCommand({
  definition: {
    name: 'help',
    description: 'The commands and what they do',
    options: [{ type: OptionType.String, name: 'command', description: 'One command, e.g. when', required: false, autocomplete: true }],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ command: optionalText }),
  defer: 'none',
  async run({ command }, ctx) {
    return helpReply(await commandList(ctx.services.commandList), command);
  },
  async autocomplete(option, value, _raw, ctx) {
    if (option !== 'command') return [];
    const typed = value.trim().replace(/^\//, '').toLowerCase();
    return (await commandList(ctx.services.commandList))
      .map((c) => c.definition.name)
      .filter((n) => n.startsWith(typed))
      .sort()
      .map((n) => ({ name: `/${n}`, value: n }));
  },
});

/** The router's list when main.ts provides it; otherwise the static list (loaded lazily: index.ts imports this file). */
async function commandList(fromServices: (() => readonly Command<any>[]) | undefined): Promise<readonly Command<any>[]> {
  return fromServices ? fromServices() : (await import('./index')).commands;
}
