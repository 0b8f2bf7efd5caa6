// startEmulator: the programmatic entry point (contract brief, "Emulator extras").
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import { Faults, type FaultControl } from './faults.js';
import { seedPublicTokens, type PublicToken } from './publicSeed.js';
import { EmulatorState } from './state/store.js';

export interface EmulatorOptions {
  /** 0 (default) = an ephemeral port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** seed the default account with sample tokens (default true; ignored when the persist file exists) */
  seed?: boolean;
  /** JSON file that keeps the state across restarts */
  persistFile?: string;
  /** default true: no per-request log lines */
  quiet?: boolean;
  /** where log lines go when not quiet (default stderr) */
  log?: (line: string) => void;
  /**
   * Answer like api.predicthq.com: public families only (management endpoints 404), seeded
   * with token values returned in `publicTokens` (one revoked, one with an expired subscription).
   */
  publicOnly?: boolean;
}

export interface RunningEmulator {
  /** http://HOST:PORT, no trailing slash */
  url: string;
  /** management credential of the default account ("Demo Org") */
  credential: string;
  faults: FaultControl;
  state: EmulatorState;
  /** public-only mode: the seeded token values (empty otherwise) */
  publicTokens: PublicToken[];
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const state = new EmulatorState({
    seed: options.seed ?? true,
    ...(options.persistFile !== undefined && { persistFile: options.persistFile }),
  });
  const faults = new Faults();
  const log = options.quiet === false ? (options.log ?? ((l: string) => process.stderr.write(`${l}\n`))) : undefined;
  const seeded = options.publicOnly ? seedPublicTokens(state) : { tokens: [], expired: new Set<string>() };
  const app = buildApp({
    state,
    faults,
    ...(log && { log }),
    publicOnly: options.publicOnly ?? false,
    expiredTokens: seeded.expired,
  });
  await app.listen({ port: options.port ?? 0, host });
  const { port } = app.server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    credential: state.defaultCredential,
    faults,
    state,
    publicTokens: seeded.tokens,
    close: () =>
      (closing ??= (async () => {
        await app.close();
        await state.flush();
      })()),
  };
}
