// A real .ipynb opened in VS Code's notebook editor (the built-in ipynb extension): its
// cells get diagnostics, completions that insert a real token, and quick fixes that edit the
// cell. The value inserted here joins `seenValues`, so the leak check that runs last covers
// this notebook session's LSP traffic (the verbose server trace) too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  api,
  copiedValue,
  exec,
  requireEmulator,
  requireLanguageServer,
  seenValues,
  signedIn,
  storedToken,
  waitFor,
} from './helpers';
import { CLEAR_OUTPUTS_COMMAND, outputText } from '../../src/lsp/notebookOutputs';

suite('language server in notebook cells', function () {
  let nb: vscode.NotebookDocument;

  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
    await signedIn();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    nb = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder, 'demand.ipynb'));
    await vscode.window.showNotebookDocument(nb);
  });

  const cell = (id: string): vscode.TextDocument => {
    const c =
      nb.getCells().find((x) => (x.metadata as { id?: string }).id === id) ??
      nb.getCells().find((x) => x.document.getText().includes(id));
    assert.ok(c, `cell ${id}`);
    return c.document;
  };

  test('opens in the notebook editor, cells in the kernel language with the cell scheme', () => {
    assert.equal(nb.notebookType, 'jupyter-notebook');
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.toString(), nb.uri.toString());
    const code = nb.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.equal(code.length, 3);
    for (const c of code) {
      assert.equal(c.document.languageId, 'python');
      assert.equal(c.document.uri.scheme, 'vscode-notebook-cell');
    }
  });

  test('a placeholder in a code cell is flagged; the shell "$API_TOKEN" of a `!` line is not', async () => {
    const doc = cell('"Bearer $ACCESS_TOKEN"');
    const diags = await waitFor('diagnostics in the cell', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.length > 0 ? d : undefined;
    });
    assert.ok(
      diags.some((d) => doc.getText(d.range) === '$ACCESS_TOKEN' && d.source === 'PredictHQ Tokens'),
      diags.map((d) => d.message).join('\n'),
    );
    const shell = cell('!curl');
    // Cells are judged in order of opening; once the others have diagnostics, this one was judged too.
    await waitFor('the other cell judged', () => vscode.languages.getDiagnostics(cell('headers = {').uri).length > 0);
    assert.deepEqual(
      vscode.languages.getDiagnostics(shell.uri).map((d) => d.message),
      [],
    );
  });

  test('the env-variable quick fix edits the cell and adds "import os" to it', async () => {
    const doc = cell('"Bearer $ACCESS_TOKEN"');
    const diag = await waitFor('the placeholder diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => doc.getText(d.range) === '$ACCESS_TOKEN'),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Replace with os.environ["PHQ_API_TOKEN"]');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the cell edited', () => doc.getText().includes('os.environ["PHQ_API_TOKEN"]'));
    assert.ok(doc.getText().startsWith('import os\n'), doc.getText());
    assert.ok(!doc.getText().includes('$ACCESS_TOKEN'));
    await waitFor(
      'the diagnostic gone',
      () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.includes('placeholder')),
    );
  });

  test('completion at a placeholder in a cell inserts a real token (written by the client)', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    await (await api()).testing.syncLanguageServer();
    const doc = cell('headers = {');
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('$API_TOKEN'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('$API_TOKEN') + '$API_TOKEN'.length);
    const item = await waitFor('a completion for the token', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return list.items.find(
        (i) => i.command?.command === 'phq.insertToken' && JSON.stringify(i.command.arguments).includes(node.token.id),
      );
    });
    assert.ok(!JSON.stringify(item).includes(value), 'the completion item does not carry the value');
    const te = item.textEdit;
    if (te) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, te.range, te.newText);
      await vscode.workspace.applyEdit(edit);
    }
    await exec(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor('value inserted in the cell', () => doc.getText().includes(value));
    assert.ok(!doc.getText().includes('$API_TOKEN'), 'placeholder replaced');
    // Now a known token in a notebook: reported as such (the server saw only a stand-in).
    await waitFor('the known-token diagnostic in the cell', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => JSON.stringify(d.code).includes('known-token')),
    );
  });
});

