// The secret test: record every byte in both directions while a session inserts tokens
// (completion + client command, quick fix + client command), swaps one for the scope check,
// and fixes placeholders; the test plays the client, which knows values created at run time.
// Like the extension, it syncs documents with known values replaced by same-length stand-ins.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  HoverRequest,
  type CodeAction,
  type CompletionList,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { fingerprint } from '@phq-tokens/detect';
import {
  InsertToken,
  PARTIAL_MIN,
  changeCarriesValue,
  isInsertTokenArgs,
  redactValues,
  valueStandIn,
  type KnownValue,
} from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { newTokenValue, token, tokensParams } from '../support/fixtures';

/** An editor buffer on the client side and the redacted copy the server is kept in step with. */
class ClientDoc {
  real: TextDocument;
  shadow: TextDocument;
  constructor(
    private readonly s: Session,
    private readonly values: KnownValue[],
    readonly uri: string,
    text: string,
  ) {
    this.real = TextDocument.create(uri, 'python', 1, text);
    this.shadow = TextDocument.create(uri, 'python', 1, redactValues(text, values));
  }
  async open(): Promise<void> {
    await this.s.open(this.uri, 'python', this.shadow.getText(), 1);
  }
  /** Applies an edit in the editor and syncs it redacted (what the extension's middleware does). */
  async edit(range: Range, text: string): Promise<number> {
    const version = this.real.version + 1;
    TextDocument.update(this.real, [{ range, text }], version);
    const redacted = redactValues(text, this.values);
    TextDocument.update(this.shadow, [{ range, text: redacted }], version);
    assert.equal(this.shadow.getText(), redactValues(this.real.getText(), this.values));
    await this.s.change(this.uri, version, [{ range, text: redacted }]);
    return version;
  }
  /**
   * Types one character at `offset`, synced the way the extension's RedactingSync does it
   * (the same protocol `changeCarriesValue` decides): as is, unless the text around the edit
   * now carries a value or the start of one; then the whole redacted text replaces the
   * server's copy.
   */
  async type(offset: number, ch: string): Promise<number> {
    const version = this.real.version + 1;
    const at = this.real.positionAt(offset);
    TextDocument.update(this.real, [{ range: { start: at, end: at }, text: ch }], version);
    const full = this.real.getText();
    const typed = { rangeOffset: offset, rangeLength: 0, text: ch };
    if (!changeCarriesValue({ contentChanges: [typed] }, full, this.values)) {
      TextDocument.update(this.shadow, [{ range: { start: at, end: at }, text: ch }], version);
      await this.s.change(this.uri, version, [{ range: { start: at, end: at }, text: ch }]);
      return version;
    }
    const end = this.shadow.positionAt(this.shadow.getText().length);
    const text = redactValues(full, this.values);
    TextDocument.update(this.shadow, [{ range: { start: { line: 0, character: 0 }, end }, text }], version);
    await this.s.change(this.uri, version, [{ range: { start: { line: 0, character: 0 }, end }, text }]);
    return version;
  }
  valueOf(tokenId: string): string {
    return this.values.find((v) => v.tokenId === tokenId)!.value;
  }
}

