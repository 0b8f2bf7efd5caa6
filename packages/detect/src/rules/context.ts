// Options compiled once per scan (and per DocumentScanner), shared by every judged line.
import type { KnownToken, ScanOptions, Severity } from '../types';
import { dialectFor, type Dialect } from '../dialects';
import type { CompiledRules } from './judge';
import { isTemplate } from './templates';
import { isTestPath } from './test-paths';

export interface ScanContext {
  dialect: Dialect;
  envVar: string;
  extra: RegExp[];
  known: ReadonlyMap<string, KnownToken> | null;
  prose: boolean;
  severities: Readonly<Record<string, Severity | 'off'>>;
  /** The file is test code (tests/, *_test.py, *.test.ts, fixtures): dummy values are expected there. */
  testCode: boolean;
  /** The document mentions PredictHQ (generic token names are then its sinks); computed on first need. */
  phqDoc: boolean | undefined;
  /** The file name alone says so (predicthq.conf). */
  fixedPhq: boolean;
  /** package.json: its strings are npm scripts, run by a shell (`$NAME` expands). */
  shellStrings: boolean;
  /** A Jupyter notebook: its cells' source lines are JSON strings holding code. */
  notebook: boolean;
  /** The rules to judge with; absent: the built-in list (RULES). */
  rules: CompiledRules | undefined;
  /** A configuration template (.env.example...): placeholders are expected there (rules/templates.ts). */
  template: boolean;
  /** Names PredictHQ sinks read, collected while judging (rules/follow.ts). */
  follow: Set<string> | undefined;
}

const PHQ_CONF = /(?:^|[\\/])predicthq\.conf$/i;

export { DEFAULT_ENV_VAR } from '@phq-tokens/settings';
import { DEFAULT_ENV_VAR } from '@phq-tokens/settings';

/** Compiles a user pattern, or returns the reason it is unusable. */
export function compilePattern(source: string): RegExp | string {
  try {
    const re = new RegExp(source, 'g');
    if (re.test('')) return 'the pattern matches the empty string';
    return re;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

export function compileOptions(options: ScanOptions): ScanContext {
  const aboutPhq = options.aboutPredictHQ === true || PHQ_CONF.test(options.fileName ?? '');
  const extra: RegExp[] = [];
  // Invalid user patterns are skipped here; front ends report them (see compilePattern).
  for (const p of options.extraPatterns ?? []) {
    const re = compilePattern(p);
    if (typeof re !== 'string') extra.push(re);
  }
  const dialect = dialectFor(options.languageId, options.fileName);
  return {
    dialect,
    envVar: options.envVarName || DEFAULT_ENV_VAR,
    extra,
    known: options.knownFingerprints && options.knownFingerprints.size > 0 ? options.knownFingerprints : null,
    prose: options.markdownProse === true,
    severities: options.severities ?? {},
    testCode: isTestPath(options.fileName),
    phqDoc: aboutPhq ? true : undefined,
    fixedPhq: aboutPhq,
    shellStrings: /(?:^|[\\/])package\.json$/i.test(options.fileName ?? ''),
    // A notebook read as JSON text (an editor showing the .ipynb's source); a notebook's
    // cells are judged by src/notebook/ in their own language.
    notebook: /\.ipynb$/i.test(options.fileName ?? '') && /^json/.test(options.languageId),
    rules: options.rules,
    template: isTemplate(options.fileName, dialect.languageId),
    follow: undefined,
  };
}
