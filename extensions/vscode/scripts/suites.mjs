// The suites that need a real VS Code, for the root test runner (scripts/test.mjs). Each is a
// command whose output carries mocha's "N passing / N failing" lines.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function suites() {
  return [
    {
      name: 'extensions/vscode (extension host in code-server)',
      cmd: process.execPath,
      args: [path.join(extDir, 'scripts', 'run-ext-tests.mjs')],
      cwd: extDir,
      env: {},
    },
    {
      name: 'extensions/vscode (extension host, untrusted workspace)',
      cmd: process.execPath,
      args: [path.join(extDir, 'scripts', 'run-ext-tests.mjs'), '--untrusted'],
      cwd: extDir,
      env: {},
    },
    {
      name: 'extensions/vscode (.vsix: package, install, activate)',
      cmd: process.execPath,
      args: [path.join(extDir, 'scripts', 'check-vsix.mjs')],
      cwd: extDir,
      env: {},
    },
  ];
}