suite('secrets never cross the LSP stream (recorded traffic)', () => {
  test('insert, swap and fix tokens: no value in any recorded byte', async () => {
    const s = await startSession({ record: true });
    const values: KnownValue[] = [
      { tokenId: 'tok_ev', value: newTokenValue() },
      { tokenId: 'tok_feat', value: newTokenValue() },
    ];
    const meta = [
      token('tok_ev', 'Events only', ['events'], { fingerprint: fingerprint(values[0]!.value) }),
      token('tok_feat', 'Events and features', ['events', 'features'], { fingerprint: fingerprint(values[1]!.value) }),
    ];
    await s.tokens(tokensParams(meta, true));
    const text = [
      'import requests',
      'A = {"Authorization": "Bearer $API_TOKEN"}',
      'B = {"Authorization": "Bearer YOUR_API_TOKEN"}',
      'requests.get("https://api.predicthq.com/v1/events/", headers=A)',
      'requests.get("https://api.predicthq.com/v1/features/", headers=B)',
      'C = {"Authorization": "Bearer $ACCESS_TOKEN"}',
      '',
    ].join('\n');
    const doc = new ClientDoc(s, values, 'file:///t/app.py', text);
    await doc.open();
    let p = await s.diagnostics(doc.uri, 1);
    const placeholders = () => p.diagnostics.filter((d) => d.code === 'phq/placeholder');
    assert.equal(placeholders().length, 3);

    // 1. Completion inside the first placeholder, resolve, then the client's insert command.
    const r1 = placeholders()[0]!.range;
    const list = (await s.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri: doc.uri },
      position: { line: r1.start.line, character: r1.start.character + 2 },
    })) as CompletionList;
    const item = list.items.find((i) => i.label === 'Events only')!;
    const resolved = await s.conn.sendRequest(CompletionResolveRequest.type, item);
    const args: unknown = resolved.command!.arguments![0];
    assert.ok(isInsertTokenArgs(args));
    let v = await doc.edit(args.range, doc.valueOf(args.tokenId));
    p = await s.diagnostics(doc.uri, v);
    assert.equal(placeholders().length, 2);
    assert.ok(
      p.diagnostics.some((d) => d.code === 'phq/known-token' && (d.data as { tokenId?: string }).tokenId === 'tok_ev'),
    );

    // 2. Quick fix "Replace with token" on the next placeholder.
    const d2 = placeholders()[0]!;
    const acts = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: d2.range,
      context: { diagnostics: [d2] },
    })) as CodeAction[];
    const fix = acts.find((a) => a.command?.command === InsertToken.command && a.title.includes('Events only'))!;
    const fargs: unknown = fix.command!.arguments![0];
    assert.ok(isInsertTokenArgs(fargs));
    v = await doc.edit(fargs.range, doc.valueOf(fargs.tokenId));
    p = await s.diagnostics(doc.uri, v);

    // 3. Scope check: "Events only" cannot call /v1/features/; take the offered swap.
    const missing = p.diagnostics.find((d) => d.code === 'phq/missing-scope')!;
    assert.match(String(missing.message), /Features/);
    const swaps = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const swap = swaps.find((a) => a.title.startsWith('Use token "Events and features"'))!;
    const sargs = swap.command!.arguments![0] as { range: Range; tokenId: string };
    v = await doc.edit(sargs.range, doc.valueOf(sargs.tokenId));
    p = await s.diagnostics(doc.uri, v);
    // One "Events only" use remains at line 1; swap it too, then the scope warning is gone.
    for (;;) {
      const m = p.diagnostics.find((d) => d.code === 'phq/missing-scope');
      if (!m) break;
      const more = (await s.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: doc.uri },
        range: m.range,
        context: { diagnostics: [m] },
      })) as CodeAction[];
      const a = more.find((x) => x.title.startsWith('Use token "Events and features"'))!.command!.arguments![0] as {
        range: Range;
        tokenId: string;
      };
      v = await doc.edit(a.range, doc.valueOf(a.tokenId));
      p = await s.diagnostics(doc.uri, v);
    }

    // 4. Hover on an inserted token, then fix the last placeholder with the source action.
    const known = p.diagnostics.find((d) => d.code === 'phq/known-token')!;
    const h = await s.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: doc.uri },
      position: known.range.start,
    });
    assert.match((h!.contents as { value: string }).value, /Events and features/);
    const all = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: doc.uri },
      range: known.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    for (const e of [...all[0]!.edit!.changes![doc.uri]!].reverse()) v = await doc.edit(e.range, e.newText);
    p = await s.diagnostics(doc.uri, v);
    assert.equal(placeholders().length, 0);
    assert.ok(doc.real.getText().includes(values[1]!.value), 'the editor does hold the inserted value');

    await s.close(doc.uri);
    assert.equal(await s.stop(), 0);

    const bytes = Buffer.concat(s.traffic);
    const wire = bytes.toString('utf8');
    assert.ok(bytes.length > 5000, 'the session was recorded');
    assert.ok(wire.includes(valueStandIn('tok_feat')), 'the stand-in crossed instead of the value');
    for (const { value } of values) {
      assert.ok(!wire.includes(value), 'a token value crossed the LSP stream');
      assert.equal(bytes.indexOf(Buffer.from(value, 'utf8')), -1);
      assert.ok(!wire.includes(value.slice(0, 24)) && !wire.includes(value.slice(-24)), 'part of a value crossed');
    }
  });

  test('a value typed by hand, one character at a time: at most PARTIAL_MIN - 1 characters cross', async () => {
    const s = await startSession({ record: true });
    const values: KnownValue[] = [{ tokenId: 'tok_ev', value: newTokenValue() }];
    await s.tokens(
      tokensParams([token('tok_ev', 'Events only', ['events'], { fingerprint: fingerprint(values[0]!.value) })], true),
    );
    const doc = new ClientDoc(s, values, 'file:///t/typed.py', 'H = {"Authorization": "Bearer "}\n');
    await doc.open();
    await s.diagnostics(doc.uri, 1);
    const value = values[0]!.value;
    const start = doc.real.getText().indexOf('Bearer ') + 'Bearer '.length;
    let v = 1;
    for (let i = 0; i < value.length; i++) {
      v = await doc.type(start + i, value[i]!);
      // The server's copy of the document (what was sent): never PARTIAL_MIN characters of it.
      assert.ok(!doc.shadow.getText().includes(value.slice(0, PARTIAL_MIN)), `after ${i + 1} characters`);
    }
    const p = await s.diagnostics(doc.uri, v);
    // The server recognises the finished value through its stand-in, as if it had been pasted.
    assert.ok(
      p.diagnostics.some((d) => d.code === 'phq/known-token'),
      JSON.stringify(p.diagnostics),
    );
    assert.equal(doc.shadow.getText(), redactValues(doc.real.getText(), values));
    await s.close(doc.uri);
    assert.equal(await s.stop(), 0);

    const wire = Buffer.concat(s.traffic).toString('utf8');
    assert.ok(wire.includes(valueStandIn('tok_ev')), 'the stand-in crossed instead of the value');
    assert.ok(
      !wire.includes(value.slice(0, PARTIAL_MIN)),
      `no ${PARTIAL_MIN} characters of the value crossed together`,
    );
    for (let i = PARTIAL_MIN; i <= value.length - PARTIAL_MIN; i += 6)
      assert.ok(!wire.includes(value.slice(i, i + PARTIAL_MIN)), `characters ${i}.. crossed`);
  });
});
