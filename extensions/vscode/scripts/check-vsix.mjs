#!/usr/bin/env node
// Builds the released .vsix with the one packaging command (`npm run package`'s .vsix step,
// into dist/release/), installs it into a fresh code-server with `--install-extension`, opens
// the workbench and waits until the installed extension logs its activation. Prints
// "N passed, N failed" for the root test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from './browser.mjs';
import { listExtensions, startCodeServer, stateDirs, writeCodeCommand } from './code-server.mjs';
import { ensureCodeServer } from './ensure-code-server.mjs';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extDir, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(extDir, 'package.json'), 'utf8'));
const id = `${pkg.publisher}.${pkg.name}`;
// The release version is the root package.json's (docs/release.md, "One version").
const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
const vsix = path.join(repoRoot, 'dist', 'release', `predicthq-tokens-vscode-${version}.vsix`);
let passed = 0;
let failed = 0;
const check = async (name, fn) => {
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (e) {
    failed++;
    console.log(`  ✖ ${name}: ${e instanceof Error ? e.message : e}`);
  }
};

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

ensureCodeServer();
await check('the .vsix builds from one command (npm run package), without a packaging warning', () => {
  const r = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'package.mjs'), '--no-build', '--only', 'vsix'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`${r.stdout}\n${r.stderr}`);
  if (!existsSync(vsix)) throw new Error('no .vsix written');
  console.log(`    ${path.relative(extDir, vsix)}: ${(statSync(vsix).size / 1024).toFixed(1)} KiB`);
  // Zip entry names are stored uncompressed, so a byte search lists what shipped.
  const zip = readFileSync(vsix);
  const shipped = (f) => zip.includes(Buffer.from(`extension/${f}`));
  for (const f of [
    'package.json',
    'dist/extension.js',
    'media/icon.png',
    'readme.md',
    'changelog.md',
    'LICENSE',
    'dist/schemas/phq-tokens.schema.json',
    'dist/schemas/phq-tokens-baseline.schema.json',
  ])
    if (!shipped(f)) throw new Error(`${f} is not in the .vsix`);
  const serverExpected = existsSync(path.join(extDir, '..', '..', 'packages', 'server', 'src', 'main.ts'));
  if (serverExpected && !shipped('dist/server.js'))
    throw new Error('dist/server.js (the language server) is not in the .vsix');
  for (const f of ['dist/cli/cli.js', 'dist/cli/scan.js'])
    if (!shipped(f)) throw new Error(`${f} (the CLI's scan, for Scan Git History) is not in the .vsix`);
  for (const f of ['src/', 'test/', 'node_modules/', '.map'])
    if (zip.includes(Buffer.from(`extension/${f}`)) || (f === '.map' && zip.includes(Buffer.from('.js.map'))))
      throw new Error(`${f} should not ship`);
});

await check('publish-ready: vsce ls lists only what ships; the manifest has what the Marketplace shows', () => {
  const r = spawnSync(path.join(extDir, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], {
    cwd: extDir,
    encoding: 'utf8',
  });
  if (r.status !== 0 || /WARNING/.test(`${r.stdout}${r.stderr}`)) throw new Error(`${r.stdout}\n${r.stderr}`);
  const listed = r.stdout.split('\n').filter(Boolean);
  const unexpected = listed.filter(
    // dist/schemas/: the JSON Schemas of .phq-tokens.json and its baseline (contributes.jsonValidation).
    (f) =>
      !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|media\/.+|dist\/.+\.js|dist\/schemas\/[\w-]+\.schema\.json)$/.test(
        f,
      ),
  );
  if (unexpected.length > 0) throw new Error(`unexpected files: ${unexpected.join(', ')}`);
  for (const k of ['displayName', 'description', 'publisher', 'license', 'icon', 'categories', 'repository'])
    if (!pkg[k]) throw new Error(`package.json has no ${k}`);
  // No public repository yet: the URL must say it is a placeholder (docs/release.md).
  if (/example\.invalid/.test(pkg.repository.url) && !/PLACEHOLDER/.test(pkg.repository.url))
    throw new Error(`the repository URL is a placeholder that does not say so: ${pkg.repository.url}`);
});

const root = mkdtempSync(path.join(os.tmpdir(), 'phq-vsix-'));
const dirs = stateDirs(root);
await check("it installs into code-server with the README's line (code --install-extension)", () => {
  // The README's Install block for VS Code, run as written from the repository root, with
  // `code` being this clean code-server's command line.
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Install\n'));
  const block = /\*\*VS Code\*\*[^`]*```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README's Install section has no VS Code block");
  const bin = path.join(root, 'bin');
  writeCodeCommand(dirs, bin);
  for (const line of block.split('\n').filter((l) => l.trim() !== '')) {
    console.log(`    $ ${line}`);
    const r = spawnSync('sh', ['-c', line], {
      cwd: repoRoot,
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`${line}\n${r.stdout}\n${r.stderr}`);
  }
  const list = listExtensions(dirs);
  if (!list.includes(`${id}@${version}`)) throw new Error(`not listed: ${list.join(', ')}`);
});

await check('the installed extension activates in the workbench', async () => {
  const server = await startCodeServer({ stateDir: root, smokeTestDriver: false });
  const browser = await launchBrowser();
  try {
    const ws = mkdtempSync(path.join(os.tmpdir(), 'phq-vsix-ws-'));
    await browser.page.goto(workbenchUrl(server, { folder: ws }));
    const until = Date.now() + 90_000;
    let log;
    while (!log && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      log = [...files(dirs.userData)].find(
        (f) => f.endsWith('PredictHQ Tokens.log') && readFileSync(f, 'utf8').includes('activated in'),
      );
    }
    if (!log) throw new Error('no activation logged within 90 s');
    console.log(
      `    ${readFileSync(log, 'utf8')
        .split('\n')
        .find((l) => l.includes('activated in'))
        .trim()}`,
    );
    rmSync(ws, { recursive: true, force: true });
  } finally {
    await browser.close();
    await server.close();
  }
});
rmSync(root, { recursive: true, force: true });
console.log(`vsix: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
