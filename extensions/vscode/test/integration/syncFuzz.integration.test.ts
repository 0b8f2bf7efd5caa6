// The editor and the language server never disagree (docs/extension.md, "Document sync"):
// random edits, multi-cursor edits, insertions of a real token value (which the client
// redacts), edits that cut through a value, undo and redo, save, and a change of the file on
// disk while it is open, in a real VS Code. After every step the server's own copy of the
// document (phq/documentText) must be the editor's text with every value replaced by its
// stand-in, and the diagnostics VS Code shows must equal the server's pure mapping applied
// to a fresh scan of that text.
// CI runs a fixed list of seeds; PHQ_FUZZ_LONG=1 runs one random seed for longer, and
// PHQ_SYNC_FUZZ_SEED replays one. A failure names its seed and the last steps.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { redactValues, valueStandIn, type KnownValue, type TokenInfo } from '@phq-tokens/protocol';
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
  type TokenState,
} from '@phq-tokens/server/testing';
import {
  api,
  copiedValue,
  exec,
  requireEmulator,
  requireLanguageServer,
  seenValues,
  signedIn,
  storedToken,
} from './helpers';

const LONG = process.env.PHQ_FUZZ_LONG === '1';
/** CI's seeds: fixed, so a red run is replayed exactly. */
const FIXED_SEEDS = [1, 21, 4242];
const SEEDS = process.env.PHQ_SYNC_FUZZ_SEED
  ? [Number(process.env.PHQ_SYNC_FUZZ_SEED)]
  : LONG
    ? [Math.floor(Math.random() * 2 ** 31)]
    : FIXED_SEEDS;
const STEPS = Number(process.env.PHQ_SYNC_FUZZ_STEPS ?? (LONG ? 400 : 50));
const SCOPE_RULE = 'phq/missing-scope'; // depends on the workspace's chosen token: not compared

const START =
  'const r = await fetch("https://api.predicthq.com/v1/events/", {\n  headers: { Authorization: "Bearer $ACCESS_TOKEN" },\n});\n';

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
  'S',
  '// note\n',
];

type Key = string;
const keyOf = (
  code: string,
  r: { start: vscode.Position | { line: number; character: number }; end: typeof r.start },
) => `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/**
 * Edits turning `from` into `to` that keep a longest common subsequence of characters in
 * place, as a character-level diff does (VS Code may apply an edit that way): each kept
 * character of a value stays in the editor while the server holds its stand-in there.
 */
function diffEdits(from: string, to: string): { start: number; end: number; text: string }[] {
  const n = from.length;
  const m = to.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = from[i] === to[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const edits: { start: number; end: number; text: string }[] = [];
  let i = 0;
  let j = 0;
  let open: { start: number; end: number; text: string } | undefined;
  const flush = () => {
    if (open && (open.end > open.start || open.text)) edits.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && from[i] === to[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      open ??= { start: i, end: i, text: '' };
      open.text += to[j++];
    } else {
      open ??= { start: i, end: i, text: '' };
      open.end = ++i;
    }
  }
  flush();
  return edits;
}

interface Fixture {
  doc: vscode.TextDocument;
  known: KnownValue[];
  state: TokenState;
  tokenId: string;
  value: string;
}

async function fixture(file: string, content: string): Promise<Fixture> {
  const sessionId = await signedIn();
  const node = await storedToken(sessionId, 'CI | Ext Host Test', ['events', 'places']);
  const value = await copiedValue(node.token.id);
  seenValues.add(value);
  const info: TokenInfo = { ...node.token, fingerprint: fingerprintOf(value), valueAvailable: true };
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder);
  const fsPath = path.join(folder.fsPath, file);
  writeFileSync(fsPath, content);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(fsPath));
  return {
    doc,
    known: [{ tokenId: node.token.id, value }],
    state: tokenState({ tokens: [info], scopes: [], workspaceTrusted: true }),
    tokenId: node.token.id,
    value,
  };
}

/** Waits until the server holds the editor's version, then its text must be the editor's, redacted. */
async function serverAgrees(f: Fixture, what: string): Promise<void> {
  const a = await api();
  const until = Date.now() + 15_000;
  for (;;) {
    const version = f.doc.version;
    const server = await a.testing.serverDocument(f.doc.uri);
    if (server && server.version >= version) {
      const want = redactValues(f.doc.getText(), f.known);
      if (server.text === want) return;
      // Never print a value: only where the two texts part and what the server holds there.
      let at = 0;
      while (at < want.length && server.text[at] === want[at]) at++;
      assert.fail(
        `${what}: the server's copy differs from the editor's text (stand-ins for values) at offset ${at}: ` +
          `server has ${JSON.stringify(server.text.slice(Math.max(0, at - 12), at + 12))}, ` +
          `lengths ${server.text.length} / ${want.length}`,
      );
    }
    if (Date.now() > until)
      assert.fail(`${what}: the server never reached version ${version} (has ${server?.version})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function expectedDiagnostics(f: Fixture): Key[] {
  const { settings } = normalizeSettings({});
  const text = redactValues(f.doc.getText(), f.known);
  const fileName = fileNameOf(f.doc.uri.toString());
  const lang = effectiveLanguage(f.doc.languageId, fileName);
  const findings = freshScan(text, scanOptions(lang, fileName, settings, f.state.fingerprints))
    .slice()
    .sort((a, b) => a.offset - b.offset);
  return toDiagnostics(
    findings,
    TextDocument.create(f.doc.uri.toString(), f.doc.languageId, 0, text),
    settings,
    lang,
    f.state,
  )
    .filter((d) => d.code !== SCOPE_RULE)
    .map((d) => keyOf(String(d.code), d.range))
    .sort();
}

