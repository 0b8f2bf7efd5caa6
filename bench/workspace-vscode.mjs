#!/usr/bin/env node
// The Scan Workspace benchmark inside a real VS Code (not a test: it prints
// figures). Over the detection benchmark's seeded tree (bench/generate.mjs), copied outside
// this repository (inside it, bench/.data/ is gitignored, and Scan Workspace honours
// .gitignore): code-server opens the copy, the extension host runs
// extensions/vscode/test/integration/benchWorkspace.integration.test.ts (through
// scripts/run-ext-tests.mjs --bench), which times "PredictHQ Tokens: Scan Workspace" from the
// command to all diagnostics shown and reads the language server's RSS. The reference, in
// the same run and before code-server starts: ripgrep with the equivalent regex
// (bench/equivalent.mjs) listing the files that match, over the same files (--max-filesize
// 1M, the size above which Scan Workspace passes a file over).
// Usage: node bench/workspace-vscode.mjs   Env: BENCH_RUNS (ripgrep runs, default 5), BENCH_REGENERATE=1
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

// 1. The tree, and a copy of it outside the repository.
const manifestFile = path.join(dataDir, 'manifest.json');
if (!existsSync(manifestFile) || process.env.BENCH_REGENERATE === '1') {
  console.log('generating the tree...');
  generate();
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const copyRoot = mkdtempSync(path.join(os.tmpdir(), 'phq-bench-ws-'));
const tree = path.join(copyRoot, 'tree');
cpSync(treeDir, tree, { recursive: true });
const seededFiles = [...new Set(manifest.seeded.map((s) => s.file))];
const seededUnder1M = seededFiles.filter((f) => statSync(path.join(tree, f)).size <= 1048576).length;

try {
  // 2. Builds: the server, then the extension with its test bundle (which copies the server).
  for (const dir of [path.join(root, 'packages', 'server'), extDir]) {
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`build failed in ${path.relative(root, dir)}`);
  }

  // 3. The reference: ripgrep, once untimed (page cache), then timed runs.
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
    `ripgrep (equivalent regex, -l, --max-filesize 1M): ${s(rgMs)} median of ${runs} (${rg.map((x) => x.ms.toFixed(0)).join(' / ')} ms), peak RSS ${Math.max(...rg.map((x) => x.rssMiB)).toFixed(0)} MiB, ${rgFiles} files`,
    `Scan Workspace to all diagnostics vs ripgrep: ${(result.allDiagnosticsMs / rgMs).toFixed(1)}x`,
  ];
  console.log('\n' + lines.join('\n'));
  writeFileSync(
    path.join(dataDir, 'workspace-vscode.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        result,
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
