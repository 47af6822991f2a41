// Adapts discord.js interactions to the CommandRouter and back: options in as plain values, replies out
// through render.ts. Deferral and every failure are handled here, once; nothing here may crash the process.
import {
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { Caller, RawOptions } from '../../core/command';
import type { Choice, Reply } from '../../core/reply';
import type { CommandRouter } from '../../core/router';
import { InFlight } from '../../core/in-flight';
import { renderChoices, renderMessage, type MessagePayload } from './render';

/** Discord errors meaning the interaction can no longer be answered (expired or answered elsewhere). */
const GONE = new Set([10062, 40060, 10015, 10008]);

const GENERIC_ERROR: Reply = { content: "Something went wrong on Herald's side. Please try again in a moment.", ephemeral: true };

/** Discord closes an interaction not acknowledged within 3 s: an answer not ready after this long is deferred. */
export const DEFER_AFTER_MS = 2_000;

export const LATE = Symbol('late');
export type Late = typeof LATE;

/** The promise's value, or LATE when it takes longer than `ms` (the work goes on). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | Late> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Late>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  options?: readonly RawOption[];
  /** Attachment options: the file Discord resolved (discord.js puts it here). */
  attachment?: { url: string } | null;
}

/** The part of an interaction's data.resolved that options refer to by id. */
export interface ResolvedData {
  attachments?: Record<string, { url: string } | undefined>;
}

/** Discord option tree → RawOptions: subcommand (and group) flattened, channel/role/user options as ids,
 * attachments as their URL (pure). */
export function flattenOptions(options: readonly RawOption[], resolved?: ResolvedData): RawOptions {
  const out: RawOptions = {};
  for (const o of options) {
    if (o.type === ApplicationCommandOptionType.Subcommand) {
      out.subcommand = o.name;
      Object.assign(out, flattenOptions(o.options ?? [], resolved));
    } else if (o.type === ApplicationCommandOptionType.SubcommandGroup) {
      out.subcommandGroup = o.name;
      Object.assign(out, flattenOptions(o.options ?? [], resolved));
    } else if (o.type === ApplicationCommandOptionType.Attachment) {
      // Commands get the attachment's URL (from Discord, not the user) and read it through services.attachments:
      // discord.js resolves it onto the option; raw HTTP interactions carry it in data.resolved.
      const url = o.attachment?.url ?? resolved?.attachments?.[String(o.value)]?.url;
      if (url) out[o.name] = url;
    } else if (o.value !== undefined && o.value !== null) {
      out[o.name] = o.value as string | number | boolean;
    }
  }
  return out;
}

export function callerOf(i: Interaction): Caller {
  const inGuild = i.inGuild();
  return {
    userId: i.user.id,
    guildId: inGuild ? i.guildId : null,
    channelId: i.channelId ?? null,
    canManageGuild: inGuild ? Boolean(i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) : false,
    canManageWebhooks: inGuild ? Boolean(i.memberPermissions?.has(PermissionFlagsBits.ManageWebhooks)) : false,
  };
}

/** Render payload → discord.js message options. Content is always sent (possibly empty) so an edit
 * replaces the old text, and allowed_mentions is always explicit. */
function toOptions(payload: MessagePayload): InteractionReplyOptions & InteractionEditReplyOptions {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds ?? [],
    components: (payload.components ?? []) as never,
    allowedMentions: payload.allowed_mentions,
    ...(payload.files ? { files: payload.files.map((f) => ({ attachment: Buffer.from(f.data), name: f.name, description: f.description })) } : {}),
  };
}

function replyOptions(payload: MessagePayload): InteractionReplyOptions {
  return { ...toOptions(payload), ...(payload.flags ? { flags: MessageFlags.Ephemeral } : {}) } as InteractionReplyOptions;
}

export function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && GONE.has(error.code);
}

export class InteractionHandler {
  private readonly inFlight = new InFlight();

  constructor(
    private readonly router: CommandRouter,
    private readonly log: Logger,
  ) {}

  /** The listener for Events.InteractionCreate. Never rejects. */
  readonly onInteraction = (interaction: Interaction): void => {
    if (!this.inFlight.accepting) {
      this.log.info({ interactionId: interaction.id }, 'shutting down; interaction not taken');
      return;
    }
    const work = this.dispatch(interaction).catch((error) => {
      this.log.error({ err: error, interactionId: interaction.id }, 'interaction handling failed');
    });
    this.inFlight.track(work);
  };

  /** Stops taking interactions and waits (at most timeoutMs) for those in flight. */
  drain(timeoutMs: number): Promise<void> {
    return this.inFlight.drain(timeoutMs);
  }

