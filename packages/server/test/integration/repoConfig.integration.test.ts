// The repository config file (.phq-tokens.json) and its baseline, seen by the bundled server
// over stdio: the same policy as `phq-tokens scan` (packages/cli/test/scan-config), for open
// documents and for Scan Workspace (phq/judgeFiles). Token values are fake and made at run time.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { entryFor, formatBaseline, newSalt } from '@phq-tokens/config';
import { fingerprint } from '@phq-tokens/detect';
import { JudgeFiles } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';

const CONFIG = {
  extraPatterns: ['\\{\\{team\\.phq_key\\}\\}'],
  ignore: ['legacy/'],
  severity: { 'phq/placeholder': 'warning' },
  envVarName: 'TEAM_PHQ_TOKEN',
};
const APP_PY =
  'import requests\nKEY = "{{team.phq_key}}"\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';
const LEGACY_PY = 'import requests\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The CLI test's rows: `file:line rule severity [TEAM_PHQ_TOKEN]` (1-based lines). */
function rows(file: string, ds: Diagnostic[]): string[] {
  return ds
    .map(
      (d) =>
        `${file}:${d.range.start.line + 1} ${String(d.code)} ${SEVERITY[d.severity ?? 0]}${String(d.message).includes('TEAM_PHQ_TOKEN') ? ' TEAM_PHQ_TOKEN' : ''}`,
    )
    .sort();
}
const WITH_CONFIG = [
  'app.py:2 phq/custom-placeholder error TEAM_PHQ_TOKEN',
  'app.py:3 phq/placeholder warning TEAM_PHQ_TOKEN',
];

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'phq-repo-config-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
const uri = (dir: string, rel: string): string => pathToFileURL(path.join(dir, rel)).href;

