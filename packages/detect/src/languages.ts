// File name -> VS Code language id, for front ends that only have a path (the CLI) or that
// receive a vague id from the client ("plaintext" for a .env file).

const BY_BASENAME: Readonly<Record<string, string>> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  makefile: 'makefile',
  gnumakefile: 'makefile',
  'predicthq.conf': 'ini',
  jenkinsfile: 'groovy',
  gemfile: 'ruby',
  rakefile: 'ruby',
  '.bashrc': 'shellscript',
  '.zshrc': 'shellscript',
  '.profile': 'shellscript',
  '.bash_profile': 'shellscript',
  '.npmrc': 'ini',
  '.pypirc': 'ini',
};

const BY_EXTENSION: Readonly<Record<string, string>> = {
  py: 'python',
  pyi: 'python',
  pyw: 'python',
  ipynb: 'json',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascriptreact',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  vue: 'vue',
  svelte: 'svelte',
  html: 'html',
  htm: 'html',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  groovy: 'groovy',
  gradle: 'groovy',
  scala: 'scala',
  go: 'go',
  rb: 'ruby',
  php: 'php',
  cs: 'csharp',
  rs: 'rust',
  swift: 'swift',
  dart: 'dart',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  lua: 'lua',
  r: 'r',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  ksh: 'shellscript',
  ps1: 'powershell',
  psm1: 'powershell',
  json: 'json',
  jsonc: 'jsonc',
  json5: 'jsonc',
  yaml: 'yaml',
  yml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  properties: 'properties',
  env: 'dotenv',
  md: 'markdown',
  rst: 'restructuredtext',
  markdown: 'markdown',
  mdx: 'markdown',
  http: 'http',
  rest: 'http',
  dockerfile: 'dockerfile',
  mk: 'makefile',
  txt: 'plaintext',
};

/** The VS Code language id for a file name or path, or undefined when unknown. */
export function languageFromFileName(name: string): string | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
  const exact = BY_BASENAME[base];
  if (exact) return exact;
  // .env, .env.local, .env.production, local.env
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  // env-template.txt, env.example.txt: a .env template saved as text.
  if (/^\.?env[._-]?(?:example|sample|template|tpl|dist)\.txt$/.test(base)) return 'dotenv';
  if (base.startsWith('dockerfile.') || base.endsWith('.dockerfile')) return 'dockerfile';
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  return BY_EXTENSION[base.slice(dot + 1)];
}
