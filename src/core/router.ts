// One router for every transport: finds the command, checks who may run it, parses its options,
// runs it, and turns failures into replies. Transports only adapt their I/O to these calls.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Caller, Command, CommandContext, RawOptions, RouterServices } from './command';
import type { Choice, Reply } from './reply';
import type { Clock } from './clock';
import type { CommandOutcome, Metrics } from './metrics';
import { scrubChoices, scrubReply, type Scrub } from './secrets';
import { italic } from '../format/parts';

/** `S`: the services commands receive (main.ts: src/services.ts's Services). */
export interface RouterDeps<S extends RouterServices<S> = RouterServices<any>> {
  commands: Command<any, S>[];
  services: S;
  clock: Clock;
  log: Logger;
  /** Replaces secrets (the token, *_KEY values…) in every reply and suggestion; main.ts builds it from the config. */
  scrub?: Scrub;
  /** Counts and times every command by name and outcome (the status server's /metrics). */
  metrics?: Metrics;
}

export interface Invocation {
  command: string;
  options: RawOptions;
  caller: Caller;
  /** Transport's id for the interaction (logged). */
  interactionId?: string;
}

/** The fields every line logged about an invocation carries (a command's own lines, 'command answered'). */
function logFields(inv: Pick<Invocation, 'caller' | 'command' | 'interactionId'>): { command: string; userId: string; interactionId: string | undefined } {
  return { command: inv.command, userId: inv.caller.userId, interactionId: inv.interactionId };
}

export class CommandRouter<S extends RouterServices<S> = RouterServices<any>> {
  private readonly byName = new Map<string, Command<any, S>>();
  /** Replies the router made itself (a refusal, a bug's error id), told apart for the metrics. */
  private readonly outcomes = new WeakMap<Reply, CommandOutcome>();

  constructor(private readonly deps: RouterDeps<S>) {
    for (const c of deps.commands) this.byName.set(c.definition.name, c);
  }

  get commands(): Command<any, S>[] {
    return [...this.byName.values()];
  }

  find(name: string): Command<any, S> | undefined {
    return this.byName.get(name);
  }

  deferMode(name: string): Command['defer'] {
    return this.byName.get(name)?.defer ?? 'none';
  }

  private context(inv: Pick<Invocation, 'caller' | 'command' | 'interactionId'>): CommandContext<S> {
    const { clock, services } = this.deps;
    const parent = this.deps.log;
    let log: Logger | undefined;
    const commands = () => this.commands;
    // Each server sees its own view: the operator's articles and its own feeds' (articles/scopes.ts).
    // The command's logger is made when first used: most commands never log, and every command and
    // keystroke building one was garbage on the reply's path (issue 17).
    return {
      now: () => clock.now(),
      caller: inv.caller,
      services: services.forViewer?.(inv.caller.guildId) ?? services,
      get log() {
        return (log ??= parent.child(logFields(inv)));
      },
      commands,
    };
  }

  /** Runs a command. Never throws: expected failures and bugs both come back as replies. */
  async run(inv: Invocation): Promise<Reply> {
    const started = performance.now();
    const reply = await this.runUnscrubbed(inv);
    if (this.deps.metrics) {
      const outcome = this.outcomes.get(reply) ?? 'ok';
      // Unknown names share one label, so a caller cannot grow the metric without bound.
      this.deps.metrics.commandRan(this.byName.has(inv.command) ? inv.command : 'unknown', (performance.now() - started) / 1000, outcome);
    }
    const shown = this.scrubbed(reply);
    if (!reply.update) return shown;
    // The edit that follows is a reply like any other: noted while loading, scrubbed of secrets.
    return { ...shown, update: reply.update.then((later) => (later ? this.scrubbed(this.loadingNote(inv.command, later)) : undefined), () => undefined) };
  }

  private scrubbed(reply: Reply): Reply {
    return this.deps.scrub ? scrubReply(reply, this.deps.scrub) : reply;
  }

