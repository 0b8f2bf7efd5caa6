// C-like dialect specs: which quotes open which kind of string in each language.
import { clikeLexer, opened, variant, type CLikeSpec, type Opened, type StrVariant } from './clike';
import { Interp, type Lexer } from './types';

const isWord = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);

/** Languages whose quotes map 1:1 to variants (triple quotes first). */
function simple(
  quotes: Readonly<Record<string, number>>,
  variants: StrVariant[],
  rest: Partial<CLikeSpec> & Pick<CLikeSpec, 'relevantCode'>,
): Lexer {
  const keys = Object.keys(quotes).sort((a, b) => b.length - a.length);
  const packed = keys.map((k) => opened(quotes[k]!, k.length));
  const open = (text: string, i: number): Opened => {
    const c = text.charCodeAt(i);
    for (let n = 0; n < keys.length; n++) {
      const k = keys[n]!;
      if (k.charCodeAt(0) === c && (k.length === 1 || text.startsWith(k, i))) return packed[n]!;
    }
    return -1;
  };
  return clikeLexer({
    lineComments: ['//'],
    hashAtWordStart: false,
    blockComment: ['/*', '*/'],
    variants,
    quotes: [...new Set(keys.map((k) => k[0]!))].join(''),
    open,
    codeInterp: -1,
    regexLiterals: false,
    heredoc: false,
    ...rest,
  });
}

export const jsLexer = simple(
  { "'": 0, '"': 1, '`': 2 },
  [
    variant({ close: "'" }),
    variant({ close: '"' }),
    variant({ close: '`', multiline: true, interp: Interp.JsTemplate, frameOpen: '${' }),
  ],
  { regexLiterals: true, relevantCode: ['`', '/*'] },
);

export const jsonLexer = simple({ '"': 0 }, [variant({ close: '"' })], { relevantCode: ['/*'] });

/** Java, C, C++, Scala, Swift: no interpolation that looks like a placeholder. */
export const javaLexer = simple(
  { '"""': 0, '"': 1, "'": 2 },
  [variant({ close: '"""', multiline: true }), variant({ close: '"' }), variant({ close: "'" })],
  { relevantCode: ['"""', '/*'] },
);

/** Kotlin, Groovy, Dart: `$name` and `${...}` interpolate in double (Dart: also single) quotes. */
export const dollarLexer = simple(
  { '"""': 0, '"': 1, "'''": 2, "'": 3 },
  [
    variant({ close: '"""', multiline: true, interp: Interp.Dollar, frameOpen: '${' }),
    variant({ close: '"', interp: Interp.Dollar, frameOpen: '${' }),
    variant({ close: "'''", multiline: true }),
    variant({ close: "'" }),
  ],
  { relevantCode: ['"""', "'''", '/*'] },
);

export const goLexer = simple(
  { '"': 0, '`': 1, "'": 2 },
  [variant({ close: '"' }), variant({ close: '`', multiline: true, escapes: false }), variant({ close: "'" })],
  { relevantCode: ['`', '/*'] },
);

export const phpLexer = simple(
  { "'": 0, '"': 1 },
  [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true, interp: Interp.Dollar })],
  { lineComments: ['//', '#'], relevantCode: ["'", '"', '/*'] },
);

export const rubyLexer = simple(
  { "'": 0, '"': 1 },
  [
    variant({ close: "'", multiline: true }),
    variant({ close: '"', multiline: true, interp: Interp.Ruby, frameOpen: '#{' }),
  ],
  { lineComments: ['#'], blockComment: null, relevantCode: ["'", '"'] },
);

export const tomlLexer = simple(
  { '"""': 0, "'''": 1, '"': 2, "'": 3 },
  [
    variant({ close: '"""', multiline: true }),
    variant({ close: "'''", multiline: true, escapes: false }),
    variant({ close: '"' }),
    variant({ close: "'", escapes: false }),
  ],
  { lineComments: ['#'], blockComment: null, relevantCode: ['"""', "'''"] },
);

