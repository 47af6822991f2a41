import { z } from 'zod';
import type { Reply } from '../src/core/reply';
import { IN_SERVERS_AND_DMS, OptionType } from '../src/core/command';
import { defineCommand } from '../src/services';
import { articleOption, lookupArticle, optionalText, suggestArticles } from '../src/answers/article-option';
import { timelinePictureInput, timelineReply } from '../src/answers/timeline';
import { withRemindMe } from '../src/reminders/members';

export default defineCommand({
  definition: {
    name: 'timeline',
    description: 'Every dated event of an article in date order, with a picture',
    options: [
      articleOption,
      {
        type: OptionType.String,
        name: 'theme',
        description: 'Picture colours (default dark, like Discord)',
        choices: [
          { name: 'dark', value: 'dark' },
          { name: 'light', value: 'light' },
        ],
      },
    ],
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({ article: optionalText, theme: z.enum(['dark', 'light']).default('dark') }),
  // The text answers at once; a new picture takes tens to hundreds of milliseconds to draw (in slices of
  // the main thread), so it is added by editing the reply when drawn (commands' p99 budget is 20 ms).
  defer: 'none',
  async run({ article, theme }, ctx) {
    const found = lookupArticle(ctx.services.articles, article);
    if (!found.ok) return found.reply;
    // Remind me under every upcoming event whose date Herald is sure of (at most 25).
    const members = ctx.services.members;
    const text = timelineReply(found.tracked, ctx.now());
    const reply = members ? withRemindMe(text, members.buttons(found.tracked, ctx.now())) : text;
    const { pictures } = ctx.services;
    if (!pictures || found.tracked.article.events.length === 0) return reply;
    const story = ctx.services.stories?.storyOf(found.tracked.article.id)?.articles ?? [];
    const input = timelinePictureInput(found.tracked, ctx.now(), story);
    // Laid out and drawn after the reply is on its way (setImmediate), so none of it is on the reply's path.
    const update = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => pictures.render(input, theme))
      .then(
        (picture): Reply => ({ ...reply, attachments: [picture.attachment] }),
        (error) => {
          // The text answer stands on its own: a picture that cannot be drawn is logged, not an error reply.
          ctx.log.warn({ err: error }, 'could not draw the timeline picture');
          return undefined;
        },
      );
    return { ...reply, update };
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
