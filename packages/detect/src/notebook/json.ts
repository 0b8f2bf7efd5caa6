// A JSON parser that keeps where each string came from, for notebooks: findings in a cell
// must point at the .ipynb file's own line and column. Strings are not decoded while parsing
// (a notebook's base64 images are most of its bytes and are never read): a string node is
// its raw span between the quotes, decoded on demand. The end of a string is found with
// indexOf on '"' and '\\' (memchr), so a 1 MB image costs two native searches.
// Strict RFC 8259: anything else is a NotebookFormatError, never a crash.

export class NotebookFormatError extends Error {
  constructor(
    message: string,
    /** UTF-16 offset in the file where the problem was found. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'NotebookFormatError';
  }
}

/** A JSON string: text[start, end) is its raw content between the quotes. */
export interface JString {
  t: 's';
  start: number;
  end: number;
  /** The raw content has a backslash escape. */
  esc: boolean;
}
export interface JObject {
  t: 'o';
  start: number;
  map: Map<string, JValue>;
}
export interface JArray {
  t: 'a';
  start: number;
  items: JValue[];
}
export interface JScalar {
  t: 'n' | 'b' | 'z';
  start: number;
}
export type JValue = JString | JObject | JArray | JScalar;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** Raw content of a string: no control characters; escapes checked by the decoder when read. */
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const CONTROL = /[\u0000-\u001f]/;

export function parseJson(text: string): JValue {
  let p = 0;
  // The next backslash at or after p (-1: none left); kept across strings so that a file with
  // few escapes is searched once.
  let nextBackslash = -2;

  const fail = (what: string): never => {
    throw new NotebookFormatError(
      p >= text.length ? `unexpected end of JSON (${what})` : `invalid JSON at offset ${p} (${what})`,
      p,
    );
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else return;
    }
  };
  const str = (): JString => {
    const start = ++p;
    let esc = false;
    for (;;) {
      const q = text.indexOf('"', p);
      if (q < 0) {
        p = text.length;
        fail('unterminated string');
      }
      if (nextBackslash !== -1 && nextBackslash < p) nextBackslash = text.indexOf('\\', p);
      if (nextBackslash < 0 || nextBackslash > q) {
        p = q + 1;
        break;
      }
      // An escape before the quote: step over it (`\"` does not end the string).
      esc = true;
      p = nextBackslash + 2;
      nextBackslash = -2;
    }
    // Control characters are checked when a string is read (decodeString): an image's base64
    // is never read, and a regex pass over its megabytes would cost more than the parse.
    return { t: 's', start, end: p - 1, esc };
  };
  const value = (depth: number): JValue => {
    if (depth > 512) fail('nested too deeply');
    ws();
    const c = text.charCodeAt(p);
    const start = p;
    if (c === 34) return str();
    if (c === 123) {
      p++;
      const map = new Map<string, JValue>();
      ws();
      if (text.charCodeAt(p) === 125) {
        p++;
        return { t: 'o', start, map };
      }
      for (;;) {
        ws();
        if (text.charCodeAt(p) !== 34) fail('expected a key');
        const k = str();
        ws();
        if (text.charCodeAt(p) !== 58) fail("expected ':'");
        p++;
        map.set(decodeString(text, k), value(depth + 1));
        ws();
        const d = text.charCodeAt(p++);
        if (d === 125) return { t: 'o', start, map };
        if (d !== 44) {
          p--;
          fail("expected ',' or '}'");
        }
      }
    }
    if (c === 91) {
      p++;
      const items: JValue[] = [];
      ws();
      if (text.charCodeAt(p) === 93) {
        p++;
        return { t: 'a', start, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        const d = text.charCodeAt(p++);
        if (d === 93) return { t: 'a', start, items };
        if (d !== 44) {
          p--;
          fail("expected ',' or ']'");
        }
      }
    }
    if (text.startsWith('true', p) || text.startsWith('null', p)) {
      p += 4;
      return { t: c === 110 ? 'z' : 'b', start };
    }
    if (text.startsWith('false', p)) {
      p += 5;
      return { t: 'b', start };
    }
    NUMBER.lastIndex = p;
    if (NUMBER.test(text)) {
      p = NUMBER.lastIndex;
      return { t: 'n', start };
    }
    return fail('expected a value');
  };

  const root = value(0);
  ws();
  if (p < text.length) fail('text after the JSON value');
  return root;
}

/** The decoded value of a string node; a malformed escape or a control character is a NotebookFormatError. */
export function decodeString(text: string, s: JString): string {
  const raw = text.slice(s.start, s.end);
  if (CONTROL.test(raw)) throw new NotebookFormatError('control character in a JSON string', s.start);
  if (!s.esc) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    throw new NotebookFormatError('invalid escape in a JSON string', s.start);
  }
}

/**
 * The raw offset in the file of UTF-16 offset `at` in the decoded string (`at` may be the
 * decoded length: the closing quote). Escapes are 2 raw characters (`\n`, `\"`) or 6
 * (`\u00e9`) for one decoded code unit; everything else is one for one.
 */
export function rawOffset(text: string, s: JString, at: number): number {
  if (!s.esc) return s.start + at;
  let p = s.start;
  for (let k = 0; k < at && p < s.end; k++) {
    if (text.charCodeAt(p) === 92) p += text.charCodeAt(p + 1) === 117 ? 6 : 2;
    else p++;
  }
  return p;
}
