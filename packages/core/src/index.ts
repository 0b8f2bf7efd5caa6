export * from './model';
export { PhqError, isPhqError, kindForStatus, type PhqErrorKind, type PhqErrorDetails } from './errors';
export {
  TokenApiClient,
  MAX_PAGE_SIZE,
  type ClientOptions,
  type CreateOptions,
  type CreateResult,
  type ListAllOptions,
  type ListPageOptions,
} from './client';
export { verifyToken, type VerifyOptions } from './verify';
export {
  parseTokenName,
  formatTokenName,
  validateTokenName,
  validateScopes,
  validateTokenId,
  NAME_MAX_LENGTH,
  TOKEN_ID,
} from './names';
export { DEFAULT_TIMEOUT_MS, normalizeBaseUrl, type CallOptions, type ObservedResponse } from './transport';
export {
  abortableSleep,
  parseRetryAfter,
  retryDelay,
  retryPolicy,
  type RetryInfo,
  type RetryOptions,
  type Sleep,
} from './retry';
export { redact } from './redact';
