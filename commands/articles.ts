import { z } from 'zod';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articlesPage, pageFromButton } from '../src/answers/articles';

export default defineCommand({
  definition: {
    name: 'articles',
    description: 'The articles Herald tracks, newest first',
    options: [{ type: OptionType.Integer, name: 'page', description: 'Page number (10 articles a page)', required: false, min_value: 1 }],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ page: z.coerce.number().int('a whole number').min(1, 'at least 1').optional() }),
  defer: 'none',
  run: ({ page }, ctx) => articlesPage(ctx.services.articles.list(), page ?? 1),
  button(customId, ctx) {
    const page = pageFromButton(customId);
    if (page === undefined) return { content: 'This button is no longer active.', ephemeral: true };
    return articlesPage(ctx.services.articles.list(), page);
  },
});
