import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../../src/core/command';
import { sameCommands } from '../../../src/transports/discord/sync';
import { flattenOptions } from '../../../src/transports/discord/interactions';

const local: CommandDefinition[] = [
  {
    name: 'when',
    description: 'Dated events',
    options: [
      { type: 3, name: 'article', description: 'Which article', required: false, autocomplete: true },
      { type: 7, name: 'channel', description: 'Where', channel_types: [5, 0] },
    ],
    contexts: [0, 1],
  },
  { name: 'remind', description: 'Reminders', default_member_permissions: '32' },
];

/** What Discord returns for the same commands: ids, versions, its defaults filled in, false flags omitted. */
const remote = [
  {
    id: '1',
    application_id: '2',
    version: '3',
    type: 1,
    name: 'when',
    description: 'Dated events',
    options: [
      { type: 3, name: 'article', description: 'Which article', autocomplete: true },
      { type: 7, name: 'channel', description: 'Where', channel_types: [0, 5] },
    ],
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    contexts: [1, 0],
    integration_types: [0],
  },
  { id: '4', application_id: '2', version: '5', type: 1, name: 'remind', description: 'Reminders', default_member_permissions: '32', dm_permission: true, nsfw: false, contexts: null, integration_types: [0] },
];

describe('sameCommands', () => {
  it('treats Discord-filled defaults and reordered sets as unchanged', () => {
    expect(sameCommands(local, remote)).toBe(true);
    expect(sameCommands([...local].reverse(), remote)).toBe(true);
  });

  it('notices a changed description, option, permission, context or a missing/extra command', () => {
    expect(sameCommands([{ ...local[0], description: 'Other' }, local[1]], remote)).toBe(false);
    expect(sameCommands([{ ...local[0], options: [{ ...local[0].options![0], required: true }, local[0].options![1]] }, local[1]], remote)).toBe(false);
    expect(sameCommands([local[0], { ...local[1], default_member_permissions: null }], remote)).toBe(false);
    expect(sameCommands([{ ...local[0], contexts: [0] }, local[1]], remote)).toBe(false);
    expect(sameCommands([local[0]], remote)).toBe(false);
    expect(sameCommands([...local, { name: 'ping', description: 'Pong' }], remote)).toBe(false);
  });
});

describe('flattenOptions', () => {
  it('flattens a subcommand and keeps ids and typed values', () => {
    expect(
      flattenOptions([
        { type: 1, name: 'channel', options: [{ type: 7, name: 'target', value: '123456789012345678' }, { type: 4, name: 'lead', value: 2 }, { type: 5, name: 'on', value: false }] },
      ]),
    ).toEqual({ subcommand: 'channel', target: '123456789012345678', lead: 2, on: false });
    expect(flattenOptions([{ type: 3, name: 'article', value: 'csto' }])).toEqual({ article: 'csto' });
    expect(flattenOptions([])).toEqual({});
  });
});
