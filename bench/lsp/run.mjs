#!/usr/bin/env node
// Language-server benchmark (not a test: it prints figures). A real LSP client over stdio
// against the bundled server (packages/server/dist/server.js): open a 5 MB TypeScript file,
// then 400 mixed edits, timing each didChange to the publishDiagnostics for that version,
// then completion requests. The same script runs against a naive rescan-everything server
// in the same run, for the ratio. Every timed answer is checked: the real server's
// diagnostics must equal the naive server's for the same version (the naive server is a
// fresh scan by construction), and the first and last versions equal a fresh scan here.
// Usage: node bench/lsp/run.mjs [--edits N] [--mb N] [--phq-every N] (1 = every block calls PredictHQ)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as esbuild from 'esbuild';
import { generateTs, makeEdit } from './generate.mjs';
import { prng } from '../prng.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const serverPkg = path.join(root, 'packages', 'server');
const out = path.join(root, 'bench', '.data', 'lsp');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const EDITS = arg('edits', 400);
const MB = arg('mb', 5);
const COMPLETIONS = 300;
const PHQ_EVERY = arg('phq-every', 8);

// Libraries the server package owns (pnpm keeps them out of the root node_modules).
const requireFromServer = createRequire(path.join(serverPkg, 'package.json'));
const lsp = requireFromServer('vscode-languageserver-protocol/node');
const { TextDocument } = requireFromServer('vscode-languageserver-textdocument');

function build() {
  const r = spawnSync(process.execPath, [path.join(serverPkg, 'build.mjs')], { cwd: serverPkg, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  mkdirSync(out, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    nodePaths: [path.join(serverPkg, 'node_modules')],
    logLevel: 'warning',
  };
  esbuild.buildSync({
    ...common,
    entryPoints: [path.join(here, 'naive-server.mjs')],
    format: 'cjs',
    outfile: path.join(out, 'naive-server.js'),
  });
  esbuild.buildSync({
    ...common,
    entryPoints: [path.join(here, 'expected.mjs')],
    format: 'cjs',
    outfile: path.join(out, 'expected.cjs'),
  });
  return requireFromServer(path.join(out, 'expected.cjs'));
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const ms = (x) => `${x.toFixed(2)} ms`;

async function session(serverJs, text, label) {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = lsp.createProtocolConnection(
    new lsp.StreamMessageReader(child.stdout),
    new lsp.StreamMessageWriter(child.stdin),
  );
  const waiting = new Map();
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w({ at: performance.now(), diagnostics: p.diagnostics });
    }
  });
  conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  conn.onRequest(lsp.RegistrationRequest.type, () => undefined);
  conn.listen();
  await conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  await conn.sendNotification('phq/tokensChanged', {
    tokens: ['Production', 'Acme | Staging', 'Events reader'].map((name, i) => ({
      id: `tok_${i}`,
      name,
      scopes: i === 2 ? ['events'] : ['events', 'features', 'places'],
      createdAt: '2026-01-01T00:00:00Z',
      lastUsedAt: null,
      fingerprint: null,
      valueAvailable: true,
    })),
    scopes: [],
    workspaceTrusted: true,
  });
  const published = (v) => new Promise((resolve) => waiting.set(v, resolve));
  const uri = 'file:///bench/big.ts';
  const doc = TextDocument.create(uri, 'typescript', 1, text);

  const t0 = performance.now();
  const first = published(1);
  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'typescript', version: 1, text },
  });
  const opened = await first;
  const openMs = opened.at - t0;
  const results = [{ version: 1, diagnostics: opened.diagnostics }];

  const rnd = prng(7);
  const latencies = [];
  const kinds = {};
  for (let i = 0; i < EDITS; i++) {
    const edit = makeEdit(rnd, doc);
    const version = doc.version + 1;
    TextDocument.update(doc, edit.changes, version);
    const p = published(version);
    const s = performance.now();
    await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edit.changes,
    });
    const got = await p;
    const dt = got.at - s;
    latencies.push(dt);
    (kinds[edit.kind] ??= []).push(dt);
    results.push({ version, diagnostics: got.diagnostics });
  }

  // Completion: inside placeholders (the server's diagnostics say where) and after "Bearer ".
  const completion = [];
  const sites = results.at(-1).diagnostics.map((d) => d.range.start);
  const bearer = [];
  for (let line = 0; line < doc.lineCount && bearer.length < 200; line += 97) {
    const t = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const k = t.indexOf('Bearer ');
    if (k >= 0) bearer.push({ line, character: k + 7 });
  }
  const positions = [...sites.map((p) => ({ line: p.line, character: p.character + 2 })), ...bearer];
  let items = 0;
  for (let i = 0; i < COMPLETIONS && positions.length; i++) {
    const position = positions[i % positions.length];
    const s = performance.now();
    const r = await conn.sendRequest(lsp.CompletionRequest.type, { textDocument: { uri }, position });
    completion.push(performance.now() - s);
    items += Array.isArray(r) ? r.length : (r?.items.length ?? 0);
  }
  const mem = rssMb(child.pid);
  await conn.sendRequest(lsp.ShutdownRequest.type);
  await conn.sendNotification(lsp.ExitNotification.type);
  conn.dispose();
  return { label, openMs, latencies, kinds, completion, items, mem, results, finalText: doc.getText() };
}

