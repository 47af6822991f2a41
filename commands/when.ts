import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { eventChoices } from '../src/answers/events';
import { whenReply, whenShownEvents } from '../src/answers/when';
import { withRemindMe } from '../src/reminders/members';

export default defineCommand({
  definition: {
    name: 'when',
    description: 'The dated events of an article, most important first, past or upcoming',
    options: [
      articleOption,
      { type: OptionType.String, name: 'event', description: 'Only this event', required: false, autocomplete: true },
    ],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ article: optionalText, event: optionalText }),
  defer: 'none',
  run({ article, event }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    if (!found.ok) return found.reply;
    const reply = whenReply(found.tracked, ctx.now(), event);
    // Remind me under each upcoming event shown whose date Herald is sure of.
    const members = ctx.services.members;
    if (!members || reply.ephemeral) return reply;
    return withRemindMe(reply, members.buttons(found.tracked, ctx.now(), new Set(whenShownEvents(found.tracked.article, event).map((e) => e.id))));
  },
  autocomplete(option, value, raw, ctx) {
    if (option === 'article') return suggestArticles(ctx.services.articles, value);
    if (option !== 'event') return [];
    const found = lookupArticle(ctx.services.articles, typeof raw.article === 'string' ? raw.article : undefined);
    return found.ok ? eventChoices(found.tracked.article, value) : [];
  },
});
