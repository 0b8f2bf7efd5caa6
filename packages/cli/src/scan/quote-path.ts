// File names in the human format are quoted the way git quotes them (core.quotePath): a
// name with a control character, a quote or a backslash is printed in double quotes with
// C escapes (\n, \t, \033...), so a name cannot forge a finding line or send escape
// sequences to a terminal or a CI log. JSON and SARIF carry the name exactly.

/**
 * C0 and C1 controls, DEL, the invisible characters that reorder or split lines (bidi,
 * U+2028/9), and bytes of a name that are not UTF-8 (raw-name.ts escapes them as lone
 * surrogates; the `u` flag keeps a valid surrogate pair from matching).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\\u{dc80}-\u{dcff}]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

/** Octal escapes of the character's UTF-8 bytes, as git writes bytes it will not print. */
function octal(c: string): string {
  const code = c.charCodeAt(0);
  const bytes = code >= 0xdc80 && code <= 0xdcff ? [code - 0xdc00] : [...Buffer.from(c, 'utf8')];
  return bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
}

export function quotePath(name: string): string {
  if (!UNSAFE.test(name)) return name;
  return `"${name.replace(UNSAFE_ALL, (c) => NAMED[c] ?? octal(c))}"`;
}

/** A token or account name in human output: always in double quotes, escaped as file names are. */
export function quoteName(name: string): string {
  const q = quotePath(name);
  return q.startsWith('"') ? q : `"${q}"`;
}
