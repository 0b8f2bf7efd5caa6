// Times listing 10,000 tokens through TokenApiClient against a local emulator (real HTTP,
// loopback). Not a test: it prints figures. Run: ../../node_modules/.bin/tsx scripts/measure-list.ts
import { startEmulator } from '@phq-tokens/emulator';
import { TokenApiClient } from '../src';

const N = 10_000;
const RUNS = 7;

async function main(): Promise<void> {
  const emu = await startEmulator({ port: 0, quiet: true });
  const { credential } = emu.state.createAccount('Measure Org');
  emu.state.addTokens(credential, N);
  const client = new TokenApiClient({ baseUrl: emu.url, credential });
  try {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const tokens = await client.listAll();
      const ms = performance.now() - t0;
      if (tokens.length !== N) throw new Error(`listed ${tokens.length}, expected ${N}`);
      if (i > 0) times.push(ms); // run 0 warms up the JIT and the keep-alive connection
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    process.stdout.write(
      `list ${N} tokens (20 pages of 500, node ${process.version}): median ${median.toFixed(0)} ms, ` +
        `min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over ${RUNS} runs\n`,
    );
  } finally {
    await client.close();
    await emu.close();
  }
}

void main();
