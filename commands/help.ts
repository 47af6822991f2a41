import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
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
  run({ command }, ctx) {
    return helpReply(ctx.commands(), command);
  },
  autocomplete(option, value, _raw, ctx) {
    if (option !== 'command') return [];
    const typed = value.trim().replace(/^\//, '').toLowerCase();
    return ctx.commands()
      .map((c) => c.definition.name)
      .filter((n) => n.startsWith(typed))
      .sort()
      .map((n) => ({ name: `/${n}`, value: n }));
  },
});
