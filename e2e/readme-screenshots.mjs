#!/usr/bin/env node
// Regenerates the README's screenshots (docs/screenshots/*.png) from the UI suite's
// artifacts in test-results/e2e/, so the README shows what the tests saw.
//   node e2e/readme-screenshots.mjs          copy from the last UI run
//   node e2e/readme-screenshots.mjs --run    run the UI suite first
// Token values on them come from the emulator (random per run): no real secret.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = path.join(here, '..', 'test-results', 'e2e');
const out = path.join(here, '..', 'docs', 'screenshots');

/** README name <- UI step artifact. */
export const README_SHOTS = {
  'tree.png': '1-tree.png',
  'create-token.png': '2-create-scopes.png',
  'diagnostics.png': '3-diagnostics.png',
  'quick-fix.png': '4a-quick-fix-menu.png',
  'completion.png': '4b-completion-suggestions.png',
  'error-retry.png': '7a-error-429-error.png',
  'add-token-paste.png': '8a-add-token-paste.png',
  'add-token-tree.png': '8a-add-token.png',
  'add-token-complete.png': '8b-complete-local-suggestions.png',
  'add-token-forget.png': '8c-forget-confirm.png',
  'notebook-fix.png': '10-notebook-menu.png',
  'rotate-plan.png': '12-rotate-plan.png',
  'scan-workspace.png': '11-scan-workspace.png',
  'terminal.png': '8d-terminal.png',
};

if (process.argv.includes('--run')) {
  const r = spawnSync(process.execPath, [path.join(here, 'ui.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('The UI suite failed: screenshots not updated.');
    process.exit(1);
  }
}
const missing = Object.values(README_SHOTS).filter((f) => !existsSync(path.join(artifacts, f)));
if (missing.length) {
  console.error(`Missing in ${artifacts}: ${missing.join(', ')}. Run with --run (or node e2e/ui.mjs) first.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });
for (const [name, from] of Object.entries(README_SHOTS)) {
  copyFileSync(path.join(artifacts, from), path.join(out, name));
  console.log(`docs/screenshots/${name}  <-  test-results/e2e/${from}`);
}
