import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OptionType } from '../../../src/core/command';
import { parseCommandLine, type CommandShape } from '../../../src/transports/console/parse-line';
import { commands } from '../../../commands';

const shapes: Record<string, CommandShape> = {
  who: { name: 'who', options: [{ type: OptionType.String, name: 'name', description: 'n' }, { type: OptionType.String, name: 'article', description: 'a' }] },
  ask: { name: 'ask', options: [{ type: OptionType.String, name: 'article', description: 'a' }, { type: OptionType.String, name: 'question', description: 'q', required: true }] },
  articles: { name: 'articles', options: [{ type: OptionType.Integer, name: 'page', description: 'p' }] },
  status: { name: 'status' },
  remind: {
    name: 'remind',
    options: [
      { type: OptionType.Subcommand, name: 'list', description: 'l' },
      {
        type: OptionType.Subcommand,
        name: 'add',
        description: 'a',
        options: [
          { type: OptionType.Channel, name: 'channel', description: 'c', required: true },
          { type: OptionType.Boolean, name: 'ping', description: 'p' },
        ],
      },
    ],
  },
};
const lookup = (name: string) => shapes[name];
const parse = (line: string) => parseCommandLine(line, lookup);

describe('parseCommandLine', () => {
  it('reads option:value pairs, a value running to the next known option', () => {
    expect(parse('/who name:Tasmagambetov')).toEqual({ kind: 'command', command: 'who', options: { name: 'Tasmagambetov' } });
    expect(parse('  /who name: Imangali  Tasmagambetov  article:csto border plan ')).toEqual({
      kind: 'command',
      command: 'who',
      options: { name: 'Imangali  Tasmagambetov', article: 'csto border plan' },
    });
    expect(parse('/who article:a:b name:c')).toEqual({ kind: 'command', command: 'who', options: { article: 'a:b', name: 'c' } });
  });

  it('treats "word:" that is not an option of the command as part of the value', () => {
    expect(parse('/ask question: what is at https://x.example/a?b=c note: ok')).toEqual({
      kind: 'command',
      command: 'ask',
      options: { question: 'what is at https://x.example/a?b=c note: ok' },
    });
  });

  it('fills the first required option (or the first option) with text before any option', () => {
    expect(parse('/ask when is the vote? article:plan')).toEqual({ kind: 'command', command: 'ask', options: { question: 'when is the vote?', article: 'plan' } });
    expect(parse('/who Tasmagambetov')).toEqual({ kind: 'command', command: 'who', options: { name: 'Tasmagambetov' } });
    expect(parse('/status now')).toEqual({ kind: 'error', message: '/status takes no options.' });
    expect(parse('/who x name:y')).toEqual({ kind: 'error', message: '"x" is not an option; use name: article:' });
  });

  it('types values as Discord would deliver them', () => {
    expect(parse('/articles page:2')).toEqual({ kind: 'command', command: 'articles', options: { page: 2 } });
    expect(parse('/articles page:two')).toEqual({ kind: 'command', command: 'articles', options: { page: 'two' } });
    expect(parse('/remind add channel:<#123456789012345678> ping:yes')).toEqual({
      kind: 'command',
      command: 'remind',
      options: { subcommand: 'add', channel: '123456789012345678', ping: true },
    });
    expect(parse('/remind add #general')).toEqual({ kind: 'command', command: 'remind', options: { subcommand: 'add', channel: 'general' } });
  });

  it('takes the subcommand as the first word', () => {
    expect(parse('/remind list')).toEqual({ kind: 'command', command: 'remind', options: { subcommand: 'list' } });
    expect(parse('/remind')).toEqual({ kind: 'error', message: '/remind needs one of: list, add (e.g. /remind list).' });
    expect(parse('/remind delete')).toEqual({ kind: 'error', message: '/remind has no "delete"; use one of: list, add.' });
  });

  it('passes unknown commands on and explains lines that are not commands', () => {
    expect(parse('/Nope x:y')).toEqual({ kind: 'command', command: 'nope', options: {} });
    expect(parse('   ')).toEqual({ kind: 'empty' });
    expect(parse('hello')).toEqual({ kind: 'error', message: 'Commands start with "/", e.g. /help.' });
    expect(parse('/')).toEqual({ kind: 'error', message: 'Type a command after "/", e.g. /help.' });
  });

  it('never throws on any line, for the real commands too', () => {
    const real = (name: string) => commands.find((c) => c.definition.name === name)?.definition;
    const names = [...Object.keys(shapes), ...commands.map((c) => c.definition.name)];
    const line = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.tuple(fc.constantFrom(...names), fc.array(fc.oneof(fc.constantFrom('name:', 'article:', 'page:', 'topic:', 'event:', ' ', ':', 'list', 'add', '<#1>'), fc.string({ maxLength: 8 })), { maxLength: 12 })).map(
        ([n, parts]) => `/${n} ${parts.join('')}`,
      ),
    );
    fc.assert(
      fc.property(line, (l) => {
        for (const look of [lookup, real]) {
          const r = parseCommandLine(l, look);
          expect(['empty', 'command', 'error']).toContain(r.kind);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stays linear on a long line full of near-markers', () => {
    // 240 kB: a scan that restarted at every marker would run for minutes and hit the test timeout.
    const long = `/who ${'name:x '.repeat(20_000)}${'a:'.repeat(50_000)}`;
    const r = parseCommandLine(long, lookup);
    expect(r).toMatchObject({ kind: 'command', options: { name: `x ${'a:'.repeat(50_000)}`.trim() } });
  });
});
