#!/usr/bin/env node
// The committed bundles in bundled/ (docs/release.md, "Committed bundles"): what the
// pre-commit hooks and the GitHub Action run straight from a clone of this repository,
// with nothing to install or build.
//   bundled/phq-tokens-scan.cjs  a copy of the CLI's scan bundle (packages/cli/dist/scan.js)
//   bundled/action.cjs           the Action's entry (packages/cli/src/github-action/main.ts)
// `node scripts/package-bundles.mjs` writes them (after the CLI's build); a test in the CLI's
// suite rebuilds them in memory and fails when the committed files differ.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './lib.mjs';
import { nodeBundle } from './esbuild-node.mjs';

export const bundledDir = path.join(root, 'bundled');
const cliDir = path.join(root, 'packages', 'cli');

/** The committed files' expected contents, built from the current sources (the CLI must be built). */
export async function buildBundles() {
  const action = await esbuild.build({
    ...nodeBundle,
    entryPoints: [path.join(cliDir, 'src', 'github-action', 'main.ts')],
    absWorkingDir: cliDir,
    outfile: path.join(bundledDir, 'action.cjs'),
    write: false,
  });
  return {
    'phq-tokens-scan.cjs': readFileSync(path.join(cliDir, 'dist', 'scan.js')),
    'action.cjs': Buffer.from(action.outputFiles[0].contents),
  };
}

export async function writeBundles() {
  mkdirSync(bundledDir, { recursive: true });
  const files = await buildBundles();
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(path.join(bundledDir, name), bytes);
    // pre-commit's `language: script` runs the file itself, through its shebang.
    chmodSync(path.join(bundledDir, name), 0o755);
  }
  return Object.keys(files).map((f) => path.join(bundledDir, f));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await writeBundles()) console.log(path.relative(root, f));
}
