// The local console mode: the same CommandRouter as Discord, driven by lines of text (like Hubot's
// shell adapter). Interactive with history and tab completion on a terminal; otherwise it answers
// every line of its input in order and returns at the end of input.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInterface, type Completer } from 'node:readline';
import { OptionType, type Caller } from '../../core/command';
import type { Clock } from '../../core/clock';
import type { Attachment, Reply } from '../../core/reply';
import type { CommandRouter } from '../../core/router';
import { parseCommandLine } from './parse-line';
import { pressableButtons, renderReplyText } from './render-text';
import { stripTerminalControls } from '../../format/text';
import type { Button } from '../../core/reply';

export const CONSOLE_CALLER: Caller = { userId: 'console', guildId: 'console', channelId: 'console', canManageGuild: true, canManageWebhooks: true };

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
  /** Where reply attachments (the /timeline picture) are written; default: herald-files in the system temp folder. */
  fileDir?: string;
}

/**
 * Writes an attachment as `<name>-<content hash>.<ext>` (the same picture keeps its path) and returns the
 * line the console prints: the path, or why it could not be written.
 */
export async function saveAttachment(dir: string, attachment: Attachment): Promise<string> {
  const ext = extname(attachment.name).replace(/[^.\w]/g, '') || '.bin';
  const stem = attachment.name.slice(0, attachment.name.length - extname(attachment.name).length).replace(/[^\w-]/g, '_') || 'file';
  const path = join(dir, `${stem}-${createHash('sha256').update(attachment.data).digest('hex').slice(0, 12)}${ext}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, attachment.data);
    return `${attachment.contentType.startsWith('image/') ? 'Picture' : 'File'} written to ${path}`;
  } catch (error) {
    return `Could not write ${attachment.name} to ${dir}: ${(error as Error).message}`;
  }
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
  const names = (def.options ?? []).flatMap((o) => (o.type === OptionType.Subcommand ? [o.name, ...(o.options ?? []).map((s) => `${s.name}:`)] : [`${o.name}:`]));
  return [names.filter((n) => n.startsWith(word)), word];
}

/**
 * Value suggestions for a line ending in an autocompleted option ("/brief article:csto"): what
 * Discord's autocomplete would offer, through the router (same permission checks). Undefined when
 * the line does not end in such an option.
 */
export async function suggestValues(router: Pick<CommandRouter, 'find' | 'autocomplete'>, line: string, caller: Caller): Promise<{ word: string; choices: string[] } | undefined> {
  const m = /^\/(\S+)\s(?:.*\s)?([\p{L}\p{N}_-]{1,32}):([^:]*)$/u.exec(line.replace(/\t+$/, ''));
  const command = m ? router.find(m[1].toLowerCase()) : undefined;
  if (!m || !command) return undefined;
  const defs = command.definition.options ?? [];
  const sub = defs.find((o) => o.type === OptionType.Subcommand && new RegExp(`^/\\S+\\s+${o.name}\\b`, 'i').test(line));
  const def = (sub?.options ?? defs).find((o) => o.name === m[2]);
  if (!def?.autocomplete) return undefined;
  const parsed = parseCommandLine(line.slice(0, line.length - m[2].length - m[3].length - 1), (name) => router.find(name)?.definition);
  const options = parsed.kind === 'command' ? parsed.options : {};
  const choices = await router.autocomplete({ command: command.definition.name, options, caller, focused: def.name, value: m[3].trimStart(), interactionId: 'console-complete' });
  // Suggestions are article text (headlines, events): shown on the terminal, so without control sequences.
  return { word: m[3], choices: choices.map((c) => stripTerminalControls(c.name)) };
}

export function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, input, output, isTTY, clock } = options;
  const caller = options.caller ?? CONSOLE_CALLER;
  const write = (text: string) => output.write(`${stripTerminalControls(text)}\n`);
  write([CONSOLE_BANNER, ...(isTTY ? ['Ctrl+D or /exit to quit.'] : []), ...(options.notes ?? [])].join('\n'));

  // Option names complete synchronously; an autocompleted option's value asks the command, as Discord does.
  const completer = (line: string, done: (error: null, result: [string[], string]) => void): void => {
    void suggestValues(router, line, caller).then(
      (values) => done(null, values ? [values.choices, values.word] : completeLine(router, line)),
      () => done(null, completeLine(router, line)),
    );
  };
  const rl = createInterface({ input, output: isTTY ? output : undefined, terminal: isTTY, completer: isTTY ? (completer as Completer) : undefined, historySize: 500 });
  rl.setPrompt('herald> ');
  let count = 0;
  /** The last answer's buttons: a line with just a number presses one (Discord's click, as a numbered choice). */
  let buttons: Button[] = [];

  async function answer(line: string): Promise<void> {
    if (!isTTY && line.trim() !== '') write(`\n> ${line.trim()}`);
    if (/^\/?(exit|quit)$/i.test(line.trim())) {
      rl.close();
      return;
    }
    // Piped input: a line ending in a tab asks for completions, as the tab key does on a terminal.
    if (!isTTY && line.endsWith('\t')) {
      const values = await suggestValues(router, line, caller);
      const [names] = values ? [values.choices] : completeLine(router, line.replace(/\t+$/, ''));
      write(names.length > 0 ? `Suggestions:\n${names.map((n) => `  ${n}`).join('\n')}` : 'No suggestions.');
      return;
    }
    const choice = /^\s*(\d{1,2})\s*$/.exec(line);
    if (choice) {
      const button = buttons[Number(choice[1]) - 1];
      if (!button) {
        write(buttons.length ? `Choose a button from 1 to ${buttons.length}.` : 'There is no button to press: the last answer had none.');
        return;
      }
      count += 1;
      const reply = await router.button(button.customId, caller, `console-${count}`);
      buttons = pressableButtons(reply).length ? pressableButtons(reply) : buttons;
      write(renderReplyText(reply, clock.now()));
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
    buttons = pressableButtons(reply);
    write(renderReplyText(reply, clock.now()));
    await saveAttachments(reply);
    // A reply's later part (the /timeline picture) is printed when ready, without holding up the next line.
    if (reply.update) {
      const later = reply.update.then((updated) => (updated ? saveAttachments(updated) : undefined));
      updates.add(later);
      void later.finally(() => updates.delete(later));
    }
  }

  const updates = new Set<Promise<void>>();
  async function saveAttachments(reply: Reply): Promise<void> {
    for (const attachment of reply.attachments ?? []) write(await saveAttachment(options.fileDir ?? join(tmpdir(), 'herald-files'), attachment));
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
      void queue.then(async () => {
        await Promise.all([...updates]);
        if (isTTY) write('');
        resolve();
      });
    });
    if (isTTY) rl.prompt();
  });
}
