#!/usr/bin/env node
// The Scan Workspace benchmark inside a real VS Code (not a test: it prints figures). Over
// the detection benchmark's seeded tree (bench/generate.mjs), or with --files50k over 50,000
// small Python files (500 folders of 100, every 1,000th with a placeholder), copied outside
// this repository (inside it, bench/.data/ is gitignored, and Scan Workspace honours
// .gitignore): code-server opens the copy, the extension host runs
// extensions/vscode/test/integration/benchWorkspace.integration.test.ts (through
// scripts/run-ext-tests.mjs --bench), which times "PredictHQ Tokens: Scan Workspace" from the
// command to all diagnostics shown and reads the language server's RSS. The reference, in
// the same run and before code-server starts: `phq-tokens scan` (the CLI, the same engine) and
// ripgrep with the equivalent regex (bench/equivalent.mjs), over the same files
// (--max-file-size 1 MiB, the size above which Scan Workspace passes a file over).
// Usage: node bench/workspace-vscode.mjs [--files50k]
// Env: BENCH_RUNS (CLI and ripgrep runs, default 5), BENCH_REGENERATE=1
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EQUIVALENT_REGEX } from './equivalent.mjs';
import { dataDir, generate, treeDir } from './generate.mjs';
import { median, timed } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const extDir = path.join(root, 'extensions', 'vscode');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const files50k = process.argv.includes('--files50k');

/** 50,000 small Python files in 500 folders; every 1,000th holds a placeholder (50 findings). */
function generate50k(dir) {
  let bytes = 0;
  for (let d = 0; d < 500; d++) {
    const folder = path.join(dir, `pkg${String(d).padStart(3, '0')}`);
    mkdirSync(folder, { recursive: true });
    for (let f = 0; f < 100; f++) {
      const n = d * 100 + f;
      const text =
        n % 1000 === 0
          ? `import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n`
          : `def f${n}(x):\n    return x + ${n}\n`;
      writeFileSync(path.join(folder, `m${f}.py`), text);
      bytes += text.length;
    }
  }
  return {
    files: 50000,
    bytes,
    seed: '50k',
    seeded: Array.from({ length: 50 }, (_, k) => ({ file: `pkg${String(k * 10).padStart(3, '0')}/m0.py` })),
  };
}

// 1. The tree, and a copy of it outside the repository.
const copyRoot = mkdtempSync(path.join(os.tmpdir(), 'phq-bench-ws-'));
const tree = path.join(copyRoot, 'tree');
let manifest;
if (files50k) manifest = generate50k(tree);
else {
  const manifestFile = path.join(dataDir, 'manifest.json');
  if (!existsSync(manifestFile) || process.env.BENCH_REGENERATE === '1') {
    console.log('generating the tree...');
    generate();
  }
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  cpSync(treeDir, tree, { recursive: true });
}
const seededFiles = [...new Set(manifest.seeded.map((s) => s.file))];
const seededUnder1M = seededFiles.filter((f) => statSync(path.join(tree, f)).size <= 1048576).length;

