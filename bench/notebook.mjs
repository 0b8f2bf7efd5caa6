#!/usr/bin/env node
// Notebook benchmark (not a test: it prints figures). A seeded ~20 MB .ipynb whose bytes
// are mostly base64 images in saved outputs, plus ordinary code and Markdown cells and a few
// seeded findings; timed three ways: the engine's scanNotebook on the text in memory (cold,
// then warm), JSON.parse of the same text (the native floor for merely reading it), and
// `phq-tokens scan` of a folder holding only that notebook (its bin, start-up included).
// Run after a build: node bench/notebook.mjs   (writes bench/.data/notebook/, gitignored)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { prng } from './prng.mjs';
import { median, timed } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dir = path.join(here, '.data', 'notebook');
const runs = Number(process.env.BENCH_RUNS ?? 5);
mkdirSync(dir, { recursive: true });

// 1. The notebook: 40 cells with a ~500 KB PNG each (base64, as Jupyter saves it), code and
// Markdown between them; two placeholders and one token-shaped value (generated, never real).
const rnd = prng(20261129);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (n) => {
  const a = new Array(n);
  for (let i = 0; i < n; i++) a[i] = B64[Math.floor(rnd() * 64)];
  return a.join('');
};
const token = 'FAKE' + b64(39).replace(/[+/]/g, '_');
const cells = [];
for (let i = 0; i < 40; i++) {
  cells.push({
    cell_type: 'markdown',
    id: `md-${i}`,
    metadata: {},
    source: [`## Step ${i}\n`, 'Demand forecast features from the PredictHQ Features API.\n'],
  });
  const src = ['import pandas as pd\n', `df${i} = pd.read_csv("events_${i}.csv")\n`, `df${i}.plot(figsize=(12, 6))\n`];
  if (i === 10) src.push('headers = {"Authorization": "Bearer $API_TOKEN"}\n');
  if (i === 20) src.push("!curl -H 'Authorization: Bearer $ACCESS_TOKEN' https://api.predicthq.com/v1/events/\n");
  const outputs = [
    {
      output_type: 'display_data',
      metadata: {},
      data: { 'image/png': b64(500_000) + '\n', 'text/plain': ['<Figure size 1200x600 with 1 Axes>'] },
    },
  ];
  if (i === 30)
    outputs.push({ output_type: 'stream', name: 'stdout', text: [`{'Authorization': 'Bearer ${token}'}\n`] });
  cells.push({ cell_type: 'code', id: `code-${i}`, metadata: {}, execution_count: i + 1, source: src, outputs });
}
const text = JSON.stringify(
  { cells, metadata: { kernelspec: { language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 },
  null,
  1,
);
const file = path.join(dir, 'tree', 'forecast.ipynb');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, text);
const mib = Buffer.byteLength(text) / 1048576;

// 2. The engine alone, in memory.
const bundle = path.join(dir, 'detect.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'packages/detect/src/index.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
const { createRequire } = await import('node:module');
const { scanNotebook } = createRequire(import.meta.url)(bundle);
const input = readFileSync(file, 'utf8');
const time = (fn) => {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
};
const [cold, findings] = time(() => scanNotebook(input, { languageId: 'json', fileName: 'forecast.ipynb' }));
const warm = [];
const parse = [];
for (let i = 0; i < runs; i++) {
  warm.push(time(() => scanNotebook(input, { languageId: 'json', fileName: 'forecast.ipynb' }))[0]);
  parse.push(time(() => JSON.parse(input))[0]);
}

// 3. The CLI bin on a folder holding only the notebook.
const cli = path.join(root, 'packages/cli/dist/cli.js');
const args = ['scan', '.', '--format', 'json', '--fail-on', 'none'];
timed(cli, args, path.dirname(file));
const cliRuns = [];
let cliFindings = 0;
for (let i = 0; i < runs; i++) {
  const r = timed(cli, args, path.dirname(file));
  cliRuns.push(r);
  cliFindings = JSON.parse(r.stdout).findings.length;
}
const f1 = (x) => x.toFixed(1);
console.log(
  `notebook: ${f1(mib)} MiB, ${cells.length} cells, ${Buffer.byteLength(JSON.stringify(cells.map((c) => c.outputs ?? [])))} bytes of outputs`,
);
console.log(
  `scanNotebook: cold ${f1(cold)} ms, warm median ${f1(median(warm))} ms (min ${f1(Math.min(...warm))}); ${findings.length} findings: ${findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).join(', ')}`,
);
console.log(`JSON.parse of the same text: median ${f1(median(parse))} ms`);
console.log(
  `phq-tokens scan (bin, start-up included): median ${f1(median(cliRuns.map((r) => r.ms)))} ms wall, ${f1(median(cliRuns.map((r) => r.cpuMs)))} ms CPU, ${f1(median(cliRuns.map((r) => r.rssMiB)))} MiB peak RSS; ${cliFindings} findings`,
);
