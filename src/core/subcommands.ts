// A command with subcommands as a record: name → { description, options, args, run }. The command's
// option list, its argument schema (a union on `subcommand`) and its run are all derived from the one
// record, so a subcommand is added in one place and the command file holds no `switch`.
import { z } from 'zod';
import { OptionType, type CommandContext, type OptionDefinition } from './command';
import type { Reply } from './reply';

/** One subcommand. `S`: the services commands get; `E`: what the command checked before dispatching (e.g. its service and server). */
export interface Subcommand<Shape extends z.ZodRawShape, S, E> {
  description: string;
  /** Discord's option JSON for the subcommand's options, in order. */
  options?: OptionDefinition[];
  /** The same options as zod fields; the router parses them, and a failure is an ephemeral "what to give" reply. */
  args: Shape;
  run(args: z.infer<z.ZodObject<Shape>>, ctx: CommandContext<S>, env: E): Promise<Reply> | Reply;
}

export type Subcommands<S, E> = Record<string, Subcommand<any, S, E>>;

/** A parsed invocation: one subcommand's fields with `subcommand` naming it. */
export type SubcommandArgs<R> = {
  [K in keyof R & string]: (R[K] extends Subcommand<infer Shape, any, any> ? z.infer<z.ZodObject<Shape>> : never) & { subcommand: K };
}[keyof R & string];

/** The command's `options`: one Subcommand option per entry, in the record's order. */
export function subcommandOptions(record: Subcommands<any, any>): OptionDefinition[] {
  return Object.entries(record).map(([name, s]) => ({ type: OptionType.Subcommand, name, description: s.description, ...(s.options ? { options: s.options } : {}) }));
}

/** The command's `args`: the union of each subcommand's fields, told apart by `subcommand`. */
export function subcommandArgs<R extends Subcommands<any, any>>(record: R): z.ZodType<SubcommandArgs<R>> {
  const [first, ...rest] = Object.entries(record).map(([name, s]) => z.object({ subcommand: z.literal(name), ...s.args }));
  return z.discriminatedUnion('subcommand', [first, ...rest]) as unknown as z.ZodType<SubcommandArgs<R>>;
}

/** Runs the chosen subcommand. */
export function runSubcommand<S, E>(record: Subcommands<S, E>, args: { subcommand: string }, ctx: CommandContext<S>, env: E): Promise<Reply> | Reply {
  return record[args.subcommand].run(args, ctx, env);
}