try {
  // 2. Builds: the server, then the extension with its test bundle (which copies the server).
  for (const dir of [path.join(root, 'packages', 'server'), path.join(root, 'packages', 'cli'), extDir]) {
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`build failed in ${path.relative(root, dir)}`);
  }

  // 3. The references: the CLI (the same engine, the same files), then ripgrep; once untimed
  // (page cache), then timed runs.
  const cliJs = path.join(root, 'packages', 'cli', 'dist', 'cli.js');
  const cliArgs = [cliJs, 'scan', '.', '--format', 'json', '--fail-on', 'none', '--max-file-size', '1048576'];
  timed(process.execPath, cliArgs, tree);
  const cli = Array.from({ length: runs }, () => timed(process.execPath, cliArgs, tree));
  const cliReport = JSON.parse(cli.at(-1).stdout);
  const cliFiles = new Set((cliReport.findings ?? []).map((f) => f.file)).size;
  const cliMs = median(cli.map((s) => s.ms));

  const rgArgs = ['--no-config', '--no-require-git', '--max-filesize', '1M', '-l', '-e', EQUIVALENT_REGEX, '.'];
  timed('rg', rgArgs, tree);
  const rg = Array.from({ length: runs }, () => timed('rg', rgArgs, tree));
  const rgFiles = rg.at(-1).stdout.split('\n').filter(Boolean).length;
  const rgMs = median(rg.map((s) => s.ms));

  // 4. Scan Workspace in code-server's extension host.
  console.log('starting code-server on the copy of the tree...');
  let result;
  const out = [];
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(extDir, 'scripts', 'run-ext-tests.mjs'), '--bench', tree], {
      cwd: extDir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        out.push(line);
        const m = /PHQ_BENCH_RESULT (\{.*\})/.exec(line);
        if (m) result = JSON.parse(m[1]);
        else console.log(`  ${line}`);
      }
    });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c));
  });
  if (!result) throw new Error(`the extension host printed no figures (exit code ${code})`);

  // 5. Report.
  const machine = `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `Tree: ${manifest.files} files, ${(manifest.bytes / 1048576).toFixed(1)} MiB (seed ${manifest.seed}); ${seededUnder1M} of the ${seededFiles.length} files with a seeded item are under 1 MiB`,
    `Machine: ${machine}`,
    `workspace scan: ${result.filesWithDiagnostics} files with findings, ${s(result.allDiagnosticsMs)} to all diagnostics, server RSS ${result.serverRssMiB.toFixed(0)} MiB`,
    `  command resolved after ${s(result.commandMs)}; ${result.listed} files listed, ${result.judged} judged, ${result.withDiagnosticsReported} with problems per the server; server peak RSS (VmHWM) ${result.serverPeakRssMiB.toFixed(0)} MiB (${result.serverRssBeforeMiB.toFixed(0)} MiB before the scan); extension host RSS ${result.extensionHostRssMiB.toFixed(0)} MiB`,
    `  where the time went (ms): listing ${result.timings?.listMs}, reading and redacting in the extension host ${result.timings?.readMs}, judging in the server ${result.timings?.serverMs}, the extension waiting for the server ${result.timings?.waitMs}`,
    `phq-tokens scan (same tree, --max-file-size 1 MiB): ${s(cliMs)} median of ${runs} (${cli.map((x) => x.ms.toFixed(0)).join(' / ')} ms), peak RSS ${Math.max(...cli.map((x) => x.rssMiB)).toFixed(0)} MiB, ${cliFiles} files with findings`,
    `Scan Workspace to all diagnostics vs phq-tokens scan: ${(result.allDiagnosticsMs / cliMs).toFixed(1)}x`,
    `ripgrep (equivalent regex, -l, --max-filesize 1M): ${s(rgMs)} median of ${runs} (${rg.map((x) => x.ms.toFixed(0)).join(' / ')} ms), peak RSS ${Math.max(...rg.map((x) => x.rssMiB)).toFixed(0)} MiB, ${rgFiles} files`,
    `Scan Workspace to all diagnostics vs ripgrep: ${(result.allDiagnosticsMs / rgMs).toFixed(1)}x`,
  ];
  console.log('\n' + lines.join('\n'));
  writeFileSync(
    path.join(dataDir, files50k ? 'workspace-vscode-50k.json' : 'workspace-vscode.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        result,
        cli: { ms: cliMs, runs: cli.map((x) => x.ms), files: cliFiles },
        ripgrep: { ms: rgMs, runs: rg.map((x) => x.ms), files: rgFiles },
      },
      null,
      2,
    ),
  );
  process.exitCode = code === 0 ? 0 : 1;
} finally {
  rmSync(copyRoot, { recursive: true, force: true });
}
