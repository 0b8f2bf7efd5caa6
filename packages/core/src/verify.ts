// Proves a token works by the cheapest public call PredictHQ documents:
// GET /v1/events/?limit=1 with the token as Bearer.
import { PhqError } from './errors';
import type { VerifyResult } from './model';
import { tokenTransport, type TokenCallOptions } from './transport';

export type VerifyOptions = TokenCallOptions;

/**
 * valid (200), invalid (401), missing-scope (403), error (anything else, with its kind).
 * Cancellation is not a result: it throws a PhqError of kind `cancelled`, like every call.
 * A value that could not even be sent (empty, spaces) is `invalid` without a request.
 */
export async function verifyToken(baseUrl: string, value: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const http = tokenTransport(baseUrl, value, opts);
  if (!http) return { status: 'invalid' };
  try {
    await http.send({ method: 'GET', path: '/v1/events/', query: { limit: 1 }, retrySafe: true }, opts);
    return { status: 'valid' };
  } catch (e) {
    if (!(e instanceof PhqError)) throw e;
    switch (e.kind) {
      case 'cancelled':
        throw e;
      case 'unauthorized':
        return { status: 'invalid' };
      case 'forbidden':
        return { status: 'missing-scope', scope: e.missingScope ?? 'events' };
      default:
        return { status: 'error', kind: e.kind, message: e.message };
    }
  } finally {
    await http.close();
  }
}
