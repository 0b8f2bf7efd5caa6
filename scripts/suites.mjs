// Every test suite the README's test command runs, in order. Each suite is a command whose
// output carries mocha's "N passing / N failing" or a plain "N passed, N failed" line.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** Static checks count as one test each. */
export const checks = [
  { name: 'lint (eslint)', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'format (prettier --check)', cmd: bin('prettier'), args: ['--check', '.'] },
  {
    name: 'architecture (package graph = docs/architecture.md)',
    cmd: process.execPath,
    args: [path.join(root, 'scripts', 'check-architecture.mjs')],
  },
  {
    name: 'typecheck (tsc, every package)',
    cmd: bin('turbo'),
    args: ['run', 'typecheck', '--output-logs=errors-only'],
  },
];

/** mocha suites of every workspace package that has tests. */
export function packageSuites() {
  const out = [];
  for (const dir of ['packages', 'extensions']) {
    const base = path.join(root, dir);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      const cwd = path.join(base, name);
      const testDir = path.join(cwd, 'test');
      if (!existsSync(path.join(cwd, '.mocharc.json')) || !existsSync(testDir)) continue;
      if (!readdirSync(testDir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'))) continue;
      out.push({ name: `${dir}/${name} (mocha)`, cmd: bin('mocha'), args: [], cwd });
    }
  }
  return out;
}

/**
 * Suites that need a real VS Code (code-server) or a browser: registered by the extension
 * (extension-host suites) and by e2e/ (the UI path through the whole product).
 */
export async function vscodeSuites() {
  const out = [];
  for (const file of [
    path.join(root, 'extensions', 'vscode', 'scripts', 'suites.mjs'),
    path.join(root, 'e2e', 'suites.mjs'),
  ]) {
    if (!existsSync(file)) continue;
    const mod = await import(file);
    out.push(...(await mod.suites()));
  }
  return out;
}
