import { z } from 'zod';
import { IN_SERVERS_AND_DMS } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { sourceReply } from '../src/answers/source';

export default defineCommand({
  definition: {
    name: 'source',
    description: 'Where an article came from: who reported it, the file or URL, how it was dated',
    options: [articleOption],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ article: optionalText }),
  defer: 'none',
  run({ article }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    return found.ok ? sourceReply(found.tracked) : found.reply;
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