  private async dispatch(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) return this.command(interaction);
    if (interaction.isAutocomplete()) return this.autocomplete(interaction);
    if (interaction.isButton()) return this.button(interaction);
  }

  private async command(i: ChatInputCommandInteraction): Promise<void> {
    const started = performance.now();
    const log = this.log.child({ command: i.commandName, userId: i.user.id, interactionId: i.id });
    const mode = this.router.deferMode(i.commandName);
    try {
      if (mode !== 'none') await i.deferReply(mode === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
      const running = this.router.run({ command: i.commandName, options: flattenOptions(i.options.data), caller: callerOf(i), interactionId: i.id });
      let publicDefer = mode === 'public';
      if (mode === 'none' && (await within(running, DEFER_AFTER_MS)) === LATE) {
        // An answer not ready within Discord's 3 s (a busy machine, a long load): "thinking…" now, as the
        // HTTP transport does; should the answer be private, it follows privately.
        await i.deferReply();
        publicDefer = true;
      }
      const reply = await running;
      const payload = renderMessage(reply);
      const followedUp = Boolean(i.deferred && reply.ephemeral && publicDefer);
      if (!i.deferred) await i.reply(replyOptions(payload));
      else if (followedUp) {
        // A public "thinking…" cannot turn ephemeral: remove it and answer privately instead.
        await i.deleteReply().catch((error) => log.warn({ err: error }, 'could not delete the deferred reply'));
        await i.followUp(replyOptions(payload));
      } else await i.editReply(toOptions(payload));
      log.info({ latencyMs: ms(started), deferred: i.deferred, ephemeral: Boolean(reply.ephemeral) }, 'interaction answered');
      // The original reply is the one to edit; a private follow-up has none.
      if (reply.update && !followedUp) await this.edited(i, reply.update, log, started);
    } catch (error) {
      await this.failed(i, error, log, started);
    }
  }

  /** The reply's later part (the /timeline picture): the sent reply is edited to it. A failure leaves the reply as it was. */
  private async edited(i: ChatInputCommandInteraction, update: Promise<Reply | undefined>, log: Logger, started: number): Promise<void> {
    const later = await update;
    if (!later) return;
    try {
      await i.editReply(toOptions(renderMessage(later)));
      log.info({ latencyMs: ms(started) }, 'interaction reply updated');
    } catch (error) {
      log.warn({ err: error, latencyMs: ms(started) }, 'could not update the reply; it stays as first sent');
    }
  }

  /**
   * Suggestions within Discord's 3 s: a handler not done within 2 s is answered with none (as over HTTP
   * interactions; the member's next keystroke asks again), and one that fails with none too.
   */
  private async autocomplete(i: AutocompleteInteraction): Promise<void> {
    let choices: Choice[] = [];
    try {
      const focused = i.options.getFocused(true);
      const found = await within(
        this.router.autocomplete({
          command: i.commandName,
          options: flattenOptions(i.options.data),
          caller: callerOf(i),
          interactionId: i.id,
          focused: focused.name,
          value: String(focused.value ?? ''),
        }),
        DEFER_AFTER_MS,
      );
      if (found === LATE) this.log.warn({ interactionId: i.id, command: i.commandName }, 'autocomplete too slow; answered with no suggestions');
      else choices = found;
    } catch (error) {
      this.log.error({ err: error, interactionId: i.id, command: i.commandName }, 'autocomplete failed; answered with no suggestions');
    }
    try {
      await i.respond(renderChoices(choices));
    } catch (error) {
      if (isGone(error)) this.log.warn({ interactionId: i.id, command: i.commandName }, 'autocomplete expired before Herald answered');
      else this.log.error({ err: error, interactionId: i.id }, 'autocomplete response failed');
    }
  }

  private async button(i: ButtonInteraction): Promise<void> {
    const started = performance.now();
    const log = this.log.child({ button: i.customId, userId: i.user.id, interactionId: i.id });
    try {
      const running = this.router.button(i.customId, callerOf(i), i.id);
      const first = await within(running, DEFER_AFTER_MS);
      if (first === LATE) {
        // Not ready within Discord's 3 s (a move decision waits for the reminders' sync): acknowledge the
        // press now, then replace the message, or answer the presser privately.
        await i.deferUpdate();
        const reply = await running;
        const payload = renderMessage(reply);
        if (reply.ephemeral) await i.followUp(replyOptions(payload));
        else await i.editReply(toOptions(payload));
        log.info({ latencyMs: ms(started), deferred: true }, 'button answered');
        return;
      }
      const payload = renderMessage(first);
      // An error or refusal goes privately to the presser; a page change replaces the message in place.
      if (first.ephemeral) await i.reply(replyOptions(payload));
      else await i.update(toOptions(payload) as never);
      log.info({ latencyMs: ms(started) }, 'button answered');
    } catch (error) {
      await this.failed(i, error, log, started);
    }
  }

  /** A transport failure: log it, and tell the user if the interaction can still be answered. */
  private async failed(i: ChatInputCommandInteraction | ButtonInteraction, error: unknown, log: Logger, started: number): Promise<void> {
    if (isGone(error)) {
      log.warn({ latencyMs: ms(started), code: (error as DiscordAPIError).code }, 'interaction expired or was already answered; reply not shown');
      return;
    }
    log.error({ err: error, latencyMs: ms(started) }, 'could not answer the interaction');
    const payload = renderMessage(GENERIC_ERROR);
    try {
      // A deferred button press keeps its message: the error goes privately to the presser.
      if (i.isButton() && i.deferred) await i.followUp(replyOptions(payload));
      else if (i.deferred && !i.replied) await i.editReply(toOptions(payload));
      else if (i.replied) await i.followUp(replyOptions(payload));
      else await i.reply(replyOptions(payload));
    } catch (second) {
      log.warn({ err: second }, 'could not tell the user about the failure');
    }
  }
}

function ms(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
