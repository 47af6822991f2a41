// The local console mode: the same CommandRouter as Discord, driven by lines of text (like Hubot's
// shell adapter). Interactive with history and tab completion on a terminal; otherwise it answers
// every line of its input in order and returns at the end of input.
import { createInterface, type Completer } from 'node:readline';
import type { Caller } from '../../core/command';
import type { Clock } from '../../core/clock';
import type { CommandRouter } from '../../core/router';
import { parseCommandLine } from './parse-line';
import { renderReplyText } from './render-text';

export const CONSOLE_CALLER: Caller = { userId: 'console', guildId: 'console', channelId: 'console', canManageGuild: true };

export interface ConsoleOptions {
  router: CommandRouter;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Interactive (prompt, history, completion) when both ends are a terminal. */
  isTTY: boolean;
  clock: Clock;
  caller?: Caller;
  /** Extra lines for the banner, e.g. what was ingested. */
  notes?: string[];
}

export const CONSOLE_BANNER =
  'Herald — local console mode (no DISCORD_TOKEN set): the bot\'s commands run here instead of in Discord.\n' +
  'Type a command as in Discord, e.g. /brief, /when, /who name:<surname>, /facts topic:<words>; /help lists them all.';

/** Tab completion: command names after "/", then the command's option names. */
export function completeLine(router: Pick<CommandRouter, 'commands' | 'find'>, line: string): [string[], string] {
  const command = /^\/(\S*)$/.exec(line);
  if (command) {
    const names = router.commands.map((c) => `/${c.definition.name}`).sort();
    const hits = names.filter((n) => n.startsWith(line));
    return [hits.length ? hits : names, line];
  }
  const m = /^\/(\S+)\s.*?(\S*)$/.exec(line);
  const def = m ? router.find(m[1].toLowerCase())?.definition : undefined;
  if (!m || !def) return [[], line];
  const word = m[2];
  const names = (def.options ?? []).flatMap((o) => (o.type === 1 ? [o.name, ...(o.options ?? []).map((s) => `${s.name}:`)] : [`${o.name}:`]));
  return [names.filter((n) => n.startsWith(word)), word];
}

export function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, input, output, isTTY, clock } = options;
  const caller = options.caller ?? CONSOLE_CALLER;
  const write = (text: string) => output.write(`${text}\n`);
  write([CONSOLE_BANNER, ...(isTTY ? ['Ctrl+D or /exit to quit.'] : []), ...(options.notes ?? [])].join('\n'));

  const completer: Completer = (line) => completeLine(router, line);
  const rl = createInterface({ input, output: isTTY ? output : undefined, terminal: isTTY, completer: isTTY ? completer : undefined, historySize: 500 });
  rl.setPrompt('herald> ');
  let count = 0;

  async function answer(line: string): Promise<void> {
    if (!isTTY && line.trim() !== '') write(`\n> ${line.trim()}`);
    if (/^\/?(exit|quit)$/i.test(line.trim())) {
      rl.close();
      return;
    }
    const parsed = parseCommandLine(line, (name) => router.find(name)?.definition);
    if (parsed.kind === 'empty') return;
    if (parsed.kind === 'error') {
      write(parsed.message);
      return;
    }
    count += 1;
    const reply = await router.run({ command: parsed.command, options: parsed.options, caller, interactionId: `console-${count}` });
    write(renderReplyText(reply, clock.now()));
  }

  // One line at a time, in order, even when input arrives faster than answers.
  let queue = Promise.resolve();
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      queue = queue.then(() => answer(line)).then(() => {
        if (isTTY) rl.prompt();
      });
    });
    rl.on('close', () => {
      void queue.then(() => {
        if (isTTY) write('');
        resolve();
      });
    });
    if (isTTY) rl.prompt();
  });
}
