import { z } from 'zod';
import { IN_SERVERS_AND_DMS } from '../src/core/command';
import { defineCommand } from '../src/services';
import { statusReply } from '../src/answers/status-reply';

export default defineCommand({
  definition: {
    name: 'status',
    description: "Herald's health: uptime, articles, next scheduled post, problems, last error",
    contexts: IN_SERVERS_AND_DMS,
  },
  args: z.object({}),
  defer: 'none',
  run(_args, ctx) {
    const now = ctx.now();
    return statusReply(ctx.services.status.snapshot(now, ctx.caller.guildId), now);
  },
});
