#!/usr/bin/env node
// The language server's start (not a test: it prints figures). Spawns the bundled server
// (packages/server/dist/server.js, built first) and the naive server of run.mjs with --stdio,
// N times each, alternating, and times two things: process spawn -> `initialize` answered
// (what a user waits for: loading the bundle included) and `initialize` sent -> answered (the
// handler alone, the process already up). Then the time to the first diagnostics of a small
// Python file opened right after `initialized`. Usage: node bench/lsp/initialize.mjs [--runs N]
// [--other path/to/server.js] (a third bundle in the same run, e.g. one built from an older commit)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const serverPkg = path.join(root, 'packages', 'server');
const out = path.join(root, 'bench', '.data', 'lsp');
const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 15;
const requireFromServer = createRequire(path.join(serverPkg, 'package.json'));
const lsp = requireFromServer('vscode-languageserver-protocol/node');

const r = spawnSync(process.execPath, [path.join(serverPkg, 'build.mjs')], { cwd: serverPkg, stdio: 'ignore' });
if (r.status !== 0) process.exit(r.status ?? 1);
mkdirSync(out, { recursive: true });
esbuild.buildSync({
  bundle: true,
  platform: 'node',
  target: 'node20',
  nodePaths: [path.join(serverPkg, 'node_modules')],
  logLevel: 'warning',
  entryPoints: [path.join(here, 'naive-server.mjs')],
  format: 'cjs',
  outfile: path.join(out, 'naive-server.js'),
});

const PY = 'import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n';

async function once(serverJs) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = lsp.createProtocolConnection(
    new lsp.StreamMessageReader(child.stdout),
    new lsp.StreamMessageWriter(child.stdin),
  );
  let diagnosed;
  const firstDiagnostics = new Promise((res) => (diagnosed = res));
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    if (p.diagnostics.length > 0) diagnosed(performance.now());
  });
  conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  conn.onRequest(lsp.RegistrationRequest.type, () => undefined);
  conn.listen();
  const sent = performance.now();
  await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  const answered = performance.now();
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  const opened = performance.now();
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri: 'file:///bench/a.py', languageId: 'python', version: 1, text: PY },
  });
  const diag = await Promise.race([firstDiagnostics, new Promise((res) => setTimeout(() => res(NaN), 5000))]);
  conn.dispose();
  child.kill();
  return { spawnToInit: answered - t0, handler: answered - sent, openToDiagnostics: diag - opened };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const o = process.argv.indexOf('--other');
const other = o > 0 ? path.resolve(process.argv[o + 1]) : undefined;
const results = { server: [], naive: [], ...(other ? { other: [] } : {}) };
for (let k = 0; k < RUNS; k++) {
  results.server.push(await once(path.join(serverPkg, 'dist', 'server.js')));
  results.naive.push(await once(path.join(out, 'naive-server.js')));
  if (other) results.other.push(await once(other));
}
console.log(
  `${RUNS} runs each, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, ${os.cpus().length} cores`,
);
for (const [name, rs] of Object.entries(results)) {
  const f = (key) => `${median(rs.map((x) => x[key])).toFixed(1)} ms`;
  console.log(
    `${name.padEnd(6)}: spawn -> initialize answered ${f('spawnToInit')} (median), initialize handler ${f('handler')}, open -> first diagnostics ${f('openToDiagnostics')}`,
  );
}
