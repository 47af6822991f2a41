// npm run deploy-commands: registers Herald's slash commands over REST (no gateway), in DISCORD_GUILD_ID when
// set (instant, for one server) or globally. `npm start` also syncs them, but only when they changed.
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { commandModuleSchema, type Command } from '../src/core/command';
import { loadConfig } from '../src/config';
import { commandsRoute } from '../src/transports/discord/sync';

function fail(message: string): never {
  process.stderr.write(`deploy-commands: ${message}\n`);
  process.exit(1);
}

async function loadCommands(): Promise<Command<any>[]> {
  let mod: { commands?: unknown };
  try {
    mod = await import('../commands/index');
  } catch (error) {
    fail(`could not load commands/index.ts (${(error as Error).message})`);
  }
  if (!Array.isArray(mod.commands)) fail('commands/index.ts does not export `commands: Command[]`');
  const problems = mod.commands.flatMap((c, i) => {
    const checked = commandModuleSchema.safeParse(c);
    return checked.success ? [] : [`command #${i + 1}: ${checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`];
  });
  if (problems.length) fail(`malformed command modules, nothing registered:\n  ${problems.join('\n  ')}`);
  return mod.commands as Command<any>[];
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) fail(`the configuration is invalid:\n  ${loaded.errors.join('\n  ')}`);
  const { DISCORD_TOKEN, DISCORD_GUILD_ID, DISCORD_API_URL } = loaded.config;
  if (!DISCORD_TOKEN) fail('DISCORD_TOKEN is not set. Put your bot token in .env (DISCORD_TOKEN=...) or the environment, then run this again.');

  const commands = await loadCommands();
  const definitions = commands.map((c) => c.definition);
  const rest = new REST({ version: '10', retries: 2, ...(DISCORD_API_URL ? { api: DISCORD_API_URL.replace(/\/+$/, '') } : {}) }).setToken(DISCORD_TOKEN);
  try {
    const app = (await rest.get(Routes.currentApplication())) as { id: string };
    const registered = (await rest.put(commandsRoute(app.id, DISCORD_GUILD_ID), { body: definitions })) as { name: string }[];
    const where = DISCORD_GUILD_ID ? `in server ${DISCORD_GUILD_ID}` : 'globally';
    process.stdout.write(`Registered ${registered.length} slash commands ${where}: ${registered.map((c) => `/${c.name}`).join(', ')}\n`);
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) fail('Discord rejected the token (401 Unauthorized). Check DISCORD_TOKEN.');
    if (error instanceof DiscordAPIError) fail(`Discord refused the registration: ${error.message} (HTTP ${error.status}, code ${String(error.code)})`);
    fail(`could not reach Discord: ${(error as Error).message}`);
  }
}

await main();
