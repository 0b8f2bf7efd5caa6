#!/usr/bin/env node
// The README's run command as a newcomer uses it: `npm start` (scripts/start.mjs) in its own
// process group, as a terminal runs a job; it must print the URL, serve the workbench and
// the emulator, and stop everything on Ctrl+C (SIGINT to that group only: the demo's
// children live in groups of their own). Ends with "DEMO: N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../extensions/vscode/scripts/code-server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0;
let failed = 0;
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✔ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`  ✖ ${name}: ${e instanceof Error ? e.message : e}`);
  }
}

const port = await freePort();
const child = spawn(process.execPath, [path.join(repo, 'scripts', 'start.mjs')], {
  cwd: repo,
  detached: true,
  env: { ...process.env, PORT: String(port) },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (d) => (out += d));
child.stderr.on('data', (d) => (out += d));
const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
process.on('exit', () => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
});

/** Resolves with the first match of `re` in the output; rejects if the script exits first or after `ms`. */
function waitForOutput(re, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms / 1000} s; output:\n${out}`)), ms);
    const poll = setInterval(() => {
      const m = out.match(re);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m);
      }
    }, 100);
    void exited.then(() => {
      clearInterval(poll);
      clearTimeout(timer);
      const m = out.match(re);
      if (m) resolve(m);
      else reject(new Error(`npm start exited; output:\n${out}`));
    });
  });
}

let url;
let emulatorUrl;
let stateRoot;
await check('npm start prints the workbench URL on PORT', async () => {
  // First run may install code-server; after that it is install check + build + vsce + start.
  [, url] = await waitForOutput(/Open VS Code in your browser:\s+(\S+)/, 600_000);
  [, emulatorUrl] = out.match(/Emulator\s+(http:\/\/\S+)/) ?? [];
  [, stateRoot] = out.match(/Logs\s+(\S+)\/code-server\/server\.log/) ?? [];
  if (!url.startsWith(`http://127.0.0.1:${port}/`)) throw new Error(`unexpected URL ${url}`);
});

await check('the URL serves the VS Code workbench and the emulator answers', async () => {
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('workbench')) throw new Error(`GET ${url} -> ${page.status}`);
  const res = await fetch(`${emulatorUrl}/v1/account/`);
  if (res.status !== 401) throw new Error(`emulator GET /v1/account/ without a credential -> ${res.status}`);
});

await check('Ctrl+C stops everything it started, nothing left running', async () => {
  process.kill(-child.pid, 'SIGINT');
  const { code } = await exited;
  if (code !== 0) throw new Error(`exit code ${code}; output:\n${out.slice(-2000)}`);
  if (!out.includes('nothing left running')) throw new Error(`no "nothing left running":\n${out.slice(-2000)}`);
  for (const u of [url, emulatorUrl]) {
    const alive = await fetch(u).then(
      () => true,
      () => false,
    );
    if (alive) throw new Error(`${new URL(u).host} still answers`);
  }
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  const left = stateRoot ? ps.split('\n').filter((l) => l.includes(stateRoot)) : [];
  if (left.length) throw new Error(`still running:\n${left.join('\n')}`);
});

console.log(`DEMO: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
