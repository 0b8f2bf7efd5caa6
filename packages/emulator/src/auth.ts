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

/** What PredictHQ's public API documents as its 401 body. */
const AUTH_REQUIRED = 'Authorization required';

/**
 * Authenticates a public API call (401, then 403 for a missing scope, then 402 where the
 * family documents it) and records the use. Errors carry PredictHQ's documented messages.
 */
export function requireScope(
  state: EmulatorState,
  req: FastifyRequest,
  family: { id: string; forbiddenMessage: string; paymentRequired: boolean },
  expired: ReadonlySet<string> = new Set(),
): StoredToken {
  let value: string;
  try {
    value = bearer(req);
  } catch {
    throw new ApiError(401, AUTH_REQUIRED, { publicMessage: AUTH_REQUIRED });
  }
  const token = state.tokenByValue(value);
  if (!token) {
    throw new ApiError(401, 'The access token is not valid (unknown, deleted or not a token).', {
      publicMessage: AUTH_REQUIRED,
    });
  }
  if (!token.scopes.includes(family.id)) {
    throw new ApiError(403, `This token does not have the "${family.id}" scope needed for this API.`, {
      missingScope: family.id,
      publicMessage: family.forbiddenMessage,
    });
  }
  if (family.paymentRequired && expired.has(token.id)) {
    throw new ApiError(402, 'The subscription of this organization has expired.', {
      publicMessage: 'Payment required: your subscription has expired',
    });
  }
  state.touch(token);
  return token;
}
