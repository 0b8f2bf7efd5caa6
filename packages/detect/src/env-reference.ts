// How each language reads an environment variable: what a quick fix writes instead of a
// placeholder or a hardcoded token.

type Idiom = (name: string) => string;

const IDIOMS: Readonly<Record<string, Idiom>> = {
  javascript: (n) => `process.env.${n}`,
  javascriptreact: (n) => `process.env.${n}`,
  typescript: (n) => `process.env.${n}`,
  typescriptreact: (n) => `process.env.${n}`,
  vue: (n) => `process.env.${n}`,
  svelte: (n) => `process.env.${n}`,
  python: (n) => `os.environ["${n}"]`,
  ruby: (n) => `ENV["${n}"]`,
  go: (n) => `os.Getenv("${n}")`,
  java: (n) => `System.getenv("${n}")`,
  kotlin: (n) => `System.getenv("${n}")`,
  scala: (n) => `sys.env("${n}")`,
  groovy: (n) => `System.getenv("${n}")`,
  php: (n) => `getenv('${n}')`,
  csharp: (n) => `Environment.GetEnvironmentVariable("${n}")`,
  rust: (n) => `std::env::var("${n}")`,
  swift: (n) => `ProcessInfo.processInfo.environment["${n}"]`,
  dart: (n) => `Platform.environment['${n}']`,
  c: (n) => `getenv("${n}")`,
  cpp: (n) => `std::getenv("${n}")`,
  lua: (n) => `os.getenv("${n}")`,
  r: (n) => `Sys.getenv("${n}")`,
  powershell: (n) => `$env:${n}`,
  shellscript: (n) => `$${n}`,
  dockerfile: (n) => `$${n}`,
  makefile: (n) => `$(${n})`,
  dotenv: (n) => `\${${n}}`,
  yaml: (n) => `\${${n}}`,
  http: (n) => `{{${n}}}`,
};

/** The reference to env var `varName` in the idiom of `languageId` (shell style when unknown). */
export function envReference(languageId: string, varName: string): string {
  const idiom = IDIOMS[languageId];
  return idiom ? idiom(varName) : `$${varName}`;
}
