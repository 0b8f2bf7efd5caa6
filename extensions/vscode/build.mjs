// Bundles the extension with esbuild, one context per bundle (docs/conventions.md, "Builds"):
//   dist/extension.js        the extension (vscode external; the API client is not in it)
//   dist/core.js             @phq-tokens/core with undici, required on first API call (src/core.ts)
//   dist/languageclient.js   vscode-languageclient, required when the client starts (src/lsp/client.ts)
//   dist/server.js           the language server, copied from @phq-tokens/server's bundle
//   dist/test/suite.js       the extension-host mocha suite (vscode and mocha external)
//   dist/test/runTest.js     the @vscode/test-electron launcher for machines that can download VS Code
// Prints bundle sizes and smoke-loads the extension bundle with a stub `vscode`.
// `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from '../../scripts/esbuild-node.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

// The options every Node bundle of the repository shares, with the extension's own: a
// source map while developing, minified for the .vsix.
const common = {
  ...nodeBundle,
  sourcemap: production ? false : 'linked',
  minify: production,
  absWorkingDir: here,
};

/**
 * Bundles the extension loads on first use, not at activation: the bare '@phq-tokens/core'
 * import (src/core.ts's deferred require) becomes './core.js' and 'vscode-languageclient/node'
 * (src/lsp/client.ts's) './languageclient.js', the bundles next to extension.js. Imports of
 * core's light files by path stay bundled. Messages cross into the client library by method
 * name, never as type objects of another copy of vscode-jsonrpc.
 */
const lazyCore = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^@phq-tokens\/core$/ }, () => ({ path: './core.js', external: true }));
    build.onResolve({ filter: /^vscode-languageclient\/node$/ }, () => ({
      path: './languageclient.js',
      external: true,
    }));
  },
};

const bundles = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [lazyCore],
    // Lets activate() report how long evaluating the bundle took (see src/extension.ts).
    banner: { js: 'globalThis.__phqTokensLoadStart = performance.now();' },
    footer: { js: 'globalThis.__phqTokensLoadEnd = performance.now();' },
  },
  { entryPoints: ['src/coreBundle.ts'], outfile: 'dist/core.js' },
  { entryPoints: ['src/languageClientBundle.ts'], outfile: 'dist/languageclient.js', external: ['vscode'] },
  {
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/suite.js',
    external: ['vscode', 'mocha'],
  },
  { entryPoints: ['test/runTest.ts'], outfile: 'dist/test/runTest.js', external: ['@vscode/test-electron'] },
];

/** The server is built by its own package (turbo builds it first); the extension ships a copy. */
function copyServer() {
  const require = createRequire(import.meta.url);
  let serverDir;
  try {
    serverDir = path.dirname(require.resolve('@phq-tokens/server/package.json'));
  } catch {
    return 'not found';
  }
  const src = path.join(serverDir, 'dist', 'server.js');
  if (!existsSync(src)) return 'not built';
  mkdirSync(dist, { recursive: true });
  copyFileSync(src, path.join(dist, 'server.js'));
  return 'copied';
}

/**
 * The CLI is built by its own package too; "Scan Git History" runs its `scan --history` in a
 * child process (src/history/gitHistory.ts), so the extension ships its bundles in dist/cli/.
 */
function copyCli() {
  const require = createRequire(import.meta.url);
  let cliDir;
  try {
    cliDir = path.dirname(require.resolve('@phq-tokens/cli/package.json'));
  } catch {
    return 'not found';
  }
  const files = ['cli.js', 'scan.js']; // the dispatcher and `scan` (main.js, the API commands, is not needed)
  if (!files.every((f) => existsSync(path.join(cliDir, 'dist', f)))) return 'not built';
  mkdirSync(path.join(dist, 'cli'), { recursive: true });
  for (const f of files) copyFileSync(path.join(cliDir, 'dist', f), path.join(dist, 'cli', f));
  return 'copied';
}

/**
 * The JSON Schemas of .phq-tokens.json and its baseline, contributed with `jsonValidation`
 * (package.json) so the editor completes and checks the file; the one copy lives in
 * @phq-tokens/config, which validates with the same files.
 */
function copySchemas() {
  const from = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@phq-tokens/config/package.json')),
    'schema',
  );
  mkdirSync(path.join(dist, 'schemas'), { recursive: true });
  for (const f of ['phq-tokens.schema.json', 'phq-tokens-baseline.schema.json'])
    copyFileSync(path.join(from, f), path.join(dist, 'schemas', f));
}

/** Loads the extension bundle with a stub `vscode` so a missing or broken import fails the build. */
function smokeLoad() {
  const file = path.join(dist, 'extension.js');
  const originalLoad = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: () => ({}) }) });
    return originalLoad.call(this, request, ...rest);
  };
  try {
    const mod = createRequire(import.meta.url)(file);
    if (typeof mod.activate !== 'function') throw new Error('dist/extension.js does not export activate()');
    const core = createRequire(import.meta.url)(path.join(dist, 'core.js'));
    if (typeof core.probeToken !== 'function') throw new Error('dist/core.js does not export probeToken()');
    const text = readFileSync(file, 'utf8');
    if (text.includes('undici'))
      throw new Error('dist/extension.js contains undici: the API client must stay in dist/core.js');
  } finally {
    Module._load = originalLoad;
  }
}

function printSizes() {
  for (const f of ['extension.js', 'core.js', 'languageclient.js', 'server.js', 'cli/scan.js', 'test/suite.js']) {
    const p = path.join(dist, f);
    if (existsSync(p)) console.log(`  dist/${f.padEnd(16)} ${(statSync(p).size / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

const contexts = await Promise.all(bundles.map((b) => esbuild.context({ ...common, ...b })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes...');
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  const server = copyServer();
  if (server !== 'copied') console.warn(`  language server bundle ${server}: the extension will run without it`);
  const cli = copyCli();
  if (cli !== 'copied') console.warn(`  CLI bundle ${cli}: Scan Git History will not work`);
  copySchemas();
  smokeLoad();
  printSizes();
}
