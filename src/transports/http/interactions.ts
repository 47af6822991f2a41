// Adapts interactions that Discord POSTs to Herald's endpoint (already signature-checked by server.ts) to
// the CommandRouter, and the router's replies back: the HTTP response is the interaction's first answer
// (PONG, a message, a deferral, autocomplete choices, a component update); anything after it goes through
// Discord's REST API on the interaction's webhook (edit @original, follow-ups). Message JSON comes from the
// Discord renderer, so both transports answer alike and nothing pings.
import { DiscordAPIError, Routes, type REST } from 'discord.js';
import { InteractionResponseType, InteractionType, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Caller, RawOptions } from '../../core/command';
import type { Choice, Reply } from '../../core/reply';
import type { CommandRouter } from '../../core/router';
import { InFlight } from '../../core/in-flight';
import { DEFER_AFTER_MS, flattenOptions, isGone, LATE, within } from '../discord/interactions';
import { renderChoices, renderMessage, type MessagePayload } from '../discord/render';

const GENERIC_ERROR: Reply = { content: "Something went wrong on Herald's side. Please try again in a moment.", ephemeral: true };

interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: RawOption[];
}

const rawOption: z.ZodType<RawOption> = z.lazy(() =>
  z.object({ name: z.string(), type: z.number(), value: z.unknown().optional(), focused: z.boolean().optional(), options: z.array(rawOption).optional() }),
);

const userSchema = z.object({ id: z.string() });

/** The fields of Discord's interaction object Herald reads; the rest is ignored. */
export const interactionSchema = z.object({
  id: z.string().min(1),
  application_id: z.string().min(1),
  type: z.number().int(),
  token: z.string().min(1),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  channel: z.object({ id: z.string() }).partial().optional(),
  member: z.object({ user: userSchema, permissions: z.string().regex(/^\d+$/).optional() }).optional(),
  user: userSchema.optional(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(rawOption).optional(),
      custom_id: z.string().optional(),
      /** Attachment options name a file by id; its URL is here. */
      resolved: z.object({ attachments: z.record(z.string(), z.object({ url: z.string() })).optional() }).optional(),
    })
    .optional(),
});

export type HttpInteraction = z.infer<typeof interactionSchema>;

/** What goes back as the HTTP response body: Discord's interaction response object. */
export interface InteractionResponse {
  type: InteractionResponseType;
  data?: Record<string, unknown>;
}

/** The caller as commands see it (pure): Manage Server from the member's permissions in that channel. */
export function callerOf(i: HttpInteraction): Caller {
  const inGuild = Boolean(i.guild_id && i.member);
  const permissions = BigInt(i.member?.permissions ?? '0');
  const has = (bit: bigint) => (permissions & bit) === bit;
  return {
    userId: (i.member?.user ?? i.user)?.id ?? '',
    guildId: inGuild ? i.guild_id! : null,
    channelId: i.channel_id ?? i.channel?.id ?? null,
    // Administrator implies every permission, as discord.js's has() treats it on the gateway.
    canManageGuild: inGuild && (has(PermissionFlagsBits.ManageGuild) || has(PermissionFlagsBits.Administrator)),
    canManageWebhooks: inGuild && (has(PermissionFlagsBits.ManageWebhooks) || has(PermissionFlagsBits.Administrator)),
  };
}

/** The focused option of an autocomplete interaction, anywhere in the option tree (pure). */
export function focusedOption(options: readonly RawOption[] | undefined): { name: string; value: string } | undefined {
  for (const o of options ?? []) {
    if (o.focused) return { name: o.name, value: String(o.value ?? '') };
    const inner = focusedOption(o.options);
    if (inner) return inner;
  }
  return undefined;
}

