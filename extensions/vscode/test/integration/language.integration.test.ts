import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  api,
  copiedValue,
  exec,
  requireEmulator,
  requireLanguageServer,
  seenValues,
  setting,
  signedIn,
  storedToken,
  tokenByName,
  tokenNodes,
  completionsAfter,
  shownDoc,
  waitFor,
} from './helpers';

suite('language server: diagnostics and token insertion', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
    await signedIn();
  });

  async function open(name: string): Promise<vscode.TextDocument> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, name));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  test('the language client is running', async () => {
    await waitFor('language client running', async () => (await api()).testing.languageClientState() === 'running');
  });

  test('a Python "Bearer $API_TOKEN" is flagged; the shell script\'s "$API_TOKEN" is not', async () => {
    const py = await open('events.py');
    const diags = await waitFor('diagnostics on events.py', () => {
      const d = vscode.languages.getDiagnostics(py.uri);
      return d.length > 0 ? d : undefined;
    });
    assert.ok(
      diags.some((d) => py.getText(d.range).includes('$API_TOKEN')),
      diags.map((d) => d.message).join('\n'),
    );
    const sh = await open('fetch.sh');
    // The server handles documents in order: once a later document has diagnostics, fetch.sh has been judged.
    const later = await vscode.workspace.openTextDocument({ language: 'python', content: 'h = "Bearer $API_TOKEN"\n' });
    await waitFor('diagnostics on a later document', () => vscode.languages.getDiagnostics(later.uri).length > 0);
    assert.ok(!vscode.languages.getDiagnostics(sh.uri).some((d) => sh.getText(d.range).includes('$API_TOKEN')));
  });

  test('completion at the placeholder inserts a real token value (filled in by the client)', async () => {
    const a = await api();
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    await a.testing.syncLanguageServer();
    const doc = await open('events.py');
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.includes('$API_TOKEN'));
    const col = doc.lineAt(line).text.indexOf('$API_TOKEN') + '$API_TOKEN'.length;
    const pos = new vscode.Position(line, col);
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
    // The server's item carries only the token id; the value is not in the item.
    assert.ok(!JSON.stringify(item).includes(value), 'completion item does not carry the value');
    // Accepting an item = apply its edit, then run its command.
    const edit = new vscode.WorkspaceEdit();
    const te =
      item.textEdit ??
      (item.range
        ? new vscode.TextEdit(
            item.range instanceof vscode.Range ? item.range : item.range.replacing,
            String(item.insertText ?? ''),
          )
        : undefined);
    if (te) {
      edit.replace(doc.uri, te.range, te.newText);
      await vscode.workspace.applyEdit(edit);
    }
    await exec(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor('value inserted', () => doc.getText().includes(value));
    assert.ok(!doc.getText().includes('$API_TOKEN'), 'placeholder replaced');
    await waitFor(
      'placeholder diagnostic gone',
      () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.includes('placeholder')),
    );
    await doc.save();
  });

  test('a known-token warning never shows a mask that is not of the value (the server sees a stand-in)', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: `TOKEN = "${value}"\n` });
    const known = await waitFor('the known-token diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.code && JSON.stringify(d.code).includes('known-token')),
    );
    assert.match(known.message, /Your API token "CI \| Ext Host Test" is written in this file/);
    const masks = known.message.match(/[\w-]{2,}\*{4,}[\w-]{2,}/g) ?? [];
    for (const m of masks)
      assert.ok(
        value.startsWith(m.slice(0, m.indexOf('*'))) && value.endsWith(m.slice(m.lastIndexOf('*') + 1)),
        `the message shows "${m}", which is not a mask of the value`,
      );
  });

  test('the Python env-variable fix adds "import os" when the file lacks it, once', async () => {
    const before = '"""Report."""\nimport requests\n';
    const call =
      'requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer $API_TOKEN"})\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: before + call });
    await vscode.window.showTextDocument(doc);
    const diag = await waitFor('the placeholder diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => doc.getText(d.range).includes('$API_TOKEN')),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.startsWith('Replace with os.environ'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    await vscode.workspace.applyEdit(fix.edit);
    assert.equal(
      doc.getText(),
      '"""Report."""\nimport os\nimport requests\n' +
        'requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]})\n',
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a token whose value is not here is offered last, said so, and choosing it asks for the value', async () => {
    const a = await api();
    const sessionId = await signedIn();
    // A token the emulator seeded and no test imported a value for: its value is not on this machine.
    const seeded = (await tokenNodes(sessionId)).find((n) => !a.testing.isStored(n.token.id));
    assert.ok(seeded, 'a token without a stored value');
    await a.testing.syncLanguageServer();
    const doc = await shownDoc();
    const list = await completionsAfter(doc, '$API_TOKEN', 'completions with the seeded token', (l) =>
      l.items.some((i) => JSON.stringify(i.command?.arguments ?? []).includes(seeded.token.id)),
    );
    const tokenItems = list.items
      .filter((i) => i.command?.command === 'phq.insertToken')
      .sort((x, y) => ((x.sortText ?? '') < (y.sortText ?? '') ? -1 : 1));
    const item = tokenItems.find((i) => JSON.stringify(i.command!.arguments).includes(seeded.token.id))!;
    const label = item.label as vscode.CompletionItemLabel;
    assert.match(label.description ?? '', /value not on this machine/);
    assert.ok(
      tokenItems.indexOf(item) >
        tokenItems.findIndex(
          (i) => !/value not on this machine/.test((i.label as vscode.CompletionItemLabel).description ?? ''),
        ),
      'after the tokens whose value is here',
    );
    // Choosing it asks for the value (the password box; here given as the argument), stores it, inserts it.
    const value = `FAKE${'x'.repeat(39)}`;
    seenValues.add(value);
    await exec('phq.insertToken', { ...(item.command!.arguments![0] as object), value });
    await waitFor('value inserted', () => doc.getText().includes(value));
    assert.equal(a.testing.isStored(seeded.token.id), true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('undo and redo of an inserted token keep the server in step: the placeholder warning comes back', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const doc = await vscode.workspace.openTextDocument({
      language: 'javascript',
      content:
        'const r = await fetch("https://api.predicthq.com/v1/events/", {\n  headers: { Authorization: "Bearer $ACCESS_TOKEN" },\n});\n',
    });
    await vscode.window.showTextDocument(doc);
    const placeholder = () =>
      vscode.languages.getDiagnostics(doc.uri).some((d) => doc.getText(d.range).includes('$ACCESS_TOKEN'));
    const known = () =>
      vscode.languages.getDiagnostics(doc.uri).some((d) => JSON.stringify(d.code ?? '').includes('known-token'));
    await waitFor('the placeholder diagnostic', placeholder);
    const start = doc.getText().indexOf('$ACCESS_TOKEN');
    const range = { start: doc.positionAt(start), end: doc.positionAt(start + '$ACCESS_TOKEN'.length) };
    await exec('phq.insertToken', { tokenId: node.token.id, uri: doc.uri.toString(), range });
    await waitFor("value inserted and flagged as the user's token", () => doc.getText().includes(value) && known());
    for (let round = 0; round < 3; round++) {
      await vscode.commands.executeCommand('undo');
      await waitFor(`round ${round}: the placeholder is back in the editor`, () =>
        doc.getText().includes('$ACCESS_TOKEN'),
      );
      await waitFor(`round ${round}: and in Problems`, () => placeholder() && !known());
      await vscode.commands.executeCommand('redo');
      await waitFor(`round ${round}: redo brings the value back`, () => doc.getText().includes(value));
      await waitFor(`round ${round}: and its warning`, () => known() && !placeholder());
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('one story for a token in a file: git would commit it → asked, .env offered first; git ignores it → a hint', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const repo = path.join(folder.fsPath, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true }); // a work tree, as far as ignore rules go
    writeFileSync(path.join(repo, '.gitignore'), 'local_secrets.py\n');
    writeFileSync(path.join(repo, 'local_secrets.py'), `TOKEN = "${value}"\n`);
    writeFileSync(path.join(repo, 'committed.py'), `TOKEN = "${value}"\n`);
    writeFileSync(
      path.join(repo, 'app.py'),
      'import requests\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer $API_TOKEN"})\n',
    );
    const knownIn = async (name: string) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repo, name)));
      return waitFor(`the known-token diagnostic in ${name}`, () =>
        vscode.languages.getDiagnostics(doc.uri).find((d) => JSON.stringify(d.code ?? '').includes('known-token')),
      );
    };
    const ignored = await knownIn('local_secrets.py');
    assert.equal(ignored.severity, vscode.DiagnosticSeverity.Hint);
    assert.match(ignored.message, /git ignores/);
    const committed = await knownIn('committed.py');
    assert.equal(committed.severity, vscode.DiagnosticSeverity.Error);
    assert.match(committed.message, /Git would commit this file/);

    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(repo, 'app.py')));
    await vscode.window.showTextDocument(doc);
    const pos = new vscode.Position(1, doc.lineAt(1).text.indexOf('$API_TOKEN') + '$API_TOKEN'.length);
    const item = await waitFor('a token completion', async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return l.items.find((i) => JSON.stringify(i.command?.arguments ?? []).includes(node.token.id));
    });
    const args = item.command!.arguments![0] as { gitTracked?: boolean; envEdits?: unknown[] };
    assert.equal(args.gitTracked, true, 'the completion says git would commit the file');
    assert.match(String(item.detail), /Git would commit this file/);
    // The question's default answer: .env, and the variable at the site.
    assert.equal(await exec('phq.insertToken', { ...args, choice: 'env' }), true);
    await waitFor('the reference written', () => doc.getText().includes('os.environ["PHQ_API_TOKEN"]'));
    assert.ok(!doc.getText().includes(value), 'no value in the committed file');
    assert.match(doc.getText(), /^import os\n/);
    assert.ok(readFileSync(path.join(folder.fsPath, '.env'), 'utf8').includes(`PHQ_API_TOKEN=${value}`));
    await doc.save();
  });

  test('the API Tokens view says where a token is written: "In N files" under the token, each opening its file', async () => {
    const a = await api();
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'places_probe.py');
    await vscode.workspace.fs.writeFile(file, Buffer.from(`TOKEN = "${value}"\n`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    // Earlier tests left the token in other files, so the node may exist already: wait for this file in it.
    const where = await waitFor('an "In N files" node under the token, listing the new file', () =>
      a.testing
        .treeChildren(node)
        .find(
          (n) =>
            n.kind === 'places' &&
            a.testing.treeChildren(n).some((p) => p.kind === 'place' && p.uri === file.toString()),
        ),
    );
    assert.equal(
      a.testing.treeItem(where).label,
      `In ${where.kind === 'places' ? where.count : 0} file${where.kind === 'places' && where.count === 1 ? '' : 's'}`,
    );
    const files = a.testing.treeChildren(where);
    const probe = files.find((n) => n.kind === 'place' && n.uri === file.toString());
    assert.ok(probe, JSON.stringify(files));
    const item = a.testing.treeItem(probe);
    assert.equal(item.command?.command, 'vscode.open');
    // Fixed: the node goes once no file holds it.
    await vscode.workspace.fs.writeFile(file, Buffer.from('import os\nTOKEN = os.environ["PHQ_API_TOKEN"]\n'));
    await waitFor(
      'the file gone from the token node',
      () =>
        !a.testing
          .treeChildren(node)
          .some(
            (n) =>
              n.kind === 'places' &&
              a.testing.treeChildren(n).some((p) => p.kind === 'place' && p.uri === file.toString()),
          ),
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the quick fix "insert token" writes the real value; no action carries it', async () => {
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    const doc = await open('quickfix.py');
    const diag = await waitFor('placeholder diagnostic on quickfix.py', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => doc.getText(d.range).includes('$API_TOKEN')),
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(!JSON.stringify(actions).includes(value), 'no code action carries the value');
    const fix = actions.find(
      (a) => a.command?.command === 'phq.insertToken' && JSON.stringify(a.command.arguments).includes(node.token.id),
    );
    assert.ok(fix, `an insert-token quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    if (fix.edit) await vscode.workspace.applyEdit(fix.edit);
    await exec(fix.command!.command, ...(fix.command!.arguments ?? []));
    await waitFor('value inserted', () => doc.getText().includes(value));
    await doc.save();
  });

  test('files matching predicthqTokens.ignore are not sent to the server', async () => {
    await setting('ignore', ['**/generated/**']);
    try {
      const ignored = await open('generated/snippet.py');
      // The server handles documents in order: once a later file has diagnostics, the ignored one would have too.
      const other = await vscode.workspace.openTextDocument({
        language: 'python',
        content: 'h = {"Authorization": "Bearer $API_TOKEN"}\n',
      });
      await waitFor('diagnostics on a later document', () => vscode.languages.getDiagnostics(other.uri).length > 0);
      assert.deepEqual(vscode.languages.getDiagnostics(ignored.uri), []);
    } finally {
      await setting('ignore', undefined);
    }
  });

  test('"Create a new PredictHQ token…" creates one through the quick input and inserts its value', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({
      language: 'python',
      content:
        'import requests\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer $API_TOKEN"})\n',
    });
    await vscode.window.showTextDocument(doc);
    const pos = new vscode.Position(1, doc.lineAt(1).text.indexOf('$API_TOKEN') + '$API_TOKEN'.length);
    const item = await waitFor('the create-token completion', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        pos,
      );
      return list.items.find((i) => i.command?.command === 'phq.createTokenAndInsert');
    });
    let done = false;
    const run = exec<string>(item.command!.command, ...(item.command!.arguments ?? [])).then((id) => {
      done = true;
      return id;
    });
    // Accept the suggested name, then the preselected scopes.
    await waitFor('the command to finish', async () => {
      if (!done) await exec('workbench.action.acceptSelectedQuickOpenItem');
      return done;
    });
    const id = await run;
    assert.ok(id, JSON.stringify(a.testing.lastError()));
    const value = await copiedValue(id);
    seenValues.add(value);
    await waitFor('value inserted', () => doc.getText().includes(value));
    assert.ok(a.testing.isStored(id));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('the workspace token is checked against the APIs a file calls (missing scope), and clearing it clears the finding', async () => {
    const a = await api();
    const sessionId = await signedIn();
    const featuresOnly = await tokenByName(sessionId, 'Features Only');
    if (
      (await exec<string | undefined>('predicthqTokens.useInWorkspace', { tokenId: featuresOnly.token.id })) !==
      featuresOnly.token.id
    )
      await exec('predicthqTokens.useInWorkspace', { tokenId: featuresOnly.token.id }); // it was chosen already: toggled off, on again
    assert.match(
      String(a.testing.treeItem(await tokenByName(sessionId, 'Features Only')).description),
      /used in this workspace/,
    );
    const doc = await vscode.workspace.openTextDocument({
      language: 'python',
      content:
        'import os, requests\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]})\n',
    });
    const missing = (d: vscode.Diagnostic) => /lacks the "Events" scope/.test(d.message);
    await waitFor('missing-scope diagnostic', () => vscode.languages.getDiagnostics(doc.uri).some(missing));
    await exec('predicthqTokens.useInWorkspace', { tokenId: featuresOnly.token.id }); // toggles the choice off
    await waitFor('missing-scope diagnostic gone', () => !vscode.languages.getDiagnostics(doc.uri).some(missing));
  });
});
