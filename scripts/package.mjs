#!/usr/bin/env node
// `npm run package`: every release artifact into dist/release/ (docs/release.md):
//   predicthq-tokens-vscode-<v>.vsix      the VS Code extension
//   phq-tokens-cli-<v>.tgz                the CLI, a self-contained npm package (bin phq-tokens)
//   phq-tokens-language-server-<v>.tgz    the language server (bin phq-tokens-language-server --stdio)
//   SHA256SUMS                            `sha256sum -c SHA256SUMS` checks them
// and refreshes the committed bundles in bundled/ (pre-commit hooks, GitHub Action).
// Options: --only vsix,cli,server (a subset; no SHA256SUMS, no bundled/), --out <dir>,
// --no-build (the workspace is already built).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { installAndBuild, root } from './lib.mjs';
import { writeBundles } from './package-bundles.mjs';
import { packNpm, releaseVersion } from './package-npm.mjs';
import { packVsix } from './package-vsix.mjs';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'dist', 'release') },
    'no-build': { type: 'boolean', default: false },
  },
});
const kinds = values.only ? values.only.split(',') : ['vsix', 'cli', 'server'];
const outDir = path.resolve(values.out);
const t0 = Date.now();

if (!values['no-build']) installAndBuild();
mkdirSync(outDir, { recursive: true });

const artifacts = [];
for (const kind of kinds) {
  if (kind === 'vsix') artifacts.push(packVsix(path.join(outDir, `predicthq-tokens-vscode-${releaseVersion}.vsix`)));
  else if (kind === 'cli' || kind === 'server') artifacts.push(packNpm(kind, outDir));
  else throw new Error(`--only: unknown artifact "${kind}" (vsix, cli, server)`);
}
rmSync(path.join(outDir, '.stage'), { recursive: true, force: true });

if (!values.only) {
  const sums = artifacts.map(
    (f) => `${createHash('sha256').update(readFileSync(f)).digest('hex')}  ${path.basename(f)}`,
  );
  writeFileSync(path.join(outDir, 'SHA256SUMS'), sums.join('\n') + '\n');
  artifacts.push(path.join(outDir, 'SHA256SUMS'));
  for (const f of await writeBundles())
    console.log(`${path.relative(root, f)} ${(statSync(f).size / 1024).toFixed(1)} KiB`);
}

console.log(`\nrelease ${releaseVersion} in ${path.relative(process.cwd(), outDir) || '.'}:`);
for (const f of artifacts)
  console.log(`  ${path.basename(f).padEnd(42)} ${(statSync(f).size / 1024).toFixed(1).padStart(8)} KiB`);
const repo = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).repository.url;
if (repo.includes('PLACEHOLDER'))
  console.log(`\nNote: the repository URL is a placeholder (${repo}); set it in package.json before publishing.`);
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
