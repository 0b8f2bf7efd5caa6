// Custom LSP messages and client-side command shapes, declared once (docs/conventions.md, "LSP messages").
// The language server and the VS Code extension import this same module. It depends only on
// vscode-languageserver-protocol (no `vscode`), and nothing here ever carries a token value:
// the server learns about tokens through metadata and fingerprints, and every place where a
// value must be written (completion, quick fix) names a token id and a range that the client
// fills in at the last moment.
// Namespaces are deliberate: `X.method` / `X.type` is how vscode-languageserver-node and
// vscode-eslint declare messages, and what client and server code reads best against.
/* eslint-disable @typescript-eslint/no-namespace */
import { NotificationType, type Range } from 'vscode-languageserver-protocol';
import type { ScopeInfo, TokenMeta } from '@phq-tokens/core';

export type { ScopeInfo, TokenMeta } from '@phq-tokens/core';

/** What the server knows about one of the user's tokens. Never the value. */
export interface TokenInfo extends TokenMeta {
  /** `fingerprint(value)` from @phq-tokens/detect (sha256-based); lets the server recognise the token in code. */
  fingerprint: string | null;
  /** Whether the value is stored on this machine (SecretStorage), i.e. whether the client can insert it. */
  valueAvailable: boolean;
  /**
   * Optional: scopes a probe could not decide (5xx / 429 / timeout), for tokens added from the
   * WebApp whose scopes were discovered over the public API. Not counted as missing.
   */
  unknownScopes?: string[];
  /** Optional: the last check answered 401 (revoked or deleted in the WebApp). Never offered for insertion. */
  revoked?: boolean;
  /**
   * Optional: length of the stored value (tokens from the WebApp need not have the contract's
   * 43 characters), so the server recognises the value's same-length stand-in. Never the value.
   */
  valueLength?: number;
}

export interface TokensChangedParams {
  tokens: TokenInfo[];
  /** Scope catalog (GET /v1/tokens/scopes/): labels and the API path prefixes each scope unlocks. */
  scopes: ScopeInfo[];
  /** In an untrusted workspace the server offers no real-token insertion. */
  workspaceTrusted: boolean;
  /**
   * Optional: the token the user chose for this workspace (the one the env variable holds).
   * The scope check also checks files that use the env reference against it.
   */
  chosenTokenId?: string | null;
}

/** client -> server: the user's tokens, the scope catalog or workspace trust changed. Sent after `initialized` and on every change. */
export namespace TokensChanged {
  export const method = 'phq/tokensChanged' as const;
  export const type = new NotificationType<TokensChangedParams>(method);
}

/**
 * Client-side command (the client registers it; the server never lists it in
 * `executeCommandProvider`, so the language client does not route it back to the server):
 * replace `range` in `uri` with the value of token `tokenId`. An empty range inserts.
 * Used by "Replace with token X" quick fixes and by token completion items.
 */
export namespace InsertToken {
  export const command = 'phq.insertToken' as const;
}
export interface InsertTokenArgs {
  tokenId: string;
  uri: string;
  range: Range;
  /** Document version the range belongs to, when the server knew it; the client may refuse a stale edit. */
  version?: number;
  /**
   * The file is in a git work tree and not ignored: git would commit a value written there, so
   * the client asks first and offers the environment-variable route (`envEdits`) as the default.
   */
  gitTracked?: boolean;
  /** The environment-variable alternative for this site: the reference (and the import it needs). */
  envEdits?: { range: Range; newText: string }[];
}

/**
 * Client-side command: create a new token (name suggested, scopes preselected from the API
 * families the file calls), store its value, then replace `range` in `uri` with it.
 */
export namespace CreateTokenAndInsert {
  export const command = 'phq.createTokenAndInsert' as const;
}
export interface CreateTokenAndInsertArgs {
  uri: string;
  range: Range;
  /** Scope ids the file needs (may be empty: the client then offers its default). */
  scopes: string[];
  suggestedName?: string;
  version?: number;
}

/**
 * Client-side command: rotate one of the user's tokens (replace it everywhere the workspace
 * holds it, then revoke it). Offered on a known-token finding. Arguments `{ tokenId }`.
 */
export namespace RotateToken {
  export const command = 'predicthqTokens.rotateToken' as const;
}

/** Client-side command: choose the token this workspace uses (the env variable's token). No arguments. */
export namespace UseTokenInWorkspace {
  export const command = 'predicthqTokens.useInWorkspace' as const;
}

/**
 * Client-side command run after the environment-reference quick fix: offers (once per workspace)
 * to put a token into the terminals where that code runs. No arguments.
 */
