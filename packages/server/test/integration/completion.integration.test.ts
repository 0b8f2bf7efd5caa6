// Completions and resolve over real LSP: token items by id (never a value), env references
// in the file's idiom, untrusted workspaces.
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  CompletionResolveRequest,
  type CompletionItem,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { CreateTokenAndInsert, InsertToken, isInsertTokenArgs } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { token, tokensParams } from '../support/fixtures';

const tokens = [
  token('tok_ev', 'Acme | Events reader', ['events'], { lastUsedAt: '2026-06-01T00:00:00Z' }),
  token('tok_all', 'Everything', ['events', 'features', 'places']),
  token('tok_lost', 'Old laptop', ['events'], { valueAvailable: false }),
];

async function complete(s: Session, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = (await s.conn.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line, character },
  })) as CompletionList | null;
  return r?.items ?? [];
}

suite('LSP completion (bundled server over stdio)', () => {
  let s: Session;
  suiteSetup(async () => {
    s = await startSession();
    await s.tokens(tokensParams(tokens, true));
  });
  suiteTeardown(async () => {
    await s.stop();
  });

  test('inside a placeholder: env reference first, one item per token by id, a create item', async () => {
    const uri = 'file:///c/a.py';
    const text = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n';
    await s.open(uri, 'python', text);
    await s.diagnostics(uri, 1);
    const col = text.split('\n')[1]!.indexOf('$API_TOKEN');
    const items = await complete(s, uri, 1, col + 3);
    assert.equal(items[0]!.label, 'os.environ["PHQ_API_TOKEN"]');
    assert.deepEqual(items[0]!.textEdit, {
      range: { start: { line: 1, character: col - 8 }, end: { line: 1, character: col + 11 } },
      newText: '"Bearer " + os.environ["PHQ_API_TOKEN"]',
    });
    const tokenItems = items.filter((i) => i.command?.command === InsertToken.command);
    assert.deepEqual(
      tokenItems.map((i) => i.label),
      ['Events reader', 'Everything', 'Old laptop'],
    );
    const first = tokenItems[0]!;
    assert.deepEqual(first.data, { phq: 'token', tokenId: 'tok_ev' });
    assert.deepEqual(first.labelDetails, { description: 'API client: Acme' });
    assert.equal(first.detail, 'Scopes: Events');
    const args: unknown = first.command!.arguments![0];
    assert.ok(isInsertTokenArgs(args));
    assert.equal(args.tokenId, 'tok_ev');
    assert.deepEqual(args.range, { start: { line: 1, character: col }, end: { line: 1, character: col + 10 } });
    // The item's own edit writes nothing new: the client's command writes the value.
    assert.equal((first.textEdit as { newText: string }).newText, '$API_TOKEN');
    assert.ok(items.some((i) => i.command?.command === CreateTokenAndInsert.command));
  });

  test('resolve documents the token from metadata only', async () => {
    const items = await complete(s, 'file:///c/a.py', 1, 40);
    const item = items.find((i) => i.label === 'Old laptop')!;
    const resolved = await s.conn.sendRequest(CompletionResolveRequest.type, item);
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /Created 2026-03-01, last used never/);
    assert.match(doc.value, /not stored on this machine/);
    assert.deepEqual(resolved.data, item.data);
    assert.equal(resolved.textEdit && (resolved.textEdit as { newText: string }).newText, '$API_TOKEN');
  });

  test('after "Bearer ", as a token-named value, in .env; TypeScript, shell and .http idioms', async () => {
    await s.open('file:///c/b.ts', 'typescript', 'const h = `Bearer `;\nconst apiKey = "";\n');
    await s.diagnostics('file:///c/b.ts', 1);
    const ts = await complete(s, 'file:///c/b.ts', 0, 18);
    assert.equal(ts[0]!.label, 'process.env.PHQ_API_TOKEN');
    assert.equal((ts[0]!.textEdit as { newText: string }).newText, '${process.env.PHQ_API_TOKEN}');
    assert.ok((await complete(s, 'file:///c/b.ts', 1, 16)).some((i) => i.label === 'Everything'));
    await s.open('file:///c/.env', 'dotenv', 'PHQ_API_TOKEN=\n');
    const env = await complete(s, 'file:///c/.env', 0, 14);
    assert.ok(env.some((i) => i.label === 'Everything'));
    assert.ok(!env.some((i) => i.kind === 6), 'no env reference inside .env itself');
    await s.open('file:///c/x.sh', 'shellscript', 'curl -H "Authorization: Bearer "\n');
    assert.equal((await complete(s, 'file:///c/x.sh', 0, 31))[0]!.label, '$PHQ_API_TOKEN');
    await s.open('file:///c/req.http', 'http', 'GET https://api.predicthq.com/v1/events/\nAuthorization: Bearer \n');
    const http = await complete(s, 'file:///c/req.http', 1, 22);
    assert.equal(http[0]!.label, '{{PHQ_API_TOKEN}}');
    assert.equal((http[0]!.textEdit as { newText: string }).newText, '{{PHQ_API_TOKEN}}');
  });

  test('nowhere near a token: no items', async () => {
    await s.open('file:///c/c.py', 'python', 'print("hello world")\n');
    assert.deepEqual(await complete(s, 'file:///c/c.py', 0, 10), []);
  });

  test('untrusted workspace: no real-token items, a visible note, env references still offered', async () => {
    await s.tokens(tokensParams(tokens, false));
    const items = await complete(s, 'file:///c/a.py', 1, 40);
    assert.ok(!items.some((i) => i.command?.command === InsertToken.command));
    assert.ok(!items.some((i) => i.command?.command === CreateTokenAndInsert.command));
    assert.ok(items.some((i) => /untrusted workspace/.test(String(i.label))));
    assert.equal(items[0]!.label, 'os.environ["PHQ_API_TOKEN"]');
    await s.tokens(tokensParams(tokens, true));
    assert.ok((await complete(s, 'file:///c/a.py', 1, 40)).some((i) => i.command?.command === InsertToken.command));
  });
});
