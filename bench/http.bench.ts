// Interactions over HTTP against the gateway, in the same run: the fake Discord sends each command either as
// INTERACTION_CREATE over the gateway (the real discord.js client answers over REST) or as a signed POST to
// Herald's endpoint (verified, answered in the HTTP response). Round-robin, so load and GC fall on both
// alike. Also: the cost of one Ed25519 check, and how many forged (unsigned or wrongly signed) requests a
// second the endpoint refuses, since anyone on the internet can send those.
import { cpus, loadavg } from 'node:os';
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { commands as realCommands } from '../commands';
import { systemClock } from '../src/core/clock';
import { type Command } from '../src/core/command';
import { CommandRouter } from '../src/core/router';
import { createDiscord } from '../src/transports/discord/client';
import { startHttpInteractions } from '../src/transports/http/start';
import { checkSignature, publicKeyFromHex } from '../src/transports/http/verify';
import { startFakeDiscord } from '../test/e2e/fake-discord';
import { commandBenchSetup, ping } from './command-setup';
import { percentile } from './measure';

const ROUNDS = 200;
const WARMUP = 20;
const COMMANDS = ['ping', 'when', 'brief', 'articles', 'status'];

export async function run(): Promise<void> {
  const fake = await startFakeDiscord();
  const { log, clock, services } = await commandBenchSetup(fake.token);
  const all: Command<any>[] = [ping, ...realCommands.filter((c) => COMMANDS.includes(c.definition.name))];
  const router = new CommandRouter({ commands: all, services, clock, log });
  const gateway = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  await gateway.start({ router, guildId: fake.guildId, clock });
  const restOnly = createDiscord({ token: fake.token, apiUrl: fake.apiUrl, log });
  const http = await startHttpInteractions({ publicKey: fake.interactionsPublicKey, host: '127.0.0.1', port: 0, router, rest: restOnly.client.rest, log, clock: systemClock, guildId: fake.guildId });

  const samples = new Map<string, number[]>(COMMANDS.flatMap((n) => [[`gateway /${n}`, []], [`http /${n}`, []]]));
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const name of COMMANDS) {
      for (const way of ['gateway', 'http'] as const) {
        if (way === 'http') fake.useInteractionsEndpoint(http.server.url);
        else fake.useGateway();
        const started = performance.now();
        const result = await fake.injectCommand(name);
        const elapsed = performance.now() - started;
        if (!result.final) throw new Error(`/${name} was not answered over ${way}`);
        if (round >= WARMUP) samples.get(`${way} /${name}`)!.push(elapsed);
      }
    }
  }
  fake.useGateway();

  // One Ed25519 verification, alone.
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = publicKeyFromHex(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'));
  const body = Buffer.from(JSON.stringify({ id: '1', type: 2, padding: 'x'.repeat(1500) }));
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString('hex');
  const N = 5_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) if (!checkSignature(key, sig, ts, body, new Date()).ok) throw new Error('verification failed');
  const verifyUs = ((performance.now() - t) / N) * 1000;

  // Forged requests: a wrong signature of the right shape, sent 8 at a time.
  const forged = sign(null, Buffer.concat([Buffer.from(ts), body]), generateKeyPairSync('ed25519').privateKey).toString('hex');
  const FORGED = 2_000;
  t = performance.now();
  let refused = 0;
  for (let i = 0; i < FORGED; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(http.server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature-ed25519': forged, 'x-signature-timestamp': ts }, body: JSON.stringify({ id: randomBytes(8).toString('hex') }) }).then((r) => r.status),
      ),
    );
    refused += batch.filter((s) => s === 401).length;
  }
  const forgedPerSecond = refused / ((performance.now() - t) / 1000);

  await http.stop(1000);
  await restOnly.client.destroy();
  await gateway.stop();
  await fake.close();

  console.log(`${ROUNDS} invocations each way (after ${WARMUP} warm-up): sent by the fake → the user's answer recorded by the fake`);
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min)`);
  console.log(`${'command'.padEnd(20)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const [name, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${name.padEnd(20)} ${percentile(sorted, 50).toFixed(2).padStart(8)} ${percentile(sorted, 99).toFixed(2).padStart(8)}`);
  }
  console.log(`one Ed25519 check (1.5 KB body): ${verifyUs.toFixed(1)} µs`);
  console.log(`forged requests refused (401): ${refused}/${FORGED}, ${Math.round(forgedPerSecond)} per second over 8 connections`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
