// SARIF 2.1.0 for code-scanning UIs. Regions use UTF-16 columns (columnKind), paths are
// relative to %SRCROOT%, and no snippet is included (a snippet would carry the token).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Severity } from '@phq-tokens/detect';
import type { ScanReport } from './run';

interface RuleInfo {
  id: string;
  name: string;
  short: string;
  full: string;
  level: 'error' | 'warning' | 'note';
}

const RULES: readonly RuleInfo[] = [
  {
    id: 'phq/placeholder',
    name: 'UnfilledTokenPlaceholder',
    short: 'Unfilled API token placeholder',
    full: 'A token placeholder such as $API_TOKEN sits where it is sent as written (a string literal, a single-quoted shell string, a config value), so the API receives the literal text and answers 401.',
    level: 'error',
  },
  {
    id: 'phq/placeholder-in-docs',
    name: 'PlaceholderInDocs',
    short: 'Token placeholder in a documentation example',
    full: 'A Markdown code example uses a token placeholder where it would be sent as written if copied.',
    level: 'warning',
  },
  {
    id: 'phq/custom-placeholder',
    name: 'CustomPlaceholder',
    short: 'Configured placeholder pattern',
    full: 'Text matching a user-configured placeholder pattern sits where it is sent as written.',
    level: 'error',
  },
  {
    id: 'phq/hardcoded-token',
    name: 'HardcodedToken',
    short: 'Hardcoded API token',
    full: 'A long random value after "Bearer " or assigned to a token or API-key variable: anyone who can read the file can use it.',
    level: 'error',
  },
  {
    id: 'phq/known-token',
    name: 'KnownToken',
    short: 'One of your API tokens is in the file',
    full: 'The value matches the fingerprint of one of your tokens.',
    level: 'error',
  },
  {
    id: 'phq/browser-exposure',
    name: 'BrowserExposure',
    short: 'Token in a browser-exposed variable',
    full: 'A NEXT_PUBLIC_, VITE_, REACT_APP_ or EXPO_PUBLIC_ variable is bundled into client code, so every visitor gets the token.',
    level: 'warning',
  },
  {
    id: 'phq/endpoint',
    name: 'Endpoint',
    short: 'PredictHQ API family called',
    full: 'The file calls a PredictHQ API family; the token needs the matching scope.',
    level: 'note',
  },
];

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

export function formatSarif(r: ScanReport, version: string): string {
  const index = new Map(RULES.map((x, i) => [x.id, i]));
  const results = r.results.flatMap((res) =>
    res.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(res.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      // Stable across runs and line moves elsewhere in the file; never derived from a raw token.
      partialFingerprints: {
        'phqFinding/v1': createHash('sha256')
          .update(`${res.file}\0${f.ruleId}\0${f.data.fingerprint ?? f.match}`)
          .digest('hex')
          .slice(0, 32),
      },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phq-tokens',
            version,
            informationUri: 'https://www.predicthq.com/',
            rules: RULES.map((x) => ({
              id: x.id,
              name: x.name,
              shortDescription: { text: x.short },
              fullDescription: { text: x.full },
              defaultConfiguration: { level: x.level },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(r.root + '/').href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
