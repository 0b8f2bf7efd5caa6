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
  probeToken,
  isPublicErrorBody,
  DEFAULT_PROBE_DEADLINE_MS,
  grantedScopes,
  unknownScopes,
  type ProbeOptions,
  type ProbeResult,
  type ProbeStatus,
  type ProbeStop,
  type FamilyProbe,
  type ScopeState,
} from './probe';
export {
  API_FAMILIES,
  SCOPE_IDS,
  isScopeId,
  familyPrefixes,
  type ApiFamily,
  type ProbeRequest,
} from '@phq-tokens/families';
export { cleanTokenInput, type CleanedToken } from './tokenInput';
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
export { causeWords, hostOf, isConnectFailure } from './network';
