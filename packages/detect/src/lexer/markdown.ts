// Markdown: fenced code blocks are lexed by their fence language's own lexer (segments carry
// that dialect's id so rules judge them by it); everything else is prose.
//
// A fence without a language is judged by what it holds (docs/detection.md, "Untagged
// fences"): by the file the text just before it names ("Create `.streamlit/secrets.toml`:"
// makes the block TOML), else line by line by its content (`KEY=value` is a .env line,
// `key = "value"` TOML, `curl ...` shell, `"key": ...` JSON, `key: value` YAML). The file is
// looked for in the HINT_WINDOW characters before the fence line, read when the fence opens:
// prose lines never need lexing for it, and the incremental scanner gives every block at
// least that much of the text before it (document-scanner.ts).
import { Seg, SEG_WIDTH, initialState, type Lexer } from './types';

export interface FenceDialect {
  id: number;
  lexer: Lexer;
}

/** How untagged fences are read: the dialect of one line by its content, and the language of the file a text names last. */
export interface UntaggedFences {
  guess(line: string): FenceDialect;
  hint(text: string): string;
}

/** Characters before an untagged fence searched for a file name. */
export const HINT_WINDOW = 400;

const FENCE = / {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/y;

const FENCE_OPENERS: readonly string[] = ['```', '~~~'];
/** Info of an untagged fence judged line by line. */
const AUTO = '\u0001';

export function markdownLexer(forFence: (info: string) => FenceDialect, untagged?: UntaggedFences): Lexer {
  // Relevant sets are cached: the engine caches its searches by array identity.
  const inFence = new Map<string, readonly string[]>();
  return {
    relevant(s) {
      if (s.mode !== 6) return FENCE_OPENERS;
      const info = s.ext.slice(s.ext.indexOf('\0') + 1);
      const marker = s.ext.slice(0, s.ext.indexOf('\0'));
      const sub = info === AUTO ? [] : s.sub ? forFence(info).lexer.relevant(s.sub) : null;
      if (!sub) return null;
      const key = `${marker}\0${sub.join('\0')}`;
      let r = inFence.get(key);
      if (!r) inFence.set(key, (r = [...sub, marker]));
      return r;
    },
    lexLine(s, text, start, end, segs) {
      if (s.mode === 6) {
        const sep = s.ext.indexOf('\0');
        const marker = s.ext.slice(0, sep);
        let i = start;
        while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
        if (
          text.startsWith(marker, i) &&
          text
            .slice(i, end)
            .trim()
            .replace(new RegExp(`^\\${marker[0]}+`), '') === ''
        ) {
          s.mode = 0;
          s.ext = '';
          s.sub = null;
          return;
        }
        const info = s.ext.slice(sep + 1);
        if (info === AUTO) {
          // Line by line: each line on its own, in the dialect its content says.
          if (!segs || !untagged) return;
          const d = untagged.guess(text.slice(start, end));
          const from = segs.length;
          d.lexer.lexLine(initialState(), text, start, end, segs);
          for (let k = from; k < segs.length; k += SEG_WIDTH) segs[k + 4] = d.id;
          return;
        }
        const d = forFence(info);
        const from = segs ? segs.length : 0;
        d.lexer.lexLine(s.sub!, text, start, end, segs);
        if (segs) for (let k = from; k < segs.length; k += SEG_WIDTH) segs[k + 4] = d.id;
        return;
      }
      FENCE.lastIndex = start;
      const m = FENCE.exec(text);
      if (m && m.index + m[0].length <= end) {
        let info = m[2]!.toLowerCase();
        if (info === '' && untagged) info = untagged.hint(text.slice(Math.max(0, start - HINT_WINDOW), start)) || AUTO;
        s.mode = 6;
        s.ext = `${m[1]}\0${info}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    },
  };
}
