// The server's judgement as plain functions, for tests outside this package that compute what
// the server must publish (the extension's sync fuzz test) without reaching into src/ by path.
// Exported as `@phq-tokens/server/testing`; nothing in a product bundle imports it.
export { toDiagnostics } from './diagnostics';
export { effectiveLanguage, fingerprintOf, freshScan, scanOptions } from './engine';
export { fileNameOf } from './documents';
export { normalizeSettings } from './settings';
export { tokenState, type TokenState } from './tokens';
export { mulberry32 } from '../test/support/prng';
