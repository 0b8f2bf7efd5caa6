// Identifiers shared by package.json contributions, code and tests. Keep in sync with package.json.
export const EXTENSION_ID = 'phq-tokens.predicthq-tokens-vscode';
export { SETTINGS_SECTION as SECTION, DEFAULT_API_URL } from '@phq-tokens/settings';
export const AUTH_PROVIDER_ID = 'predicthq';
export const AUTH_PROVIDER_LABEL = 'PredictHQ';
export const VIEW_CONTAINER_ID = 'predicthqTokens';
export const TREE_VIEW_ID = 'predicthqTokens.tokens';
export const DOCS_URL = 'https://docs.predicthq.com/getting-started/api-quickstart';

/** Context keys used in package.json `when` clauses. */
export const ContextKeys = {
  signedIn: 'predicthqTokens.signedIn',
  filtered: 'predicthqTokens.filtered',
} as const;
