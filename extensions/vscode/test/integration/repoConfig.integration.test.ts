// The repository config file (.phq-tokens.json) in a real VS Code: Scan Workspace applies the
// same policy as `phq-tokens scan` and the language server's own tests (packages/cli/test/
// scan-config, packages/server/test/integration/repoConfig), the baseline turns known findings
// into hints, and the contributed JSON Schema checks the file as it is edited. Placeholders only.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, exec, requireLanguageServer, waitFor } from './helpers';

const CONFIG = {
  extraPatterns: ['\\{\\{team\\.phq_key\\}\\}'],
  ignore: ['legacy/'],
  severity: { 'phq/placeholder': 'warning' },
  envVarName: 'TEAM_PHQ_TOKEN',
};
const APP_PY =
  'import requests\nKEY = "{{team.phq_key}}"\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';
const LEGACY_PY = 'import requests\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';
const SEVERITY = ['error', 'warning', 'info', 'hint'];
const WITH_CONFIG = [
  'app.py:2 phq/custom-placeholder error TEAM_PHQ_TOKEN',
  'app.py:3 phq/placeholder warning TEAM_PHQ_TOKEN',
];

const code = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'PredictHQ Tokens');
const rows = (name: string, uri: vscode.Uri): string[] =>
  ours(uri)
    .map(
      (d) =>
        `${name}:${d.range.start.line + 1} ${code(d)} ${SEVERITY[d.severity]}${d.message.includes('TEAM_PHQ_TOKEN') ? ' TEAM_PHQ_TOKEN' : ''}`,
    )
    .sort();

suite('repository config file (.phq-tokens.json) and baseline', function () {
  let dir: string;
  const file = (rel: string) => vscode.Uri.file(path.join(dir, rel));
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };

  suiteSetup(async function () {
    await requireLanguageServer(this);
    await waitFor('language client running', async () => (await api()).testing.languageClientState() === 'running');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    dir = path.join(folder.fsPath, 'repo-config');
    write('.phq-tokens.json', JSON.stringify(CONFIG, null, 2));
    write('app.py', APP_PY);
    write('legacy/old.py', LEGACY_PY);
    write('plain/.phq-tokens.json', '{}');
    write('plain/app.py', APP_PY);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('Scan Workspace applies the file as scan does: patterns, ignore, severity, variable name', async () => {
    await exec('predicthqTokens.scanWorkspace', { silent: true });
    await waitFor('app.py judged with the config', () => rows('app.py', file('app.py')).length === 2);
    assert.deepEqual(rows('app.py', file('app.py')), WITH_CONFIG);
    assert.deepEqual(ours(file('legacy/old.py')), [], 'ignored by the file');
    // A nearer file with no policy: the defaults.
    await waitFor('plain/app.py judged', () => ours(file('plain/app.py')).length > 0);
    assert.deepEqual(rows('app.py', file('plain/app.py')), ['app.py:3 phq/placeholder error']);
  });

  test('a baseline named by the file turns its findings into hints "in the baseline"', async () => {
    write('base/.phq-tokens.json', JSON.stringify({ baseline: '.phq-tokens-baseline.json' }));
    write(
      'base/.phq-tokens-baseline.json',
      JSON.stringify({
        version: 1,
        salt: '0123456789abcdef0123456789abcdef',
        entries: [{ rule: 'phq/placeholder', path: 'old.py', text: '$API_TOKEN' }],
      }),
    );
    write('base/old.py', LEGACY_PY);
    write('base/new.py', LEGACY_PY.replace('$API_TOKEN', '$ACCESS_TOKEN'));
    await exec('predicthqTokens.scanWorkspace', { silent: true });
    const old = await waitFor('old.py judged', () => ours(file('base/old.py'))[0]);
    assert.equal(old.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(old.message, /\(in the baseline\)$/);
    const fresh = await waitFor('new.py judged', () => ours(file('base/new.py'))[0]);
    assert.equal(fresh.severity, vscode.DiagnosticSeverity.Error);
    assert.doesNotMatch(fresh.message, /baseline/);
  });

  test('the contributed schema flags a wrong value in the file at its line', async () => {
    write('schema/.phq-tokens.json', '{\n  "ignore": [],\n  "failOn": "sometimes"\n}\n');
    const doc = await vscode.workspace.openTextDocument(file('schema/.phq-tokens.json'));
    await vscode.window.showTextDocument(doc);
    const d = await waitFor(
      'a schema diagnostic',
      () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.range.start.line === 2),
      30_000,
    );
    assert.match(d.message, /error|warning|info|hint|none|Value is not accepted/i);
  });
});
