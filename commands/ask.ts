import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { userError } from '../src/core/reply';
import { articleOption, noArticles, noSuchArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { askReply } from '../src/answers/ask/reply';

export default defineCommand({
  definition: {
    name: 'ask',
    description: 'Ask a question about the tracked articles, in your own words',
    options: [
      { type: OptionType.String, name: 'question', description: 'Your question, e.g. “when will the plan be approved?”', required: true, max_length: 300 },
      { ...articleOption, description: 'Only this article (default: every tracked article)' },
    ],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({
    question: z.string().trim().min(3, 'ask a question of at least a few words').max(300, 'at most 300 characters'),
    article: optionalText,
  }),
  defer: 'none',
  run({ question, article }, ctx) {
    const { ask, articles } = ctx.services;
    if (!ask) return userError('Questions are not available in this deployment.');
    if (articles.size() === 0) return noArticles();
    let articleId: string | undefined;
    if (article !== undefined) {
      const tracked = articles.resolve(article);
      if (!tracked) return noSuchArticle();
      articleId = tracked.article.id;
    }
    const now = ctx.now();
    return askReply(ask.ask(question, { articleId, now }), question, now);
  },
  autocomplete(option, value, _raw, ctx) {
    return option === 'article' ? suggestArticles(ctx.services.articles, value) : [];
  },
});
