// Public types of the detection engine. Pure data: no I/O, no vscode.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type FindingKind =
  | 'placeholder' // an unfilled token placeholder that would be sent literally
  | 'hardcoded-token' // a likely real token by context and shape
  | 'known-token' // an exact match of one of the user's own tokens (by fingerprint)
  | 'browser-exposure' // a token in a NEXT_PUBLIC_/VITE_/REACT_APP_/EXPO_PUBLIC_ variable
  | 'endpoint'; // a call to a PredictHQ API family (not a problem by itself)

/** 0-based line and UTF-16 code-unit column, as LSP uses. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** What a quick fix needs to act on a finding. */
export interface FixData {
  /** The language id the engine judged the text in (fence language inside Markdown). */
  language: string;
  /** The placeholder text as written, for placeholder findings. */
  placeholder?: string;
  /** Environment variable name suggested (from options.envVarName). */
  envVar: string;
  /** The reference in this language's idiom, e.g. process.env.PHQ_API_TOKEN. */
  envReference: string;
  /** sha256-based fingerprint of the matched secret, for token findings. */
  fingerprint?: string;
  /** For known-token findings: the id of the user's token. */
  tokenId?: string;
  /** For endpoint findings: the API family (scope id), e.g. "events". */
  family?: string;
  /** In a Jupyter notebook: the cell the finding is in (and the output, for a token saved in one). */
  cell?: CellRef;
}

/** A notebook cell: `index` is 0-based (nbformat's `cells[index]`), `id` is nbformat 4.5's cell id. */
export interface CellRef {
  index: number;
  id?: string;
  /** 0-based index in the cell's `outputs` when the finding is in a saved output. */
  output?: number;
}

export interface Finding {
  kind: FindingKind;
  /** Stable rule id, e.g. "phq/placeholder", "phq/hardcoded-token". */
  ruleId: string;
  range: Range;
  /** UTF-16 offset and length of the match in the text. */
  offset: number;
  length: number;
  severity: Severity;
  /** The matched text; for token kinds it is masked (never the full secret). */
  match: string;
  message: string;
  data: FixData;
}

export interface KnownToken {
  id: string;
  name: string;
}

export interface ScanOptions {
  /** VS Code language id ("python", "typescript", "shellscript", "markdown", "dotenv", "http", ...). */
  languageId: string;
  /** File name, used for .env, predicthq.conf, Dockerfile, Makefile detection. */
  fileName?: string;
  /** Extra placeholder spellings (regular expression sources) configured by the user. */
  extraPatterns?: string[];
  /** fingerprint -> token, for known-token matches. Values are never given to the engine. */
  knownFingerprints?: ReadonlyMap<string, KnownToken>;
  /** Env var suggested in fixes. Default PHQ_API_TOKEN. */
  envVarName?: string;
  /** Also judge Markdown prose (default false). */
  markdownProse?: boolean;
  /**
   * The text is known to be about PredictHQ although it may not say so (a notebook cell
   * whose other cells import predicthq): generic token names are then its sinks.
   */
  aboutPredictHQ?: boolean;
  /** Per-rule severity override, or "off". */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * Another rule list, made with compileRules (a test of a new rule before it joins RULES);
   * absent: the built-in rules.
   */
  rules?: import('./rules/judge').CompiledRules;
}