const expected = build();
const text = generateTs(20261128, MB * 1024 * 1024, PHQ_EVERY);
console.log(
  `\nLanguage server benchmark: ${(text.length / 1024 / 1024).toFixed(2)} MB TypeScript, ${EDITS} edits, ${COMPLETIONS} completions`,
);
const loadBefore = os.loadavg();
const real = await session(path.join(serverPkg, 'dist', 'server.js'), text, 'server (incremental)');
const naive = await session(path.join(out, 'naive-server.js'), text, 'naive (rescan everything)');

// Correctness of what was timed.
let mismatches = 0;
for (let i = 0; i < real.results.length; i++)
  if (!isDeepStrictEqual(real.results[i].diagnostics, naive.results[i].diagnostics)) mismatches++;
const firstOk = isDeepStrictEqual(
  real.results[0].diagnostics,
  expected.expectedDiagnostics('file:///bench/big.ts', 'typescript', text),
);
const lastOk = isDeepStrictEqual(
  real.results.at(-1).diagnostics,
  expected.expectedDiagnostics('file:///bench/big.ts', 'typescript', real.finalText),
);

const row = (r) => ({
  open: r.openMs,
  p50: pct(r.latencies, 50),
  p90: pct(r.latencies, 90),
  p99: pct(r.latencies, 99),
  max: Math.max(...r.latencies),
  completionP50: pct(r.completion, 50),
  completionP99: pct(r.completion, 99),
  rssMb: r.mem.rss,
  peakRssMb: r.mem.peak,
});
const a = row(real);
const b = row(naive);
console.log(
  `\nNode ${process.version}, ${os.cpus().length} cores, load average before ${loadBefore.map((x) => x.toFixed(1)).join(' / ')}, after ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')} (other processes share the cores: compare ratios of the same run)`,
);
console.log(`\n${''.padEnd(28)}${'server'.padStart(12)}${'naive'.padStart(12)}${'target'.padStart(12)}`);
const line = (name, x, y, target, unit = ' ms') =>
  console.log(
    `${name.padEnd(28)}${(x.toFixed(2) + unit).padStart(12)}${(y.toFixed(2) + unit).padStart(12)}${target.padStart(12)}`,
  );
line('open -> diagnostics', a.open, b.open, '< 250 ms');
line('edit -> diagnostics p50', a.p50, b.p50, '< 5 ms');
line('edit -> diagnostics p90', a.p90, b.p90, '');
line('edit -> diagnostics p99', a.p99, b.p99, '< 16 ms');
line('edit -> diagnostics max', a.max, b.max, '');
line('completion p50', a.completionP50, b.completionP50, '');
line('completion p99', a.completionP99, b.completionP99, '< 16 ms');
line('server RSS at end', a.rssMb, b.rssMb, '< 150 MB', ' MB');
line('server peak RSS', a.peakRssMb, b.peakRssMb, '', ' MB');
console.log(`\np50 ratio naive/server: ${(b.p50 / a.p50).toFixed(1)}x, p99 ratio: ${(b.p99 / a.p99).toFixed(1)}x`);
console.log('per edit kind (server p50 / p99):');
for (const [k, xs] of Object.entries(real.kinds))
  console.log(`  ${k.padEnd(18)} n=${String(xs.length).padStart(3)}  ${ms(pct(xs, 50))} / ${ms(pct(xs, 99))}`);
console.log(`completion items per request (avg): ${(real.items / Math.max(1, real.completion.length)).toFixed(1)}`);
console.log(`diagnostics per version (last): ${real.results.at(-1).diagnostics.length}`);
console.log(
  `checks: ${real.results.length - mismatches}/${real.results.length} versions equal the naive rescan; first version = fresh scan: ${firstOk}; last version = fresh scan: ${lastOk}`,
);
writeFileSync(
  path.join(out, 'latest.json'),
  JSON.stringify(
    { date: new Date().toISOString(), mb: MB, edits: EDITS, server: a, naive: b, mismatches, firstOk, lastOk },
    null,
    2,
  ),
);
console.log(`figures written to bench/.data/lsp/latest.json`);
