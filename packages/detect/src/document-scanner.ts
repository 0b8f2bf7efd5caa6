// Incremental scanning for editors.
//
// The document is kept as blocks of whole lines (about 4 KB each) with the lexer state at
// each block start (a checkpoint). An edit rewrites the blocks it touches and re-scans from
// the first of them, block by block, until it reaches an old block whose start state is
// unchanged: from there on nothing can differ, so the old findings are kept, shifted.
// Findings depend only on the state at their line's start, the line, and the text just
// before it (the line above: phq-ignore-next-line, a value continued from the line above; the
// HINT_WINDOW characters before an untagged Markdown fence), so each block is scanned with that
// much of the text before it, the blocks after the edit within that reach are always
// re-scanned, and the result equals a fresh `scan`. The whole text is never rebuilt during an edit: joining 5 MB
// costs more than scanning a block.
import type { Finding, ScanOptions } from './types';
import { countLineBreaks, normalizeBreaks, scanBlock, Walker } from './engine';
import { cloneState, initialState, sameState, type LexState } from './lexer/types';
import { compileOptions, type ScanContext } from './rules/context';
import { HINT_WINDOW } from './lexer/markdown';
import { mentionsPhq } from './rules/sink-names';
import { scanFollowing } from './scan';

const BLOCK = 4096;

interface Block {
  /** Absolute offset and line of the block start. */
  pos: number;
  line: number;
  state: LexState;
  text: string;
  /** The block mentions PredictHQ (the document is about PredictHQ when any block does). */
  phq: boolean;
}

export class DocumentScanner {
  private ctx: ScanContext;
  private blocks: Block[] = [];
  private list: Finding[] = [];
  private joined: string | null;
  /** Blocks that mention PredictHQ; when the count goes from or to 0, every finding may change. */
  private phqBlocks = 0;
  private rescanning = false;
  /** The document has names followed from a sink to a literal (rules/follow.ts): findings come from a full scan. */
  private followed = false;
  private options: ScanOptions;

  constructor(text: string, options: ScanOptions) {
    this.joined = text;
    this.options = options;
    this.ctx = compileOptions(options);
    this.rescan(text);
  }

  get text(): string {
    if (this.joined === null) this.joined = this.blocks.map((b) => b.text).join('');
    return this.joined;
  }

  /** Findings for the current text; equal to `scan(text, options)`. */
  findings(): Finding[] {
    return this.list.slice();
  }

  setOptions(options: ScanOptions): void {
    this.options = options;
    this.ctx = compileOptions(options);
    this.rescan(this.text);
  }

  /** Replaces text[startOffset, endOffset) (UTF-16 offsets) with `newText`. */
  applyEdit(startOffset: number, endOffset: number, newText: string): void {
    const blocks = this.blocks;
    const last = blocks[blocks.length - 1]!;
    const length = last.pos + last.text.length;
    const start = Math.max(0, Math.min(startOffset, length));
    const end = Math.max(start, Math.min(endOffset, length));
    const a = blockAt(blocks, start);
    const b = blockAt(blocks, end);
    const A = blocks[a]!;
    const B = blocks[b]!;
    const merged = A.text.slice(0, start - A.pos) + newText + B.text.slice(end - B.pos);
    const delta = newText.length - (end - start);
    const pieces = split(merged);
    const flags = pieces.map(mentionsPhq);
    let phqBlocks = this.phqBlocks;
    for (let m = a; m <= b; m++) if (blocks[m]!.phq) phqBlocks--;
    for (const f of flags) if (f) phqBlocks++;
    if (!this.rescanning && !this.ctx.fixedPhq && phqBlocks > 0 !== this.phqBlocks > 0) {
      // The document starts or stops being about PredictHQ: generic token names change meaning everywhere.
      const text = this.text;
      this.rescan(text.slice(0, start) + newText + text.slice(end));
      return;
    }
    this.phqBlocks = phqBlocks;
    this.joined = null;

    const kept = blocks.slice(0, a);
    const findings = this.list.filter((f) => f.offset < A.pos);
    const state = cloneState(A.state);
    let pos = A.pos;
    let line = A.line;
    let prefix = textBefore(blocks, a);
    const step = (text: string, phq: boolean): void => {
      kept.push({ pos, line, state: cloneState(state), text, phq });
      // Lone '\r's become '\n' for the scan (same offsets); blocks keep the text as given.
      const local = normalizeBreaks(prefix + text);
      const walker = new Walker(local, this.ctx.dialect.lexer, { pos: prefix.length, line, state });
      scanBlock(this.ctx, local, walker, prefix.length, local.length, findings, pos - prefix.length);
      pos += text.length;
      line += countLineBreaks(text, 0, text.length);
      prefix = tail(prefix + text);
    };
    pieces.forEach((piece, i) => step(piece, flags[i]!));
    // The blocks after the edit read the edited text as the text before them (the line above,
    // and HINT_WINDOW characters before an untagged Markdown fence): always re-scan the next
    // block, and any block that starts within that window of the edit.
    const edited = pos;
    let j = b + 1;
    for (let first = true; j < blocks.length && (first || pos < edited + HINT_WINDOW); first = false) {
      const o = blocks[j++]!;
      step(o.text, o.phq);
    }
    for (; j < blocks.length; j++) {
      const old = blocks[j]!;
      if (sameState(state, old.state)) {
        // Counted from the new blocks, not from the edit: an edit next to a '\r' or a '\n'
        // can join or split a '\r\n' pair.
        const lineDelta = line - old.line;
        for (let m = j; m < blocks.length; m++) {
          const o = blocks[m]!;
          kept.push({ pos: o.pos + delta, line: o.line + lineDelta, state: o.state, text: o.text, phq: o.phq });
        }
        for (const f of this.list) if (f.offset >= old.pos) findings.push(shift(f, delta, lineDelta));
        break;
      }
      step(old.text, old.phq);
    }
    this.blocks = kept.length > 0 ? kept : [{ pos: 0, line: 0, state: initialState(), text: '', phq: false }];
    this.list = findings;
    if (!this.rescanning) this.settleFollowed();
  }

