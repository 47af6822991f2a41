import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { whoChoices, whoReply } from '../src/answers/who';

export default defineCommand({
  definition: {
    name: 'who',
    description: 'People, organisations and who said what; or one person or organisation',
    options: [
      { type: OptionType.String, name: 'name', description: 'A person (surname is enough) or organisation (acronym is enough)', required: false, autocomplete: true },
      articleOption,
    ],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ name: optionalText, article: optionalText }),
  defer: 'none',
  run({ name, article }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    return found.ok ? whoReply(found.tracked, name) : found.reply;
  },
  autocomplete(option, value, raw, ctx) {
    if (option === 'article') return suggestArticles(ctx.services.articles, value);
    if (option !== 'name') return [];
    const found = lookupArticle(ctx.services.articles, typeof raw.article === 'string' ? raw.article : undefined);
    return found.ok ? whoChoices(found.tracked.article, value) : [];
  },
});
