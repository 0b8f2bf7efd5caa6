// Builds the edit that puts an env-variable reference where a placeholder (or a hardcoded
// token) is. The reference is code in most languages (process.env.X, os.environ["X"]), so
// writing it inside the string literal that held the placeholder would just send a new
// literal: the literal is split and concatenated instead. In shell, .env, .http and similar
// files the reference is text that the tool expands, so it replaces the placeholder in place.
// Line-local by design: placeholders and tokens never span lines.

export interface LineEdit {
  /** UTF-16 columns on the same line. */
  start: number;
  end: number;
  newText: string;
}

const CONCAT: Readonly<Record<string, string>> = {
  javascript: '+',
  typescript: '+',
  javascriptreact: '+',
  typescriptreact: '+',
  python: '+',
  ruby: '+',
  java: '+',
  csharp: '+',
  go: '+',
  kotlin: '+',
  swift: '+',
  dart: '+',
  scala: '+',
  php: '.',
  lua: '..',
};
const TEMPLATE_LANGS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);
const SHELL_LANGS = new Set(['shellscript', 'bash', 'sh', 'zsh', 'dockerfile', 'makefile']);

interface Literal {
  /** Column of the first string-prefix letter (f, r, b, u, @, $) or of the opening quote. */
  from: number;
  open: number;
  close: number;
  quote: string;
  prefix: string;
}

/** The string literal on `line` that contains [start, end), if any (backslash escapes honoured). */
export function enclosingLiteral(line: string, start: number, end: number): Literal | undefined {
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '"' || c === "'" || c === '`') {
      let k = i + 1;
      while (k < line.length && line[k] !== c) k += line[k] === '\\' ? 2 : 1;
      if (k >= line.length) return undefined; // unterminated on this line: do not guess
      if (i < start && end <= k) {
        let from = i;
        while (from > 0 && i - from < 2 && /[A-Za-z@$]/.test(line[from - 1]!)) from--;
        if (from > 0 && /[\w]/.test(line[from - 1]!)) from = i; // an identifier, not a string prefix
        return { from, open: i, close: k, quote: c, prefix: line.slice(from, i) };
      }
      i = k + 1;
    } else i++;
  }
  return undefined;
}

export function envEdit(line: string, start: number, end: number, languageId: string, reference: string): LineEdit {
  const lit = enclosingLiteral(line, start, end);
  if (SHELL_LANGS.has(languageId)) {
    // Single quotes do not expand: close them, expand in double quotes, reopen.
    if (lit?.quote === "'") return { start, end, newText: `'"${reference}"'` };
    return { start, end, newText: reference };
  }
  const op = CONCAT[languageId];
  if (!lit || !op) return { start, end, newText: reference };
  if (lit.quote === '`' && TEMPLATE_LANGS.has(languageId)) return { start, end, newText: `\${${reference}}` };
  const before = line.slice(lit.open + 1, start);
  const after = line.slice(end, lit.close);
  const piece = (s: string) => `${lit.prefix}${lit.quote}${s}${lit.quote}`;
  const parts = [...(before ? [piece(before)] : []), reference, ...(after ? [piece(after)] : [])];
  return { start: lit.from, end: lit.close + 1, newText: parts.join(` ${op} `) };
}

export interface Span {
  start: number;
  end: number;
  reference: string;
}

/**
 * Every placeholder of one line at once: placeholders that share a string literal become one
 * rewrite of that literal (so fix-all needs one run, not one per placeholder); the others are
 * edited one by one. Non-overlapping edits, in line order.
 */
export function envEdits(line: string, spans: readonly Span[], languageId: string): LineEdit[] {
  const out: LineEdit[] = [];
  const op = CONCAT[languageId];
  const groups = new Map<number, { lit: Literal; spans: Span[] }>();
  for (const sp of spans) {
    const lit = enclosingLiteral(line, sp.start, sp.end);
    const inPlace = SHELL_LANGS.has(languageId) || !lit || !op || (lit.quote === '`' && TEMPLATE_LANGS.has(languageId));
    if (inPlace) {
      out.push(envEdit(line, sp.start, sp.end, languageId, sp.reference));
      continue;
    }
    const g = groups.get(lit.open) ?? { lit, spans: [] };
    g.spans.push(sp);
    groups.set(lit.open, g);
  }
  for (const { lit, spans: group } of groups.values()) {
    const piece = (s: string) => `${lit.prefix}${lit.quote}${s}${lit.quote}`;
    const parts: string[] = [];
    let pos = lit.open + 1;
    for (const sp of [...group].sort((a, b) => a.start - b.start)) {
      if (sp.start > pos) parts.push(piece(line.slice(pos, sp.start)));
      parts.push(sp.reference);
      pos = Math.max(pos, sp.end);
    }
    if (pos < lit.close) parts.push(piece(line.slice(pos, lit.close)));
    out.push({ start: lit.from, end: lit.close + 1, newText: parts.join(` ${op} `) });
  }
  return out.sort((a, b) => a.start - b.start);
}
