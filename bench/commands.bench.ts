// Command latency through the whole discord.js pipeline: the fake Discord sends INTERACTION_CREATE over the
// gateway, the real Client and router answer over REST, the fake records the callback. Every command is
// measured side by side with a trivial /ping on the same client in the same run (round-robin, so load and
// GC fall on all of them alike). Targets: p50 within 1.5× /ping's, p99 under 15 ms.
import { cpus, loadavg } from 'node:os';
import { commands as realCommands } from '../commands';
import { type Command } from '../src/core/command';
import { CommandRouter } from '../src/core/router';
import { createDiscord } from '../src/transports/discord/client';
import { startFakeDiscord } from '../test/e2e/fake-discord';
import { commandBenchSetup, ping } from './command-setup';
import { percentile } from './measure';

const ROUNDS = 200;
const WARMUP = 20;

export async function run(): Promise<void> {
  const fake = await startFakeDiscord();
  const { log, clock, services } = await commandBenchSetup(fake.token);
  // Admin commands answer members with a refusal; measure what everyone can run.
  const measured = realCommands.filter((c) => !c.adminOnly);
  const all: Command<any>[] = [ping, ...measured];
  const router = new CommandRouter({ commands: all, services, clock, log });
  const discord = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  await discord.start({ router, guildId: fake.guildId, clock });

  const names = all.map((c) => c.definition.name);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const name of names) {
      const started = performance.now();
      const result = await fake.injectCommand(name);
      const elapsed = performance.now() - started;
      if (!result.final) throw new Error(`/${name} was not answered`);
      if (round >= WARMUP) samples.get(name)!.push(elapsed);
    }
  }
  await discord.stop();
  await fake.close();

  const stats = names.map((name) => {
    const sorted = [...samples.get(name)!].sort((a, b) => a - b);
    return { name, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
  const pingP50 = stats[0].p50;
  console.log(`${ROUNDS} invocations each (after ${WARMUP} warm-up), INTERACTION_CREATE sent → callback received by the fake`);
  // p99 is sensitive to other processes on the machine: say how busy it was.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`);
  console.log(`${'command'.padEnd(12)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p50/ping'.padStart(9)}  targets (p50 ≤ 1.5× ping, p99 < 15 ms)`);
  for (const s of stats) {
    const ratio = s.p50 / pingP50;
    const ok = ratio <= 1.5 && s.p99 < 15;
    console.log(`/${s.name.padEnd(11)} ${s.p50.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)} ${ratio.toFixed(2).padStart(9)}  ${ok ? 'ok' : 'MISSED'}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