  private async runUnscrubbed(inv: Invocation): Promise<Reply> {
    const started = performance.now();
    const ctx = this.context(inv);
    const command = this.byName.get(inv.command);
    if (!command) return this.refused({ content: `There is no /${inv.command} command. Try /help.`, ephemeral: true });
    const denied = this.check(command, inv.caller, command.memberOpen?.subcommands.includes(String(inv.options.subcommand)));
    if (denied) return this.refused(denied);
    const parsed = command.args.safeParse(inv.options);
    if (!parsed.success) {
      // An option left out ("/ask" with no question, in the console; Discord asks for required ones itself) is
      // said so, not in the validator's words ("expected string, received undefined").
      const problems = parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? 'options');
        const given = i.path.length === 1 ? inv.options[name] : null;
        return given === undefined || given === '' ? `\`${name}\` is missing` : `\`${name}\`: ${i.message}`;
      }).join('; ');
      return this.refused({ content: `That didn't work: ${problems}. See /help ${inv.command}.`, ephemeral: true });
    }
    try {
      const reply = await command.run(parsed.data, ctx);
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      // Logged once the reply is on its way (the transport writes or sends it in this turn of the event
      // loop): the log line's write, on libuv's thread pool, and the log reader it wakes are then not
      // ahead of the reply on a busy machine (issue 17).
      setImmediate(() => this.deps.log.info({ ...logFields(inv), latencyMs }, 'command answered'));
      return this.loadingNote(inv.command, reply);
    } catch (error) {
      return this.failure(error, ctx, started);
    }
  }

  async autocomplete(inv: Invocation & { focused: string; value: string }): Promise<Choice[]> {
    const command = this.byName.get(inv.command);
    if (!command?.autocomplete) return [];
    // Suggestions can reveal data (a server's feed URLs): the same checks as running the command.
    if (this.check(command, inv.caller, command.memberOpen?.subcommands.includes(String(inv.options.subcommand)))) return [];
    const ctx = this.context(inv);
    try {
      const choices = await command.autocomplete(inv.focused, inv.value, inv.options, ctx);
      // Whole: Discord's limits (25 choices of 100 characters) are its renderer's (renderChoices).
      return this.deps.scrub ? scrubChoices(choices, this.deps.scrub) : choices;
    } catch (error) {
      ctx.log.error({ err: error }, 'autocomplete failed');
      return [];
    }
  }

  /** Button presses: customId "<command>:<rest>". */
  async button(customId: string, caller: Caller, interactionId?: string): Promise<Reply> {
    return this.scrubbed(await this.buttonUnscrubbed(customId, caller, interactionId));
  }

  private async buttonUnscrubbed(customId: string, caller: Caller, interactionId?: string): Promise<Reply> {
    const name = customId.split(':')[0];
    const command = this.byName.get(name);
    const ctx = this.context({ command: name, caller, interactionId });
    if (!command?.button) return { content: 'This button is no longer active.', ephemeral: true };
    const denied = this.check(command, caller, command.memberOpen?.buttons.some((prefix) => customId.startsWith(prefix)));
    if (denied) return denied;
    const started = performance.now();
    try {
      return await command.button(customId, ctx);
    } catch (error) {
      return this.failure(error, ctx, started);
    }
  }

  /** `open`: a part of the command every member may use (Command.memberOpen). */
  private check(command: Command<any>, caller: Caller, open = false): Reply | undefined {
    if (open) return undefined;
    if (command.guildOnly && !caller.guildId) {
      return { content: `/${command.definition.name} works in a server, not in DMs.`, ephemeral: true };
    }
    if (command.adminOnly && !caller.canManageGuild) {
      return { content: `/${command.definition.name} needs the Manage Server permission.`, ephemeral: true };
    }
    return undefined;
  }

  private failure(error: unknown, ctx: CommandContext, started: number): Reply {
    const id = randomBytes(4).toString('hex');
    ctx.log.error({ err: error, errorId: id, latencyMs: Math.round(performance.now() - started) }, 'command failed');
    this.deps.services.status.recordError({ message: error instanceof Error ? error.message : String(error), id, guildId: ctx.caller.guildId }, this.deps.clock.now());
    const reply: Reply = { content: `Something went wrong on Herald's side (error id \`${id}\`). It has been logged; please try again later.`, ephemeral: true };
    this.outcomes.set(reply, 'error');
    return reply;
  }

  /** During the start-up load an answer covers only the articles loaded so far: it says so (/status and /help show it their own way). */
  private loadingNote(command: string, reply: Reply): Reply {
    const progress = this.deps.services.articles.loading?.();
    if (!progress || command === 'status' || command === 'help' || /still loading/i.test(reply.content ?? '')) return reply;
    const count = (n: number) => n.toLocaleString('en-GB');
    const note = italic(`Still loading articles (${count(progress.done)} of ${count(progress.total)} files read): this answer covers those loaded so far.`);
    return { ...reply, content: reply.content ? `${note}\n${reply.content}` : note };
  }

  private refused(reply: Reply): Reply {
    this.outcomes.set(reply, 'refused');
    return reply;
  }
}
