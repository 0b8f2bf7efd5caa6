// Jupyter notebooks: each cell judged by what it is, saved outputs searched for leaked
// tokens, findings at the .ipynb file's own line and column, malformed files refused.
import assert from 'node:assert/strict';
import { fingerprint, NotebookFormatError, scanCell, scanNotebook, type Finding } from '../src';
import { fakeToken } from './helpers';

type Json = Record<string, unknown>;

function notebook(cells: Json[], opts: { minor?: number; metadata?: Json } = {}): string {
  const minor = opts.minor ?? 5;
  return JSON.stringify(
    {
      cells: cells.map((c, i) => ({
        ...(minor >= 5 ? { id: `cell-${i}` } : {}),
        metadata: {},
        ...(c.cell_type === 'code' ? { execution_count: null, outputs: [] } : {}),
        ...c,
      })),
      metadata: opts.metadata ?? { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: minor,
    },
    null,
    1,
  );
}

const code = (source: string | string[], outputs: Json[] = []): Json => ({ cell_type: 'code', source, outputs });
const md = (source: string | string[]): Json => ({ cell_type: 'markdown', source });

/** The file text a finding's range covers (one line), and its rule. */
function shown(text: string, f: Finding): string {
  const lines = text.split('\n');
  assert.equal(f.range.start.line, f.range.end.line, 'one line');
  return lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character);
}

function rules(text: string, opts: { known?: Map<string, { id: string; name: string }> } = {}): string[] {
  return scanNotebook(text, {
    languageId: 'json',
    fileName: 'demand.ipynb',
    ...(opts.known ? { knownFingerprints: opts.known } : {}),
  })
    .filter((f) => f.kind !== 'endpoint')
    .map(
      (f) =>
        `${f.data.cell!.index}${f.data.cell!.output !== undefined ? `/o${f.data.cell!.output}` : ''} ${f.ruleId} ${shown(text, f)}`,
    );
}

suite('notebooks: cells by kind', () => {
  test('a code cell is Python by default: placeholder in a string, dummy value in the SDK client', () => {
    const text = notebook(
      [
        code(['from predicthq import Client\n', 'headers = {"Authorization": "Bearer $API_TOKEN"}\n']),
        code('phq = Client(access_token="xyz789")\n'),
      ],
      { metadata: {} },
    );
    // JSON escapes quotes: the range covers the value as written in the file.
    assert.deepEqual(rules(text), ['0 phq/placeholder $API_TOKEN', '1 phq/dummy-token xyz789']);
  });

  test('positions are the JSON string the text came from, escapes accounted for', () => {
    const t = fakeToken();
    const text = notebook([code(['x = "é\\t\\"\u2028" ; api_token = "' + t + '"\n'])]);
    assert.ok(text.includes('\\\\t'), 'the sample has escapes before the value');
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
    assert.equal(f.length, 1);
    assert.equal(shown(text, f[0]!), t);
    assert.equal(text.slice(f[0]!.offset, f[0]!.offset + f[0]!.length), t);
    // A generic name in a notebook that never mentions PredictHQ: a secret, not said to be PredictHQ's.
    assert.match(f[0]!.message, /^cell 1 \(id "cell-0"\): Hardcoded secret/);
    assert.deepEqual(f[0]!.data.cell, { index: 0, id: 'cell-0' });
  });

  test('\\u escapes and a source given as one string', () => {
    const text = notebook([code('# caf\u00e9\nh = {"Authorization": "Bearer $API_TOKEN"}')]).replace(
      'café',
      'caf\\u00e9',
    );
    assert.ok(text.includes('\\u00e9'));
    assert.deepEqual(rules(text), ['0 phq/placeholder $API_TOKEN']);
  });

  test('Markdown cells: fences by their language (docs severity), prose ignored', () => {
    const text = notebook([
      md([
        'Send `Bearer $API_TOKEN` in prose.\n',
        '```python\n',
        'h = {"Authorization": "Bearer $API_TOKEN"}\n',
        '```\n',
        '```sh\n',
        'curl -H "Authorization: Bearer $API_TOKEN" x\n',
        '```',
      ]),
    ]);
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.severity, x.range.start.line]),
      [['phq/placeholder-in-docs', 'warning', text.split('\n').findIndex((l) => l.includes('h = {'))]],
    );
  });

  test('raw cells: leaked tokens only', () => {
    const t = fakeToken();
    const text = notebook([{ cell_type: 'raw', source: ['Bearer $API_TOKEN\n', `Authorization: Bearer ${t}\n`] }]);
    assert.deepEqual(rules(text), [`0 phq/hardcoded-token ${t}`]);
  });

  test('empty cells, cells without source, and a notebook without cells are fine', () => {
    assert.deepEqual(rules(notebook([code([]), md(''), { cell_type: 'code', outputs: [] }])), []);
    assert.deepEqual(rules(notebook([])), []);
  });
});

