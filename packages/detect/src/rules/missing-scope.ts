// phq/missing-scope: computed by the language server (it needs the tokens' scopes, which the
// engine never sees) from the engine's endpoint findings. Listed here so that SARIF, the
// server's documentation links and the docs all read one list.
import type { Rule } from './rule';

export const missingScopeRule: Rule = {
  id: 'phq/missing-scope',
  kind: 'missing-scope',
  severity: 'warning',
  sarif: {
    name: 'MissingScope',
    short: 'The token lacks the scope of an API family the file calls',
    full: 'The file calls an API family whose scope the token used for it does not have; PredictHQ answers 403.',
  },
  docs: 'missing-scope',
  runsIn: 'server',
  triggers: [],
  fixtures: [],
};
