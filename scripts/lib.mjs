// Shared helpers for the top-level scripts (start, test, bench). Node builtins only:
// these run before anything is installed.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pnpmVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsDir = path.join(root, '.tools');
const pnpmBin = path.join(toolsDir, 'pnpm', 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0 && !opts.allowFail) {
    console.error(`\n${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(r.status ?? 1);
  }
  return r;
}

/** pnpm pinned by package.json's packageManager, installed into .tools/ (no global install, no corepack). */
export function ensurePnpm() {
  if (!existsSync(pnpmBin)) {
    console.log(`> installing pnpm ${pnpmVersion} into .tools/pnpm`);
    run('npm', [
      'install',
      '--silent',
      '--no-audit',
      '--no-fund',
      '--prefix',
      path.join(toolsDir, 'pnpm'),
      `pnpm@${pnpmVersion}`,
    ]);
  }
  // turbo and pnpm's own scripts look pnpm up on PATH.
  process.env.PATH = `${path.join(toolsDir, 'pnpm', 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`;
  return (args, opts) => run(process.execPath, [pnpmBin, ...args], opts);
}

/** pnpm install (frozen lockfile when one exists) + build of every bundle. */
export function installAndBuild() {
  const pnpm = ensurePnpm();
  const frozen = existsSync(path.join(root, 'pnpm-lock.yaml')) && process.env.CI ? ['--frozen-lockfile'] : [];
  pnpm(['install', '--reporter=append-only', ...frozen]);
  pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
  return pnpm;
}

export function spawnGroup(cmd, args, opts = {}) {
  return spawn(cmd, args, { cwd: root, detached: true, ...opts });
}
