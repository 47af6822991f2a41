// /help <command> explains every option of every subcommand (the new /feed and /watch options included),
// and nothing is dropped to fit Discord's embed limits.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands';
import { OptionType } from '../../src/core/command';
import { helpReply } from '../../src/answers/help';
import { renderMessage } from '../../src/transports/discord/render';

describe('/help <command>', () => {
  it('names and describes every option of every subcommand, within the limits', () => {
    for (const c of commands) {
      const subs = (c.definition.options ?? []).filter((o) => o.type === OptionType.Subcommand);
      if (subs.length === 0) continue;
      const fields = renderMessage(helpReply(commands, c.definition.name)).embeds?.[0].fields ?? [];
      expect(fields).toHaveLength(subs.length);
      subs.forEach((sub, i) => {
        for (const o of sub.options ?? []) expect(fields[i].value).toContain(`\`${o.name}\`: ${o.description}`);
      });
    }
  });
});
