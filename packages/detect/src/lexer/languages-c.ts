// C-like dialect specs: which quotes open which kind of string in each language.
import { clikeLexer, variant, type CLikeSpec, type Opened, type StrVariant } from './clike';
import { Interp, type Lexer } from './types';

const isWord = (c: string | undefined): boolean => c !== undefined && /[\w$]/.test(c);

/** Languages whose quotes map 1:1 to variants (triple quotes first). */
function simple(
  quotes: Readonly<Record<string, number>>,
  variants: StrVariant[],
  rest: Partial<CLikeSpec> & Pick<CLikeSpec, 'relevantCode'>,
): Lexer {
  const keys = Object.keys(quotes).sort((a, b) => b.length - a.length);
  const open = (text: string, i: number): Opened | null => {
    for (const k of keys) if (text.startsWith(k, i)) return { variant: quotes[k]!, length: k.length };
    return null;
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
    const qi = PY_QUOTES.findIndex((q) => text.startsWith(q, i));
    let p = i;
    while (p > lineStart && i - p < 2 && /[rRbBuUfF]/.test(text[p - 1]!)) p--;
    if (p > lineStart && isWord(text[p - 1])) p = i; // part of an identifier, not a prefix
    const prefix = text.slice(p, i).toLowerCase();
    const kind = (prefix.includes('r') ? 1 : 0) + (prefix.includes('f') ? 2 : 0);
    return { variant: qi * 4 + kind, length: PY_QUOTES[qi]!.length };
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
    if (text[i] === "'") return { variant: 5, length: 1 };
    if (text.startsWith('"""', i)) return { variant: 4, length: 3 };
    const a = i > lineStart ? text[i - 1] : '';
    const b = i - 1 > lineStart ? text[i - 2] : '';
    const pre = (b === '$' || b === '@' ? b : '') + (a === '$' || a === '@' ? a : '');
    const v = (pre.includes('$') ? 2 : 0) + (pre.includes('@') ? 1 : 0);
    return { variant: v, length: 1 };
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
      return text[i + 1] === '\\' || text[i + 2] === "'" ? { variant: 4, length: 1 } : null;
    }
    let p = i;
    while (p > lineStart && text[p - 1] === '#') p--;
    const hashes = i - p;
    if (p > lineStart && (text[p - 1] === 'r' || text[p - 1] === 'R')) {
      if (p - 1 > lineStart && /\w/.test(text[p - 2]!) && text[p - 2] !== 'b') return { variant: 0, length: 1 };
      return { variant: hashes === 0 ? 1 : hashes === 1 ? 2 : 3, length: 1 };
    }
    return { variant: 0, length: 1 };
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
    open: (text, i, _s, flags) => ({ variant: text[i] === "'" ? 0 : flags === 1 ? 2 : 1, length: 1 }),
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
  open: (text, i) => ({ variant: text[i] === "'" ? 0 : 1, length: 1 }),
  codeInterp: Interp.Make,
  heredoc: false,
  relevantCode: [],
});
