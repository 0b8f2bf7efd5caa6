// The import an env-variable reference needs, so a fixed file still runs: Python's
// os.environ needs `import os`, Go's os.Getenv the "os" package, Dart's Platform
// `dart:io`, C's getenv <stdlib.h>, C++'s std::getenv <cstdlib>, C#'s Environment `System`.
// Languages whose idiom is built in (JavaScript's process.env, Ruby's ENV, Java's System,
// PHP's getenv, shell, .env...) need nothing. One edit at most, at the place the language's
// conventions put imports; none when the file already has it.

export interface Lines {
  readonly lineCount: number;
  lineText(line: number): string;
}

/** An insertion of `text` at the start of `line`. */
export interface ImportEdit {
  line: number;
  text: string;
}

interface Rule {
  /** The file already imports what the reference needs. */
  has: RegExp;
  text: string;
  /** Where it goes: the line index to insert before. */
  at: (doc: Lines) => number;
}

const lines = (doc: Lines): string[] => Array.from({ length: doc.lineCount }, (_, i) => doc.lineText(i));

/** Python: before the first top-level import, after `from __future__` ones; else after the header (shebang, comments, docstring). */
function pythonAt(doc: Lines): number {
  const ls = lines(doc);
  let future = -1;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i]!;
    if (/^from\s+__future__\s+import\b/.test(l)) future = i;
    else if (/^(?:import|from)\s+[\w.]/.test(l)) return future >= 0 ? future + 1 : i;
  }
  if (future >= 0) return future + 1;
  let i = 0;
  while (i < ls.length && /^\s*(?:#.*)?$/.test(ls[i]!)) i++;
  const doc3 = /^[rRuU]?("""|''')/.exec(ls[i] ?? '');
  if (doc3) {
    const q = doc3[1]!;
    const rest = ls[i]!.slice(ls[i]!.indexOf(q) + 3);
    if (!rest.includes(q)) while (++i < ls.length && !ls[i]!.includes(q));
    i++;
  }
  return Math.min(i, ls.length);
}

/** Before the first line matching `re`, else after the leading comment lines. */
const beforeFirst =
  (re: RegExp) =>
  (doc: Lines): number => {
    const ls = lines(doc);
    const i = ls.findIndex((l) => re.test(l));
    if (i >= 0) return i;
    let k = 0;
    while (k < ls.length && /^\s*(?:\/\/.*)?$/.test(ls[k]!)) k++;
    return k;
  };

const RULES: Readonly<Record<string, Rule>> = {
  python: {
    has: /^\s*import\s+(?:[\w.]+\s*(?:as\s+\w+\s*)?,\s*)*os\b(?!\.)|^\s*import\s+os\s*$/m,
    text: 'import os\n',
    at: pythonAt,
  },
  dart: { has: /^\s*import\s+['"]dart:io['"]/m, text: "import 'dart:io';\n", at: beforeFirst(/^\s*import\s/) },
  c: { has: /^\s*#\s*include\s*<stdlib\.h>/m, text: '#include <stdlib.h>\n', at: beforeFirst(/^\s*#\s*include\b/) },
  cpp: {
    has: /^\s*#\s*include\s*<(?:cstdlib|stdlib\.h)>/m,
    text: '#include <cstdlib>\n',
    at: beforeFirst(/^\s*#\s*include\b/),
  },
  csharp: { has: /^\s*using\s+System\s*;/m, text: 'using System;\n', at: beforeFirst(/^\s*using\s/) },
};

/** Go has its own shapes: an `import (...)` block, single imports, or none yet. */
function goImport(doc: Lines): ImportEdit | undefined {
  const ls = lines(doc);
  const text = ls.join('\n');
  if (/^\s*import\s+(?:\w+\s+)?"os"/m.test(text) || /^\s*import\s*\([^)]*^\s*(?:\w+\s+)?"os"\s*$/ms.test(text))
    return undefined;
  const block = ls.findIndex((l) => /^\s*import\s*\(\s*$/.test(l));
  if (block >= 0) return { line: block + 1, text: '\t"os"\n' };
  const single = ls.findIndex((l) => /^\s*import\s+(?:\w+\s+)?"[^"]+"/.test(l));
  if (single >= 0) return { line: single + 1, text: 'import "os"\n' };
  const pkg = ls.findIndex((l) => /^\s*package\s+\w+/.test(l));
  return { line: pkg + 1, text: pkg >= 0 ? '\nimport "os"\n' : 'import "os"\n' };
}

/** The import `reference` (an env idiom written by a fix) needs in `doc`, if any is missing. */
export function importFor(doc: Lines, languageId: string, reference: string): ImportEdit | undefined {
  if (languageId === 'go') return reference.startsWith('os.') ? goImport(doc) : undefined;
  const rule = RULES[languageId];
  if (!rule) return undefined;
  if (languageId === 'python' && !reference.startsWith('os.')) return undefined;
  if (rule.has.test(lines(doc).join('\n'))) return undefined;
  return { line: rule.at(doc), text: rule.text };
}
