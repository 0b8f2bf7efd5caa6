// Starts code-server (a real VS Code workbench + Node extension host) with every piece of
// state in one temp folder, in its own process group so that stopping it also stops the
// extension hosts and file watchers it forked. Used by the extension-host test runner, the
// UI tests and the demo.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeServerPaths } from './ensure-code-server.mjs';

/** A free TCP port on 127.0.0.1 (code-server has no "port 0" mode that reports back). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Folder layout of one isolated code-server instance. */
export function stateDirs(root) {
  return {
    root,
    config: path.join(root, 'config.yaml'),
    userData: path.join(root, 'data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    log: path.join(root, 'server.log'),
  };
}

function isolatedEnv(dirs, extra) {
  // XDG_*: otherwise code-server and the extension host write under $HOME.
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    ...extra,
  };
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/**
 * Writes `<binDir>/code`: VS Code's command line for this instance (code-server's, with its
 * folders), so that a documented `code --install-extension ...` line runs as written.
 */
export function writeCodeCommand(dirs, binDir, { paths = codeServerPaths() } = {}) {
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  const env = isolatedEnv(dirs, {});
  const vars = ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME'].map((k) => `export ${k}=${q(env[k])}`);
  const exec = `exec ${[paths.node, paths.entry, ...commonArgs(dirs)].map(q).join(' ')} "$@"`;
  mkdirSync(binDir, { recursive: true });
  writeFileSync(path.join(binDir, 'code'), ['#!/bin/sh', ...vars, exec, ''].join('\n'), { mode: 0o755 });
}

/** Installs a .vsix (or a marketplace id) into the instance's extensions folder. */
export function installExtension(dirs, vsixOrId, { paths = codeServerPaths() } = {}) {
  const r = spawnSync(paths.node, [paths.entry, ...commonArgs(dirs), '--install-extension', vsixOrId], {
    env: isolatedEnv(dirs, {}),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Lists the installed extensions (id@version per line). */
export function listExtensions(dirs, { paths = codeServerPaths() } = {}) {
  const r = spawnSync(paths.node, [paths.entry, ...commonArgs(dirs), '--list-extensions', '--show-versions'], {
    env: isolatedEnv(dirs, {}),
    encoding: 'utf8',
  });
  return r.stdout.trim().split('\n').filter(Boolean);
}

/**
 * @param {object} o
 * @param {string} [o.stateDir] folder for all state (default: a new temp folder, removed on close)
 * @param {number} [o.port] default: a free port
 * @param {Record<string, unknown>} [o.settings] User settings.json
 * @param {Record<string, string>} [o.env] extra environment for the server and extension hosts
 * @param {boolean} [o.smokeTestDriver] needed for extension-host tests (payload); hides toasts. Default true.
 * @param {boolean} [o.disableWorkspaceTrust] default true (tests); the demo may want trust prompts.
 * @param {string} [o.vsix] install this .vsix before starting
 * @param {number} [o.timeoutMs] wait for /healthz, default 60000
 * @param {string[]} [o.extraArgs] more code-server / VS Code server arguments (e.g. ['--log', 'trace'])
 */
export async function startCodeServer(o = {}) {
  const paths = codeServerPaths();
  const ownsState = !o.stateDir;
  const root = o.stateDir ?? mkdtempSync(path.join(os.tmpdir(), 'phq-code-server-'));
  const dirs = stateDirs(root);
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.startupPrompt': 'never',
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...o.settings,
      },
      null,
      2,
    ),
  );
  if (o.vsix) installExtension(dirs, o.vsix, { paths });

  const host = '127.0.0.1';
  const port = o.port ?? (await freePort());
  const args = [
    paths.entry,
    ...commonArgs(dirs),
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
  ];
  if (o.smokeTestDriver ?? true) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (o.disableWorkspaceTrust ?? true) args.push('--disable-workspace-trust');
  args.push(...(o.extraArgs ?? []));

  const logStream = createWriteStream(dirs.log);
  // detached => setsid(): the server leads a new process group we can signal as a whole.
  const child = spawn(paths.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv(dirs, o.env ?? {}),
  });
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  let exited = false;
  child.on('exit', () => (exited = true));

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      /* already gone */
    }
  };
  // A crash of the runner must not leave the group behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up; see ${dirs.log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      killGroup('SIGKILL');
      throw new Error(`code-server did not answer /healthz within ${o.timeoutMs ?? 60_000} ms; see ${dirs.log}`);
    }
    await sleep(200);
  }

  async function close() {
    process.off('exit', onExit);
    if (!exited) {
      killGroup('SIGTERM');
      const until = Date.now() + 5000;
      while (!exited && Date.now() < until) await sleep(100);
      killGroup('SIGKILL'); // stragglers of the group (watchers, extension hosts)
    }
    logStream.end();
    if (ownsState && !process.env.PHQ_KEEP_STATE) rmSync(root, { recursive: true, force: true });
  }

  return { url, host, port, authority: `${host}:${port}`, dirs, pid: child.pid, close };
}
