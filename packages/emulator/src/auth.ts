// Bearer credentials. Management credentials open /v1/account/ and /v1/tokens/...; token
// values open the public families. The wrong kind is a 401, like an unknown one. Messages
// never include what was sent.
import type { FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';
import type { EmulatorState } from './state/store.js';
import type { StoredAccount, StoredToken } from './state/types.js';

function bearer(req: FastifyRequest): string {
  const m = /^Bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
  if (!m) throw new ApiError(401, 'Missing or malformed Authorization header; expected "Bearer <credential>".');
  return m[1]!;
}

export function requireAccount(state: EmulatorState, req: FastifyRequest): StoredAccount {
  const account = state.accountFor(bearer(req));
  if (!account) throw new ApiError(401, 'The management credential is not valid.');
  return account;
}

/** Authenticates a public API call and records the use. */
export function requireScope(state: EmulatorState, req: FastifyRequest, scope: string): StoredToken {
  const token = state.tokenByValue(bearer(req));
  if (!token) throw new ApiError(401, 'The access token is not valid (unknown, deleted or not a token).');
  if (!token.scopes.includes(scope)) {
    throw new ApiError(403, `This token does not have the "${scope}" scope needed for this API.`, {
      missingScope: scope,
    });
  }
  state.touch(token);
  return token;
}
