import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { eventChoices } from '../src/answers/events';
import { whenReply } from '../src/answers/when';

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
    return found.ok ? whenReply(found.tracked, ctx.now(), event) : found.reply;
  },
  autocomplete(option, value, raw, ctx) {
    if (option === 'article') return suggestArticles(ctx.services.articles, value);
    if (option !== 'event') return [];
    const found = lookupArticle(ctx.services.articles, typeof raw.article === 'string' ? raw.article : undefined);
    return found.ok ? eventChoices(found.tracked.article, value) : [];
  },
});
