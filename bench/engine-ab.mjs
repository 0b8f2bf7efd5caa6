#!/usr/bin/env node
// A/B of two engine bundles on the benchmark tree (not a test: it prints figures). On a shared
// machine wall time swings by several times between runs; the CPU time of this process moves
// far less, and interleaving passes of A and B in one process exposes both to the same load.
// Usage (after `npm run bench` has made bench/.data/):
//   node --max-semi-space-size=4 bench/engine-ab.mjs A.cjs B.cjs [rounds]
// where A.cjs / B.cjs are engine bundles as bench/run.mjs builds them (esbuild of
// packages/detect/src/index.ts, cjs), e.g. one built from an older commit.
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [a, b, rounds = '10'] = process.argv.slice(2);
if (!a || !b) throw new Error('usage: engine-ab.mjs A.cjs B.cjs [rounds]');
const req = createRequire(import.meta.url);
const A = req(path.resolve(a));
const B = req(path.resolve(b));
const tree = path.join(here, '.data', 'tree');
const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(tree);
// Decoded as the CLI decodes (packages/cli/src/scan/read.ts): latin1 for ASCII, else UTF-8 without a BOM.
const texts = files.map((f) => {
  const buf = readFileSync(f);
  const text = isAscii(buf) ? buf.toString('latin1') : buf.toString('utf8').replace(/^\uFEFF/, '');
  return { f, text, languageId: A.languageFromFileName(path.basename(f)) ?? 'plaintext' };
});
const pass = (d) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  let n = 0;
  for (const x of texts) n += d.scan(x.text, { languageId: x.languageId, fileName: x.f }).length;
  return { wall: performance.now() - t, cpu: process.cpuUsage(cpu).user / 1000, n };
};
pass(A);
pass(B);
const ra = [];
const rb = [];
for (let i = 0; i < Number(rounds); i++) {
  if (i % 2) {
    rb.push(pass(B));
    ra.push(pass(A));
  } else {
    ra.push(pass(A));
    rb.push(pass(B));
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const sum = (r) => ({
  cpuMedianMs: Math.round(median(r.map((x) => x.cpu))),
  cpuMinMs: Math.round(Math.min(...r.map((x) => x.cpu))),
  wallMedianMs: Math.round(median(r.map((x) => x.wall))),
  wallMinMs: Math.round(Math.min(...r.map((x) => x.wall))),
  findings: r[0].n,
});
const sa = sum(ra);
const sb = sum(rb);
console.log(
  JSON.stringify({
    A: sa,
    B: sb,
    cpuMedianRatio: +(sb.cpuMedianMs / sa.cpuMedianMs).toFixed(3),
    cpuMinRatio: +(sb.cpuMinMs / sa.cpuMinMs).toFixed(3),
    files: texts.length,
    loadavg: os.loadavg().map((x) => +x.toFixed(1)),
  }),
);
