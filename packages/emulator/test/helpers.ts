// Shared test helpers: a started emulator plus contract-checked HTTP calls.
import { checkedFetch, type CheckedResponse } from '../test-support/contract';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/index';

export interface Call {
  method?: string;
  auth?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An HTTP call whose response is validated against docs/api/openapi.yaml. */
export function call(emu: RunningEmulator, path: string, { method = 'GET', auth, body, headers = {} }: Call = {}) {
  const credential = auth === undefined ? emu.credential : auth;
  return checkedFetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(credential !== null && { authorization: `Bearer ${credential}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

export const json = <T = Record<string, unknown>>(r: CheckedResponse): T => r.body as T;

/** Starts an emulator per test suite (mocha TDD hooks). */
export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emu: RunningEmulator | undefined;
  setup(async () => {
    emu = await startEmulator(options);
  });
  teardown(async () => {
    await emu?.close();
  });
  return () => emu!;
}

export interface TokenBody {
  id: string;
  name: string;
  scopes: string[];
  created_at: string;
  last_used_at: string | null;
  token?: string;
}

export interface PageBody<T = TokenBody> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  missing_scope?: string;
  request_id: string;
}
