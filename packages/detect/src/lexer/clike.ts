// One configurable lexer for every language with C-, Python- or shell-like strings and
// comments. It only tracks what decides whether text is code, comment or string (and which
// kind of string): enough to judge a placeholder, not a parser.
import { Interp, Seg, type LexState, type Lexer, type Segments } from './types';

export interface StrVariant {
  /** Closing delimiter. */
  close: string;
  /** Whether the string may continue on the next line (otherwise it ends at the line end). */
  multiline: boolean;
  /** Backslash escapes the next character. */
  escapes: boolean;
  interp: number;
  /** Interpolation opener cut out of the string ('${', '{', '#{', '$('), or ''. */
  frameOpen: string;
  /** '{' when `{{` is a literal brace rather than an interpolation (f-strings, C#). */
  doubleBrace: boolean;
  /** A doubled closing quote is an escaped quote (C# verbatim strings). */
  doubledQuote: boolean;
  /** Python: a plain string followed by `.format(` interpolates `{name}`. */
  formatCheck: boolean;
}

/** What `open` returns: variant * 4 + length of the opening delimiter, or -1 (packed: no allocation per quote). */
export type Opened = number;
export const opened = (variant: number, length: number): Opened => variant * 4 + length;

export interface CLikeSpec {
  lineComments: readonly string[];
  /** '#' starts a comment only at the start of a word (shell). */
  hashAtWordStart: boolean;
  blockComment: readonly [string, string] | null;
  variants: readonly StrVariant[];
  /** Characters that may open a string. */
  quotes: string;
  /** Which variant a quote at `i` opens (looking back at prefixes such as f, r, $, @), or null. */
  open(text: string, i: number, lineStart: number, lineFlags: number): Opened;
  /** Interp of unquoted code text that is really literal text (shell words), or -1. */
  codeInterp: number;
  regexLiterals: boolean;
  heredoc: boolean;
  /** Substrings that may change the state of a line starting in plain code. */
  relevantCode: readonly string[];
  /** Per-line flags computed at a line start in code (Dockerfile exec form). */
  lineFlags?(text: string, start: number, end: number): number;
}

export function variant(p: Partial<StrVariant> & { close: string }): StrVariant {
  return {
    multiline: false,
    escapes: true,
    interp: Interp.None,
    frameOpen: '',
    doubleBrace: false,
    doubledQuote: false,
    formatCheck: false,
    ...p,
  };
}

const REGEX_PREV = new Set('(,=:[!&|?{};+-*%<>~^'.split('').map((c) => c.charCodeAt(0)));
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|yield|await|else|do)$/;

function isIdent(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

/** End of a JS regex literal starting at `i` ('/'), or -1 when '/' is a division here. */
function regexEnd(text: string, start: number, i: number, end: number): number {
  let p = i - 1;
  while (p >= start && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
  if (p >= start) {
    const c = text.charCodeAt(p);
    if (isIdent(c)) {
      if (!REGEX_KEYWORDS.test(text.slice(Math.max(start, p - 7), p + 1))) return -1;
    } else if (!REGEX_PREV.has(c)) return -1;
  }
  let inClass = false;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) return j + 1;
  }
  return -1;
}

const QUOTE = 1;
const LINE = 2;
const BLOCK = 4;
const SLASH = 8;
const HEREDOC_ROLE = 16;
const FRAME = 32;

/** `needle` in text[from, end), or -1: bounded by the line, without allocating a slice. */
function indexInLine(text: string, needle: string, from: number, end: number): number {
  const c0 = needle.charCodeAt(0);
  for (let j = from; j + needle.length <= end; j++)
    if (text.charCodeAt(j) === c0 && text.startsWith(needle, j)) return j;
  return -1;
}

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/y;

