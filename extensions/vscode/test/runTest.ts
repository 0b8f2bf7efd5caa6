// The desktop route: @vscode/test-electron downloads VS Code and runs the same suite
// (dist/test/suite.js) against the emulator's bin. It cannot download here, so `npm test`
// uses the code-server runner (scripts/run-ext-tests.mjs) instead. Where VS Code can be
// downloaded:  pnpm --filter predicthq-tokens-vscode run test:electron
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { runTests } from '@vscode/test-electron';

const extDir = path.resolve(__dirname, '..', '..');

/** Starts packages/emulator's bin on an ephemeral port; it prints {url, credential} as JSON. */
async function startEmulator(): Promise<{ url: string; credential: string; stop: () => void }> {
  const bin = path.resolve(extDir, '..', '..', 'packages', 'emulator', 'dist', 'bin.js');
  const child = spawn(process.execPath, [bin, '--port', '0', '--json', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await new Promise<string[]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', (l) => resolve([l]));
  });
  const { url, credential } = JSON.parse(line ?? '{}') as { url: string; credential: string };
  return { url, credential, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const emu = await startEmulator();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'phq-ws-'));
  cpSync(path.join(extDir, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: extDir,
      extensionTestsPath: path.join(extDir, 'dist', 'test', 'suite.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { PHQ_TEST_EMULATOR_URL: emu.url, PHQ_TEST_CREDENTIAL: emu.credential },
    });
  } finally {
    emu.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