export const luaLexer = simple({ "'": 0, '"': 1 }, [variant({ close: "'" }), variant({ close: '"' })], {
  lineComments: ['--'],
  blockComment: null,
  relevantCode: [],
});

export const rLexer = simple(
  { "'": 0, '"': 1 },
  [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true })],
  { lineComments: ['#'], blockComment: null, relevantCode: ["'", '"'] },
);

export const powershellLexer = simple(
  { "'": 0, '"': 1 },
  [
    variant({ close: "'", multiline: true, escapes: false, doubledQuote: true }),
    variant({ close: '"', multiline: true, escapes: false, interp: Interp.PowerShell, frameOpen: '$(' }),
  ],
  { lineComments: ['#'], blockComment: ['<#', '#>'], relevantCode: ["'", '"', '<#'] },
);

// Python: variants = (quote kind 0..3) * 4 + (0 plain, 1 raw, 2 f, 3 raw f).
const PY_QUOTES = ['"""', "'''", '"', "'"];
const pyVariants: StrVariant[] = [];
for (const q of PY_QUOTES) {
  const multiline = q.length === 3;
  pyVariants.push(variant({ close: q, multiline, formatCheck: true }));
  pyVariants.push(variant({ close: q, multiline, escapes: false, formatCheck: true }));
  pyVariants.push(variant({ close: q, multiline, interp: Interp.PyFormat, frameOpen: '{', doubleBrace: true }));
  pyVariants.push(
    variant({ close: q, multiline, escapes: false, interp: Interp.PyFormat, frameOpen: '{', doubleBrace: true }),
  );
}
export const pythonLexer = clikeLexer({
  lineComments: ['#'],
  hashAtWordStart: false,
  blockComment: null,
  variants: pyVariants,
  quotes: '"\'',
  open(text, i, lineStart) {
    const q = text.charCodeAt(i);
    const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
    const qi = (triple ? 0 : 2) + (q === 34 ? 0 : 1);
    // String prefixes (r, b, u, f in any case, at most two letters) right before the quote.
    let p = i;
    let raw = false;
    let f = false;
    while (p > lineStart && i - p < 2) {
      const c = text.charCodeAt(p - 1) | 0x20;
      if (c === 114) raw = true;
      else if (c === 102) f = true;
      else if (c !== 98 && c !== 117) break;
      p--;
    }
    if (p < i && p > lineStart && isWord(text[p - 1])) {
      raw = false; // part of an identifier, not a prefix
      f = false;
    }
    return opened(qi * 4 + (raw ? 1 : 0) + (f ? 2 : 0), triple ? 3 : 1);
  },
  codeInterp: -1,
  regexLiterals: false,
  heredoc: false,
  relevantCode: ['"""', "'''"],
});

// C#: 0 "...", 1 @"..." verbatim, 2 $"..." interpolated, 3 $@"..." both, 4 """raw""", 5 'c'.
export const csharpLexer = clikeLexer({
  lineComments: ['//'],
  hashAtWordStart: false,
  blockComment: ['/*', '*/'],
  variants: [
    variant({ close: '"' }),
    variant({ close: '"', multiline: true, escapes: false, doubledQuote: true }),
    variant({ close: '"', interp: Interp.CSharp, frameOpen: '{', doubleBrace: true }),
    variant({
      close: '"',
      multiline: true,
      escapes: false,
      doubledQuote: true,
      interp: Interp.CSharp,
      frameOpen: '{',
      doubleBrace: true,
    }),
    variant({ close: '"""', multiline: true, escapes: false }),
    variant({ close: "'" }),
  ],
  quotes: '"\'',
  open(text, i, lineStart) {
    if (text[i] === "'") return opened(5, 1);
    if (text.startsWith('"""', i)) return opened(4, 3);
    const a = i > lineStart ? text[i - 1] : '';
    const b = i - 1 > lineStart ? text[i - 2] : '';
    const pre = (b === '$' || b === '@' ? b : '') + (a === '$' || a === '@' ? a : '');
    const v = (pre.includes('$') ? 2 : 0) + (pre.includes('@') ? 1 : 0);
    return opened(v, 1);
  },
  codeInterp: -1,
  regexLiterals: false,
  heredoc: false,
  relevantCode: ['@"', '"""', '/*'],
});

