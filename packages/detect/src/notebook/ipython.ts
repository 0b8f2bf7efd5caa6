// A code cell seen as the languages it holds. IPython (a Python kernel) adds its own syntax
// to Python: `!cmd` and `x = !cmd` run a shell, `%%bash` makes the whole cell a shell
// script, `%env NAME=value` sets an environment variable, other `%magic` lines are not
// Python. Each language gets a *view*: the cell's text with every character that belongs to
// another language replaced by a space (line breaks kept), so offsets in a view are offsets
// in the cell and the findings of all views merge without mapping.
import { languageFromFileName } from '../languages';

export interface CellView {
  /** VS Code language id the view is judged as; null: no lexer for it (token leaks only). */
  languageId: string | null;
  text: string;
  /**
   * Spans IPython substitutes before the shell sees the line (`$name`, `{name}` naming a
   * Python variable of the notebook): findings overlapping them are dropped.
   */
  substituted?: [number, number][];
}

/** Kernel language (kernelspec.language / language_info.name) -> VS Code language id. */
const KERNELS: Readonly<Record<string, string | null>> = {
  python: 'python',
  python3: 'python',
  ipython: 'python',
  r: 'r',
  javascript: 'javascript',
  typescript: 'typescript',
  bash: 'shellscript',
  shellscript: 'shellscript', // VS Code's id for a bash kernel's cells
  sh: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  powershell: 'powershell',
  java: 'java',
  scala: 'scala',
  kotlin: 'kotlin',
  go: 'go',
  rust: 'rust',
  ruby: 'ruby',
  'c#': 'csharp',
  csharp: 'csharp',
  'c++': 'cpp',
  'c++17': 'cpp',
  cpp: 'cpp',
  c: 'c',
  php: 'php',
  lua: 'lua',
  // No lexer here: Julia and Perl interpolate `$name` inside double quotes, SQL has none of
  // our sinks' shapes; judging them as anything else would invent findings.
};

/** The language a code cell of this kernel is judged as: null when unknown (token leaks only). */
export function kernelLanguageId(kernelLanguage: string | undefined): string | null {
  if (kernelLanguage === undefined || kernelLanguage === '') return 'python';
  return KERNELS[kernelLanguage.toLowerCase()] ?? null;
}

/** `%%name args` cell magics whose body is another language. */
function cellMagicLanguage(name: string, arg: string): string | null | 'python' {
  switch (name) {
    case 'bash':
    case 'sh':
      return 'shellscript';
    case 'script': {
      const prog = arg.split(/\s+/)[0]?.replace(/^.*\//, '') ?? '';
      if (/^(?:ba|z|k)?sh$/.test(prog)) return 'shellscript';
      if (/^python\d?(?:\.\d+)?$/.test(prog)) return 'python';
      if (prog === 'ruby') return 'ruby';
      if (prog === 'node') return 'javascript';
      return null;
    }
    case 'javascript':
    case 'js':
      return 'javascript';
    case 'html':
      return 'html';
    case 'markdown':
      return 'markdown';
    case 'ruby':
      return 'ruby';
    case 'powershell':
      return 'powershell';
    case 'writefile':
    case 'file': {
      const file = arg
        .split(/\s+/)
        .filter((w) => w && !w.startsWith('-'))
        .pop();
      return (file && languageFromFileName(file)) ?? null;
    }
    // Cell magics that run their body as Python.
    case 'time':
    case 'timeit':
    case 'capture':
    case 'prun':
    case 'debug':
    case 'python':
    case 'python3':
      return 'python';
    default:
      return null;
  }
}

const CELL_MAGIC = /^%%([A-Za-z_]\w*)[ \t]*([^\n]*)/;
/** `!cmd`, `!!cmd`, `x = !cmd`: group 1 is what precedes the shell command. */
const SHELL_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)!!?/;
/** `%env NAME=value`, `%env NAME value`, `%set_env NAME value`. */
const ENV_LINE = /^([ \t]*%(?:set_)?env[ \t]+)([A-Za-z_]\w*)([ \t]*=[ \t]*|[ \t]+)(?=\S)/;
/** Other line magics (`%pip install`, `x = %time f()`): not Python. */
const MAGIC_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)%/;
/** IPython's substitution in a `!` line: `$name` and `{name}` (`{expr}` in general; a name is what we can resolve). */
const SUBST = /\$([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\}/g;

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** The views of a code cell of a Python kernel (IPython syntax). */
export function ipythonViews(source: string, pythonNames: ReadonlySet<string>): CellView[] {
  const magic = CELL_MAGIC.exec(source);
  if (magic) {
    const lang = cellMagicLanguage(magic[1]!, magic[2]!);
    const body = blank(magic[0]) + source.slice(magic[0].length);
    // %%time and friends: the body is an IPython cell again.
    if (lang === 'python') return ipythonViews(body, pythonNames);
    return [{ languageId: lang, text: body }];
  }
  const py: string[] = [];
  const sh: string[] = [];
  const env: string[] = [];
  const substituted: [number, number][] = [];
  let hasShell = false;
  let hasEnv = false;
  let at = 0;
  for (const line of source.split('\n')) {
    const s = SHELL_LINE.exec(line);
    const e = s ? null : ENV_LINE.exec(line);
    const m = s || e ? null : MAGIC_LINE.exec(line);
    if (s) {
      hasShell = true;
      py.push(s[1]! + blank(line.slice(s[1]!.length)));
      sh.push(blank(s[0]) + line.slice(s[0].length));
      // IPython expands `$name` and `{name}` from Python variables before the shell runs.
      SUBST.lastIndex = s[0].length;
      for (let x = SUBST.exec(line); x; x = SUBST.exec(line)) {
        if (pythonNames.has(x[1] ?? x[2]!)) substituted.push([at + x.index, at + x.index + x[0].length]);
      }
      env.push(blank(line));
    } else if (e) {
      hasEnv = true;
      py.push(blank(line));
      sh.push(blank(line));
      // As a .env line: `NAME=value` (the separator becomes '=', same length).
      const sep = e[3]!.includes('=') ? e[3]! : '=' + e[3]!.slice(1);
      env.push(blank(e[1]!) + e[2]! + sep + line.slice(e[0].length));
    } else if (m) {
      py.push(m[1]! + blank(line.slice(m[1]!.length)));
      sh.push(blank(line));
      env.push(blank(line));
    } else {
      py.push(line);
      sh.push(blank(line));
      env.push(blank(line));
    }
    at += line.length + 1;
  }
  const views: CellView[] = [{ languageId: 'python', text: py.join('\n') }];
  if (hasShell) views.push({ languageId: 'shellscript', text: sh.join('\n'), substituted });
  if (hasEnv) views.push({ languageId: 'dotenv', text: env.join('\n') });
  return views;
}

const ASSIGNED = /^[ \t]*(?:for[ \t]+)?([A-Za-z_]\w*)[ \t]*(?:[:=]|in\b|,)/gm;
const IMPORTED = /\bimport[ \t]+(?:\w+[ \t]+as[ \t]+)?([A-Za-z_]\w*)/g;

/** Names a notebook's Python cells define (assignments, for targets, imports), for IPython's `$name` substitution. */
export function pythonNamesIn(sources: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const s of sources) {
    for (const m of s.matchAll(ASSIGNED)) names.add(m[1]!);
    for (const m of s.matchAll(IMPORTED)) names.add(m[1]!);
  }
  return names;
}
