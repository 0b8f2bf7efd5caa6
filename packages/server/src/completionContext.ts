// Where a token belongs, judged on the current line: at or inside a placeholder, after
// "Bearer ", as the value of a token/api-key named variable or key, or as a value in a .env
// file. Returns the range a completion replaces (the partly typed value), or undefined.
import type { Finding } from './engine';

export interface CompletionSite {
  /** Columns on the cursor's line. */
  start: number;
  end: number;
  /** The placeholder finding the cursor is in, if any. */
  placeholder?: Finding;
}

const VALUE_CHARS = /[A-Za-z0-9_\-.$~+/={}<>[\]]/;
const BEARER = /\bBearer\s+$/i;
const KEYED = /(?:token|api[_-]?key|apikey|access[_-]?key|secret)["']?\s*(?:=>|:=|[:=])\s*["'`]?$/i;
const DOTENV_KEY = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.]*\s*=\s*["']?$/;

/** `lineStart` is the document offset of column 0; `findings` must be sorted by offset. */
export function completionSite(
  line: string,
  character: number,
  lineStart: number,
  findings: readonly Finding[],
  isDotenv: boolean,
): CompletionSite | undefined {
  const offset = lineStart + character;
  const ph = placeholderAt(findings, offset);
  if (ph && ph.offset >= lineStart && ph.offset + ph.length <= lineStart + line.length)
    return { start: ph.offset - lineStart, end: ph.offset + ph.length - lineStart, placeholder: ph };
  // The value being typed: back over value characters, forward to the end of the word.
  let start = character;
  while (start > 0 && VALUE_CHARS.test(line[start - 1]!) && !(line[start - 1] === '=' && isDotenv)) start--;
  let end = character;
  while (end < line.length && VALUE_CHARS.test(line[end]!)) end++;
  const before = line.slice(0, start);
  if (BEARER.test(before) || KEYED.test(before) || (isDotenv && DOTENV_KEY.test(before))) return { start, end };
  return undefined;
}

/** The placeholder finding whose range contains `offset` (ends inclusive); `findings` sorted by offset. */
export function placeholderAt(findings: readonly Finding[], offset: number): Finding | undefined {
  return findingAt(findings, offset, (f) => f.kind === 'placeholder');
}

/** Binary search for the last finding starting at or before `offset`, then a short walk back (findings rarely nest). */
export function findingAt(
  findings: readonly Finding[],
  offset: number,
  accept: (f: Finding) => boolean,
): Finding | undefined {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid]!.offset <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 16; i--) {
    const f = findings[i]!;
    if (accept(f) && f.offset <= offset && offset <= f.offset + f.length) return f;
  }
  return undefined;
}
