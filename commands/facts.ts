import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { factsReply, topicChoices } from '../src/answers/facts';

export default defineCommand({
  definition: {
    name: 'facts',
    description: 'What an article lists (members, stages, concerns…) and its key facts',
    options: [
      articleOption,
      { type: OptionType.String, name: 'topic', description: 'Only the list about this topic', required: false, autocomplete: true },
    ],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ article: optionalText, topic: optionalText }),
  defer: 'none',
  run({ article, topic }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    return found.ok ? factsReply(found.tracked, ctx.now(), topic) : found.reply;
  },
  autocomplete(option, value, raw, ctx) {
    if (option === 'article') return suggestArticles(ctx.services.articles, value);
    if (option !== 'topic') return [];
    const found = lookupArticle(ctx.services.articles, typeof raw.article === 'string' ? raw.article : undefined);
    return found.ok ? topicChoices(found.tracked.article, value) : [];
  },
});