// Rust: 0 "..." (may span lines), 1 r"...", 2 r#"..."#, 3 r##"..."##, 4 char literal.
export const rustLexer = clikeLexer({
  lineComments: ['//'],
  hashAtWordStart: false,
  blockComment: ['/*', '*/'],
  variants: [
    variant({ close: '"', multiline: true, interp: Interp.Rust }),
    variant({ close: '"', multiline: true, escapes: false, interp: Interp.Rust }),
    variant({ close: '"#', multiline: true, escapes: false, interp: Interp.Rust }),
    variant({ close: '"##', multiline: true, escapes: false, interp: Interp.Rust }),
    variant({ close: "'" }),
  ],
  quotes: '"\'',
  open(text, i, lineStart) {
    if (text[i] === "'") {
      // 'a' or '\n' is a char literal; 'a alone is a lifetime.
      return text[i + 1] === '\\' || text[i + 2] === "'" ? opened(4, 1) : -1;
    }
    let p = i;
    while (p > lineStart && text[p - 1] === '#') p--;
    const hashes = i - p;
    if (p > lineStart && (text[p - 1] === 'r' || text[p - 1] === 'R')) {
      if (p - 1 > lineStart && /\w/.test(text[p - 2]!) && text[p - 2] !== 'b') return opened(0, 1);
      return opened(hashes === 0 ? 1 : hashes === 1 ? 2 : 3, 1);
    }
    return opened(0, 1);
  },
  codeInterp: -1,
  regexLiterals: false,
  heredoc: false,
  relevantCode: ['"', '/*'],
});

// Shell family. 0 '...', 1 "...", 2 JSON string in a Dockerfile exec-form line.
const shellVariants = [
  variant({ close: "'", multiline: true, escapes: false }),
  variant({ close: '"', multiline: true, interp: Interp.Shell, frameOpen: '$(' }),
  variant({ close: '"' }),
];
function shellSpec(extra: Partial<CLikeSpec>): CLikeSpec {
  return {
    lineComments: ['#'],
    hashAtWordStart: true,
    blockComment: null,
    variants: shellVariants,
    quotes: '"\'',
    open: (text, i, _s, flags) => opened(text.charCodeAt(i) === 39 ? 0 : flags === 1 ? 2 : 1, 1),
    codeInterp: Interp.Shell,
    regexLiterals: false,
    heredoc: true,
    relevantCode: ["'", '"', '<<'],
    ...extra,
  };
}
export const shellLexer = clikeLexer(shellSpec({}));

const EXEC_FORM = /\s*(?:RUN|CMD|ENTRYPOINT|SHELL|HEALTHCHECK\s+(?:--\S+\s+)*CMD)\s+\[/iy;
/** Dockerfile: shell rules, except that exec-form JSON arrays are never expanded by a shell. */
export const dockerfileLexer = clikeLexer(
  shellSpec({
    lineFlags(text, start, end) {
      EXEC_FORM.lastIndex = start;
      const m = EXEC_FORM.exec(text);
      return m && m.index + m[0].length <= end ? 1 : 0;
    },
  }),
);

export const makefileLexer = clikeLexer({
  ...shellSpec({}),
  variants: [
    variant({ close: "'", multiline: false, escapes: false, interp: Interp.Make }),
    variant({ close: '"', multiline: false, interp: Interp.Make }),
  ],
  open: (text, i) => opened(text.charCodeAt(i) === 39 ? 0 : 1, 1),
  codeInterp: Interp.Make,
  heredoc: false,
  relevantCode: [],
});