suite('LSP repository config file and baseline (bundled server over stdio)', () => {
  let s: Session;
  setup(async () => {
    s = await startSession();
  });
  teardown(async () => {
    await s.stop();
  });

  test('the config file changes open documents and Scan Workspace as it changes scan', async () => {
    const dir = workspace({ '.phq-tokens.json': JSON.stringify(CONFIG), 'app.py': APP_PY, 'legacy/old.py': LEGACY_PY });
    await s.open(uri(dir, 'app.py'), 'python', APP_PY);
    await s.open(uri(dir, 'legacy/old.py'), 'python', LEGACY_PY);
    assert.deepEqual(rows('app.py', (await s.diagnostics(uri(dir, 'app.py'), 1)).diagnostics), WITH_CONFIG);
    assert.deepEqual((await s.diagnostics(uri(dir, 'legacy/old.py'), 1)).diagnostics, [], 'ignored by the file');

    // Scan Workspace: unopened files of another folder with the same config.
    const ws = workspace({ '.phq-tokens.json': JSON.stringify(CONFIG), 'app.py': APP_PY, 'legacy/old.py': LEGACY_PY });
    const app = s.diagnostics(uri(ws, 'app.py'));
    const result = await s.conn.sendRequest(JudgeFiles.method, {
      files: [
        { uri: uri(ws, 'app.py'), languageId: 'python', text: APP_PY },
        { uri: uri(ws, 'legacy/old.py'), languageId: 'python', text: LEGACY_PY },
      ],
    });
    const { judged, withDiagnostics, withFindings } = result as {
      judged: number;
      withDiagnostics: number;
      withFindings: string[];
    };
    // legacy/ is ignored by the file: judged, nothing found there.
    assert.deepEqual(
      { judged, withDiagnostics, withFindings },
      { judged: 2, withDiagnostics: 1, withFindings: [uri(ws, 'app.py')] },
    );
    assert.deepEqual(rows('app.py', (await app).diagnostics), WITH_CONFIG);

    // Without the file: the defaults.
    const plain = workspace({ 'app.py': APP_PY });
    await s.open(uri(plain, 'app.py'), 'python', APP_PY);
    assert.deepEqual(rows('app.py', (await s.diagnostics(uri(plain, 'app.py'), 1)).diagnostics), [
      'app.py:3 phq/placeholder error',
    ]);
  });

  test("in an untrusted workspace the file's patterns are not run; the rest of it applies", async () => {
    const dir = workspace({ '.phq-tokens.json': JSON.stringify(CONFIG), 'app.py': APP_PY });
    await s.tokens({ tokens: [], scopes: [], workspaceTrusted: false });
    await s.open(uri(dir, 'app.py'), 'python', APP_PY);
    assert.deepEqual(rows('app.py', (await s.diagnostics(uri(dir, 'app.py'), 1)).diagnostics), [
      'app.py:3 phq/placeholder warning TEAM_PHQ_TOKEN',
    ]);
    const before = s.published.length;
    await s.tokens({ tokens: [], scopes: [], workspaceTrusted: true });
    // Publishes follow the notification at once and again once the settings are merged anew.
    const after = () =>
      s.published
        .slice(before)
        .filter((p) => p.uri === uri(dir, 'app.py'))
        .map((p) => rows('app.py', p.diagnostics));
    for (let i = 0; i < 200 && !after().some((r) => r.length === 2); i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(after().at(-1), WITH_CONFIG);
  });

  test('a client with workspace trust (VS Code): the patterns wait until it says the workspace is trusted', async () => {
    await s.stop();
    s = await startSession({ initializationOptions: { workspaceTrust: true } });
    const dir = workspace({ '.phq-tokens.json': JSON.stringify(CONFIG), 'app.py': APP_PY });
    await s.open(uri(dir, 'app.py'), 'python', APP_PY);
    assert.deepEqual(rows('app.py', (await s.diagnostics(uri(dir, 'app.py'), 1)).diagnostics), [
      'app.py:3 phq/placeholder warning TEAM_PHQ_TOKEN',
    ]);
    const before = s.published.length;
    await s.tokens({ tokens: [], scopes: [], workspaceTrusted: true });
    const after = () =>
      s.published
        .slice(before)
        .filter((p) => p.uri === uri(dir, 'app.py'))
        .map((p) => rows('app.py', p.diagnostics));
    for (let i = 0; i < 200 && !after().some((r) => r.length === 2); i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(after().at(-1), WITH_CONFIG);
  });

  test('a changed config file is merged again on workspace/didChangeWatchedFiles', async () => {
    const dir = workspace({ '.phq-tokens.json': '{}', 'app.py': LEGACY_PY });
    await s.open(uri(dir, 'app.py'), 'python', LEGACY_PY);
    assert.equal((await s.diagnostics(uri(dir, 'app.py'), 1)).diagnostics[0]?.severity, 1);
    writeFileSync(path.join(dir, '.phq-tokens.json'), JSON.stringify({ severity: { placeholder: 'info' } }));
    const before = s.published.length;
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uri(dir, '.phq-tokens.json'), type: FileChangeType.Changed }],
    });
    const last = () =>
      s.published
        .slice(before)
        .filter((p) => p.uri === uri(dir, 'app.py'))
        .at(-1);
    for (let i = 0; i < 200 && last()?.diagnostics[0]?.severity !== 3; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(last()?.diagnostics[0]?.severity, 3);
  });

  test('baselined findings are hints "in the baseline"; others keep their severity', async () => {
    const value = ('FAKE' + randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')).slice(0, 43);
    const text = `import requests\nh = {"Authorization": "Bearer ${value}"}\n\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n`;
    const salt = newSalt();
    const baseline = formatBaseline({
      salt,
      entries: [
        entryFor(
          { ruleId: 'phq/hardcoded-token', match: '', data: { fingerprint: fingerprint(value) } },
          'src/app.py',
          salt,
        ),
      ],
    });
    const dir = workspace({
      '.phq-tokens.json': JSON.stringify({ baseline: 'ci/baseline.json' }),
      'ci/baseline.json': baseline,
      'src/app.py': text,
    });
    await s.open(uri(dir, 'src/app.py'), 'python', text);
    const ds = (await s.diagnostics(uri(dir, 'src/app.py'), 1)).diagnostics;
    const token = ds.find((d) => d.code === 'phq/hardcoded-token')!;
    const placeholder = ds.find((d) => d.code === 'phq/placeholder')!;
    assert.equal(token.severity, 4);
    assert.match(String(token.message), /\(in the baseline\)$/);
    assert.equal(placeholder.severity, 1);
    assert.doesNotMatch(String(placeholder.message), /baseline/);
    // The baseline file itself is not judged (it lists placeholders by design).
    await s.open(uri(dir, 'ci/baseline.json'), 'json', baseline);
    assert.deepEqual((await s.diagnostics(uri(dir, 'ci/baseline.json'), 1)).diagnostics, []);
  });

  test('a malformed config file is reported with its line, once', async () => {
    const dir = workspace({ 'app.py': LEGACY_PY });
    writeFileSync(path.join(dir, '.phq-tokens.json'), '{\n  "ignore": [],\n  "failOn": "sometimes"\n}\n');
    await s.open(uri(dir, 'app.py'), 'python', LEGACY_PY);
    await s.diagnostics(uri(dir, 'app.py'), 1);
    const lines = s.logs.filter((l) => l.includes('.phq-tokens.json:3:13: "failOn" must be one of'));
    assert.equal(lines.length, 1, s.logs.join('\n'));
  });
});
