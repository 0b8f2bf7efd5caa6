// Workspace diagnostics over real LSP: unopened files judged from the text the client sends
// (redacted there), the same diagnostics an open document gets, cleared when opened, fixed
// or forgotten.
import assert from 'node:assert/strict';
import { ForgetFiles, JudgeFiles, type JudgeFilesResult } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { expectedDiagnostics } from '../support/expected';

const PY = 'import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n';
const FIXED = 'import os\nheaders = {"Authorization": f"Bearer {os.environ[\'PHQ_API_TOKEN\']}"}\n';

suite('LSP workspace diagnostics (phq/judgeFiles, phq/forgetFiles)', () => {
  let s: Session;
  suiteSetup(async () => {
    s = await startSession();
  });
  suiteTeardown(async () => {
    assert.equal(await s.stop(), 0);
  });

  /** The answer without its timing (`ms`), which varies. */
  const judge = async (files: { uri: string; languageId?: string; text: string }[]) => {
    const { ms, ...rest } = (await s.conn.sendRequest(JudgeFiles.method, { files })) as JudgeFilesResult;
    assert.equal(typeof ms, 'number');
    return rest;
  };

  test('an unopened file gets the diagnostics an open document with the same text gets', async () => {
    const uri = 'file:///ws/unopened.py';
    const next = s.nextDiagnostics(uri);
    const r = await judge([
      { uri, text: PY },
      { uri: 'file:///ws/clean.txt', text: 'nothing here\n' },
    ]);
    assert.deepEqual(r, { judged: 2, withDiagnostics: 1, flagged: [uri], withFindings: [uri] });
    const p = await next;
    assert.ok(p.diagnostics.some((d) => d.code === 'phq/placeholder'));
    assert.deepEqual(p.diagnostics, expectedDiagnostics(uri, 'python', PY));
    // A clean file never published is not published empty (50,000 files, no noise).
    assert.ok(!s.published.some((x) => x.uri === 'file:///ws/clean.txt'));
  });

  test('fixed on disk and judged again: its diagnostics are cleared', async () => {
    const uri = 'file:///ws/fixed.py';
    let next = s.nextDiagnostics(uri);
    await judge([{ uri, text: PY }]);
    assert.ok((await next).diagnostics.length > 0);
    next = s.nextDiagnostics(uri);
    assert.deepEqual(await judge([{ uri, text: FIXED }]), {
      judged: 1,
      withDiagnostics: 0,
      flagged: [],
      withFindings: [],
    });
    assert.deepEqual((await next).diagnostics, []);
  });

  test('an open document is not judged from disk; forgetting a file clears it', async () => {
    const open = 'file:///ws/open.py';
    await s.open(open, 'python', FIXED);
    await s.diagnostics(open, 1);
    assert.deepEqual(await judge([{ uri: open, text: PY }]), {
      judged: 0,
      withDiagnostics: 0,
      flagged: [],
      withFindings: [],
    });
    const gone = 'file:///ws/deleted.py';
    let next = s.nextDiagnostics(gone);
    await judge([{ uri: gone, text: PY }]);
    assert.ok((await next).diagnostics.length > 0);
    next = s.nextDiagnostics(gone);
    await s.conn.sendNotification(ForgetFiles.method, { uris: [gone, 'file:///ws/never.py'] });
    assert.deepEqual((await next).diagnostics, []);
  });

  test('an unopened notebook is judged as the CLI judges it: its cells and saved outputs', async () => {
    const uri = 'file:///ws/events.ipynb';
    const nb = JSON.stringify(
      {
        cells: [
          {
            cell_type: 'code',
            metadata: {},
            execution_count: 1,
            outputs: [],
            source: ['import requests\n', 'headers = {"Authorization": "Bearer $API_TOKEN"}\n'],
          },
        ],
        metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const next = s.nextDiagnostics(uri);
    assert.deepEqual(await judge([{ uri, text: nb }]), {
      judged: 1,
      withDiagnostics: 1,
      flagged: [uri],
      withFindings: [uri],
    });
    const d = (await next).diagnostics.find((x) => x.code === 'phq/placeholder');
    assert.ok(d, 'a placeholder in the cell');
    assert.match(String(d.message), /^cell 1: /);
    const line = nb.split('\n')[d.range.start.line]!;
    assert.equal(line.slice(d.range.start.character, d.range.end.character).includes('API_TOKEN'), true, line);
  });

  test('malformed requests are refused without judging anything', async () => {
    assert.deepEqual(await s.conn.sendRequest(JudgeFiles.method, { files: [{ uri: 'no scheme.py', text: PY }] }), {
      judged: 0,
      withDiagnostics: 0,
    });
    assert.ok(s.alive);
  });
});