export function clikeLexer(spec: CLikeSpec): Lexer {
  const special = new Uint8Array(128);
  // Role bits of the characters that may start something in code; everything else is skipped.
  const mark = (s: string, role: number): void => {
    if (s) special[s.charCodeAt(0)]! |= role;
  };
  for (const q of spec.quotes) mark(q, QUOTE);
  for (const c of spec.lineComments) mark(c, LINE);
  if (spec.blockComment) mark(spec.blockComment[0], BLOCK);
  if (spec.regexLiterals) mark('/', SLASH);
  if (spec.heredoc) mark('<', HEREDOC_ROLE);
  let framed = false;
  for (const v of spec.variants) if (v.frameOpen) framed = true;
  // Inside interpolation frames: brackets count depth, the closer returns to the string.
  if (framed) for (const c of '{}()') mark(c, FRAME);
  const heredocRelevant = new Map<string, readonly string[]>();
  // Runs of ordinary characters are skipped by a sticky regular expression: native code from
  // the first call, where a character loop runs in V8's interpreter until it is optimised.
  // Each stops at a line break too, so that it never runs past the line.
  const hex = (c: number): string => '\\x' + c.toString(16).padStart(2, '0');
  const skipAllBut = (stops: number[]): RegExp => new RegExp(`[^\\n${stops.map(hex).join('')}]*`, 'y');
  const specials = (keep: (role: number) => boolean): number[] =>
    [...special.keys()].filter((c) => special[c] !== 0 && keep(special[c]!));
  const skipCode = skipAllBut(specials((role) => role !== FRAME));
  const skipFramed = skipAllBut(specials(() => true));
  const skipInString = spec.variants.map((v) =>
    skipAllBut([v.close, v.escapes ? '\\' : '', v.frameOpen].filter((x) => x).map((x) => x.charCodeAt(0))),
  );

  const relevantByVariant = spec.variants.map((v) => (v.frameOpen ? [v.close, v.frameOpen] : [v.close]));
  const blockClose = spec.blockComment ? [spec.blockComment[1]] : [];
  const lineComments = spec.lineComments;
  const open = spec.open;

  function relevant(s: LexState): readonly string[] | null {
    if (s.frames.length > 0) return null;
    switch (s.mode) {
      case 0:
        return spec.relevantCode;
      case 1:
        return relevantByVariant[s.v] ?? null;
      case 2:
        return blockClose;
      case 3: {
        let r = heredocRelevant.get(s.ext);
        if (!r) heredocRelevant.set(s.ext, (r = [s.ext.slice(2)]));
        return r;
      }
      default:
        return null;
    }
  }

  function lexLine(s: LexState, text: string, start: number, end: number, segs: Segments | null): void {
    let i = start;
    let segStart = start;
    let pendingHeredoc = '';
    if (s.mode === 3) {
      // Heredoc body: ext = quoted flag + dash flag + terminator.
      const dash = s.ext[1] === '-';
      let p = start;
      if (dash) while (p < end && text.charCodeAt(p) === 9) p++;
      if (text.slice(p, end) === s.ext.slice(2)) {
        s.mode = 0;
        s.ext = '';
      } else if (segs) segs.push(start, end, Seg.Str, s.ext[0] === 'q' ? Interp.None : Interp.Shell, 0);
      return;
    }
    const flags = s.mode === 0 && s.frames.length === 0 && spec.lineFlags ? spec.lineFlags(text, start, end) : 0;
    const codeInterp = spec.codeInterp;
    let codeStart = start;
    while (i < end) {
      if (s.mode === 0) {
        // Hot loop: skip ordinary code characters.
        const framesOpen = s.frames.length > 0;
        const skip = framesOpen ? skipFramed : skipCode;
        skip.lastIndex = i;
        skip.test(text);
        i = skip.lastIndex;
        if (i >= end) break;
        const c = text.charCodeAt(i);
        const role = special[c]!;
        // Line comments.
        let isComment = false;
        if (role & LINE)
          for (const lc of lineComments) {
            if (text.startsWith(lc, i)) {
              if (lc === '#' && spec.hashAtWordStart && i > start) {
                const p = text.charCodeAt(i - 1);
                if (p !== 32 && p !== 9 && p !== 59 && p !== 38 && p !== 124 && p !== 40) break;
              }
              isComment = true;
              break;
            }
          }
        if (isComment) {
          if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
          if (segs) segs.push(i, end, Seg.Comment, 0, 0);
          codeStart = end;
          break;
        }
        const bc = spec.blockComment!;
        if (role & BLOCK && text.startsWith(bc[0], i)) {
          if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
          const close = indexInLine(text, bc[1], i + bc[0].length, end);
          if (close >= 0 && close + bc[1].length <= end) {
            if (segs) segs.push(i, close + bc[1].length, Seg.Comment, 0, 0);
            i = close + bc[1].length;
            codeStart = i;
            continue;
          }
          if (segs) segs.push(i, end, Seg.Comment, 0, 0);
          s.mode = 2;
          codeStart = end;
          break;
        }
        if (role & QUOTE) {
          const o = open(text, i, start, flags);
          if (o >= 0) {
            if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
            s.mode = 1;
            s.v = o >> 2;
            i += o & 3;
            segStart = i;
            continue;
          }
          i++;
          continue;
        }
        if (role & SLASH) {
          const re = regexEnd(text, start, i, end);
          i = re > 0 ? re : i + 1;
          continue;
        }
        if (role & HEREDOC_ROLE && text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) !== 60) {
          HEREDOC.lastIndex = i;
          const m = HEREDOC.exec(text);
          if (m && m.index + m[0].length <= end) {
            pendingHeredoc = (m[2] ? 'q' : 'u') + (m[1] ? '-' : '_') + m[3]!;
            i += m[0].length;
            continue;
          }
          i += 2;
          continue;
        }
        if (s.frames.length > 0) {
          const fv = spec.variants[s.frames[s.frames.length - 2]!]!;
          const opener = fv.frameOpen.charCodeAt(fv.frameOpen.length - 1);
          const closer = opener === 40 ? 41 : 125;
          if (c === opener) s.depth++;
          else if (c === closer) {
            if (s.depth === 0) {
              if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
              s.depth = s.frames.pop()!;
              s.v = s.frames.pop()!;
              s.mode = 1;
              i++;
              segStart = i;
              continue;
            }
            s.depth--;
          }
        }
        i++;
        continue;
      }
      if (s.mode === 1) {
        const V = spec.variants[s.v]!;
        const close0 = V.close.charCodeAt(0);
        const frame0 = V.frameOpen ? V.frameOpen.charCodeAt(0) : -1;
        const escape = V.escapes ? 92 : -1;
        const skip = skipInString[s.v]!;
        let j = i;
        let done = false;
        for (; j < end; j++) {
          // (Never from past the text's end: a failed sticky match resets lastIndex to 0.)
          skip.lastIndex = j;
          skip.test(text);
          j = skip.lastIndex;
          if (j >= end) break;
          const c = text.charCodeAt(j);
          if (c === escape) {
            j++;
            continue;
          }
          if (c === close0 && text.startsWith(V.close, j)) {
            if (V.doubledQuote && text.charCodeAt(j + 1) === close0) {
              j++;
              continue;
            }
            let interp = V.interp;
            if (V.formatCheck && text.startsWith('.format(', j + V.close.length)) interp = Interp.PyFormat;
            if (segs) segs.push(segStart, j, Seg.Str, interp, 0);
            s.mode = 0;
            s.v = -1;
            i = j + V.close.length;
            codeStart = i;
            done = true;
            break;
          }
          if (c === frame0 && text.startsWith(V.frameOpen, j)) {
            if (V.doubleBrace && text.charCodeAt(j + 1) === 123) {
              j++;
              continue;
            }
            if (segs) segs.push(segStart, j, Seg.Str, V.interp, 0);
            s.frames.push(s.v, s.depth);
            s.depth = 0;
            s.mode = 0;
            s.v = -1;
            i = j + V.frameOpen.length;
            codeStart = i;
            done = true;
            break;
          }
        }
        if (done) continue;
        if (segs) segs.push(segStart, end, Seg.Str, V.interp, 0);
        if (!V.multiline) {
          s.mode = 0;
          s.v = -1;
        }
        codeStart = end;
        break;
      }
      // Block comment.
      const close = indexInLine(text, spec.blockComment![1], i, end);
      if (close >= 0 && close < end) {
        if (segs) segs.push(i, close + spec.blockComment![1].length, Seg.Comment, 0, 0);
        s.mode = 0;
        i = close + spec.blockComment![1].length;
        codeStart = i;
        continue;
      }
      if (segs) segs.push(i, end, Seg.Comment, 0, 0);
      i = end;
      codeStart = end;
    }
    if (s.mode === 0) if (segs && codeInterp >= 0 && end > codeStart) segs.push(codeStart, end, Seg.Str, codeInterp, 0);
    // A single-line string opened by the line's last character ends with the line too.
    if (s.mode === 1 && !spec.variants[s.v]!.multiline) {
      s.mode = 0;
      s.v = -1;
    }
    if (pendingHeredoc && s.mode === 0 && s.frames.length === 0) {
      s.mode = 3;
      s.ext = pendingHeredoc;
    }
  }

  return { relevant, lexLine };
}
