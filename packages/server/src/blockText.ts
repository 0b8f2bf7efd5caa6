// The document text as blocks of whole lines (about 4 KB each), with per-block line starts.
// An edit touches only the blocks it overlaps, plus an O(blocks) pass over cumulative
// offsets; vscode-languageserver-textdocument rebuilds a 5 MB string and shifts every line
// offset on each edit (about 5 ms), which alone would spend the latency budget.
// Positions follow LSP and TextDocument exactly: UTF-16 columns, line breaks \r\n, \r or \n,
// out-of-range positions clamped, never between \r and \n. The fuzz and unit tests compare
// it with TextDocument.
import type { Position, Range } from 'vscode-languageserver';

const BLOCK = 4096;
const CR = 13;
const LF = 10;

interface Block {
  text: string;
  /** Offsets inside `text` just after each line break. */
  starts: number[];
}

function lineStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      out.push(i + 1);
    } else if (c === LF) out.push(i + 1);
  }
  return out;
}

/** Cuts text into blocks that end just after a \n (never inside \r\n), so lines never span blocks. */
function split(text: string): Block[] {
  const out: Block[] = [];
  let p = 0;
  while (p < text.length) {
    const nl = p + BLOCK >= text.length ? -1 : text.indexOf('\n', p + BLOCK - 1);
    const e = nl < 0 ? text.length : nl + 1;
    const t = text.slice(p, e);
    out.push({ text: t, starts: lineStarts(t) });
    p = e;
  }
  return out;
}

export class BlockText {
  private blocks: Block[];
  /** Cumulative offset and line of each block's start. */
  private pos: number[] = [];
  private line: number[] = [];
  private total = 0;
  private lines = 1;

  constructor(text: string) {
    this.blocks = split(text);
    this.reindex(0);
  }

  get length(): number {
    return this.total;
  }
  get lineCount(): number {
    return this.lines;
  }

  private reindex(from: number): void {
    const n = this.blocks.length;
    this.pos.length = n;
    this.line.length = n;
    let p = from > 0 ? this.pos[from - 1]! + this.blocks[from - 1]!.text.length : 0;
    let l = from > 0 ? this.line[from - 1]! + this.blocks[from - 1]!.starts.length : 0;
    for (let k = from; k < n; k++) {
      this.pos[k] = p;
      this.line[k] = l;
      p += this.blocks[k]!.text.length;
      l += this.blocks[k]!.starts.length;
    }
    this.total = p;
    this.lines = l + 1;
  }

  /** Last block whose start is at or before `offset` (the last block for the end of the text). */
  private blockAtOffset(offset: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pos[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private blockAtLine(line: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.line[mid]! <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private charAt(offset: number): number {
    if (offset < 0 || offset >= this.total) return NaN;
    const k = this.blockAtOffset(offset);
    return this.blocks[k]!.text.charCodeAt(offset - this.pos[k]!);
  }

  private lineStart(line: number): number {
    if (this.blocks.length === 0) return 0;
    const k = this.blockAtLine(line);
    const i = line - this.line[k]!;
    return this.pos[k]! + (i === 0 ? 0 : this.blocks[k]!.starts[i - 1]!);
  }

  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart) {
      const c = this.charAt(offset - 1);
      if (c !== CR && c !== LF) break;
      offset--;
    }
    return offset;
  }

  offsetAt(p: Position): number {
    if (p.line >= this.lines) return this.total;
    if (p.line < 0) return 0;
    const start = this.lineStart(p.line);
    if (p.character <= 0) return start;
    const next = p.line + 1 < this.lines ? this.lineStart(p.line + 1) : this.total;
    return this.beforeEol(Math.min(start + p.character, next), start);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.total), 0);
    if (this.blocks.length === 0) return { line: 0, character: offset };
    const k = this.blockAtOffset(offset);
    const starts = this.blocks[k]!.starts;
    const local = offset - this.pos[k]!;
    // Number of line starts in this block at or before `local`.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= local) lo = mid + 1;
      else hi = mid;
    }
    const line = this.line[k]! + lo;
    const start = this.pos[k]! + (lo === 0 ? 0 : starts[lo - 1]!);
    return { line, character: this.beforeEol(offset, start) - start };
  }

  slice(start: number, end: number): string {
    if (end <= start) return '';
    let k = this.blockAtOffset(start);
    let out = '';
    while (k < this.blocks.length && this.pos[k]! < end) {
      const b = this.blocks[k]!;
      out += b.text.slice(Math.max(0, start - this.pos[k]!), Math.min(b.text.length, end - this.pos[k]!));
      k++;
    }
    return out;
  }

  getText(range?: Range): string {
    if (range) return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    return this.blocks.map((b) => b.text).join('');
  }

  /** The text of one line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lines) return '';
    const start = this.lineStart(line);
    const next = line + 1 < this.lines ? this.lineStart(line + 1) : this.total;
    return this.slice(start, this.beforeEol(next, start));
  }

  /** Replaces [start, end) (already clamped, start <= end) with `text`. */
  replace(start: number, end: number, text: string): void {
    if (this.blocks.length === 0) {
      this.blocks = split(text);
      this.reindex(0);
      return;
    }
    const a = this.blockAtOffset(start);
    // The block holding `end`, taking the next block when `end` is a block's end so the merged
    // text always ends in a \n (or is the end of the document).
    const b = this.blockAtOffset(end);
    const A = this.blocks[a]!;
    const B = this.blocks[b]!;
    const merged = A.text.slice(0, start - this.pos[a]!) + text + B.text.slice(end - this.pos[b]!);
    this.blocks.splice(a, b - a + 1, ...split(merged));
    this.reindex(a);
  }
}
