// The settings contract of section `predicthqTokens`, declared once for every front end (as
// vscode-eslint shares its settings module between client and server): the language server
// pulls and normalises these per document (docs/conventions.md, "Settings"), the extension's
// typed Config, the CLI and the detection engine take their defaults from here. No imports:
// this package is the leaf every layer may depend on (docs/architecture.md).

/** The section every setting lives under (`predicthqTokens.*`). */
export const SETTINGS_SECTION = 'predicthqTokens' as const;

/** PredictHQ's public API: what a customer with tokens from the WebApp talks to, and every front end's default. */
export const DEFAULT_API_URL = 'https://api.predicthq.com';

/** The environment variable the safer reference names, unless the user chose another. */
export const DEFAULT_ENV_VAR = 'PHQ_API_TOKEN';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name a shell, a .env file and every language's env lookup accept. */
export function isEnvVarName(v: unknown): v is string {
  return typeof v === 'string' && ENV_NAME.test(v);
}

/** `v` when it is a valid env variable name, else the default. */
export function envVarNameOr(v: unknown): string {
  return isEnvVarName(v) ? v : DEFAULT_ENV_VAR;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
/** Keys a severity setting may use: a finding kind, a rule id ("phq/placeholder"), or "missing-scope". */
export type SeverityMap = Readonly<Record<string, SeverityOrOff>>;

export interface Settings {
  enable: boolean;
  /** Env variable the safer reference names (process.env.PHQ_API_TOKEN, $PHQ_API_TOKEN, ...). */
  envVarName: string;
  /** Extra placeholder spellings (regular expression sources). Invalid ones are dropped. */
  extraPatterns: string[];
  markdownProse: boolean;
  /** Severity per finding kind or rule id; "off" hides it. */
  severity: SeverityMap;
  /** The same, per language id; wins over `severity`. */
  severityByLanguage: Readonly<Record<string, SeverityMap>>;
  /** At most this many diagnostics per document: a generated file with thousands of placeholders must not flood the client. */
  maxDiagnostics: number;
  /**
   * Set by the language server from the repository's baseline (never a setting): whether a
   * finding at this document's path is a known one, shown as a hint.
   */
  baseline?: BaselineLookup;
}

/** A repository baseline as one document sees it (server/src/repoPolicy.ts). */
export interface BaselineLookup {
  has(finding: { ruleId: string; match: string; data: { fingerprint?: string } }, fingerprint?: string): boolean;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  envVarName: DEFAULT_ENV_VAR,
  extraPatterns: [],
  markdownProse: false,
  severity: {},
  severityByLanguage: {},
  maxDiagnostics: 1000,
});

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

function severityMap(v: unknown): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string' && SEVERITIES.has(s)) out[k] = s as SeverityOrOff;
  return out;
}

function validPattern(p: string): boolean {
  try {
    new RegExp(p, 'g');
    return p.length > 0;
  } catch {
    return false;
  }
}

/** Normalises a raw configuration value; `invalid` lists what was dropped, for a log line. */
export function normalizeSettings(raw: unknown): { settings: Settings; invalid: string[] } {
  const invalid: string[] = [];
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  let envVarName = DEFAULT_SETTINGS.envVarName;
  if (isEnvVarName(r.envVarName)) envVarName = r.envVarName;
  else if (r.envVarName !== undefined) invalid.push('envVarName');
  const extraPatterns: string[] = [];
  if (Array.isArray(r.extraPatterns))
    r.extraPatterns.forEach((p: unknown, i) => {
      if (typeof p === 'string' && validPattern(p)) extraPatterns.push(p);
      else invalid.push(`extraPatterns[${i}]`); // by index: a log line never echoes setting text
    });
  const severityByLanguage: Record<string, SeverityMap> = {};
  if (typeof r.severityByLanguage === 'object' && r.severityByLanguage !== null)
    for (const [lang, m] of Object.entries(r.severityByLanguage)) severityByLanguage[lang] = severityMap(m);
  return {
    settings: {
      enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
      envVarName,
      extraPatterns,
      markdownProse: typeof r.markdownProse === 'boolean' ? r.markdownProse : DEFAULT_SETTINGS.markdownProse,
      severity: severityMap(r.severity),
      severityByLanguage,
      maxDiagnostics:
        Number.isInteger(r.maxDiagnostics) && (r.maxDiagnostics as number) >= 0
          ? (r.maxDiagnostics as number)
          : DEFAULT_SETTINGS.maxDiagnostics,
    },
    invalid,
  };
}

/**
 * Defaults of the settings only the extension reads (API Tokens view, sign-in, Scan Workspace).
 * Keys are relative to SETTINGS_SECTION, as package.json declares them; a unit test checks that
 * every `default` in package.json equals the value here or in DEFAULT_SETTINGS.
 */
export const EXTENSION_DEFAULTS = Object.freeze({
  apiUrl: DEFAULT_API_URL,
  emulatorUrl: 'http://127.0.0.1:4010',
  webAppUrl: 'https://control.predicthq.com/',
  webAppTokensUrl: 'https://control.predicthq.com/tokens',
  ignore: Object.freeze(['**/node_modules/**', '**/dist/**', '**/*.min.js']) as readonly string[],
  scanWorkspaceOnStartup: false,
  'clipboard.clearAfterSeconds': 0,
  'tree.sortBy': 'name',
  'tree.pageSize': 200,
  'network.retries': 3,
  'trace.server': 'off',
  injectIntoDebugSessions: false,
});

/** Every setting's default, by key relative to SETTINGS_SECTION: the language server's and the extension's. */
export const ALL_DEFAULTS: Readonly<Record<string, unknown>> = Object.freeze({
  ...DEFAULT_SETTINGS,
  ...EXTENSION_DEFAULTS,
});
