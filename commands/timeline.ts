import { z } from 'zod';
import { defineCommand } from '../src/core/command';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { timelineReply } from '../src/answers/timeline';

export default defineCommand({
  definition: {
    name: 'timeline',
    description: 'Every dated event of an article in date order',
    options: [articleOption],
    contexts: [0, 1],
  },
  args: z.object({ article: optionalText }),
  defer: 'none',
  run({ article }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    return found.ok ? timelineReply(found.tracked, ctx.now()) : found.reply;
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
