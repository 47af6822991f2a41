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
    const stories = ctx.services.stories;
    const story = stories?.storyOf(found.tracked.article.id);
    // This article's events that a later article on its story moved (a correction): by each other article
    const moved = (story?.articles ?? [])
      .filter((t) => t.article.id !== found.tracked.article.id)
      .flatMap((t) => stories?.supersededBy?.(t.article.id) ?? [])
      .filter((m) => m.origin === found.tracked.origin);
    const reply = briefReply(found.tracked, ctx.now(), story?.articles ?? [], story?.truncated, moved);
    // Remind me under the key date, when it is upcoming and sure, and no later article moved it.
    const key = keyEvent(found.tracked.article);
    const members = ctx.services.members;
    return members && key && !moved.some((m) => m.eventId === key.id) ? withRemindMe(reply, members.buttons(found.tracked, ctx.now(), new Set([key.id]))) : reply;
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
