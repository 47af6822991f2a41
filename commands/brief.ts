import { z } from 'zod';
import { IN_SERVERS_AND_DMS } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { briefReply } from '../src/answers/brief';

export default defineCommand({
  definition: {
    name: 'brief',
    description: 'The story in one message: summary, key date, who is involved, who reported it',
    options: [articleOption],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ article: optionalText }),
  defer: 'none',
  run({ article }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    if (!found.ok) return found.reply;
    const story = ctx.services.stories?.storyOf(found.tracked.article.id);
    return briefReply(found.tracked, ctx.now(), story?.articles ?? [], story?.truncated);
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
