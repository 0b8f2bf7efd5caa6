// The scope catalog (GET /v1/tokens/scopes/): one scope per public API family, read from
// @phq-tokens/families, the one list the client, the engine and the tests use too.
import { API_FAMILIES, SCOPE_IDS, isScopeId } from '@phq-tokens/families';

export interface Scope {
  id: string;
  label: string;
  description: string;
  path_prefixes: string[];
}

export const SCOPES: readonly Scope[] = API_FAMILIES.map((f) => ({
  id: f.id,
  label: f.label,
  description: f.description,
  path_prefixes: f.pathPrefixes.map((p) => `${p}/`),
}));

export { SCOPE_IDS, isScopeId };
