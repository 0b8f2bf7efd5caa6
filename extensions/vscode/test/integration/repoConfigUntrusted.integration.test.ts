// Untrusted pass (scripts/run-ext-tests.mjs --untrusted): a repository's .phq-tokens.json
// applies, except its patterns, which are not run (docs/scan.md, "Repository config file"),
// as VS Code drops the predicthqTokens.extraPatterns setting there. Placeholders only.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, requireLanguageServer, waitFor } from './helpers';

const APP_PY =
  'import requests\nKEY = "{{team.phq_key}}"\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';

suite('untrusted workspace: repository config file', function () {
  let dir: string;

  suiteSetup(async function () {
    await requireLanguageServer(this);
    await waitFor('language client running', async () => (await api()).testing.languageClientState() === 'running');
    dir = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'repo-config-untrusted');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, '.phq-tokens.json'),
      JSON.stringify({
        extraPatterns: ['\\{\\{team\\.phq_key\\}\\}'],
        severity: { 'phq/placeholder': 'warning' },
        envVarName: 'TEAM_PHQ_TOKEN',
      }),
    );
    writeFileSync(path.join(dir, 'app.py'), APP_PY);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the file's severity and variable name apply; its pattern is not run", async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'app.py')));
    await vscode.window.showTextDocument(doc);
    const ours = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'PredictHQ Tokens');
    const placeholder = await waitFor("the placeholder, at the file's severity", () =>
      ours().find((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );
    assert.match(placeholder.message, /TEAM_PHQ_TOKEN/);
    assert.deepEqual(
      ours().map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
      ['phq/placeholder'],
    );
  });
});
