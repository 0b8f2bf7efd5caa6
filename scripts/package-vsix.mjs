#!/usr/bin/env node
// The .vsix (docs/release.md): `vsce package` of extensions/vscode with the release version
// (the root package.json's: the extension's manifest is not edited, --no-update-package-json)
// and the extension's own CHANGELOG.md. Relative links in the extension's README point into the
// repository named in the root package.json.
// `node scripts/package-vsix.mjs <out.vsix>` (the extension's `npm run package` calls it).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';

const extDir = path.join(root, 'extensions', 'vscode');

/** Packages the extension into `out` (absolute path); throws with vsce's output on failure. */
export function packVsix(out) {
  const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = rootPkg.repository.url.replace(/\.git$/, '');
  const base = `${repo}/raw/HEAD/extensions/vscode`;
  const vsce = path.join(extDir, 'node_modules', '.bin', 'vsce');
  const args = [
    'package',
    rootPkg.version,
    '--no-update-package-json',
    '--no-git-tag-version',
    '--no-dependencies',
    '--baseContentUrl',
    base,
    '--baseImagesUrl',
    base,
    '-o',
    out,
  ];
  const r = spawnSync(vsce, args, { cwd: extDir, encoding: 'utf8' });
  const output = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`vsce package failed:\n${output}`);
  // A warning is a defect of the manifest (docs/release.md, "The .vsix"): fail, do not ship.
  const warnings = output.split('\n').filter((l) => /\bWARNING\b/.test(l));
  if (warnings.length > 0) throw new Error(`vsce package warned:\n${warnings.join('\n')}`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = path.resolve(process.argv[2] ?? path.join(extDir, 'dist', 'predicthq-tokens.vsix'));
  packVsix(out);
  console.log(
    `${path.relative(process.cwd(), out)} (version ${JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version})`,
  );
}
