// One error class with a `kind` discriminant, so a UI can switch on it (sign in again,
// show the field, wait and retry...). Messages are built from server text that is
// scrubbed of secrets and from our own fixed wording: never from request headers.

export type PhqErrorKind =
  | 'unauthorized'
  | 'payment-required'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'bad-response';

export interface PhqErrorDetails {
  status?: number;
  requestId?: string;
  /** The server's error code (e.g. "validation_error"). */
  code?: string;
  /** For `validation`: which input was wrong ("name", "scopes", "limit", ...). */
  field?: string;
  /** For `forbidden`: the scope the credential lacks, when the server names it. */
  missingScope?: string;
  /** For `rate-limited` (and 503): how long the server asked us to wait. */
  retryAfterMs?: number;
  /** Number of attempts made, including the first. */
  attempts?: number;
  /** A short code of the low-level cause (e.g. "UND_ERR_SOCKET"), never its message. */
  causeCode?: string;
  /** For `network` and `timeout`: the host (and port) that could not be reached. */
  host?: string;
  /**
   * For a failed create: the name of the token it may have made anyway (the server answered
   * with a success the client could not read, and the retry did not bring the token back).
   */
  possiblyCreated?: string;
}

export class PhqError extends Error {
  override readonly name = 'PhqError';
  readonly kind: PhqErrorKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly code?: string;
  readonly field?: string;
  readonly missingScope?: string;
  readonly retryAfterMs?: number;
  readonly attempts?: number;
  readonly causeCode?: string;
  readonly host?: string;
  readonly possiblyCreated?: string;

  constructor(kind: PhqErrorKind, message: string, details: PhqErrorDetails = {}) {
    super(message);
    this.kind = kind;
    // Copy only defined fields so JSON stays small and tests compare cleanly.
    for (const [k, v] of Object.entries(details)) if (v !== undefined) Object.assign(this, { [k]: v });
  }

  /** Whether retrying the same request later can succeed (PredictHQ: 429, 5xx, network). */
  get transient(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      code: this.code,
      field: this.field,
      missingScope: this.missingScope,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      causeCode: this.causeCode,
      host: this.host,
      possiblyCreated: this.possiblyCreated,
    };
  }
}

/**
 * Also true for a PhqError from a second copy of this module: the VS Code extension loads the
 * API client as a bundle of its own on first use, where `instanceof` alone would fail.
 */
export function isPhqError(e: unknown): e is PhqError {
  return (
    e instanceof PhqError ||
    (e instanceof Error && e.name === 'PhqError' && typeof (e as { kind?: unknown }).kind === 'string')
  );
}

/** Maps an HTTP status to an error kind (contract: docs/api/openapi.yaml, errors). */
export function kindForStatus(status: number): PhqErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 402:
      return 'payment-required';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'server' : 'bad-response';
  }
}

const defaultMessages: Record<PhqErrorKind, string> = {
  unauthorized: 'The credential was rejected (missing, invalid or revoked).',
  'payment-required': 'The PredictHQ subscription has expired.',
  forbidden: 'The credential is not allowed to do this.',
  'not-found': 'Not found.',
  validation: 'The request was invalid.',
  conflict: 'The request conflicts with an earlier one.',
  'rate-limited': 'Rate limited by the API.',
  server: 'The API had a server error.',
  network: 'Could not reach the API.',
  timeout: 'The API did not answer in time.',
  cancelled: 'Cancelled.',
  'bad-response': 'The API sent a response this client does not understand.',
};

export function defaultMessage(kind: PhqErrorKind): string {
  return defaultMessages[kind];
}
