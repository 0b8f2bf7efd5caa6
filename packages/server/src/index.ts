// The server's pure handlers, exported for tests and for anyone embedding them. The
// runnable server is main.ts (bundled to dist/server.js).
export { startServer } from './server';
export { toDiagnostics, ruleHref, RULES_URL, SOURCE } from './diagnostics';
export { completionItems, resolveCompletion, UNTRUSTED_NOTE } from './completion';
export { completionSite } from './completionContext';
export { codeActions } from './codeActions';
export { hover } from './hover';
export { envEdit } from '@phq-tokens/detect/env-edit';
export { scopeProblems, fileFamilies, MISSING_SCOPE_RULE } from './scopeCheck';
export { normalizeSettings, resolveSeverity, DEFAULT_SETTINGS, type Settings } from './settings';
export { tokenState, rankTokens, preferredToken, EMPTY_TOKEN_STATE, type TokenState } from './tokens';
export { displayName } from './names';
