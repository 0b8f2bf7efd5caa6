// `phq-tokens scan` on Jupyter notebooks, end to end: the built bin on a real folder.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { baseEnv, buildCli, run, tmp } from './helpers';

const fakeToken = (): string => ('FAKE' + randomBytes(30).toString('base64url')).slice(0, 43);

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  message: string;
  data: { cell?: { index: number; id?: string; output?: number } };
}

function notebookText(token: string): string {
  return JSON.stringify(
    {
      cells: [
        { cell_type: 'markdown', id: 'intro', metadata: {}, source: ['# Demand with PredictHQ\n'] },
        {
          cell_type: 'code',
          id: 'call',
          metadata: {},
          execution_count: 1,
          source: [
            'import requests\n',
            'headers = {"Authorization": "Bearer $API_TOKEN"}\n',
            "!curl -H 'Authorization: Bearer $ACCESS_TOKEN' https://api.predicthq.com/v1/events/\n",
          ],
          outputs: [{ output_type: 'stream', name: 'stdout', text: [`{'Authorization': 'Bearer ${token}'}\n`] }],
        },
      ],
      metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

suite('scan: Jupyter notebooks (end to end)', function () {
  this.timeout(60_000);
  suiteSetup(() => buildCli());

  test('findings open the right place in the .ipynb and name the cell; JSON carries the cell', async () => {
    const dir = tmp('phq-nb-');
    const token = fakeToken();
    const text = notebookText(token);
    writeFileSync(path.join(dir, 'demand.ipynb'), text);
    const r = await run(['scan', '--format', 'json'], { cwd: dir, env: baseEnv() });
    assert.equal(r.code, 1, r.stderr);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    const lines = readFileSync(path.join(dir, 'demand.ipynb'), 'utf8').split('\n');
    const at = (f: JsonFinding): string => lines[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, at(f), f.data.cell]),
      [
        ['phq/placeholder', '$API_TOKEN', { index: 1, id: 'call' }],
        ['phq/placeholder', '$ACCESS_TOKEN', { index: 1, id: 'call' }],
        ['phq/hardcoded-token', token, { index: 1, id: 'call', output: 0 }],
      ],
    );
    assert.match(findings[0]!.message, /^cell 2 \(id "call"\): /);
    assert.match(findings[2]!.message, /^cell 2 \(id "call"\), output 1: .*Clear the cell's outputs/);
    assert.ok(!r.stdout.includes(token.slice(8, 30)), 'no token value in the report');
    // The human format: file:line:col, the place an editor opens.
    const human = await run(['scan'], { cwd: dir, env: baseEnv() });
    const f0 = findings[0]!;
    assert.ok(
      human.stdout.includes(`demand.ipynb:${f0.line}:${f0.column}  error   phq/placeholder  cell 2`),
      human.stdout,
    );
  });

  test('SARIF: valid 2.1.0, the cell as a logical location', async () => {
    const dir = tmp('phq-nb-');
    writeFileSync(path.join(dir, 'demand.ipynb'), notebookText(fakeToken()));
    const r = await run(['scan', '--format', 'sarif'], { cwd: dir, env: baseEnv() });
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as {
      runs: {
        results: { locations: { logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[] }[] }[];
      }[];
    };
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
      JSON.parse(readFileSync(schemaFile, 'utf8')) as object,
    );
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(
      log.runs[0]!.results.map((x) => x.locations[0]!.logicalLocations),
      [
        [
          {
            name: 'cell 2 (id "call")',
            fullyQualifiedName: 'cells[1]',
            kind: 'notebookCell',
            properties: { cellId: 'call' },
          },
        ],
        [
          {
            name: 'cell 2 (id "call")',
            fullyQualifiedName: 'cells[1]',
            kind: 'notebookCell',
            properties: { cellId: 'call' },
          },
        ],
        [
          {
            name: 'cell 2 (id "call"), output 1',
            fullyQualifiedName: 'cells[1]/outputs[0]',
            kind: 'notebookOutput',
            properties: { cellId: 'call' },
          },
        ],
      ],
    );
  });

  test('a malformed notebook is reported unreadable (exit 2); the other files are still scanned', async () => {
    const dir = tmp('phq-nb-');
    writeFileSync(path.join(dir, 'broken.ipynb'), notebookText(fakeToken()).slice(0, 200));
    writeFileSync(path.join(dir, 'ok.py'), 'h = "Bearer $API_TOKEN"\n');
    const r = await run(['scan'], { cwd: dir, env: baseEnv() });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /cannot read broken\.ipynb: not a Jupyter notebook: unexpected end of JSON/);
    assert.match(r.stdout, /ok\.py:1:/);
  });
});
