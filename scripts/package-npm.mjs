// The two npm packages of a release (docs/release.md): the CLI and the language server, each
// a self-contained tarball made from its bundles. A package is staged in a folder of its own
// (a package.json written here, never the workspace one with its `workspace:` links), then
// `npm pack`ed into the output folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

const rootPkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The release version: the root package.json's, the one place it is written. */
export const releaseVersion = rootPkg.version;

/**
 * What each package ships. `files` are copied from the workspace package (its build output)
 * to the same place in the tarball; `write` adds small generated files.
 */
export const npmPackages = {
  cli: {
    dir: 'packages/cli',
    name: '@phq-tokens/cli',
    bin: { 'phq-tokens': 'dist/cli.js' },
    // cli.js dispatches to main.js or scan.js (packages/cli/src/cli.ts); nothing else is needed.
    files: ['dist/cli.js', 'dist/main.js', 'dist/scan.js'],
  },
  server: {
    dir: 'packages/server',
    name: '@phq-tokens/language-server',
    bin: { 'phq-tokens-language-server': 'bin/phq-tokens-language-server.js' },
    files: ['dist/server.js'],
    // The bundle has no shebang (the extension starts it with its own Node); the bin is a
    // small launcher (with --version). vscode-languageserver reads --stdio from the command line.
    write: {
      'bin/phq-tokens-language-server.js': [
        '#!/usr/bin/env node',
        "'use strict';",
        "if (process.argv.includes('--version')) console.log(require('../package.json').version);",
        "else require('../dist/server.js');",
        '',
      ].join('\n'),
    },
  },
};

/** The package.json of the tarball: the workspace package's metadata, our name and version, no dependencies. */
function manifest(spec) {
  const ws = JSON.parse(readFileSync(path.join(root, spec.dir, 'package.json'), 'utf8'));
  return {
    name: spec.name,
    version: releaseVersion,
    description: ws.description,
    keywords: ws.keywords,
    license: rootPkg.license,
    repository: rootPkg.repository,
    bin: spec.bin,
    files: [...new Set([...spec.files, ...Object.keys(spec.write ?? {})])],
    engines: rootPkg.engines,
  };
}

/** Stages one package and packs it into `outDir`; returns the tarball's absolute path. */
export function packNpm(kind, outDir) {
  const spec = npmPackages[kind];
  const stage = path.join(outDir, '.stage', kind);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const f of spec.files) {
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    copyFileSync(path.join(root, spec.dir, f), path.join(stage, f));
  }
  for (const [f, text] of Object.entries(spec.write ?? {})) {
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    writeFileSync(path.join(stage, f), text);
  }
  for (const f of Object.values(spec.bin)) chmodSync(path.join(stage, f), 0o755);
  copyFileSync(path.join(root, spec.dir, 'README.md'), path.join(stage, 'README.md'));
  copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest(spec), null, 2) + '\n');
  const r = spawnSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm pack (${kind}) failed:\n${r.stderr}`);
  const [{ filename }] = JSON.parse(r.stdout);
  rmSync(stage, { recursive: true, force: true });
  return path.join(outDir, filename);
}
