// @phq-tokens/emulator: a local server of our token API contract (docs/api/openapi.yaml).
export { startEmulator, type EmulatorOptions, type RunningEmulator } from './start.js';
export type { Fault, FaultControl, FaultKind, FaultSpec, FaultWhen } from './faults.js';
export type { EmulatorState } from './state/store.js';
export type { AccountWire, CreatedTokenWire, TokenWire } from './state/types.js';
export { SCOPES, SCOPE_IDS, type Scope } from './scopes.js';
export type { PublicToken } from './publicSeed.js';
