// reStructuredText (README.rst, Sphinx docs): the body of a `.. code-block:: lang` (also
// `.. code::`, `.. sourcecode::`) directive is lexed by that language's lexer, as a Markdown
// fence is; a literal block after `::` is plain text. A block is the indented lines after the
// directive: it ends at the first non-blank line indented no deeper than the directive.
// Everything else is prose.
import type { FenceDialect } from './markdown';
import { Seg, SEG_WIDTH, initialState, type Lexer } from './types';

const DIRECTIVE = /([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+#.-]*)/y;
const LITERAL = /([ \t]*)\S.*::[ \t]*$/y;
const OPENERS: readonly string[] = ['::'];
const MODE = 7;

function indentOf(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === end ? -1 : i - start; // -1: a blank line
}

export function rstLexer(forFence: (info: string) => FenceDialect): Lexer {
  return {
    // Inside a block every line matters (its indentation ends it); outside only directive lines.
    relevant: (s) => (s.mode === MODE ? null : OPENERS),
    lexLine(s, text, start, end, segs) {
      if (s.mode === MODE) {
        const sep = s.ext.indexOf('\0');
        const base = Number(s.ext.slice(0, sep));
        const indent = indentOf(text, start, end);
        if (indent === -1) return; // blank lines belong to the block
        if (indent > base) {
          const d = forFence(s.ext.slice(sep + 1));
          const from = segs ? segs.length : 0;
          d.lexer.lexLine(s.sub!, text, start, end, segs);
          if (segs) for (let k = from; k < segs.length; k += SEG_WIDTH) segs[k + 4] = d.id;
          return;
        }
        s.mode = 0; // dedented: the block is over, and this line is read as below
        s.ext = '';
        s.sub = null;
      }
      DIRECTIVE.lastIndex = start;
      let m = DIRECTIVE.exec(text);
      if (!(m && m.index + m[0].length <= end)) {
        LITERAL.lastIndex = start;
        const lit = LITERAL.exec(text.slice(0, end));
        m = lit && lit.index === start ? lit : null;
        if (m) m = Object.assign([m[0], m[1], 'plaintext'], { index: m.index, input: m.input }) as RegExpExecArray;
      }
      if (m) {
        s.mode = MODE;
        s.ext = `${m[1]!.replace(/\t/g, '    ').length}\0${(m[2] || 'plaintext').toLowerCase()}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    },
  };
}
