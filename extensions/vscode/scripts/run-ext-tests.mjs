#!/usr/bin/env node
// The extension-host integration suite in a real VS Code (code-server), against a fresh
// emulator on an ephemeral port. One code-server per run. Prints mocha's
// "N passing / N failing" (relayed from the extension host) and exits non-zero on failure.
//
//   node scripts/run-ext-tests.mjs [--build] [--grep <regexp>] [--untrusted] [--bench <folder>]
// --untrusted: workspace trust on and the folder not trusted; runs the trust suite only.
// --bench <folder>: the Scan Workspace benchmark alone (bench/workspace-vscode.mjs): opens
// <folder> as it is (not copied, not removed), sets PHQ_BENCH_TREE so the extension host loads
// only test/integration/benchWorkspace.integration.test.ts, starts no emulator and leaves the
// LSP trace off (it would log the text of every file sent).
// Env: PHQ_KEEP_STATE=1 keeps the code-server state folder; PHQ_VERBOSE=1 relays the page console.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './code-server.mjs';
import { startEmulator } from './emulator.mjs';
import { ensureCodeServer, repoRoot } from './ensure-code-server.mjs';
import { runExtensionHostTests } from './ext-host-tests.mjs';
import { scanForValues } from './leak-scan.mjs';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : process.env.PHQ_TEST_GREP;
const untrusted = argv.includes('--untrusted');
const benchAt = argv.indexOf('--bench');
const benchTree = benchAt >= 0 ? path.resolve(argv[benchAt + 1] ?? '') : undefined;
const t0 = Date.now();
const lap = (m) => console.log(`[ext-host ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

async function startEmulators() {
  const emu = await startEmulator();
  if (!emu) return undefined;
  // A second account on the same server, for the multiple-accounts test.
  const second = emu.state?.createAccount ? emu.state.createAccount('Second Org') : undefined;
  // An account with thousands of tokens, for the scale test of the tree.
  const big = emu.state?.createAccount ? emu.state.createAccount('Big Org') : undefined;
  if (big) emu.state.addTokens(big.credential, 5000);
  // api.predicthq.com as a customer has it (no management API), with token values made as
  // in the WebApp, for the "tokens on this machine" tests.
  const publicEmu = await startEmulator({ publicOnly: true });
  return { emu, publicEmu, secondCredential: second?.credential, bigCredential: big?.credential };
}

async function main() {
  ensureCodeServer({ log: lap });
  const bundles = [path.join(extDir, 'dist', 'extension.js'), path.join(extDir, 'dist', 'test', 'suite.js')];
  if (argv.includes('--build') || !bundles.every(existsSync)) {
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: extDir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
  const started = benchTree ? undefined : await startEmulators();
  if (!benchTree)
    lap(started ? `emulator at ${started.emu.url}` : 'emulator not available: emulator-backed tests will be skipped');

  const workspace = benchTree ?? mkdtempSync(path.join(os.tmpdir(), 'phq-ws-'));
  // Our own state folder so the no-secret-leak test can scan everything code-server wrote.
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'phq-code-server-'));
  // Chromium's profile (the workbench's IndexedDB storage) is kept beside code-server's state,
  // and the suite leaves SHA-256 digests of the values it used outside both, for the check
  // after shutdown (scripts/leak-scan.mjs).
  const profileDir = path.join(stateDir, 'chromium-profile');
  const digestsDir = mkdtempSync(path.join(os.tmpdir(), 'phq-digests-'));
  const digestsFile = path.join(digestsDir, 'values.json');
  if (!benchTree) cpSync(path.join(extDir, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  // Values reach the extension host through the server's environment; never printed.
  const env = {
    PHQ_TEST_WORKSPACE: workspace,
    PHQ_TEST_STATE_DIR: stateDir,
    PHQ_TEST_DIGESTS_FILE: digestsFile,
    ...(benchTree ? { PHQ_BENCH_TREE: benchTree } : {}),
    ...(untrusted ? { PHQ_TEST_UNTRUSTED: '1' } : {}),
    ...(grep ? { PHQ_TEST_GREP: grep } : {}),
    ...(started
      ? {
          PHQ_TEST_EMULATOR_URL: started.emu.url,
          PHQ_TEST_CREDENTIAL: started.emu.credential,
          ...(started.secondCredential ? { PHQ_TEST_CREDENTIAL_2: started.secondCredential } : {}),
          ...(started.bigCredential ? { PHQ_TEST_CREDENTIAL_BIG: started.bigCredential } : {}),
          ...(started.publicEmu
            ? {
                PHQ_TEST_PUBLIC_URL: started.publicEmu.url,
                PHQ_TEST_PUBLIC_TOKENS: JSON.stringify(started.publicEmu.publicTokens),
              }
            : {}),
        }
      : {}),
  };
  const server = await startCodeServer({
    env,
    stateDir,
    disableWorkspaceTrust: !untrusted,
    // Every LSP message with its params goes to the server-trace log, which the no-secret-leak
    // test scans: proof that no token value reaches the language server.
    settings: benchTree ? {} : { 'predicthqTokens.trace.server': 'verbose' },
  });
  lap(`code-server at ${server.url}`);
  // Failure artifacts (gitignored): a screenshot, code-server's log and every VS Code log.
  const artifactsDir = path.join(
    repoRoot,
    'test-results',
    `ext-host${untrusted ? '-untrusted' : ''}${benchTree ? '-bench' : ''}`,
  );
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  let code;
  try {
    code = await runExtensionHostTests(server, {
      artifactsDir,
      extensionPath: extDir,
      testsPath: path.join(extDir, 'dist', 'test', 'suite.js'),
      folder: workspace,
      profileDir,
      // The whole suite takes 4-5 minutes on this shared machine: more than the runner's default.
      timeoutMs: benchTree ? 900_000 : 600_000,
    });
  } finally {
    if (code !== 0) {
      cpSync(server.dirs.log, path.join(artifactsDir, 'server.log'));
      const logs = path.join(server.dirs.userData, 'logs');
      if (existsSync(logs)) cpSync(logs, path.join(artifactsDir, 'logs'), { recursive: true });
      console.log(`failure artifacts in ${path.relative(process.cwd(), artifactsDir)}`);
    }
    await server.close();
    await started?.emu.close();
    await started?.publicEmu?.close();
    // Everything is shut down and flushed now: state databases, IndexedDB, storage, logs.
    const leaks = scanForValues([stateDir], digestsFile);
    if (leaks) {
      lap(
        `after shutdown: ${leaks.scanned} files code-server and Chromium wrote searched for the suite's token values`,
      );
      if (leaks.hits.length > 0) {
        console.log(`a token value is on disk after the run in: ${leaks.hits.join(', ')}`);
        console.log('1 failing (token values on disk after shutdown)');
        code = 1;
      } else console.log('  ✔ no token value on disk after shutdown (state databases, browser storage, logs)');
    }
    rmSync(digestsDir, { recursive: true, force: true });
    if (!benchTree) rmSync(workspace, { recursive: true, force: true });
    if (!process.env.PHQ_KEEP_STATE) rmSync(stateDir, { recursive: true, force: true });
    else console.log(`state kept in ${stateDir}`);
  }
  lap(`extension-host suite exit code: ${code}`);
  if (code === 'timeout') console.log('0 passing\n1 failing (the suite timed out)');
  return code === 0 ? 0 : 1;
}

main().then(
  (c) => process.exit(c),
  (e) => {
    console.error(e instanceof Error ? e.stack : e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
