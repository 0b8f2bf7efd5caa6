// Fuzz over real LSP: thousands of random edits (random code units, lone surrogates, CRLF,
// huge lines, out-of-range positions), documents opened, closed and re-opened out of order,
// requests at random positions. The server must not crash, must never publish a version
// older than one it already published or one never sent, and its last diagnostics for
// each document must equal the pure mapping of a fresh scan of the final text.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type Position,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { DocumentText, type DocumentTextResult } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { expectedDiagnostics } from '../support/expected';
import { newTokenValue } from '../support/fixtures';
import { mulberry32 } from '../support/prng';

const SEED = Number(process.env.PHQ_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const OPS = Number(process.env.PHQ_FUZZ_OPS ?? 4000);

const FRAGMENTS = [
  '"Bearer $API_TOKEN"',
  "'Bearer $ACCESS_TOKEN'",
  'Authorization: Bearer ',
  '{TOKEN}',
  '{api_token}',
  '<api_token>',
  'YOUR_API_TOKEN',
  '`Bearer ${API_TOKEN}`',
  'f"Bearer {api_token}"',
  'https://api.predicthq.com/v1/events/',
  'https://api.predicthq.com/v1/features/?x=1',
  'NEXT_PUBLIC_PHQ_TOKEN=',
  'PHQ_API_TOKEN=',
  'curl -H "Authorization: Bearer $API_TOKEN" ',
  '```python\n',
  '```\n',
  'token = "',
  '"',
  "'",
  '`',
  '\n',
  '\r\n',
  '\r',
  '\\',
  '$',
  '{',
  '}',
  ' ',
  '\t',
  '😀',
  '\ud800',
  '\udc00',
  '\u0000',
];
const LANGS = ['python', 'typescript', 'javascript', 'shellscript', 'markdown', 'dotenv', 'plaintext', 'http', 'go'];

suite('fuzz: random edits over real LSP', () => {
  test(`${OPS} random operations (seed ${SEED}; rerun with PHQ_FUZZ_SEED)`, async function () {
    this.timeout(120_000);
    const rnd = mulberry32(SEED);
    const int = (n: number) => Math.floor(rnd() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const tokenValue = newTokenValue();

    function randomText(): string {
      const r = rnd();
      if (r < 0.02) return pick(['x', 'a"b\'c ']).repeat(50_000 + int(100_000)); // a huge line
      if (r < 0.025) return 'Bearer $API_TOKEN '.repeat(1000 + int(2000)); // thousands of findings on one line
      if (r < 0.1) {
        let s = '';
        const n = int(40);
        for (let i = 0; i < n; i++) s += String.fromCharCode(int(0x10000)); // random code units
        return s;
      }
      if (r < 0.13) return `"Bearer ${tokenValue}"`;
      let s = '';
      const n = 1 + int(6);
      for (let i = 0; i < n; i++)
        s +=
          rnd() < 0.7
            ? pick(FRAGMENTS)
            : Math.random()
                .toString(36)
                .slice(2, 2 + int(10));
      return s;
    }

    const s: Session = await startSession();
    const uris = Array.from(
      { length: 6 },
      (_, i) => `file:///fuzz/doc${i}.${pick(['py', 'ts', 'sh', 'md', 'env', 'txt'])}`,
    );
    const open = new Map<string, TextDocument>();
    let version = 0; // one counter for every document, so a version is never reused
    const sent = new Map<string, Set<number>>();
    const lastPublished = new Map<string, number>();
    const problems: string[] = [];
    const trace: string[] = [];
    const before = s.published.length;

    function randomPosition(doc: TextDocument): Position {
      if (rnd() < 0.05) return { line: int(doc.lineCount + 5), character: int(500) }; // out of range on purpose
      const line = int(doc.lineCount);
      const len = doc.offsetAt({ line: line + 1, character: 0 }) - doc.offsetAt({ line, character: 0 });
      return { line, character: int(len + 2) };
    }

    for (let op = 0; op < OPS; op++) {
      const uri = pick(uris);
      const doc = open.get(uri);
      const r = rnd();
      if (!doc || r < 0.02) {
        // open (or re-open an open document: the new text replaces the old)
        const text = rnd() < 0.5 ? '' : randomText();
        const languageId = pick(LANGS);
        const v = ++version;
        open.set(uri, TextDocument.create(uri, languageId, v, text));
        if (!sent.has(uri)) sent.set(uri, new Set());
        sent.get(uri)!.add(v);
        trace.push(`open ${uri} v${v}`);
        await s.open(uri, languageId, text, v);
      } else if (r < 0.04) {
        open.delete(uri);
        trace.push(`close ${uri}`);
        await s.close(uri);
        if (rnd() < 0.3) await s.close(uri); // closing twice
      } else if (r < 0.05) {
        await s.change('file:///fuzz/never-opened.py', ++version, [{ text: 'x = "Bearer $API_TOKEN"' }]);
      } else if (r < 0.12) {
        const position = randomPosition(doc);
        const req = pick(['c', 'h', 'a']);
        if (req === 'c') void s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        else if (req === 'h') void s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        else
          void s.conn.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: { start: position, end: randomPosition(doc) },
            context: { diagnostics: [] },
          });
      } else {
        const changes: TextDocumentContentChangeEvent[] = [];
        const n = 1 + int(3);
        const v = ++version;
        for (let i = 0; i < n; i++) {
          let change: TextDocumentContentChangeEvent;
          if (rnd() < 0.03) change = { text: randomText() };
          else {
            const a = randomPosition(doc);
            const b = rnd() < 0.5 ? a : randomPosition(doc); // reversed ranges too
            let text = rnd() < 0.3 ? '' : randomText();
            if (doc.getText().length > 400_000) text = ''; // keep documents bounded
            change = { range: { start: a, end: b }, text };
          }
          TextDocument.update(doc, [change], v);
          changes.push(change);
        }
        sent.get(uri)!.add(v);
        trace.push(`change ${uri} v${v} ${changes.length}`);
        await s.change(uri, v, changes);
      }
      if (op % 500 === 0) await s.diagnostics(uri, undefined).catch(() => undefined);
      // PHQ_FUZZ_PROBE=1: after every operation, check the server still answers (finds a hang's cause).
      if (process.env.PHQ_FUZZ_PROBE) {
        const answered = await Promise.race([
          s.conn
            .sendRequest(HoverRequest.type, {
              textDocument: { uri: 'file:///none' },
              position: { line: 0, character: 0 },
            })
            .then(() => true),
          new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
        ]);
        if (!answered) {
          const d = open.get(uri);
          writeFileSync(
            path.join(tmpdir(), 'phq-fuzz-hang.json'),
            JSON.stringify({ op, trace: trace.slice(-3), lang: d?.languageId, text: d?.getText() }),
          );
          throw new Error(`server stopped answering after op ${op}: ${trace.at(-1)}`);
        }
      }
    }

    // Settle: the last version of every open document must be published, equal to a fresh scan.
    for (const [uri, doc] of open) {
      const p = await s.diagnostics(uri, doc.version, 30_000).catch((e: Error) => {
        const lastAny = s.published.at(-1);
        const mine = s.published
          .filter((x) => x.uri === uri)
          .slice(-3)
          .map((x) => x.version);
        throw new Error(
          `${e.message}; alive ${String(s.alive)}, last publish overall ${lastAny?.uri} v${lastAny?.version} of ${version}, last published ${JSON.stringify(mine)}, text ${doc.getText().length} trace ${trace
            .filter((t) => t.includes(uri))
            .slice(-6)
            .join(', ')}, lang ${doc.languageId}; server log: ${s.logs
            .filter((l) => l.includes(uri) || !l.includes('not open'))
            .slice(-8)
            .join(' | ')}`,
        );
      });
      const expected = expectedDiagnostics(uri, doc.languageId, doc.getText());
      assert.deepEqual(p.diagnostics, expected, `final diagnostics of ${uri} (seed ${SEED})`);
      // The server's own copy (phq/documentText) is the client's text, code unit for code unit.
      const held = await s.conn.sendRequest<DocumentTextResult>(DocumentText.method, { uri });
      assert.equal(held?.version, doc.version, `version the server holds for ${uri} (seed ${SEED})`);
      assert.ok(held.text === doc.getText(), `the server's text of ${uri} is the client's (seed ${SEED})`);
    }
    for (const p of s.published.slice(before)) {
      if (p.version === undefined || p.version === null) {
        if (p.diagnostics.length) problems.push(`unversioned non-empty publish for ${p.uri}`);
        continue;
      }
      if (!sent.get(p.uri)?.has(p.version)) problems.push(`published ${p.uri} v${p.version}, never sent`);
      if ((lastPublished.get(p.uri) ?? 0) > p.version) problems.push(`stale ${p.uri} v${p.version}`);
      lastPublished.set(p.uri, p.version);
    }
    assert.deepEqual(problems, [], `seed ${SEED}`);
    assert.ok(s.alive, 'the server is still running');
    assert.ok(!s.logs.some((l) => l.includes(tokenValue)), 'no value in a log line');
    assert.equal(await s.stop(), 0);
  });
});
