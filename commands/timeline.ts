import { z } from 'zod';
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
  // Drawing a new picture takes tens of milliseconds on a worker thread; deferring keeps Discord's
  // three-second window safe on a busy machine.
  defer: 'public',
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
    try {
      const picture = await pictures.render(timelinePictureInput(found.tracked, ctx.now(), story), theme);
      return { ...reply, attachments: [picture.attachment] };
    } catch (error) {
      // The text answer stands on its own: a picture that cannot be drawn is logged, not an error reply.
      ctx.log.warn({ err: error }, 'could not draw the timeline picture');
      return reply;
    }
  },
  autocomplete: (option, value, _raw, ctx) => (option === 'article' ? suggestArticles(ctx.services.articles, value) : []),
});