export namespace OfferTerminalToken {
  export const command = 'predicthqTokens.offerTerminalToken' as const;
}

/** `data` of a real-token completion item: the id only. The client's command writes the value. */
export interface TokenCompletionData {
  phq: 'token';
  tokenId: string;
}

/** Code action kind of the "fix all placeholders in this file" source action. */
export const FIX_ALL_KIND = 'source.fixAll.phq' as const;

export {
  SETTINGS_SECTION,
  DEFAULT_ENV_VAR,
  DEFAULT_SETTINGS,
  isEnvVarName,
  envVarNameOr,
  normalizeSettings,
  type Settings,
  type Severity,
  type SeverityMap,
  type SeverityOrOff,
} from '@phq-tokens/settings';

// Type guards: command arguments arrive as `unknown` (docs/conventions.md, "Commands").

function isPosition(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return Number.isInteger(p.line) && Number.isInteger(p.character);
}

export function isRange(v: unknown): v is Range {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return isPosition(r.start) && isPosition(r.end);
}

function optionalVersion(v: unknown): boolean {
  return v === undefined || Number.isInteger(v);
}

function isEditList(v: unknown): boolean {
  return (
    Array.isArray(v) &&
    v.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        isRange((e as Record<string, unknown>).range) &&
        typeof (e as Record<string, unknown>).newText === 'string',
    )
  );
}

export function isInsertTokenArgs(v: unknown): v is InsertTokenArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.tokenId === 'string' &&
    typeof a.uri === 'string' &&
    isRange(a.range) &&
    optionalVersion(a.version) &&
    (a.gitTracked === undefined || typeof a.gitTracked === 'boolean') &&
    (a.envEdits === undefined || isEditList(a.envEdits))
  );
}

export function isCreateTokenAndInsertArgs(v: unknown): v is CreateTokenAndInsertArgs {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.uri === 'string' &&
    isRange(a.range) &&
    Array.isArray(a.scopes) &&
    a.scopes.every((s) => typeof s === 'string') &&
    (a.suggestedName === undefined || typeof a.suggestedName === 'string') &&
    optionalVersion(a.version)
  );
}

export function isTokenCompletionData(v: unknown): v is TokenCompletionData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return d.phq === 'token' && typeof d.tokenId === 'string';
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

function isTokenInfo(v: unknown): v is TokenInfo {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.id === 'string' &&
    typeof t.name === 'string' &&
    isStringArray(t.scopes) &&
    typeof t.createdAt === 'string' &&
    (t.lastUsedAt === null || typeof t.lastUsedAt === 'string') &&
    (t.fingerprint === null || typeof t.fingerprint === 'string') &&
    typeof t.valueAvailable === 'boolean' &&
    (t.unknownScopes === undefined || isStringArray(t.unknownScopes)) &&
    (t.revoked === undefined || typeof t.revoked === 'boolean') &&
    (t.valueLength === undefined || (Number.isInteger(t.valueLength) && (t.valueLength as number) > 0))
  );
}

function isScopeInfo(v: unknown): v is ScopeInfo {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.id === 'string' &&
    typeof s.label === 'string' &&
    typeof s.description === 'string' &&
    isStringArray(s.pathPrefixes)
  );
}

/** The server checks incoming notifications too: a malformed one is ignored, not trusted. */
export function isTokensChangedParams(v: unknown): v is TokensChangedParams {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return (
    Array.isArray(p.tokens) &&
    p.tokens.every(isTokenInfo) &&
    Array.isArray(p.scopes) &&
    p.scopes.every(isScopeInfo) &&
    typeof p.workspaceTrusted === 'boolean' &&
    (p.chosenTokenId === undefined || p.chosenTokenId === null || typeof p.chosenTokenId === 'string')
  );
}

export {
  valueStandIn,
  redactValues,
  carriesValue,
  changeCarriesValue,
  PARTIAL_MIN,
  VALUE_LENGTH,
  type KnownValue,
} from './redact';

export {
  JudgeFiles,
  ForgetFiles,
  isJudgeFilesParams,
  isForgetFilesParams,
  type WorkspaceFile,
  type JudgeFilesParams,
  type JudgeFilesResult,
  type ForgetFilesParams,
  WorkspaceSettingsChanged,
} from './workspaceFiles';
export {
  JudgeOutputs,
  isJudgeOutputsParams,
  type CellOutputs,
  type JudgeOutputsParams,
  type JudgeOutputsResult,
  type OutputFinding,
} from './notebookOutputs';
export { DocumentText, isDocumentTextParams, type DocumentTextParams, type DocumentTextResult } from './documentText';
export { syncedMatches } from './syncCheck';