suite('notebooks: kernels', () => {
  const cell = code(['# predicthq\n', 'headers <- c(Authorization = "Bearer $API_TOKEN")\n']);

  test('an R kernel is judged as R (its strings do not interpolate)', () => {
    const text = notebook([cell], { metadata: { kernelspec: { language: 'R', name: 'ir' } } });
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.data.language]),
      [['phq/placeholder', 'r']],
    );
  });

  test('Julia (no lexer: it interpolates $name) reports leaked tokens only, never as Python', () => {
    const t = fakeToken();
    const src = [
      'h = Dict("Authorization" => "Bearer $API_TOKEN")\n',
      `raw = "Bearer ${t}"\n`,
      'x = "${API_TOKEN}"  # %env is not julia\n',
    ];
    const text = notebook([code(src)], { metadata: { language_info: { name: 'julia' } } });
    assert.deepEqual(rules(text), [`0 phq/hardcoded-token ${t}`]);
  });

  test('kernelspec.language wins over language_info.name; the default is Python', () => {
    const py = code(['h = {"Authorization": "Bearer $API_TOKEN"}\n']);
    const meta = { kernelspec: { language: 'python' }, language_info: { name: 'julia' } };
    assert.deepEqual(rules(notebook([py], { metadata: meta })), ['0 phq/placeholder $API_TOKEN']);
    assert.deepEqual(rules(notebook([py], { metadata: { language_info: { name: 'julia' } } })), []);
    assert.deepEqual(rules(notebook([py], { metadata: {} })), ['0 phq/placeholder $API_TOKEN']);
  });

  test('a bash kernel is shell; IPython syntax is only for Python kernels', () => {
    const src = [
      'curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/\n',
      "curl -H 'Authorization: Bearer $API_TOKEN' x\n",
    ];
    const text = notebook([code(src)], { metadata: { kernelspec: { language: 'bash' } } });
    assert.deepEqual(rules(text), ['0 phq/placeholder $API_TOKEN']);
    assert.equal(
      scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' }).find((f) => f.ruleId === 'phq/placeholder')!.range
        .start.line,
      text.split('\n').findIndex((l) => l.includes("'Authorization")),
    );
  });
});

suite('notebooks: IPython syntax', () => {
  test('!cmd is shell: "$NAME" expands, single quotes do not; the Python around it stays Python', () => {
    const text = notebook([
      code([
        '!curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/\n',
        "  !curl -H 'Authorization: Bearer $ACCESS_TOKEN' x\n",
        'out = !curl -H "Authorization: Bearer {TOKEN}" x\n',
        'h = "Bearer $API_TOKEN"\n',
      ]),
    ]);
    assert.deepEqual(rules(text), [
      '0 phq/placeholder $ACCESS_TOKEN',
      '0 phq/placeholder {TOKEN}',
      '0 phq/placeholder $API_TOKEN',
    ]);
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' }).filter((x) => x.kind !== 'endpoint');
    assert.deepEqual(
      f.map((x) => x.data.language),
      ['shellscript', 'shellscript', 'python'],
    );
  });

  test('IPython substitutes $name and {name} from Python variables before the shell runs', () => {
    const text = notebook([
      code(['import os\n', 'TOKEN = os.environ["PHQ_API_TOKEN"]\n']),
      code([
        "!curl -H 'Authorization: Bearer $TOKEN' x\n",
        '!curl -H "Authorization: Bearer {TOKEN}" x\n',
        "!curl -H 'Authorization: Bearer $API_TOKEN' x\n",
      ]),
    ]);
    // TOKEN is a Python variable (substituted, quotes or not); API_TOKEN is not (the shell's single quotes keep it).
    assert.deepEqual(rules(text), ['1 phq/placeholder $API_TOKEN']);
  });

  test('%%bash, %%sh and %%script bash cells are shell scripts (no IPython substitution)', () => {
    for (const magic of ['%%bash', '%%sh', '%%script bash', '%%script /bin/sh']) {
      const text = notebook([
        code([
          `${magic}\n`,
          'curl -H "Authorization: Bearer $API_TOKEN" x\n',
          "curl -H 'Authorization: Bearer $API_TOKEN' x\n",
        ]),
      ]);
      assert.deepEqual(rules(text), ['0 phq/placeholder $API_TOKEN'], magic);
      const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
      assert.equal(f[0]!.data.language, 'shellscript');
    }
  });

  test('%%writefile judges the body by the file name; %%time runs Python; unknown magics are not Python', () => {
    const t = fakeToken();
    const text = notebook([
      code(['%%writefile .env\n', 'PHQ_API_TOKEN=changeme\n']),
      code(['%%time\n', 'h = "Bearer $API_TOKEN"\n']),
      code(['%%sql\n', "SELECT 'Bearer $API_TOKEN'\n"]),
      code(['%%sql\n', `SELECT 'Bearer ${t}'\n`]),
    ]);
    assert.deepEqual(rules(text), [
      '0 phq/dummy-token changeme',
      '1 phq/placeholder $API_TOKEN',
      `3 phq/hardcoded-token ${t}`,
    ]);
  });

  test('%env NAME=value is an environment assignment; other line magics are not Python', () => {
    const t = fakeToken();
    const text = notebook([
      code([
        `%env PHQ_API_TOKEN=${t}\n`,
        '%env PHQ_ACCESS_TOKEN changeme\n',
        '%env PHQ_API_TOKEN=$SOME_VAR\n',
        '%pip install predicthq "Bearer $API_TOKEN"\n',
      ]),
    ]);
    assert.deepEqual(rules(text), [`0 phq/hardcoded-token ${t}`, '0 phq/dummy-token changeme']);
  });

  test('scanCell judges one cell (the language server calls it with the notebook context)', () => {
    const f = scanCell('!curl -H \'Authorization: Bearer $TOKEN\' x\nh = "Bearer $API_TOKEN"', {
      kind: 'code',
      kernelLanguage: 'python',
      pythonNames: new Set(['TOKEN']),
    });
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.range.start.line, x.range.start.character]),
      [['phq/placeholder', 1, 12]],
    );
  });
});

