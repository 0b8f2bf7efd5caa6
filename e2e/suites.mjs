// The UI end-to-end suite for the root test runner (scripts/test.mjs). It prints
// "UI-E2E: N passed, N failed" and exits non-zero on failure.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function suites() {
  return [
    {
      name: 'e2e (UI end-to-end in code-server + Chromium)',
      cmd: process.execPath,
      args: [path.join(here, 'ui.mjs')],
      cwd: path.join(here, '..'),
      env: {},
    },
  ];
}
