// Settings are pulled per document (workspace/configuration with the document's scopeUri)
// and re-pulled on workspace/didChangeConfiguration.
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  type CodeAction,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { startSession, type Session } from '../support/lspClient';
import { expectedDiagnostics } from '../support/expected';

const PY = 'h = {"Authorization": "Bearer $API_TOKEN"}\n';
const MD = '# Use\n\n```python\nh = {"Authorization": "Bearer $API_TOKEN"}\n```\n';

suite('LSP settings (bundled server over stdio)', () => {
  let s: Session;
  let current: (uri: string | undefined) => unknown;
  suiteSetup(async () => {
    current = (uri) => (uri?.includes('/strict/') ? { severity: { placeholder: 'hint' } } : {});
    s = await startSession({ settings: (uri) => current(uri) });
  });
  suiteTeardown(async () => {
    await s.stop();
  });

  test('each document gets its own settings (scopeUri), severity per kind', async () => {
    const before = s.configRequests;
    await s.open('file:///s/strict/a.py', 'python', PY);
    await s.open('file:///s/loose/a.py', 'python', PY);
    const strict = await s.diagnostics('file:///s/strict/a.py', 1);
    const loose = await s.diagnostics('file:///s/loose/a.py', 1);
    assert.equal(s.configRequests - before, 2);
    assert.equal(strict.diagnostics[0]!.severity, 4);
    assert.equal(loose.diagnostics[0]!.severity, 1, 'the engine default for Python');
    assert.deepEqual(loose.diagnostics, expectedDiagnostics('file:///s/loose/a.py', 'python', PY));
  });

  test('didChangeConfiguration re-pulls every document: severity per language, off, env var name', async () => {
    await s.open('file:///s/doc.md', 'markdown', MD);
    const md1 = await s.diagnostics('file:///s/doc.md', 1);
    assert.equal(
      md1.diagnostics.filter((d) => (d.data as { kind: string }).kind === 'placeholder').length,
      1,
      'fenced Python is judged',
    );
    const settings = {
      envVarName: 'MY_PHQ_TOKEN',
      severity: { placeholder: 'hint' },
      severityByLanguage: { python: { placeholder: 'warning' }, markdown: { placeholder: 'off' } },
    };
    current = () => settings;
    const nextPy = s.nextDiagnostics('file:///s/loose/a.py');
    const nextMd = s.nextDiagnostics('file:///s/doc.md');
    await s.settingsChanged();
    const py = await nextPy;
    const md = await nextMd;
    assert.equal(py.version, 1);
    assert.equal(py.diagnostics[0]!.severity, 2);
    assert.deepEqual(md.diagnostics, []);
    assert.deepEqual(py.diagnostics, expectedDiagnostics('file:///s/loose/a.py', 'python', PY, settings));

    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: 'file:///s/loose/a.py' },
      range: py.diagnostics[0]!.range,
      context: { diagnostics: [py.diagnostics[0]!] },
    })) as CodeAction[];
    assert.ok(
      actions.some((a) => a.title === 'Replace with os.environ["MY_PHQ_TOKEN"]'),
      JSON.stringify(actions.map((a) => a.title)),
    );
    const items = (await s.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri: 'file:///s/loose/a.py' },
      position: { line: 0, character: 33 },
    })) as CompletionList;
    assert.equal(items.items[0]!.label, 'os.environ["MY_PHQ_TOKEN"]');
  });

  test('enable: false clears diagnostics; invalid settings are ignored with a log line', async () => {
    current = () => ({ enable: false });
    const next = s.nextDiagnostics('file:///s/strict/a.py');
    await s.settingsChanged();
    assert.deepEqual((await next).diagnostics, []);
    current = () => ({ extraPatterns: ['('], severity: { placeholder: 'loud' } });
    const again = s.nextDiagnostics('file:///s/strict/a.py');
    await s.settingsChanged();
    const p = await again;
    assert.deepEqual(p.diagnostics, expectedDiagnostics('file:///s/strict/a.py', 'python', PY));
    assert.ok(s.logs.some((l) => /Ignoring invalid predicthqTokens settings/.test(l)));
  });
});
