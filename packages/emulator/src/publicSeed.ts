// Tokens for the public-only mode: the emulator then answers like api.predicthq.com, and a
// user (or a test) has only token values, as a PredictHQ customer has from the WebApp. The
// values are random per start and printed once, like the WebApp shows them once.
import type { EmulatorState } from './state/store.js';

export interface PublicToken {
  name: string;
  value: string;
  /** Scope ids the token has (all when the WebApp default was kept). */
  scopes: string[];
  /** "valid", "revoked" (401) or "subscription-expired" (402). */
  state: 'valid' | 'revoked' | 'subscription-expired';
}

const SEEDS: { name: string; scopes?: string[]; state: PublicToken['state'] }[] = [
  { name: 'Production', state: 'valid' },
  { name: 'Events Script', scopes: ['events'], state: 'valid' },
  { name: 'Demand Forecasting | Model Training', scopes: ['features', 'forecasts', 'places'], state: 'valid' },
  { name: 'Old Laptop', state: 'revoked' },
  { name: 'Lapsed Trial', state: 'subscription-expired' },
];

/** Creates the seed tokens in the default account; returns them with values and the expired ids. */
export function seedPublicTokens(state: EmulatorState): { tokens: PublicToken[]; expired: Set<string> } {
  const credential = state.defaultCredential;
  const account = state.accountFor(credential)!;
  const expired = new Set<string>();
  const tokens = SEEDS.map((seed) => {
    const created = state.createToken(credential, { name: seed.name, ...(seed.scopes && { scopes: seed.scopes }) });
    if (seed.state === 'revoked') state.delete(account, created.id);
    if (seed.state === 'subscription-expired') expired.add(created.id);
    return { name: seed.name, value: created.token, scopes: created.scopes, state: seed.state };
  });
  return { tokens, expired };
}
