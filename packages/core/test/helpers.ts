// Shared set-up for the integration suites: a real emulator on an ephemeral port and
// clients whose backoff is recorded instead of slept, so retry schedules are asserted
// exactly while every request still goes over real HTTP.
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';
import { contractErrors } from '@phq-tokens/emulator/contract';
import { TokenApiClient, type ClientOptions, type ObservedResponse, type RetryOptions } from '../src';

function injected(r: ObservedResponse): boolean {
  const body = r.body as { message?: unknown } | undefined;
  return typeof body?.message === 'string' && body.message.startsWith('Injected fault');
}

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
  /** Every parsed response the clients saw, checked against docs/api/openapi.yaml at the end. */
  readonly responses: ObservedResponse[] = [];
  readonly observe = (r: ObservedResponse): void => {
    this.responses.push(r);
  };

  /**
   * Departures from the contract among all responses seen so far. A status the tests
   * injected on an operation that never returns it (a 403 on /v1/account/) is expected to
   * be undocumented; its body must still be the contract's error shape.
   */
  contractErrors(): string[] {
    return this.responses.flatMap((r) =>
      contractErrors(r).filter((e) => !(injected(r) && e.endsWith('status not documented for this operation'))),
    );
  }

  async start(): Promise<void> {
    this.emu = await startEmulator({ port: 0, quiet: true });
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
    await this.emu.close();
    assert.deepEqual(this.contractErrors(), [], 'responses that do not match docs/api/openapi.yaml');
  }

  /** A fresh account per test keeps tests independent of each other's tokens. */
  account(name = 'Test Org'): string {
    return this.emu.state.createAccount(name).credential;
  }

  client(credential: string, opts: Partial<ClientOptions> = {}): TokenApiClient {
    const c = new TokenApiClient({
      baseUrl: this.emu.url,
      credential,
      retry: recorder().retry,
      onResponse: this.observe,
      ...opts,
    });
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
