// The Scan Workspace benchmark (bench/workspace-vscode.mjs, docs/benchmarks.md, "Scan Workspace in VS Code"):
// not a test, it prints figures. Loaded by index.ts only when PHQ_BENCH_TREE is set (the
// workspace folder is then the benchmark tree), so the normal suite never sees it. Times
// the command from its start to the moment the number of files with our diagnostics last
// changed (stable for 3 s after the command resolved), and reads the language server's
// memory from /proc. Prints one human line and one `PHQ_BENCH_RESULT {json}` line.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ScanResult } from '../../src/lsp/workspaceScan';
import { api, exec, requireLanguageServer, waitFor } from './helpers';

const SOURCE = 'PredictHQ Tokens';
const STABLE_MS = 3000;

/** VmRSS and VmHWM (peak) of a process, in MiB. */
function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
}

suite('benchmark: Scan Workspace over the benchmark tree', function () {
  test('from the command to all diagnostics', async function () {
    this.timeout(840_000);
    await requireLanguageServer(this);
    await waitFor(
      'language client running',
      async () => (await api()).testing.languageClientState() === 'running',
      60_000,
    );
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.equal(folder, process.env.PHQ_BENCH_TREE, 'the benchmark tree is the workspace folder');
    const pid = (await api()).testing.languageServerFailures().pid;
    assert.ok(pid, 'the language server has a process id');
    const before = memoryOf(pid);

    // Files with our diagnostics, kept current from the change events (cheap: no full
    // getDiagnostics() per event), and when their number last changed.
    const withOurs = new Set<string>();
    const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === SOURCE);
    let lastChange = performance.now();
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      const size = withOurs.size;
      for (const uri of e.uris) {
        if (ours(uri)) withOurs.add(uri.toString());
        else withOurs.delete(uri.toString());
      }
      if (withOurs.size !== size) lastChange = performance.now();
    });
    try {
      const t0 = performance.now();
      const result = await exec<ScanResult>('predicthqTokens.scanWorkspace', { silent: true });
      const resolvedAt = performance.now();
      while (performance.now() - Math.max(resolvedAt, lastChange) < STABLE_MS)
        await new Promise((r) => setTimeout(r, 100));
      // The event-kept count against the whole collection, once, at the end.
      const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === SOURCE)).length;
      const after = memoryOf(pid);
      const figures = {
        listed: result.listed,
        judged: result.judged,
        withDiagnosticsReported: result.withDiagnostics,
        filesWithDiagnostics: all,
        filesWithDiagnosticsFromEvents: withOurs.size,
        commandMs: resolvedAt - t0,
        allDiagnosticsMs: Math.max(lastChange, t0) - t0,
        serverRssMiB: after.rssMiB,
        serverPeakRssMiB: after.peakMiB,
        serverRssBeforeMiB: before.rssMiB,
        extensionHostRssMiB: process.memoryUsage().rss / 1048576,
        timings: result.timings,
      };
      console.log(
        `workspace scan: ${all} files with findings, ${(figures.allDiagnosticsMs / 1000).toFixed(2)} s to all diagnostics ` +
          `(command resolved after ${(figures.commandMs / 1000).toFixed(2)} s; ${result.listed} files listed, ${result.judged} judged), ` +
          `server RSS ${after.rssMiB.toFixed(0)} MiB (peak ${after.peakMiB.toFixed(0)} MiB, ${before.rssMiB.toFixed(0)} MiB before); ` +
          `timings ${JSON.stringify(result.timings)}`,
      );
      console.log(`PHQ_BENCH_RESULT ${JSON.stringify(figures)}`);
      assert.equal(result.cancelled, false);
    } finally {
      listener.dispose();
    }
  });
});
