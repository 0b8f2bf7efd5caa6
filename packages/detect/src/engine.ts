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
import type { LexState, Lexer, Segments } from './lexer/types';
import type { ScanContext } from './rules/context';
import { BUILT_IN_RULES } from './rules/judge';
import { continuedAbove } from './rules/continuation';
import { TriggerFinder } from './triggers';

/** A line start with its 0-based line number (at creation) and the lexer state there. */
export interface Cursor {
  pos: number;
  line: number;
  state: LexState;
}

/** '\n' in text[from, to): line breaks once lone '\r's are normalised (see normalizeBreaks). */
export function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) n++;
  return n;
}

/** Line breaks in text[from, to) as LSP counts them: '\n', '\r\n' and a lone '\r'. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let n = countNewlines(text, from, to);
  for (let p = text.indexOf('\r', from); p >= 0 && p < to; p = text.indexOf('\r', p + 1))
    if (text.charCodeAt(p + 1) !== 10) n++;
  return n;
}

const LONE_CR = /\r(?!\n)/g;

/**
 * One definition of a line break for every front end, LSP's: '\n', '\r\n' or a lone '\r'.
 * The engine splits lines at '\n' (and drops a '\r' before it), so a lone '\r' becomes
 * '\n': same length, so every offset and column is unchanged. Files without '\r' (nearly
 * all) are not copied; the check is one memchr.
 */
export function normalizeBreaks(text: string): string {
  if (text.indexOf('\r') < 0) return text;
  LONE_CR.lastIndex = 0;
  return LONE_CR.test(text) ? text.replace(LONE_CR, '\n') : text;
}

/** End of the line starting at `ls`, excluding a '\r' before the '\n'. */
function lineEnd(text: string, ls: number, nl: number): number {
  let le = nl < 0 ? text.length : nl;
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  return le;
}

export class Walker {
  /** Per relevant-substring set (same array each time), the next occurrence of each member. */
  private readonly found = new Map<readonly string[], number[]>();
  private lastSubs: readonly string[] | null = null;
  private lastAt: number[] | undefined = undefined;
  /** Line numbers are counted lazily, only up to the lines that are judged. */
  private countedPos: number;
  private countedLine: number;

  constructor(
    private readonly text: string,
    private readonly lexer: Lexer,
    readonly cur: Cursor,
    /** Lex every line (tests check that skipping lines never changes a result). */
    private readonly exhaustive = false,
  ) {
    this.countedPos = cur.pos;
    this.countedLine = cur.line;
  }

  /** 0-based line number of line start `ls` (at or after the previous call's). */
  lineAt(ls: number): number {
    this.countedLine += countNewlines(this.text, this.countedPos, ls);
    this.countedPos = ls;
    return this.countedLine;
  }

  /** First occurrence of any of `subs` at or after `from` (cursors only move forward), or -1. */
  private nextOf(subs: readonly string[], from: number): number {
    // The walker asks with the same array for many lines in a row: skip the Map lookup then.
    let at = subs === this.lastSubs ? this.lastAt : this.found.get(subs);
    if (!at) this.found.set(subs, (at = subs.map(() => -2)));
    this.lastSubs = subs;
    this.lastAt = at;
    let best = -1;
    for (let i = 0; i < subs.length; i++) {
      let p = at[i]!;
      if (p === -2 || (p >= 0 && p < from)) {
        // indexOf, not a regex alternation: V8 searches short needles with memchr.
        p = at[i] = this.text.indexOf(subs[i]!, from);
      }
      if (p >= 0 && (best < 0 || p < best)) best = p;
    }
    return best;
  }

  /** Lexes the line at the cursor, moving the cursor to the next line; returns the line end. */
  lexLine(segs: Segments | null): number {
    const { cur, text } = this;
    const nl = text.indexOf('\n', cur.pos);
    const le = lineEnd(text, cur.pos, nl);
    this.lexer.lexLine(cur.state, text, cur.pos, le, segs);
    cur.pos = nl < 0 ? text.length + 1 : nl + 1;
    return le;
  }

  /** Moves the cursor to line start `target`, lexing only the lines that may change the state. */
  advance(target: number): void {
    const { cur, text } = this;
    while (cur.pos < target) {
      const rel = this.exhaustive ? null : this.lexer.relevant(cur.state);
      if (rel === null) {
        this.lexLine(null);
        continue;
      }
      const next = rel.length === 0 ? -1 : this.nextOf(rel, cur.pos);
      if (next < 0 || next >= target) {
        cur.pos = target;
        return;
      }
      // Back to the line start by hand: lines are short, and String#lastIndexOf is a runtime
      // call in V8 that costs more than this loop over a few characters.
      let ls = next;
      while (ls > cur.pos && text.charCodeAt(ls - 1) !== 10) ls--;
      cur.pos = ls;
      this.lexLine(null);
    }
  }
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
  base = 0,
  /** Leave the walker at `to` with the state there (DocumentScanner needs it; a plain scan does not). */
  finish = true,
): void {
  const region = from === 0 && to >= text.length ? text : text.slice(from, to);
  const rules = ctx.rules ?? BUILT_IN_RULES;
  const triggers = new TriggerFinder(region, rules.triggers);
  const res = rules.extraTriggers(ctx);
  const next: number[] = res.map(() => -2);
  let pos = from;
  const segs: Segments = [];
  let suppressions: boolean | undefined;
  // A line judged because the line above continues a token expression (rules/continuation.ts).
  let forced = -1;
  if (from > 0 && continuedAbove(text, from) !== null) forced = from;
  for (;;) {
    const tt = triggers.next(pos - from);
    let t = tt < 0 ? Infinity : tt + from;
    if (forced >= pos && forced < t) t = forced;
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
    const nl = text.indexOf('\n', ls);
    const le = lineEnd(text, ls, nl);
    const nextLine = nl < 0 ? text.length + 1 : nl + 1;
    const lt = text.slice(ls, le);
    const wasForced = ls === forced;
    if (nextLine < to && continuedAbove(text, nextLine) !== null) forced = nextLine;
    if (!wasForced && !rules.mayFire(ctx, lt)) {
      // Nothing can fire here: leave the line to the walker (which lexes it only if it can
      // change the state) and look for the next trigger after it.
      pos = nextLine;
      if (pos >= to) break;
      continue;
    }
    walker.advance(ls);
    segs.length = 0;
    walker.lexLine(segs);
    const line = (): number => walker.lineAt(ls);
    // Suppression comments are rare: look for them per line only when the text has one.
    suppressions ??= hasSuppression(text);
    rules.judgeLine(ctx, text, ls, le, line, segs, out, base, suppressions);
    pos = walker.cur.pos;
    if (pos >= to) break;
  }
  if (finish) walker.advance(Math.min(to, text.length));
}

/**
 * Whether "phq-ignore" occurs in text. Searched as "q-ig": a needle under 7 characters is
 * found by V8 with memchr on its rare first character and compared natively, with no JS
 * step per 'q' (the whole 10-character needle goes through Boyer-Moore-Horspool: slower).
 */
function hasSuppression(text: string): boolean {
  for (let i = text.indexOf('q-ig'); i >= 0; i = text.indexOf('q-ig', i + 1)) {
    if (text.startsWith('phq-ignore', i - 2)) return true;
  }
  return false;
}