suite('saved outputs of notebook cells', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
  });

  test("a token printed into a cell's output is shown on the cell; the quick fix clears the outputs", async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    await (await api()).testing.syncLanguageServer();
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'leaky_output.ipynb');
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
      cells: [
        {
          cell_type: 'code',
          id: 'printed',
          metadata: {},
          execution_count: 1,
          source: ['token = load_token()\n', 'print(token)'],
          outputs: [{ output_type: 'stream', name: 'stdout', text: [`${value}\n`] }],
        },
      ],
    };
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(notebook)));
    const nb = await vscode.workspace.openNotebookDocument(file);
    await vscode.window.showNotebookDocument(nb);
    const cell = nb.cellAt(0);
    const diag = await waitFor('the output leak on the cell', () =>
      vscode.languages.getDiagnostics(cell.document.uri).find((d) => d.message.includes('saved output')),
    );
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!diag.message.includes(value), 'the message does not repeat the value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      cell.document.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const clear = actions.find((a) => a.title === "Clear this cell's outputs");
    assert.ok(clear?.command, actions.map((a) => a.title).join(' | '));
    await exec(clear.command.command, ...(clear.command.arguments ?? []));
    await waitFor('outputs cleared', () => nb.cellAt(0).outputs.length === 0);
    await vscode.commands.executeCommand('workbench.action.files.save');
    // Problems as a whole, not only the cell as it is now: the quick fix replaces the cell, whose
    // document then has a new URI, and the old one's diagnostic stayed listed for good.
    await waitFor('no output leak of this notebook left in Problems', () => outputLeaks(file).length === 0);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('outputs are judged again whenever they change: edited back in, reverted, changed on disk', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'rerun_output.ipynb');
    const leaky = { output_type: 'stream', name: 'stdout', text: [`${value}\n`] };
    const notebookJson = (outputs: unknown[]) =>
      Buffer.from(
        JSON.stringify({
          nbformat: 4,
          nbformat_minor: 5,
          metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
          cells: [{ cell_type: 'code', id: 'p', metadata: {}, execution_count: 1, source: ['print(token)'], outputs }],
        }),
      );
    await vscode.workspace.fs.writeFile(file, notebookJson([]));
    const nb = await vscode.workspace.openNotebookDocument(file);
    await vscode.window.showNotebookDocument(nb);
    const setOutput = async (text: string | undefined) => {
      const cell = nb.cellAt(0);
      const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
      data.metadata = cell.metadata;
      data.outputs =
        text === undefined ? [] : [new vscode.NotebookCellOutput([vscode.NotebookCellOutputItem.stdout(text)])];
      const edit = new vscode.WorkspaceEdit();
      edit.set(nb.uri, [vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(0, 1), [data])]);
      assert.ok(await vscode.workspace.applyEdit(edit));
    };
    // Re-run as an edit of the outputs: the value printed, then something harmless, then the value again.
    await setOutput(`${value}\n`);
    await waitFor('the leak of the new output', () => outputLeaks(file).length === 1);
    await setOutput('42\n');
    await waitFor('gone once the output no longer holds it', () => outputLeaks(file).length === 0);
    await setOutput(`${value}\n`);
    await waitFor('back with the value', () => outputLeaks(file).length === 1);
    await setOutput('42\n');
    await vscode.window.showNotebookDocument(nb);
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor('saved', () => !nb.isDirty);
    // Changed on disk (a run elsewhere saved outputs): VS Code reloads it, and it is judged.
    await vscode.workspace.fs.writeFile(file, notebookJson([leaky]));
    await waitFor(
      'reloaded from disk with the output',
      () => nb.cellAt(0).outputs.length === 1 && outputLeaks(file).length === 1,
      30_000,
    );
    await vscode.workspace.fs.writeFile(file, notebookJson([]));
    await waitFor('reloaded from disk without it', () => nb.cellAt(0).outputs.length === 0, 30_000);
    await waitFor('no leak left', () => outputLeaks(file).length === 0);
    // Cleared, then reverted: whatever the revert leaves, Problems says the same of it.
    await vscode.workspace.fs.writeFile(file, notebookJson([leaky]));
    await waitFor('reloaded with the output again', () => outputLeaks(file).length === 1, 30_000);
    await exec(CLEAR_OUTPUTS_COMMAND, { cell: nb.cellAt(0).document.uri.toString() });
    await waitFor('cleared: no leak', () => nb.cellAt(0).outputs.length === 0 && outputLeaks(file).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert', file);
    await waitFor('reverted', () => !nb.isDirty);
    const holds = () => nb.cellAt(0).outputs.some((o) => outputText(o).includes(value));
    await waitFor(
      'after the revert, Problems matches the outputs',
      () => outputLeaks(file).length === (holds() ? 1 : 0),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

/** "Saved output" diagnostics in Problems for any cell, current or former, of the notebook `file`. */
function outputLeaks(file: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => uri.path === file.path)
    .flatMap(([, list]) => list)
    .filter((d) => d.message.includes('saved output'));
}
