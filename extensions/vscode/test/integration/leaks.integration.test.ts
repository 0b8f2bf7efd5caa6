// Runs last: after a full create / copy / insert / save-to-.env / terminal session, no token
// value may appear in settings, global state or any log (the extension's, the server trace,
// VS Code's). The same values are searched again after shutdown, when VS Code has flushed its
// state databases and the browser its storage (scripts/leak-scan.mjs): this suite hands the
// runner their SHA-256 digests, never a value.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, env, requireEmulator, seenValues } from './helpers';

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.isFile()) yield p;
  }
}

/** Every 16-character piece of each value: an editor may send an insertion in pieces. */
function pieces(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) for (let i = 0; i + 16 <= v.length; i++) out.add(v.slice(i, i + 16));
  return [...out];
}

suite('no secret leaks', function () {
  suiteSetup(function () {
    requireEmulator(this);
    if (seenValues.size === 0) this.skip();
  });

  test('the runner gets the digests of every value, for the check after shutdown', function () {
    const file = process.env.PHQ_TEST_DIGESTS_FILE;
    if (!file) this.skip();
    const digests = [...seenValues].map((v) => ({
      length: v.length,
      sha256: createHash('sha256').update(v).digest('hex'),
    }));
    writeFileSync(file, JSON.stringify(digests));
  });

  test('the terminal environment collection is never persisted by VS Code', async () => {
    const t = (await api()).testing.terminalToken();
    assert.equal(t.collection.persistent, false);
  });

  test('settings hold no token value', () => {
    const all = JSON.stringify(vscode.workspace.getConfiguration());
    for (const v of seenValues) assert.ok(!all.includes(v), 'a token value is in the settings');
  });

  test('global state holds no token value', async () => {
    const dump = (await api()).testing.globalStateJson();
    assert.ok(dump.length > 2, 'global state was read');
    for (const v of seenValues) assert.ok(!dump.includes(v), 'a token value is in global state');
  });

  test('no file code-server wrote (settings, storage, every log) contains a token value', async function () {
    if (!env.stateDir) this.skip();
    const a = await api();
    // Our own channels first, so the check covers what this session logged.
    const logRoot = path.dirname(path.dirname(a.testing.logUri.fsPath));
    const roots = [env.stateDir, logRoot];
    let scanned = 0;
    const seen = new Set<string>();
    const needles = pieces(seenValues);
    for (const root of roots)
      for (const f of files(root)) {
        // Local history and hot-exit backups are copies of workspace files, which hold the
        // value because the test inserted it there on purpose (docs/extension.md says so).
        if (/[\\/]User[\\/]History[\\/]|[\\/]Backups[\\/]/.test(f)) continue;
        if (seen.has(f) || statSync(f).size > 20 * 1024 * 1024) continue;
        seen.add(f);
        const text = readFileSync(f, 'latin1');
        scanned++;
        for (const n of needles)
          assert.ok(!text.includes(n), `(part of) a token value is in ${path.relative(root, f)}`);
      }
    assert.ok(scanned > 5, `scanned ${scanned} files`);
    assert.ok(
      [...seen].some((f) => f.includes('PredictHQ Tokens')),
      'the extension log was among them',
    );
  });
});
