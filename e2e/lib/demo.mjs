// The whole product in one place: the freshly built extension packaged as a .vsix and
// installed into an isolated code-server, a seeded emulator, and a copy of the sample
// workspace, signed in to the emulator at start-up. Used by `npm start` and the UI tests,
// so the suite proves exactly what a newcomer sees.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workbenchUrl } from '../../extensions/vscode/scripts/browser.mjs';
import { startCodeServer } from '../../extensions/vscode/scripts/code-server.mjs';
import { ensureCodeServer, repoRoot } from '../../extensions/vscode/scripts/ensure-code-server.mjs';
import { startEmulatorProcess } from './emulator-process.mjs';

export const sampleWorkspace = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'sample-workspace');
const extDir = path.join(repoRoot, 'extensions', 'vscode');

/** `vsce package` (the extension's one packaging command); returns the .vsix copied into `dir`. */
export function packageExtension(dir) {
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: extDir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the extension failed:\n${r.stdout}\n${r.stderr}`);
  const vsix = path.join(dir, 'predicthq-tokens.vsix');
  copyFileSync(path.join(extDir, 'dist', 'predicthq-tokens.vsix'), vsix);
  return vsix;
}

/**
 * Settings of the demo's VS Code: quiet start-up. The API URL is the public-only emulator, as
 * api.predicthq.com is for a customer ("Add an API Token" checks pasted tokens there); the
 * management emulator is the one "Use the Local Emulator" and the scripted sign-in use.
 */
function demoSettings(publicUrl, emulatorUrl, extra) {
  return {
    'workbench.colorTheme': 'Default Dark Modern',
    'git.openRepositoryInParentFolders': 'never',
    'editor.minimap.enabled': false,
    'editor.stickyScroll.enabled': false,
    'window.commandCenter': false,
    'predicthqTokens.apiUrl': publicUrl,
    'predicthqTokens.emulatorUrl': emulatorUrl,
    ...extra,
  };
}

/**
 * @param {object} [o]
 * @param {number} [o.port]           code-server port (default: a free one)
 * @param {number} [o.emulatorPort]   default 0 (ephemeral)
 * @param {boolean} [o.smokeTestDriver] default false: notifications show as toasts, as for a person
 * @param {Record<string, unknown>} [o.settings] extra User settings
 * @param {boolean} [o.echoEmulatorLog] copy the emulator's request log to stderr
 * @param {boolean} [o.workspaceTrust] default false: code-server runs with --disable-workspace-trust.
 *   true: trust is on and the sample workspace, never trusted before, opens in Restricted Mode
 * @param {(line: string) => void} [o.log]
 */
export async function startDemo(o = {}) {
  const log = o.log ?? (() => {});
  ensureCodeServer({ log });
  // Outside the repo: VS Code's git support would otherwise adopt the repository around it.
  const root = mkdtempSync(path.join(os.tmpdir(), 'phq-demo-'));
  const workspace = path.join(root, 'workspace');
  const stateDir = path.join(root, 'code-server');
  mkdirSync(stateDir, { recursive: true });
  cpSync(sampleWorkspace, workspace, { recursive: true });
  log('> packaging the extension (vsce package)');
  const vsix = packageExtension(root);

  const stoppers = [];
  async function stop() {
    for (const s of stoppers.reverse()) await s().catch(() => {});
    stoppers.length = 0;
  }
  try {
    const emulator = await startEmulatorProcess({
      port: o.emulatorPort ?? 0,
      logFile: path.join(root, 'emulator.log'),
      echo: o.echoEmulatorLog,
    });
    stoppers.push(() => emulator.stop());
    // PredictHQ's public API as a customer has it: token values made "in the WebApp", no management API.
    const publicApi = await startEmulatorProcess({
      port: o.publicPort ?? 0,
      logFile: path.join(root, 'public-api.log'),
      publicOnly: true,
    });
    stoppers.push(() => publicApi.stop());
    log(`> emulators at ${emulator.url} (token API) and ${publicApi.url} (public API only); starting code-server`);
    const server = await startCodeServer({
      stateDir,
      port: o.port,
      vsix,
      smokeTestDriver: o.smokeTestDriver ?? false,
      disableWorkspaceTrust: !o.workspaceTrust,
      settings: demoSettings(publicApi.url, emulator.url, o.settings),
      // Read by the extension at activation (src/auth/autoSignIn.ts): signs in to the emulator.
      env: { PHQ_TOKENS_EMULATOR_URL: emulator.url, PHQ_TOKENS_EMULATOR_CREDENTIAL: emulator.credential },
    });
    stoppers.push(() => server.close());
    return {
      url: workbenchUrl(server, { folder: workspace }),
      root,
      workspace,
      emulator,
      publicApi,
      server,
      logs: { server: server.dirs.log, emulator: emulator.logFile, userData: server.dirs.userData },
      pgids: [emulator.pid, publicApi.pid, server.pid],
      stop,
      /** Stops everything and removes the temp folder (workspace, code-server state, logs). */
      async dispose() {
        await stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
