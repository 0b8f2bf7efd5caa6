// The lexer contract shared by every dialect. Lexers work one line at a time so that a
// scan can start from any line whose start state is known (checkpoints, see engine.ts).

/** How text inside a string (or a literal value) treats `$NAME`, `{NAME}` and friends. */
export const Interp = {
  /** Sent as written: Python/JS '...', Java, Go, JSON, single-quoted shell, .ini values. */
  None: 0,
  /** JS/TS template literal outside `${...}` (the lexer already cut the interpolations out). */
  JsTemplate: 1,
  /** Python f-string or a "...".format() string: `{name}` is interpolation, `{{` a literal brace. */
  PyFormat: 2,
  /** Shell double quotes, unquoted shell words, .env values: `$NAME` and `${NAME}` expand. */
  Shell: 3,
  /** Makefile text: `$(NAME)`, `${NAME}` and `$N...` are expanded by make. */
  Make: 4,
  /** Ruby double quotes: `#{...}` cut out by the lexer, `#$NAME` interpolates. */
  Ruby: 5,
  /** PHP double quotes and Kotlin/Groovy/Dart strings: `$name` / `${name}` interpolate. */
  Dollar: 6,
  /** C# `$"..."` strings: `{name}` is cut out, `{{` is a literal brace. */
  CSharp: 7,
  /** YAML values: `${NAME}` / `${{ ... }}` are expanded by compose and CI systems. */
  Yaml: 8,
  /** .http / .rest requests: `{{NAME}}` is a variable of the HTTP client. */
  Http: 9,
  /** Rust strings: `{name}` may be a format argument. */
  Rust: 10,
  /** Text of unknown kind: only `Bearer <placeholder>` is judged. */
  BearerOnly: 11,
  /** PowerShell double quotes: `$NAME`, `${NAME}`, `$env:NAME` expand. */
  PowerShell: 12,
} as const;

/** Segment kinds. Text not covered by a segment is code. */
export const Seg = { Comment: 1, Str: 2, Prose: 3 } as const;

/**
 * Segments of one lexed line, flat: [start, end, kind, interp, dialect] per segment.
 * `dialect` is 0 for the file's own dialect, otherwise 1 + index into markdown fence dialects.
 */
export type Segments = number[];
export const SEG_WIDTH = 5;

/** Lexer state at a line start. Plain data so that it can be snapshotted and compared. */
export interface LexState {
  /** 0 code, 1 string, 2 block comment, 3 heredoc, others dialect-specific. */
  mode: number;
  /** String variant (index into the dialect's variants) while mode is 1. */
  v: number;
  /** Bracket depth inside the innermost interpolation frame. */
  depth: number;
  /** Interpolation frames, flat pairs [variant, depth] of the enclosing strings. */
  frames: number[];
  /** Dialect-specific extra state: heredoc terminator, YAML block scalar, Markdown fence. */
  ext: string;
  /** Markdown: the state of the fenced block's own lexer. */
  sub: LexState | null;
}

export function initialState(): LexState {
  return { mode: 0, v: -1, depth: 0, frames: [], ext: '', sub: null };
}

export function cloneState(s: LexState): LexState {
  return {
    mode: s.mode,
    v: s.v,
    depth: s.depth,
    frames: s.frames.slice(),
    ext: s.ext,
    sub: s.sub && cloneState(s.sub),
  };
}

export function sameState(a: LexState, b: LexState): boolean {
  if (a.mode !== b.mode || a.v !== b.v || a.depth !== b.depth || a.ext !== b.ext) return false;
  if (a.frames.length !== b.frames.length) return false;
  for (let i = 0; i < a.frames.length; i++) if (a.frames[i] !== b.frames[i]) return false;
  if (a.sub === null || b.sub === null) return a.sub === b.sub;
  return sameState(a.sub, b.sub);
}

export interface Lexer {
  /**
   * Substrings whose absence from a line guarantees that lexing the line leaves `s`
   * unchanged; null when every line must be lexed. Lets a scan jump over whole regions.
   */
  relevant(s: LexState): readonly string[] | null;
  /** Lexes text[start, end) (one line, without its '\n'), updating `s`; pushes segments when `segs` is given. */
  lexLine(s: LexState, text: string, start: number, end: number, segs: Segments | null): void;
}
