import { z } from 'zod';
import { defineCommand } from '../src/core/command';
import { statusReply } from '../src/answers/status';

export default defineCommand({
  definition: {
    name: 'status',
    description: "Herald's health: uptime, articles, next scheduled post, problems, last error",
    contexts: [0, 1],
  },
  args: z.object({}),
  defer: 'none',
  run(_args, ctx) {
    const now = ctx.now();
    return statusReply(ctx.services.status.snapshot(now, ctx.caller.guildId), now);
  },
});
