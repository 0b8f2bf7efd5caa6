// The editor and the language server never disagree: random edits,
// multi-cursor edits, insertions of a real token value (which the client redacts), undo and
// redo, and a change of the file on disk while it is open, in a real VS Code. After every step
// the diagnostics VS Code shows must equal the server's pure mapping applied to a fresh scan
// of the editor's text as the server may see it (values replaced by their stand-ins).
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { redactValues, type TokenInfo } from '@phq-tokens/protocol';
import {
  toDiagnostics,
  effectiveLanguage,
  fingerprintOf,
  freshScan,
  scanOptions,
  fileNameOf,
  normalizeSettings,
  tokenState,
  mulberry32,
} from '@phq-tokens/server/testing';
import {
  copiedValue,
  exec,
  requireEmulator,
  requireLanguageServer,
  seenValues,
  signedIn,
  storedToken,
} from './helpers';

const SEED = Number(process.env.PHQ_SYNC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = Number(process.env.PHQ_SYNC_FUZZ_STEPS ?? 60);
const SCOPE_RULE = 'phq/missing-scope'; // depends on the workspace's chosen token: not compared

const FRAGMENTS = [
  '"Bearer $API_TOKEN"',
  '"Bearer $ACCESS_TOKEN"',
  'headers: { Authorization: "Bearer YOUR_API_TOKEN" }',
  '`Bearer ${process.env.PHQ_API_TOKEN}`',
  'fetch("https://api.predicthq.com/v1/events/")',
  'const token = "',
  '"',
  '\n',
  '\r\n',
  ' ',
  'x',
  '// note\n',
];

type Key = string;
const keyOf = (
  code: string,
  r: { start: vscode.Position | { line: number; character: number }; end: typeof r.start },
) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

suite('sync fuzz: the server always agrees with the editor', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
  });

  test(`${STEPS} random steps (seed ${SEED}; rerun with PHQ_SYNC_FUZZ_SEED)`, async function () {
    this.timeout(240_000);
    const rnd = mulberry32(SEED);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const sessionId = await signedIn();
    const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
    const value = await copiedValue(node.token.id);
    seenValues.add(value);
    const known = [{ tokenId: node.token.id, value }];
    const info: TokenInfo = { ...node.token, fingerprint: fingerprintOf(value), valueAvailable: true };
    const state = tokenState({ tokens: [info], scopes: [], workspaceTrusted: true });
    const { settings } = normalizeSettings({});

    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const file = path.join(folder.fsPath, 'sync-fuzz.js');
    writeFileSync(
      file,
      'const r = await fetch("https://api.predicthq.com/v1/events/", {\n  headers: { Authorization: "Bearer $ACCESS_TOKEN" },\n});\n',
    );
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showTextDocument(doc);

    function expected(): Key[] {
      const text = redactValues(doc.getText(), known);
      const fileName = fileNameOf(doc.uri.toString());
      const lang = effectiveLanguage(doc.languageId, fileName);
      const findings = freshScan(text, scanOptions(lang, fileName, settings, state.fingerprints))
        .slice()
        .sort((a, b) => a.offset - b.offset);
      return toDiagnostics(
        findings,
        TextDocument.create(doc.uri.toString(), doc.languageId, 0, text),
        settings,
        lang,
        state,
      )
        .filter((d) => d.code !== SCOPE_RULE)
        .map((d) => keyOf(String(d.code), d.range))
        .sort();
    }
    function shown(): Key[] {
      return vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'PredictHQ Tokens')
        .map((d) => [typeof d.code === 'object' ? String(d.code.value) : String(d.code), d] as const)
        .filter(([code]) => code !== SCOPE_RULE)
        .map(([code, d]) => keyOf(code, d.range))
        .sort();
    }
    async function agree(step: string): Promise<void> {
      const until = Date.now() + 15_000;
      for (;;) {
        const want = expected();
        const got = shown();
        if (JSON.stringify(want) === JSON.stringify(got)) return;
        if (Date.now() > until)
          assert.deepEqual(
            got,
            want,
            `after ${step} (seed ${SEED}): the server's diagnostics differ from a fresh scan`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    const log: string[] = [];
    await agree('opening');
    const randomOffset = () => int(doc.getText().length + 1);
    for (let i = 0; i < STEPS; i++) {
      const r = rnd();
      let step: string;
      if (r < 0.3) {
        const at = doc.positionAt(randomOffset());
        const text = pick(FRAGMENTS);
        step = `insert ${JSON.stringify(text)} at ${at.line}:${at.character}`;
        await editor.edit((b) => b.insert(at, text));
      } else if (r < 0.42) {
        const a = randomOffset();
        const b = Math.min(doc.getText().length, a + 1 + int(12));
        step = `delete ${a}-${b}`;
        await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(a), doc.positionAt(b))));
      } else if (r < 0.52) {
        // Multi-cursor: two edits in one change event.
        const a = doc.positionAt(randomOffset());
        const b = doc.positionAt(randomOffset());
        step = `multi-cursor at ${a.line}:${a.character} and ${b.line}:${b.character}`;
        if (a.isEqual(b)) continue;
        await editor.edit((e) => {
          e.insert(a, pick(FRAGMENTS));
          e.insert(b, pick(FRAGMENTS));
        });
      } else if (r < 0.67) {
        // The token inserted the way completions and quick fixes do: over a placeholder, or at a point.
        const text = doc.getText();
        const at = text.indexOf(pick(['$ACCESS_TOKEN', '$API_TOKEN', 'YOUR_API_TOKEN']));
        const len = at >= 0 ? text.slice(at).match(/^\$?\w+/)![0].length : 0;
        const start = at >= 0 ? at : randomOffset();
        step = `insert the token at ${start} over ${len}`;
        const range = { start: doc.positionAt(start), end: doc.positionAt(start + len) };
        await exec('phq.insertToken', { tokenId: node.token.id, uri: doc.uri.toString(), range });
      } else if (r < 0.82) {
        step = 'undo';
        await vscode.commands.executeCommand('undo');
      } else if (r < 0.95) {
        step = 'redo';
        await vscode.commands.executeCommand('redo');
      } else {
        // Changed on disk while open (another tool, a git checkout): VS Code reloads it.
        await doc.save();
        const text = `${pick(FRAGMENTS)}\n${doc.getText()}`;
        step = 'changed on disk';
        writeFileSync(file, text);
        const until = Date.now() + 10_000;
        while (doc.getText() !== text && Date.now() < until) await new Promise((res) => setTimeout(res, 100));
      }
      log.push(step);
      await agree(`step ${i} (${log.slice(-4).join(', ')})`);
    }
    await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
