// The contract's one error shape. Routes throw ApiError; the app's error handler turns it
// (and framework errors) into {code, message, field?, missing_scope?, request_id}.

export type ErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation_error'
  | 'rate_limited'
  | 'server_error'
  | 'unavailable';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'validation_error',
  429: 'rate_limited',
  500: 'server_error',
  503: 'unavailable',
};

/** The contract code for any status; statuses the contract does not list map to their class. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
}

export interface ErrorExtra {
  /** The message PredictHQ's public API documents for this error, when it differs. */
  publicMessage?: string;
  field?: string;
  missingScope?: string;
  retryAfter?: number;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(
    readonly status: number,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
    this.code = codeForStatus(status);
  }

  get publicMessage(): string | undefined {
    return this.extra.publicMessage;
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  missing_scope?: string;
  request_id: string;
}

export function errorBody(err: ApiError, requestId: string): ErrorBody {
  return {
    code: err.code,
    message: err.message,
    ...(err.extra.field !== undefined && { field: err.extra.field }),
    ...(err.extra.missingScope !== undefined && { missing_scope: err.extra.missingScope }),
    request_id: requestId,
  };
}

export const invalid = (field: string | undefined, message: string): ApiError =>
  new ApiError(400, message, field === undefined ? {} : { field });
export const unprocessable = (field: string, message: string): ApiError => new ApiError(422, message, { field });
export const notFound = (message = 'Not found.'): ApiError => new ApiError(404, message);

/** Paths of PredictHQ's public families answer errors as PredictHQ does: `{"error": "..."}`. */
export const isPublicPath = (path: string): boolean => /^\/v1\/(?!tokens\/|tokens$|account\/|account$)/.test(path);

/** The body for an error on `path`: the public API's shape there, the contract's elsewhere. */
export function errorBodyFor(path: string, err: ApiError, requestId: string): ErrorBody | PublicErrorBody {
  return isPublicPath(path) ? { error: err.publicMessage ?? err.message } : errorBody(err, requestId);
}

export interface PublicErrorBody {
  error: string;
}
