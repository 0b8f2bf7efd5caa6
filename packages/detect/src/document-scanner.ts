// Incremental scanning for editors. The document is cut into blocks of whole lines; the
// lexer state at each block start is kept (a checkpoint). An edit re-scans from the last
// checkpoint at or before it, block by block, until it reaches an old checkpoint past the
// edit where the lexer state is the same as before: from there on nothing can differ, so
// the old findings are kept, shifted. Findings depend only on the state at their line's
// start, the line and the line above (phq-ignore-next-line), so this is exact.
import type { Finding, ScanOptions } from './types';
import { countNewlines, scanBlock, Walker } from './engine';
import { cloneState, initialState, sameState, type LexState } from './lexer/types';
import { compileOptions, type ScanContext } from './rules/context';

const BLOCK = 4096;

interface Checkpoint {
  pos: number;
  line: number;
  state: LexState;
}

export class DocumentScanner {
  private _text: string;
  private ctx: ScanContext;
  private checkpoints: Checkpoint[] = [];
  private list: Finding[] = [];

  constructor(text: string, options: ScanOptions) {
    this._text = text;
    this.ctx = compileOptions(options);
    this.rescan();
  }

  get text(): string {
    return this._text;
  }

  /** Findings for the current text; equal to `scan(text, options)`. */
  findings(): Finding[] {
    return this.list.slice();
  }

  setOptions(options: ScanOptions): void {
    this.ctx = compileOptions(options);
    this.rescan();
  }

  /** Replaces text[startOffset, endOffset) (UTF-16 offsets) with `newText`. */
  applyEdit(startOffset: number, endOffset: number, newText: string): void {
    const old = this._text;
    const start = Math.max(0, Math.min(startOffset, old.length));
    const end = Math.max(start, Math.min(endOffset, old.length));
    const text = old.slice(0, start) + newText + old.slice(end);
    this._text = text;
    const delta = newText.length - (end - start);
    const lineDelta = countNewlines(newText, 0, newText.length) - countNewlines(old, start, end);

    // Restart at the last checkpoint at or before the edit.
    let k = 0;
    let hi = this.checkpoints.length - 1;
    while (k < hi) {
      const mid = (k + hi + 1) >> 1;
      if (this.checkpoints[mid]!.pos <= start) k = mid;
      else hi = mid - 1;
    }
    const restart = this.checkpoints[k]!;
    const kept = this.checkpoints.slice(0, k + 1);
    const oldCps = this.checkpoints;
    const findings = this.list.filter((f) => f.offset < restart.pos);
    const oldFindings = this.list;

    // Lines after this one read the edited line as "the line above": resync only past it.
    const editEnd = start + newText.length;
    const nl = text.indexOf('\n', editEnd);
    const after = nl < 0 ? text.length : nl + 1;

    // Old checkpoints past the edit (strictly: they must still be line starts), shifted.
    let j = k + 1;
    while (j < oldCps.length && oldCps[j]!.pos <= end) j++;

    const walker = new Walker(text, this.ctx.dialect.lexer, {
      pos: restart.pos,
      line: restart.line,
      state: cloneState(restart.state),
    });
    let pos = restart.pos;
    while (pos < text.length) {
      while (j < oldCps.length && oldCps[j]!.pos + delta <= Math.max(pos, after)) j++;
      const candidate = j < oldCps.length ? oldCps[j]! : null;
      let boundary = this.nextBoundary(text, pos);
      const useOld = candidate !== null && candidate.pos + delta <= boundary;
      if (useOld) boundary = candidate.pos + delta;
      scanBlock(this.ctx, text, walker, pos, boundary, findings);
      pos = boundary;
      if (pos >= text.length) break;
      if (useOld && sameState(walker.cur.state, candidate.state)) {
        // Resynchronised: everything from here on is the old result, shifted.
        for (const f of oldFindings) if (f.offset >= candidate.pos) findings.push(shift(f, delta, lineDelta));
        for (let m = j; m < oldCps.length; m++) {
          const c = oldCps[m]!;
          kept.push({ pos: c.pos + delta, line: c.line + lineDelta, state: c.state });
        }
        this.checkpoints = kept;
        this.list = findings;
        return;
      }
      kept.push({ pos, line: walker.cur.line, state: cloneState(walker.cur.state) });
    }
    this.checkpoints = kept;
    this.list = findings;
  }

  private nextBoundary(text: string, pos: number): number {
    if (pos + BLOCK >= text.length) return text.length;
    const nl = text.indexOf('\n', pos + BLOCK - 1);
    return nl < 0 ? text.length : nl + 1;
  }

  private rescan(): void {
    const text = this._text;
    const walker = new Walker(text, this.ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() });
    const cps: Checkpoint[] = [{ pos: 0, line: 0, state: initialState() }];
    const out: Finding[] = [];
    let pos = 0;
    while (pos < text.length) {
      const boundary = this.nextBoundary(text, pos);
      scanBlock(this.ctx, text, walker, pos, boundary, out);
      pos = boundary;
      if (pos < text.length) cps.push({ pos, line: walker.cur.line, state: cloneState(walker.cur.state) });
    }
    this.checkpoints = cps;
    this.list = out;
  }
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
