// Language id -> lexer and the words messages use for it.
import * as C from './lexer/languages-c';
import { dotenvLexer, httpLexer, iniLexer, propertiesLexer, plainLexer, yamlLexer } from './lexer/lines';
import { markdownLexer } from './lexer/markdown';
import { rstLexer } from './lexer/rst';
import { guessLine, namedFile } from './lexer/untagged';
import type { Lexer } from './lexer/types';
import { languageFromFileName } from './languages';

export interface Dialect {
  /** 1-based; 0 in segments means "the file's own dialect". */
  id: number;
  /** The VS Code language id reported in findings and used for env references. */
  languageId: string;
  /** "a Python string", used in messages. */
  label: string;
  lexer: Lexer;
  markdown: boolean;
}

const byId: Dialect[] = [];
const byLanguage = new Map<string, Dialect>();

function def(languageIds: string[], label: string, lexer: Lexer, markdown = false): Dialect {
  const d: Dialect = { id: byId.length + 1, languageId: languageIds[0]!, label, lexer, markdown };
  byId.push(d);
  for (const l of languageIds) byLanguage.set(l, d);
  return d;
}

/** Same lexer, but findings report the precise language id (javascript vs typescript...). */
function alias(languageId: string, of: string, label?: string): void {
  const base = byLanguage.get(of)!;
  def([languageId], label ?? base.label, base.lexer, base.markdown);
}

def(['javascript'], 'JavaScript', C.jsLexer);
alias('typescript', 'javascript', 'TypeScript');
alias('javascriptreact', 'javascript');
alias('typescriptreact', 'javascript', 'TypeScript');
alias('vue', 'javascript', 'Vue');
alias('svelte', 'javascript', 'Svelte');
alias('html', 'javascript', 'HTML');
def(['python'], 'Python', C.pythonLexer);
def(['java'], 'Java', C.javaLexer);
alias('c', 'java', 'C');
alias('cpp', 'java', 'C++');
alias('scala', 'java', 'Scala');
alias('swift', 'java', 'Swift');
def(['kotlin'], 'Kotlin', C.dollarLexer);
alias('groovy', 'kotlin', 'Groovy');
alias('dart', 'kotlin', 'Dart');
def(['go'], 'Go', C.goLexer);
def(['csharp'], 'C#', C.csharpLexer);
def(['rust'], 'Rust', C.rustLexer);
def(['ruby'], 'Ruby', C.rubyLexer);
def(['php'], 'PHP', C.phpLexer);
def(['lua'], 'Lua', C.luaLexer);
def(['r'], 'R', C.rLexer);
def(['powershell'], 'PowerShell', C.powershellLexer);
def(['shellscript', 'bash', 'sh', 'zsh'], 'shell', C.shellLexer);
def(['dockerfile'], 'Dockerfile', C.dockerfileLexer);
def(['makefile'], 'Makefile', C.makefileLexer);
def(['json', 'jsonc', 'json5', 'jsonl'], 'JSON', C.jsonLexer);
def(['toml'], 'TOML', C.tomlLexer);
def(['yaml', 'yml'], 'YAML', yamlLexer);
def(['dotenv', 'env'], '.env', dotenvLexer);
def(['ini', 'conf'], 'config', iniLexer);
def(['properties'], 'config', propertiesLexer);
def(['http', 'rest'], 'HTTP request', httpLexer);
const plain = def(['plaintext'], 'text', plainLexer);
def(
  ['markdown', 'mdx'],
  'Markdown',
  markdownLexer(forFence, {
    guess: (line) => byLanguage.get(guessLine(line))!,
    hint: (text) => {
      const f = namedFile(text);
      const lang = f ? languageFromFileName(f) : undefined;
      return lang && HINTED.has(lang) ? lang : '';
    },
  }),
  true,
);
def(['restructuredtext', 'rst'], 'reStructuredText', rstLexer(forFence), true);

/** Languages a file named in the prose gives an untagged fence (config formats). */
const HINTED = new Set(['dotenv', 'toml', 'ini']);

const FENCE_ALIASES: Readonly<Record<string, string>> = {
  py: 'python',
  python3: 'python',
  js: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  jsx: 'javascriptreact',
  tsx: 'typescriptreact',
  sh: 'shellscript',
  bash: 'shellscript',
  shell: 'shellscript',
  zsh: 'shellscript',
  console: 'shellscript',
  'shell-session': 'shellscript',
  terminal: 'shellscript',
  curl: 'shellscript',
  rb: 'ruby',
  golang: 'go',
  cs: 'csharp',
  'c#': 'csharp',
  rs: 'rust',
  kt: 'kotlin',
  docker: 'dockerfile',
  make: 'makefile',
  ps1: 'powershell',
  pwsh: 'powershell',
  yml: 'yaml',
  env: 'dotenv',
  cfg: 'ini',
  conf: 'ini',
  rest: 'http',
  text: 'plaintext',
  txt: 'plaintext',
  '': 'plaintext',
};

function forFence(info: string): Dialect {
  const d = byLanguage.get(FENCE_ALIASES[info] ?? info);
  return d && !d.markdown ? d : plain;
}

export function dialectById(id: number): Dialect {
  return byId[id - 1] ?? plain;
}

/** The dialect to judge a document by: the file name wins for .env, predicthq.conf, Dockerfile, Makefile. */
export function dialectFor(languageId: string, fileName?: string): Dialect {
  const fromName = fileName ? languageFromFileName(fileName) : undefined;
  if (fromName && (fromName === 'dotenv' || fromName === 'dockerfile' || fromName === 'makefile'))
    return byLanguage.get(fromName)!;
  if (fileName && /(?:^|[\\/])predicthq\.conf$/i.test(fileName)) return byLanguage.get('ini')!;
  return byLanguage.get(languageId) ?? (fromName ? byLanguage.get(fromName) : undefined) ?? plain;
}