function shownDiagnostics(doc: vscode.TextDocument): Key[] {
  return vscode.languages
    .getDiagnostics(doc.uri)
    .filter((d) => d.source === 'PredictHQ Tokens')
    .map((d) => [typeof d.code === 'object' ? String(d.code.value) : String(d.code), d] as const)
    .filter(([code]) => code !== SCOPE_RULE)
    .map(([code, d]) => keyOf(code, d.range))
    .sort();
}

async function agree(f: Fixture, what: string): Promise<void> {
  await serverAgrees(f, what);
  const until = Date.now() + 15_000;
  for (;;) {
    const want = expectedDiagnostics(f);
    const got = shownDiagnostics(f.doc);
    if (JSON.stringify(want) === JSON.stringify(got)) return;
    if (Date.now() > until) assert.deepEqual(got, want, `${what}: the server's diagnostics differ from a fresh scan`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Applies offset-based edits (of the current text) in one editor edit: one undo step, several changes. */
async function editAt(editor: vscode.TextEditor, edits: { start: number; end: number; text: string }[]) {
  const doc = editor.document;
  const ranges = edits.map((e) => ({
    range: new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)),
    text: e.text,
  }));
  const ok = await editor.edit((b) => ranges.forEach((r) => b.replace(r.range, r.text)));
  assert.ok(ok, 'the editor applied the edit');
}

suite('sync fuzz: the server always agrees with the editor', function () {
  suiteSetup(async function () {
    requireEmulator(this);
    await requireLanguageServer(this);
  });

  test('undo of a token inserted by a character-level edit: the server holds the placeholder again', async function () {
    this.timeout(60_000);
    const f = await fixture('sync-undo.js', START);
    const editor = await vscode.window.showTextDocument(f.doc);
    await agree(f, 'opening');
    const placeholder = '$ACCESS_TOKEN';
    const at = f.doc.getText().indexOf(placeholder);
    // The value written over the placeholder keeping the characters they share (an "S", an "A"...).
    await editAt(
      editor,
      diffEdits(placeholder, f.value).map((e) => ({ start: at + e.start, end: at + e.end, text: e.text })),
    );
    assert.ok(f.doc.getText().includes(f.value));
    await agree(f, 'inserting the token');
    await f.doc.save();
    await vscode.commands.executeCommand('undo');
    assert.ok(f.doc.getText().includes(placeholder), 'the placeholder is back in the editor');
    await agree(f, 'undo');
    await f.doc.save();
    await agree(f, 'save');
    await vscode.commands.executeCommand('redo');
    await agree(f, 'redo');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  for (const seed of SEEDS)
    test(`${STEPS} random steps (seed ${seed}; rerun with PHQ_SYNC_FUZZ_SEED=${seed})`, async function () {
      this.timeout(LONG ? 1_800_000 : 240_000);
      const rnd = mulberry32(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
      const f = await fixture(`sync-fuzz-${seed}.js`, START);
      const { doc, value } = f;
      const standIn = valueStandIn(f.tokenId, value.length);
      const editor = await vscode.window.showTextDocument(doc);
      const file = doc.uri.fsPath;
      // Pieces typed or pasted by hand: part of the value (redacted from 6 characters on) and of its stand-in.
      const piece = () => {
        const s = int(value.length);
        const src = rnd() < 0.7 ? value : standIn;
        return src.slice(s, s + 1 + int(value.length - s));
      };
      const text = () => doc.getText();
      const randomOffset = () => int(text().length + 1);
      /** A range with one end inside an occurrence of the value and the other anywhere near: an edit that cuts it. */
      const cut = (): { start: number; end: number } | undefined => {
        const at = text().indexOf(value);
        if (at < 0) return undefined;
        const inside = at + 1 + int(value.length - 1);
        const other = Math.max(0, Math.min(text().length, inside + int(2 * value.length) - value.length));
        return { start: Math.min(inside, other), end: Math.max(inside, other) };
      };

      const log: string[] = [];
      await agree(f, `opening (seed ${seed})`);
      for (let i = 0; i < STEPS; i++) {
        const r = rnd();
        let step: string;
        if (r < 0.16) {
          const at = randomOffset();
          const t = rnd() < 0.2 ? piece() : pick(FRAGMENTS);
          step = `insert ${t.length} chars at ${at}`;
          await editAt(editor, [{ start: at, end: at, text: t }]);
        } else if (r < 0.26) {
          const a = randomOffset();
          const b = Math.min(text().length, a + 1 + int(12));
          step = `delete ${a}-${b}`;
          await editAt(editor, [{ start: a, end: b, text: '' }]);
        } else if (r < 0.36) {
          // Multi-cursor: two or three edits (insert, replace, delete) in one change event.
          const n = 2 + int(2);
          const points = Array.from({ length: n * 2 }, randomOffset).sort((x, y) => x - y);
          const edits: { start: number; end: number; text: string }[] = [];
          for (let k = 0; k < n; k++) {
            const start = points[2 * k]!;
            const end = rnd() < 0.5 ? start : points[2 * k + 1]!;
            edits.push({ start, end, text: rnd() < 0.3 ? '' : rnd() < 0.2 ? piece() : pick(FRAGMENTS) });
          }
          const distinct = edits.filter(
            (e, k) => k === 0 || (e.start >= edits[k - 1]!.end && e.start > edits[k - 1]!.start),
          );
          step = `multi-cursor ${distinct.map((e) => `${e.start}-${e.end}+${e.text.length}`).join(' ')}`;
          await editAt(editor, distinct);
        } else if (r < 0.48) {
          // The token inserted the way completions and quick fixes do: over a placeholder (one is
          // typed first when none is left), or at a point.
          const name = pick(['$ACCESS_TOKEN', '$API_TOKEN', 'YOUR_API_TOKEN']);
          if (!text().includes(name) && rnd() < 0.8) {
            const p = randomOffset();
            await editAt(editor, [{ start: p, end: p, text: `"Bearer ${name}"` }]);
          }
          const t = text();
          const at = t.indexOf(name);
          const len = at >= 0 ? name.length : 0;
          const start = at >= 0 ? at : randomOffset();
          const range = { start: doc.positionAt(start), end: doc.positionAt(start + len) };
          if (rnd() < 0.4) {
            step = `insert the token at ${start} over ${len}`;
            await exec('phq.insertToken', { tokenId: f.tokenId, uri: doc.uri.toString(), range });
          } else {
            // As a character-level diff writes it: characters the placeholder shares with the value stay put.
            step = `insert the token at ${start} over ${len}, keeping shared characters`;
            const old = t.slice(start, start + len);
            await editAt(
              editor,
              diffEdits(old, value).map((e) => ({ start: start + e.start, end: start + e.end, text: e.text })),
            );
          }
        } else if (r < 0.58) {
          const c = cut();
          const t = rnd() < 0.4 ? '' : rnd() < 0.3 ? piece() : pick(FRAGMENTS);
          if (!c) {
            step = 'cut through the value (none in the text): skipped';
          } else {
            step = `cut through the value: ${c.start}-${c.end} -> ${t.length} chars`;
            await editAt(editor, [{ ...c, text: t }]);
          }
        } else if (r < 0.72) {
          step = 'undo';
          await vscode.commands.executeCommand('undo');
        } else if (r < 0.84) {
          step = 'redo';
          await vscode.commands.executeCommand('redo');
        } else if (r < 0.95) {
          step = 'save';
          await doc.save();
        } else {
          // Changed on disk while open (another tool, a git checkout): VS Code reloads it.
          await doc.save();
          const next = `${pick(FRAGMENTS)}\n${text()}`;
          step = 'changed on disk';
          writeFileSync(file, next);
          const until = Date.now() + 10_000;
          while (text() !== next && Date.now() < until) await new Promise((res) => setTimeout(res, 100));
        }
        log.push(step);
        await agree(f, `step ${i} (seed ${seed}; last steps: ${log.slice(-5).join(', ')})`);
      }
      await doc.save();
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
});