  /**
   * A value followed from a sink to a literal links two lines anywhere in the document, which
   * blocks cannot track: in a document that has such names (rare), the findings come from a
   * full scan. The blocks stay as they are (their states do not depend on it).
   */
  private settleFollowed(): void {
    const fresh = this.ctx.follow !== undefined;
    this.ctx.follow = undefined;
    if (!fresh && !this.followed) return;
    const r = scanFollowing(this.text, this.options);
    this.list = r.findings;
    this.followed = r.followed;
  }

  /** A full scan is the insertion of the whole text into an empty document. */
  private rescan(text: string): void {
    this.blocks = [{ pos: 0, line: 0, state: initialState(), text: '', phq: false }];
    this.list = [];
    this.phqBlocks = 0;
    // Decided once for the whole text, as `scan` does (a mention never spans lines, so never blocks).
    this.ctx.phqDoc = this.ctx.fixedPhq || mentionsPhq(text);
    this.rescanning = true;
    this.applyEdit(0, 0, text);
    this.rescanning = false;
    this.joined = text;
    this.followed = false;
    this.settleFollowed();
  }
}

/** Index of the block containing offset `at` (the last block for the end of the text). */
function blockAt(blocks: Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.pos <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Cuts text into blocks of whole lines of about BLOCK characters. */
function split(text: string): string[] {
  const out: string[] = [];
  let p = 0;
  while (p < text.length) {
    const nl = p + BLOCK >= text.length ? -1 : text.indexOf('\n', p + BLOCK - 1);
    const e = nl < 0 ? text.length : nl + 1;
    out.push(text.slice(p, e));
    p = e;
  }
  if (out.length === 0) out.push('');
  return out;
}

/**
 * What a block's scan sees of the text before it: whole lines, at least its last line and
 * HINT_WINDOW characters (as a fresh scan sees them), as far back as the document goes.
 */
function tail(text: string): string {
  const last = text.lastIndexOf('\n', text.length - 2) + 1;
  if (text.length - last >= HINT_WINDOW) return text.slice(last);
  const cut = text.lastIndexOf('\n', text.length - HINT_WINDOW - 1);
  return cut < 0 ? text : text.slice(cut + 1);
}

/** tail() of the text of the blocks before block `a`. */
function textBefore(blocks: Block[], a: number): string {
  let text = '';
  for (let i = a - 1; i >= 0 && text.length <= HINT_WINDOW + 1; i--) text = blocks[i]!.text + text;
  return text === '' ? '' : tail(text);
}

function shift(f: Finding, delta: number, lineDelta: number): Finding {
  if (delta === 0 && lineDelta === 0) return f;
  return {
    ...f,
    offset: f.offset + delta,
    range: {
      start: { line: f.range.start.line + lineDelta, character: f.range.start.character },
      end: { line: f.range.end.line + lineDelta, character: f.range.end.character },
    },
  };
}
