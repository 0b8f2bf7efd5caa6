// The end-to-end suites for the root test runner (scripts/test.mjs): `npm start` itself
// (URL, workbench, Ctrl+C), the UI path, and Restricted Mode (the demo with workspace trust on). Each prints "<NAME>: N passed, N failed" and
// exits non-zero on failure.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function suites() {
  return [
    {
      name: 'e2e (npm start: demo up, URL, Ctrl+C)',
      cmd: process.execPath,
      args: [path.join(here, 'demo-smoke.mjs')],
      cwd: path.join(here, '..'),
      env: {},
    },
    {
      name: 'e2e (UI end-to-end in code-server + Chromium)',
      cmd: process.execPath,
      args: [path.join(here, 'ui.mjs')],
      cwd: path.join(here, '..'),
      env: {},
    },
    {
      name: 'e2e (UI: Problems after undo and after clearing a notebook output)',
      cmd: process.execPath,
      args: [path.join(here, 'editor-sync.mjs')],
      cwd: path.join(here, '..'),
      env: {},
    },
    {
      name: 'e2e (Restricted Mode UI: npm start -- --trust, untrusted folder)',
      cmd: process.execPath,
      args: [path.join(here, 'restricted.mjs')],
      cwd: path.join(here, '..'),
      env: {},
    },
  ];
}
