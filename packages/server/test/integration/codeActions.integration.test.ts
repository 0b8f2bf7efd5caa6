// Quick fixes, the fix-all source action, hovers and the scope check over real LSP.
import assert from 'node:assert/strict';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { fingerprint } from '@phq-tokens/detect';
import { CreateTokenAndInsert, InsertToken, isCreateTokenAndInsertArgs, isInsertTokenArgs } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { newTokenValue, token, tokensParams } from '../support/fixtures';

const FILE = [
  'import os, requests',
  'r = requests.get("https://api.predicthq.com/v1/features/", headers={"Authorization": "Bearer $API_TOKEN"})',
  'q = requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": "Bearer YOUR_API_TOKEN"})',
  '',
].join('\n');

async function actions(s: Session, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const r = await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
  return (r ?? []) as CodeAction[];
}

function applyEdits(text: string, edits: { range: Diagnostic['range']; newText: string }[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

suite('LSP code actions, hover, scope check (bundled server over stdio)', () => {
  const events = token('tok_ev', 'Events only', ['events']);
  const both = token('tok_both', 'Acme | Events and features', ['events', 'features']);
  const all = token('tok_all', 'Everything', ['events', 'features', 'places']);
  let s: Session;
  suiteSetup(async () => {
    s = await startSession();
    await s.tokens(tokensParams([events, all, both], true));
  });
  suiteTeardown(async () => {
    await s.stop();
  });

  test('placeholder quick fixes: one per token, preferred covers the file, env reference, create', async () => {
    const uri = 'file:///q/a.py';
    await s.open(uri, 'python', FILE);
    const p = await s.diagnostics(uri, 1);
    const diag = p.diagnostics.filter((d) => d.code === 'phq/placeholder');
    assert.equal(diag.length, 2);
    const list = await actions(s, uri, [diag[0]!]);
    const insert = list.filter((a) => a.command?.command === InsertToken.command);
    assert.deepEqual(
      insert.map((a) => a.title),
      [
        'Replace with token "Events and features (API client: Acme)"',
        'Replace with token "Everything"',
        'Replace with token "Events only"',
      ],
    );
    assert.deepEqual(
      list.filter((a) => a.isPreferred).map((a) => a.title),
      [insert[0]!.title],
    );
    const args: unknown = insert[0]!.command!.arguments![0];
    assert.ok(isInsertTokenArgs(args));
    assert.deepEqual(args, { tokenId: 'tok_both', uri, range: diag[0]!.range, version: 1 });
    assert.deepEqual(insert[0]!.diagnostics, [diag[0]]);

    const env = list.find((a) => a.title === 'Replace with os.environ["PHQ_API_TOKEN"]')!;
    const fixed = applyEdits(FILE, env.edit!.changes![uri]!);
    assert.match(fixed, /"Authorization": "Bearer " \+ os\.environ\["PHQ_API_TOKEN"\]\}/);

    const create = list.find((a) => a.command?.command === CreateTokenAndInsert.command)!;
    const cargs: unknown = create.command!.arguments![0];
    assert.ok(isCreateTokenAndInsertArgs(cargs));
    assert.deepEqual([...cargs.scopes].sort(), ['events', 'features']);
  });

  test('fix all placeholders in this file (source action) leaves no placeholder', async () => {
    const uri = 'file:///q/a.py';
    const list = await actions(s, uri, [], ['source.fixAll']);
    assert.equal(list.length, 1);
    assert.equal(list[0]!.kind, 'source.fixAll.phq');
    const fixed = applyEdits(FILE, list[0]!.edit!.changes![uri]!);
    await s.change(uri, 2, [{ text: fixed }]);
    const p = await s.diagnostics(uri, 2);
    assert.deepEqual(
      p.diagnostics.filter((d) => d.code === 'phq/placeholder'),
      [],
    );
    assert.deepEqual(await actions(s, uri, [], ['source.fixAll']), []);
    assert.deepEqual(await actions(s, uri, [], ['refactor']), []);
  });

  test('hover on a placeholder explains the 401', async () => {
    const uri = 'file:///q/a.py';
    await s.change(uri, 3, [{ text: FILE }]);
    await s.diagnostics(uri, 3);
    const col = FILE.split('\n')[1]!.indexOf('$API_TOKEN');
    const h = await s.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: col + 2 },
    });
    const value = (h!.contents as { value: string }).value;
    assert.match(value, /placeholder/);
    assert.match(value, /401 Unauthorized/);
    assert.deepEqual(h!.range, { start: { line: 1, character: col }, end: { line: 1, character: col + 10 } });
    const none = await s.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.equal(none, null);
  });

  test('scope check: a token in the file without the Features scope warns at the call site, with a fix', async () => {
    const value = newTokenValue();
    const ev = { ...events, fingerprint: fingerprint(value) };
    await s.tokens(tokensParams([ev, all, both], true));
    const uri = 'file:///q/scoped.py';
    const text = [
      'import requests',
      `TOKEN = "${value}"`,
      'requests.get("https://api.predicthq.com/v1/features/", headers={"Authorization": f"Bearer {TOKEN}"})',
      'requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": f"Bearer {TOKEN}"})',
      '',
    ].join('\n');
    await s.open(uri, 'python', text);
    const p = await s.diagnostics(uri, 1);
    const missing = p.diagnostics.filter((d) => d.code === 'phq/missing-scope');
    assert.equal(missing.length, 1, JSON.stringify(p.diagnostics));
    assert.equal(missing[0]!.range.start.line, 2);
    assert.match(String(missing[0]!.message), /"Events only" lacks the "Features" scope/);
    assert.equal(missing[0]!.severity, 2);
    const known = p.diagnostics.find((d) => d.code === 'phq/known-token')!;
    assert.ok(known, 'the inserted token is recognised by fingerprint');
    assert.ok(!JSON.stringify(p).includes(value));

    const list = await actions(s, uri, missing);
    const use = list.filter((a) => a.title.startsWith('Use token'));
    assert.deepEqual(
      use.map((a) => a.title),
      [
        'Use token "Events and features (API client: Acme)" instead (has Features)',
        'Use token "Everything" instead (has Features)',
      ],
    );
    const args = use[0]!.command!.arguments![0] as { range: unknown; tokenId: string };
    assert.equal(args.tokenId, 'tok_both');
    assert.deepEqual(args.range, known.range);

    // Hover on the recognised token: name, scopes, created; the value only masked.
    const h = await s.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 12 },
    });
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /\*\*Events only\*\*/);
    assert.match(md, /Scopes: Events/);
    assert.match(md, /Created 2026-03-01/);
    assert.ok(!md.includes(value));

    // Swapping in a token that has the scope (what the client's command does) clears the warning.
    const value2 = newTokenValue();
    await s.tokens(tokensParams([ev, all, { ...both, fingerprint: fingerprint(value2) }], true));
    await s.change(uri, 2, [{ range: known.range, text: value2 }]);
    const after = await s.diagnostics(uri, 2);
    assert.deepEqual(
      after.diagnostics.filter((d) => d.code === 'phq/missing-scope'),
      [],
    );
  });

  test('scope check uses the workspace-chosen token when the file holds none', async () => {
    await s.tokens(tokensParams([events, all], true, 'tok_ev'));
    const uri = 'file:///q/envref.py';
    await s.open(
      uri,
      'python',
      'import os, requests\nrequests.get("https://api.predicthq.com/v1/places/", headers={"Authorization": "Bearer " + os.environ["PHQ_API_TOKEN"]})\n',
    );
    const p = await s.diagnostics(uri, 1);
    assert.equal(p.diagnostics.filter((d) => d.code === 'phq/missing-scope').length, 1);
    await s.tokens(tokensParams([events, all], true, 'tok_all'));
    const q = await s.nextDiagnostics(uri);
    assert.deepEqual(
      q.diagnostics.filter((d) => d.code === 'phq/missing-scope'),
      [],
    );
  });

  test('a hardcoded token: the fix is the env reference, and no token is offered', async () => {
    await s.tokens(tokensParams([events], true));
    const uri = 'file:///q/hard.ts';
    const value = newTokenValue();
    await s.open(uri, 'typescript', `const headers = { Authorization: "Bearer ${value}" };\n`);
    const p = await s.diagnostics(uri, 1);
    const hard = p.diagnostics.filter((d) => d.code === 'phq/hardcoded-token');
    assert.equal(hard.length, 1, JSON.stringify(p.diagnostics));
    assert.ok(!JSON.stringify(p).includes(value));
    const list = await actions(s, uri, hard);
    assert.equal(list.filter((a) => a.kind === 'quickfix').length, 1);
    const fixed = applyEdits(`const headers = { Authorization: "Bearer ${value}" };\n`, list[0]!.edit!.changes![uri]!);
    assert.equal(fixed, 'const headers = { Authorization: "Bearer " + process.env.PHQ_API_TOKEN };\n');
  });

  test('untrusted: only env-reference fixes', async () => {
    await s.tokens(tokensParams([events, all], false));
    const uri = 'file:///q/a.py';
    const p = await s.diagnostics(uri, 3);
    const list = await actions(s, uri, [p.diagnostics.find((d) => d.code === 'phq/placeholder')!], ['quickfix']);
    assert.deepEqual(
      list.map((a) => a.title),
      ['Replace with os.environ["PHQ_API_TOKEN"]'],
    );
    assert.equal(list[0]!.isPreferred, true);
  });
});
