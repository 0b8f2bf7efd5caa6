// The scanning loop shared by `scan` and `DocumentScanner`.
//
// Speed comes from doing almost nothing on most of the text:
// - a case-sensitive literal alternation (TRIGGER) picks the few lines worth judging;
// - the lexer state at those lines comes from a walk that jumps over every line that
//   cannot change the state (see Lexer.relevant: e.g. a JS line without '`' or '/*'),
//   found with indexOf, so only lines with multi-line constructs are lexed on the way;
// - only selected lines are lexed into segments and judged by the rules.
// Both scanners run exactly this code, so their results agree by construction.
import type { Finding } from './types';
import { cloneState, type LexState, type Lexer, type Segments } from './lexer/types';
import type { ScanContext } from './rules/context';
import { judgeLine } from './rules/judge';
import { TOKEN_RUN, TRIGGERS } from './rules/patterns';

/** A line start with its 0-based line number and the lexer state there. */
export interface Cursor {
  pos: number;
  line: number;
  state: LexState;
}

export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/** End of the line starting at `ls` (excluding '\r\n'), and the next line's start. */
function lineBounds(text: string, ls: number): [number, number] {
  const nl = text.indexOf('\n', ls);
  const next = nl < 0 ? text.length + 1 : nl + 1;
  let le = nl < 0 ? text.length : nl;
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  return [le, next];
}

interface Probe {
  re: RegExp;
  longest: number;
  /** First occurrence at or after the last search start, or -1 when none before `until`. */
  found: number;
  until: number;
  from: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Walker {
  private readonly probes = new Map<readonly string[], Probe>();

  constructor(
    private readonly text: string,
    private readonly lexer: Lexer,
    readonly cur: Cursor,
  ) {}

  /** First occurrence of any of `subs` in [from, limit), or -1. */
  private nextOf(subs: readonly string[], from: number, limit: number): number {
    let p = this.probes.get(subs);
    if (!p) {
      p = {
        re: new RegExp(subs.map(escapeRe).join('|'), 'g'),
        longest: Math.max(...subs.map((x) => x.length)),
        found: -1,
        until: -1,
        from: 0,
      };
      this.probes.set(subs, p);
    }
    if (p.found >= from) return p.found < limit ? p.found : -1;
    if (p.found === -1 && p.until >= limit && p.from <= from) return -1;
    // Search only up to `limit` so that short walks stay short on huge documents.
    const region = this.text.slice(from, limit + p.longest - 1);
    p.re.lastIndex = 0;
    const m = p.re.exec(region);
    p.found = m ? from + m.index : -1;
    p.until = limit;
    p.from = from;
    return p.found;
  }

  /** Lexes the line at the cursor, moving the cursor to the next line. */
  lexLine(segs: Segments | null): number {
    const { cur, text } = this;
    const [le, next] = lineBounds(text, cur.pos);
    this.lexer.lexLine(cur.state, text, cur.pos, le, segs);
    cur.pos = next;
    cur.line++;
    return le;
  }

  /** Moves the cursor to line start `target`, lexing only the lines that may change the state. */
  advance(target: number): void {
    const { cur, text } = this;
    while (cur.pos < target) {
      const rel = this.lexer.relevant(cur.state);
      if (rel === null) {
        this.lexLine(null);
        continue;
      }
      const next = rel.length === 0 ? -1 : this.nextOf(rel, cur.pos, target);
      if (next < 0) {
        cur.line += countNewlines(text, cur.pos, target);
        cur.pos = target;
        return;
      }
      const ls = text.lastIndexOf('\n', next - 1) + 1;
      if (ls > cur.pos) {
        cur.line += countNewlines(text, cur.pos, ls);
        cur.pos = ls;
      }
      this.lexLine(null);
    }
  }
}

/** Positions in text[from, to) where some rule may fire, in order (several per line possible). */
function triggerRegexes(ctx: ScanContext): RegExp[] {
  const res = [...TRIGGERS, ...ctx.extra];
  if (ctx.known) res.push(TOKEN_RUN);
  return res;
}

/**
 * Judges every selected line in text[from, to) (both line starts; walker.cur.pos <= from),
 * appending findings; afterwards the cursor is at `to` with the state there.
 */
export function scanBlock(
  ctx: ScanContext,
  text: string,
  walker: Walker,
  from: number,
  to: number,
  out: Finding[],
): void {
  const region = from === 0 && to >= text.length ? text : text.slice(from, to);
  const res = triggerRegexes(ctx);
  const next: number[] = res.map(() => -2);
  let pos = from;
  const segs: Segments = [];
  for (;;) {
    let t = Infinity;
    for (let r = 0; r < res.length; r++) {
      if (next[r]! !== -1 && next[r]! < pos) {
        const re = res[r]!;
        re.lastIndex = pos - from;
        const m = re.exec(region);
        next[r] = m ? m.index + from : -1;
        if (m && m[0].length === 0) next[r] = -1; // defensive: compilePattern rejects empty matches
      }
      if (next[r]! >= 0 && next[r]! < t) t = next[r]!;
    }
    if (t >= to) break;
    const ls = text.lastIndexOf('\n', t - 1) + 1;
    walker.advance(ls);
    segs.length = 0;
    const line = walker.cur.line;
    const le = walker.lexLine(segs);
    judgeLine(ctx, text, ls, le, line, segs, out);
    pos = walker.cur.pos;
    if (pos >= to) break;
  }
  walker.advance(Math.min(to, text.length));
}

export function freshCursor(initial: LexState): Cursor {
  return { pos: 0, line: 0, state: cloneState(initial) };
}
