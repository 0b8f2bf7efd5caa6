// The README's Install section, read the way a user reads it: one block per kind of user,
// named by the bold label before it. Tests run (or check) each block as written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pkgDir } from './helpers';

export const repoRoot = path.resolve(pkgDir, '..', '..');

export interface InstallBlock {
  /** The bold label before the block ("VS Code", "pre-commit", ...); '' for the first. */
  label: string;
  lang: string;
  body: string;
  /** Non-empty lines, comments removed (sh blocks). */
  lines: string[];
}

export function installBlocks(): InstallBlock[] {
  const text = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const start = text.indexOf('\n## Install\n');
  assert.ok(start >= 0, 'README.md has an "## Install" section');
  const end = text.indexOf('\n## ', start + 5);
  const section = text.slice(start, end < 0 ? undefined : end);
  const out: InstallBlock[] = [];
  let label = '';
  for (const m of section.matchAll(/\*\*([^*]+)\*\*|```(\w+)\n([\s\S]*?)```/g)) {
    if (m[1] !== undefined) {
      label = m[1];
      continue;
    }
    const body = m[3]!;
    const lines = body
      .split('\n')
      .map((l) => l.replace(/\s+#\s.*$/, '').trim())
      .filter((l) => l !== '');
    out.push({ label, lang: m[2]!, body, lines });
  }
  return out;
}

export function installBlock(label: string): InstallBlock {
  const b = installBlocks().find((x) => x.label === label);
  assert.ok(b, `README's Install section has a block under **${label}**`);
  return b;
}
