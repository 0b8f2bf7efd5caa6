// Fallbacks: in `os.environ.get("PHQ_TOKEN") or "..."`, `process.env.PHQ_API_TOKEN || '...'`,
// `x ?? "..."`, `a ? b : '...'` and `a if c else "..."` the literal is what is sent when the
// lookup finds nothing, so it sits in the same token sink as the expression (docs/detection.md,
// "Token sinks"). This finds where those operands start in one expression.
import { Seg } from '../lexer/types';
import { code, segAt, type LineCtx } from './line';

/** Cheap: the line has a fallback operator at all (indexOf is memchr; most lines have none). */
export function hasFallback(lt: string): boolean {
  return lt.includes('||') || lt.includes('??') || lt.includes(' or ') || lt.includes(' else ') || lt.includes(' : ');
}

/** A word operator (or, else) at `i`, with a non-name character on both sides. */
function wordAt(lt: string, i: number, w: string): boolean {
  if (!lt.startsWith(w, i)) return false;
  const b = code(lt, i - 1);
  const a = code(lt, i + w.length);
  return (b === 32 || b === 9 || b === 41 || b === 93 || b === 34 || b === 39) && (a === 32 || a === 9);
}

/**
 * Line offsets where a fallback operand starts in the expression that begins at `p` (and ends
 * at a comma, a semicolon or a closing bracket of the enclosing call, or the line end).
 */
export function fallbackStarts(lc: LineCtx, lt: string, p: number): number[] {
  const out: number[] = [];
  let depth = 0;
  let ternary = false;
  // `c ? "set" : "missing"` and `"yes" if c else "no"` choose between literals: not fallbacks.
  // A ternary counts when its first branch holds no string (`X ? X : '...'`), `else` when an
  // `if` came first (`X if c else "..."`: the expression started with the value).
  let literalBranch = false;
  let sawIf = false;
  for (let i = p; i < lt.length; i++) {
    const k = segAt(lc.segs, lc.ls + i);
    if (k >= 0) {
      if (lc.segs[k + 2] !== Seg.Str) break; // a comment ends the expression on this line
      if (ternary && depth === 0) literalBranch = true;
      i = lc.segs[k + 1]! - lc.ls; // the closing quote
      continue;
    }
    const c = lt.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth < 0) break;
    } else if (depth > 0) continue;
    else if (c === 44 || c === 59) break;
    else if ((c === 124 && code(lt, i + 1) === 124) || (c === 63 && code(lt, i + 1) === 63)) {
      out.push(skip(lt, i + 2));
      i++;
    } else if (c === 63) ternary = true;
    else if (c === 58 && ternary) {
      if (!literalBranch) out.push(skip(lt, i + 1));
      ternary = false;
    } else if (c === 111 && wordAt(lt, i, 'or')) out.push(skip(lt, i + 2));
    else if (c === 105 && wordAt(lt, i, 'if')) sawIf = true;
    else if (c === 101 && sawIf && wordAt(lt, i, 'else')) out.push(skip(lt, i + 4));
  }
  return out.filter((s) => s < lt.length);
}

function skip(lt: string, i: number): number {
  while (code(lt, i) === 32 || code(lt, i) === 9) i++;
  return i;
}
