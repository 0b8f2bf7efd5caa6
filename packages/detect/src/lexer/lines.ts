// Line-oriented dialects: every line is judged on its own (plus YAML block scalars).
import { Interp, Seg, type LexState, type Lexer, type Segments } from './types';

const NONE: readonly string[] = [];
const BLOCK_OPENERS: readonly string[] = ['|', '>'];

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** Start of a ` #` comment outside quotes, or `end`. */
function commentStart(text: string, i: number, end: number, marks: string): number {
  let quote = 0;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (marks.includes(text[j]!) && (j === i || text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9))
      return j;
  }
  return end;
}

/** Plain text of unknown kind: only `Bearer <placeholder>` and token contexts are judged. */
export const plainLexer: Lexer = {
  relevant: () => NONE,
  lexLine(_s, _text, start, end, segs) {
    if (segs && end > start) segs.push(start, end, Seg.Str, Interp.BearerOnly, 0);
  },
};

/** .http / .rest request files (VS Code REST Client, JetBrains HTTP client). */
export const httpLexer: Lexer = {
  relevant: () => NONE,
  lexLine(_s, text, start, end, segs) {
    if (!segs) return;
    const i = skipSpaces(text, start, end);
    if (text.startsWith('#', i) || text.startsWith('//', i)) segs.push(i, end, Seg.Comment, 0, 0);
    else if (end > i) segs.push(i, end, Seg.Str, Interp.Http, 0);
  },
};

const KEY = /(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*/y;

/** .env files: KEY=value, where unquoted and double-quoted values expand `$NAME` (dotenv-expand, compose). */
export const dotenvLexer: Lexer = {
  relevant: () => NONE,
  lexLine(_s, text, start, end, segs) {
    if (!segs) return;
    const i = skipSpaces(text, start, end);
    if (text.startsWith('#', i)) {
      segs.push(i, end, Seg.Comment, 0, 0);
      return;
    }
    KEY.lastIndex = i;
    const m = KEY.exec(text);
    const v = m && m.index + m[0].length <= end ? i + m[0].length : i;
    const q = text[v];
    if (q === "'" || q === '"') {
      const close = text.indexOf(q, v + 1);
      const stop = close >= 0 && close < end ? close : end;
      segs.push(v + 1, stop, Seg.Str, q === "'" ? Interp.None : Interp.Shell, 0);
      const c = commentStart(text, stop, end, '#');
      if (c < end) segs.push(c, end, Seg.Comment, 0, 0);
      return;
    }
    const c = commentStart(text, v, end, '#');
    if (c > v) segs.push(v, c, Seg.Str, Interp.Shell, 0);
    if (c < end) segs.push(c, end, Seg.Comment, 0, 0);
  },
};

const INI_KEY = /[^=:;#[\s][^=:]*?\s*[=:]\s*/y;

/** INI-style config (predicthq.conf, .cfg): values are taken literally. */
export const iniLexer: Lexer = configLexer(Interp.None);

/**
 * Java .properties: the same shape, but `${NAME}` in a value is a placeholder the framework
 * resolves (Spring, Quarkus, Micronaut resolve it from the environment), not literal text.
 */
export const propertiesLexer: Lexer = configLexer(Interp.Yaml);

function configLexer(interp: number): Lexer {
  return {
    relevant: () => NONE,
    lexLine(_s, text, start, end, segs) {
      if (!segs) return;
      const i = skipSpaces(text, start, end);
      if (text.startsWith('#', i) || text.startsWith(';', i) || text.startsWith('!', i)) {
        segs.push(i, end, Seg.Comment, 0, 0);
        return;
      }
      if (text.startsWith('[', i)) return;
      INI_KEY.lastIndex = i;
      const m = INI_KEY.exec(text);
      const v = m && m.index + m[0].length <= end ? i + m[0].length : i;
      if (end > v) segs.push(v, end, Seg.Str, interp, 0);
    },
  };
}

const YAML_KEY = /(?:-\s+)*(?:"[^"]*"|'[^']*'|[^\s#'"{[\]\-?:,][^#:]*?|-[^\s][^#:]*?)\s*:(?=\s|$)/y;
const YAML_LIST = /(?:-\s+)+/y;
/** Keys whose values are shell scripts (CI systems, compose): `$NAME` there is expanded. */
const SHELL_KEYS =
  /^(?:-\s+)*["']?(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args|shell|pre|post|steps)["']?\s*:$/i;

/**
 * `script:` / `run:` / `command:` with nothing after it: its lines below (a list of commands)
 * are shell. Case-sensitive and unquoted, so that the walker can skip lines without them
 * (see relevant(): the keys are its needles).
 */
const SHELL_LIST_KEY = /^(?:-\s+)*(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args):$/;
const YAML_RELEVANT: readonly string[] = [
  ...BLOCK_OPENERS,
  'run:',
  'script:',
  'command:',
  'commands:',
  'entrypoint:',
  'cmd:',
  'args:',
];

/** YAML: values judged as text; block scalars (`key: |`) keep the owning key's kind. ext = "indent:interp". */
export const yamlLexer: Lexer = {
  relevant: (s) => (s.mode === 5 ? null : YAML_RELEVANT),
  lexLine(s: LexState, text, start, end, segs: Segments | null) {
    const i = skipSpaces(text, start, end);
    if (s.mode === 5) {
      const sep = s.ext.indexOf(':');
      const indent = Number(s.ext.slice(0, sep));
      if (i >= end) return; // blank lines belong to the block
      if (i - start > indent) {
        if (segs) segs.push(i, end, Seg.Str, Number(s.ext.slice(sep + 1)), 0);
        return;
      }
      s.mode = 0;
      s.ext = '';
    }
    if (i >= end) return;
    if (text.startsWith('#', i)) {
      if (segs) segs.push(i, end, Seg.Comment, 0, 0);
      return;
    }
    if (text.startsWith('---', i) || text.startsWith('...', i)) return;
    YAML_KEY.lastIndex = i;
    const m = YAML_KEY.exec(text);
    let v = i;
    let interp: number = Interp.Yaml;
    let keyCol = i - start;
    if (m && m.index + m[0].length <= end) {
      v = skipSpaces(text, i + m[0].length, end);
      if (SHELL_KEYS.test(m[0])) interp = Interp.Shell;
      YAML_LIST.lastIndex = i;
      const l = YAML_LIST.exec(text);
      if (l) keyCol += l[0].length;
    } else {
      YAML_LIST.lastIndex = i;
      const l = YAML_LIST.exec(text);
      if (l) v = i + l[0].length;
    }
    const c = text[v];
    // `script:` / `run:` / `command:` with the commands on the lines below (a list): shell too.
    if ((v >= end || c === '#') && SHELL_LIST_KEY.test(m ? m[0] : '')) {
      s.mode = 5;
      s.ext = `${keyCol}:${interp}`;
      return;
    }
    if ((c === '|' || c === '>') && /^[|>][-+0-9]*\s*(?:#.*)?$/.test(text.slice(v, end))) {
      s.mode = 5;
      s.ext = `${keyCol}:${interp}`;
      return;
    }
    if (!segs) return;
    const cm = commentStart(text, v, end, '#');
    if (cm > v) segs.push(v, cm, Seg.Str, interp, 0);
    if (cm < end) segs.push(cm, end, Seg.Comment, 0, 0);
  },
};