/** A message for an edit: every part sent, so an edit replaces the "thinking…" message whole. */
function editBody(payload: MessagePayload): Record<string, unknown> {
  return {
    content: payload.content ?? '',
    embeds: payload.embeds ?? [],
    components: payload.components ?? [],
    allowed_mentions: payload.allowed_mentions,
    ...(payload.files ? { attachments: payload.files.map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

function messageBody(payload: MessagePayload): Record<string, unknown> {
  return { ...editBody(payload), ...(payload.flags ? { flags: MessageFlags.Ephemeral } : {}) };
}

function files(payload: MessagePayload) {
  return payload.files?.map((f, i) => ({ key: `files[${i}]`, name: f.name, data: Buffer.from(f.data), contentType: f.contentType }));
}

export interface HttpInteractionOptions {
  /** After this long without an answer, the HTTP response defers (type 5/6) and the answer follows by REST. */
  deferAfterMs?: number;
}

export class HttpInteractionHandler {
  private readonly inFlight = new InFlight();

  constructor(
    private readonly router: CommandRouter,
    private readonly rest: REST,
    private readonly log: Logger,
    private readonly options: HttpInteractionOptions = {},
  ) {}

  /** Interactions answered or still being followed up. */
  get pending(): number {
    return this.inFlight.size;
  }

  get accepting(): boolean {
    return this.inFlight.accepting;
  }

  /**
   * The HTTP response for one verified interaction; work after it (the deferred answer) is tracked until
   * done. Undefined for an interaction type Herald does not handle. Never rejects.
   */
  async respond(i: HttpInteraction): Promise<InteractionResponse | undefined> {
    if (i.type === InteractionType.Ping) return { type: InteractionResponseType.Pong };
    try {
      if (i.type === InteractionType.ApplicationCommand) return await this.command(i);
      if (i.type === InteractionType.ApplicationCommandAutocomplete) return await this.autocomplete(i);
      if (i.type === InteractionType.MessageComponent) return await this.component(i);
    } catch (error) {
      this.log.error({ err: error, interactionId: i.id }, 'interaction handling failed');
      return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(renderMessage(GENERIC_ERROR)) };
    }
    return undefined;
  }

  /** Stops taking interactions and waits (at most timeoutMs) for the follow-ups in flight. */
  drain(timeoutMs: number): Promise<void> {
    return this.inFlight.drain(timeoutMs);
  }

  private async command(i: HttpInteraction): Promise<InteractionResponse> {
    const started = performance.now();
    const name = i.data?.name ?? '';
    const log = this.log.child({ command: name, userId: callerOf(i).userId, interactionId: i.id, transport: 'http' });
    const mode = this.router.deferMode(name);
    const running = this.router.run({ command: name, options: flattenOptions(i.data?.options ?? [], i.data?.resolved), caller: callerOf(i), interactionId: i.id });
    if (mode === 'none') {
      const reply = await this.within(running);
      if (reply !== LATE && !reply.attachments?.length) {
        log.info({ latencyMs: ms(started), deferred: false, ephemeral: Boolean(reply.ephemeral) }, 'interaction answered');
        if (reply.update) this.track(this.edited(i, reply.update, log, started));
        return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(renderMessage(reply)) };
      }
      // Too slow for the HTTP answer (or a file to upload): defer as the reply would be shown, and edit.
      const ephemeral = reply !== LATE && Boolean(reply.ephemeral);
      this.track(this.finishCommand(i, running, ephemeral, log, started));
      return { type: InteractionResponseType.DeferredChannelMessageWithSource, ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}) };
    }
    this.track(this.finishCommand(i, running, mode === 'ephemeral', log, started));
    return { type: InteractionResponseType.DeferredChannelMessageWithSource, ...(mode === 'ephemeral' ? { data: { flags: MessageFlags.Ephemeral } } : {}) };
  }

  /** After a deferral: the answer replaces "thinking…" (or, for a public deferral of a private answer, follows privately). */
  private async finishCommand(i: HttpInteraction, running: Promise<Reply>, deferredEphemeral: boolean, log: Logger, started: number): Promise<void> {
    try {
      const reply = await running;
      const payload = renderMessage(reply);
      if (reply.ephemeral && !deferredEphemeral) {
        // A public "thinking…" cannot turn ephemeral: remove it and answer privately instead.
        await this.rest.delete(Routes.webhookMessage(i.application_id, i.token, '@original'), { auth: false }).catch((error) => log.warn({ err: error }, 'could not delete the deferred reply'));
        await this.rest.post(Routes.webhook(i.application_id, i.token), { body: messageBody(payload), files: files(payload), auth: false });
      } else {
        await this.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body: editBody(payload), files: files(payload), auth: false });
        if (reply.update) await this.edited(i, reply.update, log, started);
      }
      log.info({ latencyMs: ms(started), deferred: true, ephemeral: Boolean(reply.ephemeral) }, 'interaction answered');
    } catch (error) {
      await this.failed(i, error, log, started);
    }
  }

  /** The reply's later part (the /timeline picture): the original message is edited to it. A failure leaves the reply as it was. */
  private async edited(i: HttpInteraction, update: Promise<Reply | undefined>, log: Logger, started: number): Promise<void> {
    const later = await update;
    if (!later) return;
    const payload = renderMessage(later);
    try {
      await this.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body: editBody(payload), files: files(payload), auth: false });
      log.info({ latencyMs: ms(started) }, 'interaction reply updated');
    } catch (error) {
      log.warn({ err: error, latencyMs: ms(started) }, 'could not update the reply; it stays as first sent');
    }
  }

  private async autocomplete(i: HttpInteraction): Promise<InteractionResponse> {
    const name = i.data?.name ?? '';
    const focused = focusedOption(i.data?.options) ?? { name: '', value: '' };
    const choices = await this.within(
      this.router.autocomplete({ command: name, options: flattenOptions(i.data?.options ?? []) as RawOptions, caller: callerOf(i), interactionId: i.id, focused: focused.name, value: focused.value }),
    );
    if (choices === LATE) this.log.warn({ interactionId: i.id, command: name }, 'autocomplete too slow; answered with no suggestions');
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: choices === LATE ? [] : renderChoices(choices as Choice[]) } };
  }

  private async component(i: HttpInteraction): Promise<InteractionResponse> {
    const started = performance.now();
    const customId = i.data?.custom_id ?? '';
    const log = this.log.child({ button: customId, userId: callerOf(i).userId, interactionId: i.id, transport: 'http' });
    const running = this.router.button(customId, callerOf(i), i.id);
    const reply = await this.within(running);
    if (reply !== LATE && !reply.attachments?.length) {
      const payload = renderMessage(reply);
      log.info({ latencyMs: ms(started) }, 'button answered');
      // An error or refusal goes privately to the presser; a page change replaces the message in place.
      if (reply.ephemeral) return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(payload) };
      return { type: InteractionResponseType.UpdateMessage, data: editBody(payload) };
    }
    this.track(this.finishComponent(i, running, log, started));
    return { type: InteractionResponseType.DeferredMessageUpdate };
  }

  private async finishComponent(i: HttpInteraction, running: Promise<Reply>, log: Logger, started: number): Promise<void> {
    try {
      const reply = await running;
      const payload = renderMessage(reply);
      if (reply.ephemeral) await this.rest.post(Routes.webhook(i.application_id, i.token), { body: messageBody(payload), files: files(payload), auth: false });
      else await this.rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), { body: editBody(payload), files: files(payload), auth: false });
      log.info({ latencyMs: ms(started), deferred: true }, 'button answered');
    } catch (error) {
      await this.failed(i, error, log, started);
    }
  }

  /** A REST failure after the deferral: log it, and tell the user if the interaction can still be answered. */
  private async failed(i: HttpInteraction, error: unknown, log: Logger, started: number): Promise<void> {
    if (isGone(error)) {
      log.warn({ latencyMs: ms(started), code: (error as DiscordAPIError).code }, 'interaction expired or was already answered; reply not shown');
      return;
    }
    log.error({ err: error, latencyMs: ms(started) }, 'could not answer the interaction');
    try {
      await this.rest.post(Routes.webhook(i.application_id, i.token), { body: messageBody(renderMessage(GENERIC_ERROR)), auth: false });
    } catch (second) {
      log.warn({ err: second }, 'could not tell the user about the failure');
    }
  }

  /** The promise's value, or LATE when it takes longer than the deferral deadline. */
  private within<T>(work: Promise<T>) {
    return within(work, this.options.deferAfterMs ?? DEFER_AFTER_MS);
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error) => this.log.error({ err: error }, 'interaction follow-up failed'));
    this.inFlight.track(tracked);
  }
}

function ms(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
