// Shared set-up for the integration suites: a real emulator on an ephemeral port and
// clients whose backoff is recorded instead of slept, so retry schedules are asserted
// exactly while every request still goes over real HTTP.
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';
import { TokenApiClient, type ClientOptions, type RetryOptions } from '../src';

export interface Recorder {
  delays: number[];
  retry: RetryOptions;
}

/** Backoff with base 1000 and jitter 500 (PredictHQ's numbers) but no real waiting. */
export function recorder(overrides: RetryOptions = {}): Recorder {
  const delays: number[] = [];
  return {
    delays,
    retry: {
      random: () => 0.5, // zero jitter: exact 1000, 2000, 4000
      sleep: async (ms, signal) => {
        delays.push(ms);
        if (signal.aborted) throw signal.reason;
      },
      ...overrides,
    },
  };
}

export class Harness {
  emu!: RunningEmulator;
  private clients: TokenApiClient[] = [];

  async start(): Promise<void> {
    this.emu = await startEmulator({ port: 0, quiet: true });
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
    await this.emu.close();
  }

  /** A fresh account per test keeps tests independent of each other's tokens. */
  account(name = 'Test Org'): string {
    return this.emu.state.createAccount(name).credential;
  }

  client(credential: string, opts: Partial<ClientOptions> = {}): TokenApiClient {
    const c = new TokenApiClient({ baseUrl: this.emu.url, credential, retry: recorder().retry, ...opts });
    this.clients.push(c);
    return c;
  }
}

/** Runs `fn`, expecting a rejection; returns what it rejected with. */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
