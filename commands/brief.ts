import { z } from 'zod';
import { IN_SERVERS_AND_DMS } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { briefReply } from '../src/answers/brief';
import { keyEvent } from '../src/answers/events';
import { withRemindMe } from '../src/reminders/members';

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
    const reply = briefReply(found.tracked, ctx.now(), story?.articles ?? [], story?.truncated);
    // Remind me under the key date, when it is upcoming and sure.
    const key = keyEvent(found.tracked.article);
    const members = ctx.services.members;
    return members && key ? withRemindMe(reply, members.buttons(found.tracked, ctx.now(), new Set([key.id]))) : reply;
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