suite('notebooks: saved outputs', () => {
  test('stream, text/plain, text/html and tracebacks: leaked tokens only, as errors, with the output named', () => {
    const [a, b, c, d, e] = [fakeToken(), fakeToken(), fakeToken(), fakeToken(), fakeToken()];
    const text = notebook([
      code('print(headers)', [
        { output_type: 'stream', name: 'stdout', text: [`{'Authorization': 'Bearer ${a}'}\n`, 'Bearer $API_TOKEN\n'] },
        {
          output_type: 'execute_result',
          execution_count: 1,
          metadata: {},
          data: { 'text/plain': [`{'access_token': '${b}'}`] },
        },
        {
          output_type: 'display_data',
          metadata: {},
          data: {
            'text/html': [`<pre>Authorization: Bearer ${c}</pre>`],
            'text/plain': ['<IPython.core.display.HTML object>'],
          },
        },
        {
          output_type: 'error',
          ename: 'HTTPError',
          evalue: `401 Client Error for Bearer ${d}`,
          traceback: [
            '\u001b[0;31m-------------------\u001b[0m',
            `\u001b[0;32m----> 3\u001b[0m phq \u001b[38;5;241m=\u001b[39m Client(access_token\u001b[38;5;241m=\u001b[39m\u001b[38;5;124m"${e}"\u001b[39m)`,
          ],
        },
      ]),
    ]);
    assert.deepEqual(rules(text), [
      `0/o0 phq/hardcoded-token ${a}`,
      `0/o1 phq/hardcoded-token ${b}`,
      `0/o2 phq/hardcoded-token ${c}`,
      `0/o3 phq/hardcoded-token ${d}`,
      `0/o3 phq/hardcoded-token ${e}`,
    ]);
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
    assert.ok(f.every((x) => x.severity === 'error'));
    assert.match(
      f[0]!.message,
      /^cell 1 \(id "cell-0"\), output 1: An API token \(FAKE\*+..\) is saved in this cell's output.*Clear the cell's outputs, then rotate the token/,
    );
    assert.ok(!f.some((x) => x.message.includes(a) || x.match.includes(a)), 'no full value in a message');
  });

  test('a known token anywhere in an output, by fingerprint', () => {
    const t = fakeToken();
    const known = new Map([[fingerprint(t), { id: 'tok-1', name: 'Forecasts' }]]);
    const text = notebook([code('print(token)', [{ output_type: 'stream', name: 'stdout', text: `${t}\n` }])]);
    assert.deepEqual(rules(text, { known }), [`0/o0 phq/known-token ${t}`]);
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb', knownFingerprints: known });
    assert.match(f[0]!.message, /Your token "Forecasts" is saved in this cell's output/);
    assert.equal(f[0]!.data.tokenId, 'tok-1');
  });

  test('image data is never read; placeholders in outputs are not reported', () => {
    const t = fakeToken();
    const text = notebook([
      code('plot()', [
        {
          output_type: 'display_data',
          metadata: {},
          data: {
            'image/png': `Bearer ${t}\n`,
            'image/svg+xml': [`<text>Bearer ${t}</text>`],
            'text/plain': ['<Figure size 640x480 with 1 Axes>'],
          },
        },
        {
          output_type: 'stream',
          name: 'stderr',
          text: ['curl: Authorization: Bearer $API_TOKEN\n', "token = 'changeme'\n"],
        },
      ]),
    ]);
    assert.deepEqual(rules(text), []);
  });
});

suite('notebooks: versions and malformed files', () => {
  test('nbformat 4.0 to 4.5: same findings, the cell id only where 4.5 gives one', () => {
    for (let minor = 0; minor <= 5; minor++) {
      const text = notebook([md('# PredictHQ'), code(['h = {"Authorization": "Bearer $API_TOKEN"}\n'])], { minor });
      const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
      assert.equal(f.length, 1, `4.${minor}`);
      assert.equal(shown(text, f[0]!), '$API_TOKEN');
      assert.deepEqual(f[0]!.data.cell, minor >= 5 ? { index: 1, id: 'cell-1' } : { index: 1 });
      assert.match(f[0]!.message, minor >= 5 ? /^cell 2 \(id "cell-1"\): / : /^cell 2: /);
    }
  });

  test('a notebook written with \\r\\n line breaks and indentation keeps the file positions', () => {
    const text = notebook([code(['x = 1\n', 'h = "Bearer $API_TOKEN"\n'])]).replace(/\n/g, '\r\n');
    const f = scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' });
    assert.equal(shown(text.replace(/\r/g, ''), f[0]!), '$API_TOKEN');
  });

  test('malformed JSON and other formats are NotebookFormatErrors, never a crash', () => {
    const good = notebook([code(['h = "Bearer $API_TOKEN"\n']), md('x')]);
    const bad: [string, RegExp][] = [
      ['', /unexpected end/],
      ['{"cells": [', /unexpected end/],
      [good.slice(0, -2), /unexpected end/],
      [good + 'x', /text after the JSON value/],
      ['{"nbformat": 3, "worksheets": []}', /nbformat 3 is not supported/],
      ['{"nbformat": 4, "nbformat_minor": 2}', /no list of cells/],
      ['{"nbformat": 4, "cells": [{"source": "x"}]}', /no known cell_type/],
      ['{"nbformat": 4, "cells": [{"cell_type": "code", "source": 42}]}', /not a string or a list of strings/],
      ['{"nbformat": 4, "cells": [{"cell_type": "code", "source": "\\x"}]}', /invalid escape/],
      ['{"nbformat": 4, "cells": [{"cell_type": "code", "source": "a\tb"}]}', /control character/],
      ['[1, 2]', /not a JSON object/],
      ["{'cells': []}", /expected a key/],
      ['{"cells": [] , }', /expected a key/],
      ['{"a": tru}', /expected a value/],
    ];
    for (const [text, why] of bad) {
      assert.throws(
        () => scanNotebook(text, { languageId: 'json', fileName: 'a.ipynb' }),
        (e: unknown) => e instanceof NotebookFormatError && why.test(e.message),
        JSON.stringify(text),
      );
    }
    // Every truncation of a real notebook: a result or a NotebookFormatError, nothing else.
    for (let n = 0; n < good.length; n += 3) {
      try {
        scanNotebook(good.slice(0, n), { languageId: 'json', fileName: 'a.ipynb' });
      } catch (e) {
        assert.ok(e instanceof NotebookFormatError, `cut at ${n}: ${String(e)}`);
      }
    }
  });

  test('a 20 MB notebook with images in its outputs: findings after the images, at the right place', () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAA' + 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0MTIzNDU2Nzg5'.repeat(21000) + '\n';
    const cells: Json[] = [];
    for (let i = 0; i < 20; i++) {
      cells.push(
        code(`plot(${i})`, [
          { output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': ['<Figure>'] } },
        ]),
      );
    }
    const t = fakeToken();
    cells.push(code(['# predicthq\n', `access_token = "${t}"\n`]));
    const text = notebook(cells);
    assert.ok(text.length > 20_000_000, `${text.length}`);
    assert.deepEqual(rules(text), [`20 phq/hardcoded-token ${t}`]);
  });
});
