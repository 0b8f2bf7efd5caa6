// Markdown: fenced code blocks are lexed by their fence language's own lexer (segments carry
// that dialect's id so rules judge them by it); everything else is prose.
import { Seg, SEG_WIDTH, initialState, type Lexer } from './types';

export interface FenceDialect {
  id: number;
  lexer: Lexer;
}

const FENCE = / {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/y;

const FENCE_OPENERS: readonly string[] = ['```', '~~~'];

export function markdownLexer(forFence: (info: string) => FenceDialect): Lexer {
  // Relevant sets are cached: the engine caches its searches by array identity.
  const inFence = new Map<string, readonly string[]>();
  return {
    relevant(s) {
      if (s.mode !== 6) return FENCE_OPENERS;
      const sub = s.sub ? forFence(s.ext.slice(s.ext.indexOf('\0') + 1)).lexer.relevant(s.sub) : null;
      if (!sub) return null;
      const marker = s.ext.slice(0, s.ext.indexOf('\0'));
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
        const d = forFence(s.ext.slice(sep + 1));
        const from = segs ? segs.length : 0;
        d.lexer.lexLine(s.sub!, text, start, end, segs);
        if (segs) for (let k = from; k < segs.length; k += SEG_WIDTH) segs[k + 4] = d.id;
        return;
      }
      FENCE.lastIndex = start;
      const m = FENCE.exec(text);
      if (m && m.index + m[0].length <= end) {
        s.mode = 6;
        s.ext = `${m[1]}\0${m[2]!.toLowerCase()}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    },
  };
}
