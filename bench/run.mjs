#!/usr/bin/env node
// The detection benchmark (not a test: it prints figures, it does not pass or fail).
// In one run, on the same seeded ~100 MB tree: `phq-tokens scan` (the built CLI bundle),
// ripgrep with an equivalent regex (the practical floor) and secretlint with the same
// regex as a pattern rule; then the engine alone (a 5 MB file, and the whole tree in memory:
// floor.mjs), and scan against ripgrep on real code (real-code.mjs). Prints wall time, MB/s,
// peak memory, ratios and found/expected counts, and writes bench/results/latest.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { EQUIVALENT_REGEX } from './equivalent.mjs';
import { dataDir, generate, treeDir } from './generate.mjs';
import { median, sh, timed } from './timing.mjs';
import { realCode } from './real-code.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const withSecretlint = process.env.BENCH_SECRETLINT !== '0';

/** found/expected by (file, line): seeds on a line count as found up to the reports there. */
function score(manifest, reports) {
  const seeds = new Map();
  for (const s of manifest.seeded) {
    const k = `${s.file}:${s.line}`;
    seeds.set(k, (seeds.get(k) ?? 0) + 1);
  }
  const byLine = new Map();
  for (const r of reports) {
    const k = `${r.file.replace(/^tree\//, '')}:${r.line}`;
    byLine.set(k, (byLine.get(k) ?? 0) + 1);
  }
  let found = 0;
  let extra = 0;
  for (const [k, n] of byLine) {
    const want = seeds.get(k) ?? 0;
    found += Math.min(want, n);
    extra += Math.max(0, n - want);
  }
  const decoyLines = new Set(manifest.decoys.map((d) => `${d.file}:${d.line}`));
  const decoys = [...byLine.keys()].filter((k) => decoyLines.has(k)).length;
  return { found, expected: manifest.seeded.length, extra, decoys };
}

// 1. Inputs: the tree, the CLI bundle, the engine bundle, a 5 MB file.
const manifestFile = path.join(dataDir, 'manifest.json');
if (!existsSync(manifestFile) || process.env.BENCH_REGENERATE === '1') {
  console.log('generating the tree...');
  generate();
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const mib = manifest.bytes / 1048576;
sh(process.execPath, [path.join(root, 'packages/cli/build.mjs')], {
  cwd: path.join(root, 'packages/cli'),
  stdio: 'ignore',
});
const cliJs = path.join(root, 'packages/cli/dist/cli.js');
const engineBundle = path.join(dataDir, 'detect.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'packages/detect/src/index.ts')],
  outfile: engineBundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
const fiveMb = path.join(dataDir, 'engine-5mb.js');
if (!existsSync(fiveMb)) {
  const parts = [];
  let size = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (size >= 5 * 1048576) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(js|ts)$/.test(e.name) && !e.name.includes('.min.') && statSync(p).size < 1048576) {
        const t = readFileSync(p, 'latin1');
        parts.push(t);
        size += t.length;
      }
    }
  };
  walk(treeDir);
  writeFileSync(fiveMb, parts.join('\n').slice(0, 5 * 1048576));
}

// 2. The tools, same tree, same run. Each runs once untimed first (page cache, JIT-less warm-up).
const rcFile = path.join(dataDir, '.secretlintrc.json');
writeFileSync(
  rcFile,
  JSON.stringify({
    rules: [
      {
        id: '@secretlint/secretlint-rule-pattern',
        options: { patterns: [{ name: 'phq-equivalent', patterns: [`/${EQUIVALENT_REGEX}/`] }] },
      },
    ],
  }),
);
const secretlintOut = path.join(dataDir, 'secretlint-result.json');
// The CLI runs as its bin, the way `phq-tokens` is run (its shebang line sets Node's
// young-generation size, see packages/cli/build.mjs), not as `node dist/cli.js`.
const tools = {
  'phq-tokens scan': {
    cmd: cliJs,
    args: ['scan', 'tree', '--format', 'json', '--fail-on', 'none'],
    parse: (out) => JSON.parse(out).findings.map((f) => ({ file: f.file, line: f.line })),
  },
  'phq-tokens scan, 2 threads (PHQ_SCAN_WORKERS=1)': {
    cmd: cliJs,
    args: ['scan', 'tree', '--format', 'json', '--fail-on', 'none'],
    env: { PHQ_SCAN_WORKERS: '1' },
    parse: (out) => JSON.parse(out).findings.map((f) => ({ file: f.file, line: f.line })),
  },
  'ripgrep (equivalent regex)': {
    cmd: 'rg',
    args: ['--no-config', '--no-require-git', '-o', '-n', '--no-heading', '-e', EQUIVALENT_REGEX, 'tree'],
    parse: (out) =>
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => {
          const [file, line] = l.split(':');
          return { file, line: Number(line) };
        }),
  },
  'secretlint (pattern rule)': {
    cmd: path.join(root, 'node_modules/.bin/secretlint'),
    // --output: secretlint exits before a large stdout is flushed.
    args: ['tree/**/*', '--secretlintrc', rcFile, '--format', 'json', '--no-color', '--output', secretlintOut],
    once: true,
    parse: () =>
      JSON.parse(readFileSync(secretlintOut, 'utf8')).flatMap((r) =>
        r.messages.map((m) => ({ file: path.relative(dataDir, r.filePath), line: m.loc.start.line })),
      ),
  },
};

