// Slash-command registration: compare what Discord has with the local definitions and overwrite only when
// they differ, so every start does not re-register (Discord rate-limits command writes to 200 a day).
import { Routes } from 'discord.js';
import type { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandDefinition, OptionDefinition } from '../../core/command';

/**
 * The comparable shape of a command: Discord's defaults filled in (required/autocomplete false, no
 * options, no default permissions) and server-added fields (id, version, localisations) dropped. Fields
 * the local definition leaves unset and Discord fills in itself (contexts, integration_types) are
 * compared only when the local definition sets them.
 */
export function normaliseCommand(def: Partial<CommandDefinition> & { type?: number; nsfw?: boolean }, like?: CommandDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: def.name,
    description: def.description ?? '',
    type: def.type ?? 1,
    options: normaliseOptions(def.options),
    default_member_permissions: def.default_member_permissions ?? null,
    nsfw: def.nsfw ?? false,
  };
  const reference = like ?? def;
  if (reference.contexts !== undefined) out.contexts = def.contexts ? [...def.contexts].sort() : null;
  if (reference.integration_types !== undefined) out.integration_types = def.integration_types ? [...def.integration_types].sort() : [0];
  return out;
}

function normaliseOptions(options: OptionDefinition[] | undefined): unknown[] {
  return (options ?? []).map((o) => {
    const out: Record<string, unknown> = {
      type: o.type,
      name: o.name,
      description: o.description,
      required: o.required ?? false,
      autocomplete: o.autocomplete ?? false,
      choices: (o.choices ?? []).map((c) => ({ name: c.name, value: c.value })),
      options: normaliseOptions(o.options),
      channel_types: [...(o.channel_types ?? [])].sort(),
    };
    for (const key of ['min_value', 'max_value', 'min_length', 'max_length'] as const) {
      const v = (o as unknown as Record<string, unknown>)[key];
      if (v !== undefined && v !== null) out[key] = v;
    }
    return out;
  });
}

/** True when the registered set equals the local one (same names, same normalised definitions). */
export function sameCommands(local: CommandDefinition[], remote: Record<string, unknown>[]): boolean {
  if (local.length !== remote.length) return false;
  const remoteByName = new Map(remote.map((r) => [String(r.name), r]));
  return local.every((def) => {
    const r = remoteByName.get(def.name);
    return r !== undefined && JSON.stringify(normaliseCommand(def)) === JSON.stringify(normaliseCommand(r as never, def));
  });
}

export type SyncOutcome = 'unchanged' | 'registered';

export function commandsRoute(applicationId: string, guildId?: string): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}

/** Fetches the registered commands and PUTs the local set only when it differs. */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  definitions: CommandDefinition[],
  log: Logger,
  guildId?: string,
): Promise<SyncOutcome> {
  const route = commandsRoute(applicationId, guildId);
  const scope = guildId ? `guild ${guildId}` : 'global';
  const remote = (await rest.get(route)) as Record<string, unknown>[];
  if (sameCommands(definitions, remote)) {
    log.info({ scope, commands: definitions.length }, 'slash commands unchanged; not re-registering');
    return 'unchanged';
  }
  await rest.put(route, { body: definitions });
  log.info({ scope, commands: definitions.map((d) => d.name) }, 'slash commands registered (definitions differed)');
  return 'registered';
}
