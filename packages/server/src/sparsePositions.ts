// Positions for a handful of offsets in a text judged once (an unopened file's findings):
// one forward pass counting line breaks up to each offset asked, in the order asked, instead
// of a line table of the whole text (BlockText). Findings come sorted, so the pass is linear;
// an offset behind the cursor on an earlier line starts it again. A text with a '\r' goes to
// BlockText, which knows every LSP line break ('\r\n', lone '\r').
import type { Position } from 'vscode-languageserver';
import { BlockText } from './blockText';
import type { PositionMapper } from './diagnostics';

class ForwardPositions implements PositionMapper {
  private pos = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  positionAt(offset: number): Position {
    const off = Math.max(0, Math.min(offset, this.text.length));
    if (off < this.lineStart) {
      this.pos = 0;
      this.line = 0;
      this.lineStart = 0;
    }
    const t = this.text;
    for (let i = t.indexOf('\n', this.pos); i !== -1 && i < off; i = t.indexOf('\n', i + 1)) {
      this.line++;
      this.lineStart = i + 1;
    }
    this.pos = Math.max(this.pos, off);
    return { line: this.line, character: off - this.lineStart };
  }
}

export function positionsFor(text: string): PositionMapper {
  return text.includes('\r') ? new BlockText(text) : new ForwardPositions(text);
}