const results = [];
for (const [name, t] of Object.entries(tools)) {
  if (t.once && !withSecretlint) continue;
  console.log(`timing ${name}...`);
  if (!t.once) timed(t.cmd, t.args, dataDir, t.env);
  const samples = [];
  let last;
  for (let i = 0; i < (t.once ? 1 : runs); i++) {
    last = timed(t.cmd, t.args, dataDir, t.env);
    samples.push(last);
  }
  let reports = [];
  try {
    reports = t.parse(last.stdout);
  } catch (e) {
    console.log(`  could not parse ${name} output: ${e.message}\n${last.stderr.slice(0, 500)}`);
  }
  results.push({
    name,
    runs: samples.length,
    wallMs: median(samples.map((s) => s.ms)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
    ...score(manifest, reports),
  });
}

// 3. Start-up: the CLI scanning an empty folder, against a bare `node -e 0` (the floor).
const emptyDir = path.join(dataDir, 'empty');
mkdirSync(emptyDir, { recursive: true });
const startupOf = (cmd, args) => {
  timed(cmd, args, dataDir);
  const s = Array.from({ length: runs }, () => timed(cmd, args, dataDir));
  return {
    wallMs: median(s.map((x) => x.ms)),
    cpuMs: median(s.map((x) => x.cpuMs)),
    rssMiB: Math.max(...s.map((x) => x.rssMiB)),
  };
};
const startup = {
  node: startupOf(process.execPath, ['-e', '0']),
  scan: startupOf(cliJs, ['scan', 'empty', '--fail-on', 'none']),
};

// 4. The engine alone: a 5 MB file; the whole tree in memory, cold and warm, 1 and 2 threads.
const engine = JSON.parse(sh(process.execPath, [path.join(here, 'engine.mjs'), engineBundle, fiveMb]).stdout);
console.log('timing the engine over the tree in memory...');
const floor = JSON.parse(
  sh(process.execPath, ['--max-semi-space-size=4', path.join(here, 'floor.mjs'), engineBundle, treeDir]).stdout,
);

// 5. Real code (see real-code.mjs).
const real = realCode(root, cliJs, runs);

// 6. Report.
const phq = results[0];
const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ')}`;
const ms = (xs) => xs.map((x) => `${x.toFixed(0)}`).join(' / ') + ' ms';
const lines = [
  `Tree: ${manifest.files} files, ${mib.toFixed(1)} MiB (seed ${manifest.seed}); seeded ${manifest.expected.placeholders} placeholders + ${manifest.expected.tokens} tokens, ${manifest.expected.decoys} decoys`,
  `Machine: ${machine}`,
  '',
  '| tool | wall (median) | CPU (user+sys) | MB/s (wall) | peak RSS | wall vs phq-tokens | found / expected | other reports | decoys reported |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...results.map(
    (r) =>
      `| ${r.name} | ${(r.wallMs / 1000).toFixed(2)} s (${r.runs} run${r.runs > 1 ? 's' : ''}) | ${(r.cpuMs / 1000).toFixed(2)} s | ${(mib / (r.wallMs / 1000)).toFixed(0)} | ${r.peakRssMiB.toFixed(0)} MiB | ${(r.wallMs / phq.wallMs).toFixed(2)}x | ${r.found} / ${r.expected} | ${r.extra} | ${r.decoys} |`,
  ),
  '',
  `Start-up (median of ${runs}): \`phq-tokens scan\` of an empty folder ${startup.scan.wallMs.toFixed(0)} ms wall, ${startup.scan.cpuMs.toFixed(0)} ms CPU, ${startup.scan.rssMiB.toFixed(0)} MiB; bare \`node -e 0\` ${startup.node.wallMs.toFixed(0)} ms, ${startup.node.cpuMs.toFixed(0)} ms CPU, ${startup.node.rssMiB.toFixed(0)} MiB.`,
  `Engine over the whole tree in memory (no start-up, no I/O), ${floor.oneThread.length} passes: one thread ${ms(floor.oneThread)}; two threads, half the files each, ${floor.twoThreads.map((t) => ms(t)).join(' and ')}.`,
  ...(real
    ? [
        '',
        `Real code: ${real.corpus}, ${real.files} files, ${(real.bytes / 1048576).toFixed(0)} MiB on disk (binaries included; both tools skip them).`,
        '',
        '| tool | wall (median) | CPU (user+sys) | peak RSS | wall vs ripgrep | reports |',
        '| --- | --- | --- | --- | --- | --- |',
        ...real.results.map(
          (r) =>
            `| ${r.name} | ${(r.wallMs / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.peakRssMiB.toFixed(0)} MiB | ${(r.wallMs / real.results[1].wallMs).toFixed(1)}x | ${r.reports} |`,
        ),
        '',
      ]
    : []),
  `Engine alone, ${(engine.bytes / 1048576).toFixed(1)} MiB JavaScript, ${engine.findings} findings: scan first run ${engine.firstMs.toFixed(1)} ms, warm median ${engine.medianMs.toFixed(1)} ms (min ${engine.minMs.toFixed(1)} ms); DocumentScanner open ${engine.docInitMs.toFixed(1)} ms, one-character edit median ${engine.editMedianMs.toFixed(2)} ms, p95 ${engine.editP95Ms.toFixed(2)} ms, max ${engine.editMaxMs.toFixed(2)} ms.`,
];
console.log('\n' + lines.join('\n'));
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results', 'latest.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      manifest: { files: manifest.files, bytes: manifest.bytes, expected: manifest.expected },
      results,
      startup,
      engine,
      floor,
      realCode: real,
    },
    null,
    2,
  ),
);
writeFileSync(path.join(here, 'results', 'latest.md'), lines.join('\n') + '\n');
