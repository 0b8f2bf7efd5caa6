// Notebook cells over real LSP: VS Code syncs each cell as a `vscode-notebook-cell` document
// with the kernel's language; the server judges it as a cell (IPython syntax, Markdown
// cells, the notebook's other cells as context) and its fixes edit the cell.
import assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { InsertToken } from '@phq-tokens/protocol';
import { startSession, type Session } from '../support/lspClient';
import { token, tokensParams } from '../support/fixtures';

const NB = 'vscode-notebook-cell:/work/demand.ipynb';
const cell = (n: number): string => `${NB}#W${n}sZmlsZQ%3D%3D`;

async function actions(s: Session, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const r = await s.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostics[0]!.range,
    context: { diagnostics },
  });
  return (r ?? []) as CodeAction[];
}

suite('LSP in notebook cells (bundled server over stdio)', () => {
  let s: Session;
  suiteSetup(async () => {
    s = await startSession();
    await s.tokens(tokensParams([token('tok_ev', 'Events only', ['events'])], true));
  });
  suiteTeardown(async () => {
    await s.stop();
  });

  test('a code cell: IPython shell lines, Python strings, the notebook as context; fixes edit the cell', async () => {
    await s.open(cell(0), 'markdown', '# Demand with PredictHQ\n');
    await s.diagnostics(cell(0), 1);
    const code = [
      'import requests',
      "!curl -H 'Authorization: Bearer $API_TOKEN' https://api.predicthq.com/v1/events/",
      '!curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/',
      'headers = {"Authorization": "Bearer $API_TOKEN"}',
      '%env PHQ_API_TOKEN=changeme',
      'phq = Client(access_token="xyz789")',
    ].join('\n');
    await s.open(cell(1), 'python', code);
    const p = await s.diagnostics(cell(1), 1);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['phq/placeholder', 1],
        ['phq/placeholder', 3],
        ['phq/dummy-token', 4],
        // A generic name is a sink because another cell (the Markdown one) mentions PredictHQ.
        ['phq/dummy-token', 5],
      ],
    );
    // Replace with an env reference in Python: the cell gets `import os`.
    const py = p.diagnostics.find((d) => d.range.start.line === 3)!;
    const list = await actions(s, cell(1), [py]);
    const env = list.find((a) => a.title === 'Replace with os.environ["PHQ_API_TOKEN"]');
    assert.ok(env, list.map((a) => a.title).join('\n'));
    const edits = env.edit!.changes![cell(1)]!;
    assert.ok(
      edits.some((e) => e.newText.includes('import os')),
      JSON.stringify(edits),
    );
    assert.ok(
      list.some((a) => a.command?.command === InsertToken.command),
      'a real token is offered',
    );
    // In a `!` line the reference is the shell's.
    const sh = await actions(s, cell(1), [p.diagnostics[0]!]);
    assert.ok(
      sh.some((a) => a.title.includes('$PHQ_API_TOKEN')),
      sh.map((a) => a.title).join('\n'),
    );

    const hover = (await s.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri: cell(1) },
      position: { line: 3, character: 40 },
    })) as Hover | null;
    assert.ok(hover && JSON.stringify(hover.contents).includes('API_TOKEN'), JSON.stringify(hover));

    const completion = (await s.conn.sendRequest(CompletionRequest.type, {
      textDocument: { uri: cell(1) },
      position: { line: 3, character: 40 },
    })) as CompletionList | CompletionItem[] | null;
    const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
    assert.ok(
      items.some((i) => i.label.includes('Events only')),
      JSON.stringify(items.map((i) => i.label)),
    );
  });

  test("another cell's assignment makes `$NAME` in a `!` line IPython's substitution", async () => {
    await s.open(cell(2), 'python', "!curl -H 'Authorization: Bearer $TOKEN' https://api.predicthq.com/v1/events/\n");
    let p = await s.diagnostics(cell(2), 1);
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['phq/placeholder'],
    );
    const next = s.nextDiagnostics(cell(2));
    await s.open(cell(3), 'python', 'import os\nTOKEN = os.environ["PHQ_API_TOKEN"]\n');
    p = await next;
    assert.deepEqual(p.diagnostics, []);
  });

  test('an R kernel cell is R; a Julia cell reports leaked tokens only', async () => {
    const other = 'vscode-notebook-cell:/work/r.ipynb#W0sZmlsZQ%3D%3D';
    await s.open(other, 'r', 'h <- c(Authorization = "Bearer $API_TOKEN")\n');
    assert.deepEqual(
      (await s.diagnostics(other, 1)).diagnostics.map((d) => d.code),
      ['phq/placeholder'],
    );
    const jl = 'vscode-notebook-cell:/work/j.ipynb#W0sZmlsZQ%3D%3D';
    await s.open(jl, 'julia', 'h = Dict("Authorization" => "Bearer $API_TOKEN")\n');
    assert.deepEqual((await s.diagnostics(jl, 1)).diagnostics, []);
  });
});
