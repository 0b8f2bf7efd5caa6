// Diagnostics over real LSP (stdio, bundled server): content, links, versions, incremental edits.
import assert from 'node:assert/strict';
import { startSession, type Session } from '../support/lspClient';
import { expectedDiagnostics } from '../support/expected';

const PY = 'import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n';
const SH = 'curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/\n';

suite('LSP diagnostics (bundled server over stdio)', () => {
  let s: Session;
  suiteSetup(async () => {
    s = await startSession();
  });
  suiteTeardown(async () => {
    assert.equal(await s.stop(), 0);
  });

  test('initialize advertises incremental sync, completion+resolve, code actions, hover', () => {
    const caps = s.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.completionProvider?.resolveProvider, true);
    assert.ok(caps.hoverProvider);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.phq'] });
    // The value-writing commands are the client's: the server must not claim them.
    assert.equal(caps.executeCommandProvider, undefined);
  });

  test('a Python "Bearer $API_TOKEN" is flagged with rule code, docs link, source and version', async () => {
    const uri = 'file:///w/app.py';
    await s.open(uri, 'python', PY, 7);
    const p = await s.diagnostics(uri, 7);
    const ph = p.diagnostics.filter((d) => d.code === 'phq/placeholder');
    assert.equal(ph.length, 1);
    const d = ph[0]!;
    const col = PY.split('\n')[1]!.indexOf('$API_TOKEN');
    assert.deepEqual(d.range, { start: { line: 1, character: col }, end: { line: 1, character: col + 10 } });
    assert.equal(
      d.codeDescription?.href,
      'https://github.com/predicthq-tokens/predicthq-tokens/blob/main/docs/rules.md#placeholder',
    );
    assert.equal(d.source, 'PredictHQ Tokens');
    assert.equal(d.tags, undefined);
    assert.deepEqual(p.diagnostics, expectedDiagnostics(uri, 'python', PY));
  });

  test('the same text in a shell command is not flagged (the shell expands it)', async () => {
    const uri = 'file:///w/call.sh';
    await s.open(uri, 'shellscript', SH);
    const p = await s.diagnostics(uri, 1);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'phq/placeholder'),
      [],
    );
  });

  test('incremental edits: each publish carries the latest version and matches a fresh scan', async () => {
    const uri = 'file:///w/inc.py';
    let text = PY;
    await s.open(uri, 'python', text, 1);
    await s.diagnostics(uri, 1);
    // v2: insert a second placeholder line at the end.
    const added = 'h2 = {"Authorization": "Bearer $ACCESS_TOKEN"}\n';
    await s.change(uri, 2, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: added },
    ]);
    text += added;
    const v2 = await s.diagnostics(uri, 2);
    assert.equal(v2.diagnostics.filter((d) => d.code === 'phq/placeholder').length, 2);
    assert.deepEqual(v2.diagnostics, expectedDiagnostics(uri, 'python', text));
    // v3: two changes in one notification, the second relative to the first's result.
    const col = PY.split('\n')[1]!.indexOf('$API_TOKEN');
    await s.change(uri, 3, [
      { range: { start: { line: 1, character: col }, end: { line: 1, character: col + 10 } }, text: '" + token + "' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# hi\n' },
    ]);
    text = '# hi\n' + text.replace('$API_TOKEN', '" + token + "');
    const v3 = await s.diagnostics(uri, 3);
    assert.equal(v3.diagnostics.filter((d) => d.code === 'phq/placeholder').length, 1);
    assert.equal(v3.diagnostics[0]!.range.start.line, 3);
    assert.deepEqual(v3.diagnostics, expectedDiagnostics(uri, 'python', text));
  });

  test('a burst of changes ends with a publish for the last version, never a later-stale one', async () => {
    const uri = 'file:///w/burst.py';
    await s.open(uri, 'python', '', 1);
    await s.diagnostics(uri, 1);
    let text = '';
    for (let v = 2; v <= 60; v++) {
      const ins = v % 3 === 0 ? 'x = "Bearer $API_TOKEN"\n' : 'y = 1\n';
      await s.change(uri, v, [
        { range: { start: { line: v - 2, character: 0 }, end: { line: v - 2, character: 0 } }, text: ins },
      ]);
      text += ins;
    }
    const last = await s.diagnostics(uri, 60);
    assert.deepEqual(last.diagnostics, expectedDiagnostics(uri, 'python', text));
    const versions = s.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'versions only go forward',
    );
  });

  test('full-text changes and CRLF text', async () => {
    const uri = 'file:///w/full.py';
    await s.open(uri, 'python', 'a = 1\r\n', 1);
    await s.diagnostics(uri, 1);
    const text = 'a = 1\r\nb = "Bearer $API_TOKEN"\r\n';
    await s.change(uri, 2, [{ text }]);
    const p = await s.diagnostics(uri, 2);
    assert.equal(p.diagnostics.length, 1);
    assert.deepEqual(p.diagnostics, expectedDiagnostics(uri, 'python', text));
  });

  test('closing a document clears its diagnostics; changes to closed documents are ignored', async () => {
    const uri = 'file:///w/closed.py';
    await s.open(uri, 'python', PY, 1);
    await s.diagnostics(uri, 1);
    const cleared = s.nextDiagnostics(uri);
    await s.close(uri);
    const c = await cleared;
    assert.deepEqual(c.diagnostics, []);
    assert.equal(c.version, undefined);
    await s.change(uri, 2, [{ text: PY }]);
    // A later open of another document still works and nothing was published for the closed one.
    await s.open('file:///w/after.py', 'python', PY, 1);
    await s.diagnostics('file:///w/after.py', 1);
    assert.ok(!s.published.some((p) => p.uri === uri && p.version === 2));
    assert.ok(s.alive);
  });
});
