// Integration tests drive the real bundle. Rebuild it when any source it bundles is newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const pkg = path.resolve(__dirname, '..', '..');
export const BUNDLE = path.join(pkg, 'dist', 'server.js');
const SOURCES = ['server', 'protocol', 'detect', 'core', 'files'].map((p) => path.join(pkg, '..', p, 'src'));

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true })) t = Math.max(t, statSync(path.join(dir, String(f))).mtimeMs);
  return t;
}

let checked = false;
export function ensureBundle(): string {
  if (checked) return BUNDLE;
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : 0;
  if (SOURCES.some((d) => newest(d) > built)) {
    const r = spawnSync(process.execPath, [path.join(pkg, 'build.mjs')], { cwd: pkg, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`building the server failed:\n${r.stdout}\n${r.stderr}`);
  }
  checked = true;
  return BUNDLE;
}
