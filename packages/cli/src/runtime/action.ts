// Every command runs inside this wrapper (docs/conventions.md, "Errors"): failures become one clear message
// on stderr and an exit code from exit-codes.ts; the API client is always closed so the
// process exits at once instead of waiting on keep-alive sockets.
import type { TokenApiClient } from '@phq-tokens/core';
import { cancelSignal } from './cancel';
import { makeClient, resolveApiUrl, resolveCredential, type ConnectionFlags } from './connection';
import { describeError } from './describe-error';
import { exitCodeFor } from './exit-codes';
import { info } from './io';

export interface Ctx {
  signal: AbortSignal;
  /** The API URL in use, once known (for error messages). */
  apiUrl?: string;
}

export function action<A extends unknown[]>(
  fn: (ctx: Ctx, ...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const ctx: Ctx = { signal: cancelSignal() };
    try {
      await fn(ctx, ...args);
    } catch (e) {
      info(describeError(e, ctx.apiUrl));
      process.exitCode = exitCodeFor(e);
    }
  };
}

/** Resolves URL and management credential, runs `fn` with a client, then closes it. */
export async function withClient<T>(
  ctx: Ctx,
  flags: ConnectionFlags,
  fn: (client: TokenApiClient) => Promise<T>,
): Promise<T> {
  ctx.apiUrl = resolveApiUrl(flags);
  const client = makeClient(ctx.apiUrl, resolveCredential(ctx.apiUrl));
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
