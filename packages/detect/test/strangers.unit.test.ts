// Patterns of code written by strangers (docs/detection.md, "Code written by strangers"): one
// table per category, each row a small file and the findings it must (or must not) give.
import assert from 'node:assert/strict';
import { DocumentScanner, scan, scanNotebook, type Finding, type ScanOptions } from '../src';
import { fakeToken } from './helpers';

interface Row {
  name: string;
  text: string;
  options: ScanOptions;
  /** "rule@line" (0-based line) of every finding except endpoints, in order. */
  want: string[];
  /** Checked on every finding of the row. */
  check?: (f: Finding) => void;
}

const T = fakeToken();
const K = ('FAKE' + T.slice(4)).slice(0, 32);
const js: ScanOptions = { languageId: 'javascript', fileName: 'src/config.js' };
const py: ScanOptions = { languageId: 'python', fileName: 'settings.py' };
const md: ScanOptions = { languageId: 'markdown', fileName: 'README.md' };

function got(text: string, options: ScanOptions): Finding[] {
  const f = /\.ipynb$/.test(options.fileName ?? '') ? scanNotebook(text, options) : scan(text, options);
  return f.filter((x) => x.kind !== 'endpoint');
}

function table(title: string, rows: Row[]): void {
  suite(title, () => {
    for (const r of rows)
      test(r.name, () => {
        const f = got(r.text, r.options);
        assert.deepEqual(
          f.map((x) => `${x.ruleId}@${x.range.start.line}`),
          r.want,
          JSON.stringify(f.map((x) => x.message)),
        );
        for (const x of f) r.check?.(x);
        // The incremental scanner agrees (a notebook is judged cell by cell instead).
        if (!/\.ipynb$/.test(r.options.fileName ?? ''))
          assert.deepEqual(new DocumentScanner(r.text, r.options).findings(), scan(r.text, r.options));
      });
  });
}

const error = (f: Finding): void => assert.equal(f.severity, 'error', f.message);

table('strangers 1: the value on the next line', [
  {
    name: 'process.env.X || then the token on the line below',
    text: `module.exports = {\n  phqApiKey: process.env.PREDICTHQ_API_KEY ||\n    '${T}',\n};\n`,
    options: js,
    want: ['phq/hardcoded-token@2'],
    check: error,
  },
  {
    name: 'NAME = then the literal',
    text: `export const PHQ_TOKEN =\n  "${T}";\n`,
    options: { languageId: 'typescript', fileName: 'src/env.ts' },
    want: ['phq/hardcoded-token@1'],
  },
  {
    name: 'a lookup with ?? at the end of the line, the literal below',
    text: `export const PHQ_TOKEN =\n  process.env.PHQ_TOKEN ??\n  "changeme";\n`,
    options: { languageId: 'typescript', fileName: 'src/env.ts' },
    want: ['phq/dummy-token@2'],
  },
  {
    name: 'Python: or and a backslash',
    text: `import os\nPHQ_TOKEN = os.environ.get("PHQ_TOKEN") or \\\n    "${T}"\n`,
    options: py,
    want: ['phq/hardcoded-token@2'],
  },
  {
    name: 'Python: an open parenthesis',
    text: `PREDICTHQ_ACCESS_TOKEN = (\n    "your-token-here"\n)\n`,
    options: py,
    want: ['phq/dummy-token@1'],
  },
  {
    name: 'the fallback operator at the start of the line below (black style)',
    text: `TOKEN = (\n    os.environ.get("PHQ_TOKEN")\n    or "${T}"\n)\n`,
    options: py,
    want: ['phq/hardcoded-token@2'],
  },
  {
    name: 'a ternary over three lines',
    text: `const token = process.env.PHQ_TOKEN\n  ? process.env.PHQ_TOKEN\n  : 'demo';\n`,
    options: js,
    want: ['phq/dummy-token@2'],
  },
  {
    name: 'the default of getenv on the line below',
    text: `TOKEN = os.getenv("PHQ_API_TOKEN",\n                  "changeme")\n`,
    options: py,
    want: ['phq/dummy-token@1'],
  },
  {
    name: 'a leading operator after a line with no token name',
    text: `const other = process.env.REGION\n  || 'us-east-1';\nconst x = {"token": "a",\n  "b": "${T}"};\n`,
    options: js,
    want: [],
  },
  {
    name: 'a reference on the line below is fine',
    text: `module.exports = {\n  phqApiKey: process.env.PREDICTHQ_API_KEY ||\n    process.env.PHQ_API_TOKEN,\n};\n`,
    options: js,
    want: [],
  },
  {
    name: '.env: NAME= is an empty value, the next line is its own',
    text: `PHQ_API_TOKEN=\nBUILD_ID=${T}\n`,
    options: { languageId: 'dotenv', fileName: '.env' },
    want: [],
  },
  {
    name: 'a complete statement above: the literal below is not its value',
    text: `const PHQ_TOKEN = process.env.PHQ_TOKEN;\nconst build = '${T}';\n`,
    options: js,
    want: [],
  },
  {
    name: 'across a block boundary of the incremental scanner',
    text: `${'// padding padding padding padding padding padding padding padding padding padding\n'.repeat(50)}const phqToken = process.env.PHQ_TOKEN ||\n  '${T}';\n`,
    options: js,
    want: ['phq/hardcoded-token@51'],
  },
]);

table('strangers 2: fallbacks', [
  {
    name: 'Python or after a lookup of a PredictHQ variable',
    text: `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "XXXXXX"\n`,
    options: py,
    want: ['phq/dummy-token@1'],
    check: error,
  },
  {
    name: 'Python conditional expression',
    text: `TOKEN = os.environ["PHQ_API_TOKEN"] if "PHQ_API_TOKEN" in os.environ else "${T}"\n`,
    options: py,
    want: ['phq/hardcoded-token@0'],
  },
  {
    name: 'import.meta.env || literal',
    text: `const token = import.meta.env.VITE_PREDICTHQ_TOKEN || '${T}';\n`,
    options: js,
    want: ['phq/browser-exposure@0', 'phq/hardcoded-token@0'],
  },
  {
    name: 'default argument whose default is a fallback',
    text: `def client(access_token=os.environ.get("PHQ_TOKEN") or "demo"):\n    pass\n`,
    options: py,
    want: ['phq/dummy-token@0'],
  },
  {
    name: 'in a Markdown python fence',
    text: '# x\n\n```python\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "XXXXXX"\n```\n',
    options: md,
    want: ['phq/placeholder-in-docs@3'],
  },
  {
    name: 'in a notebook cell',
    text: JSON.stringify({
      cells: [
        { cell_type: 'code', source: ['import os\n', 'TOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "XXXXXX"\n'] },
      ],
    }),
    options: { languageId: 'json', fileName: 'a.ipynb' },
    want: ['phq/dummy-token@0'],
  },
  {
    name: 'a choice between literals is not a fallback',
    text: `const hasToken = process.env.PHQ_API_TOKEN ? 'set' : 'missing';\nconst s = token ? "yes" : "no"; // predicthq\n`,
    options: js,
    want: [],
  },
  {
    name: 'a Python conditional whose condition is the lookup',
    text: `status = "yes" if os.environ.get("PHQ_TOKEN") else "no"\n`,
    options: py,
    want: [],
  },
  {
    name: 'references and empty fallbacks are fine; other variables are not tokens',
    text: `TOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or DEFAULT_TOKEN\nT2 = os.getenv("PHQ_TOKEN") or ""\nLOG = os.getenv("LOG_LEVEL") or "INFO"\n`,
    options: py,
    want: [],
  },
]);

table('strangers 3: untagged Markdown fences', [
  {
    name: 'the Streamlit secrets.toml snippet',
    text: '# Radar\n\nCreate `.streamlit/secrets.toml`:\n\n```\napi_key = "<your API token>"\n```\n',
    options: md,
    want: ['phq/placeholder-in-docs@5'],
  },
  {
    name: '.env lines by their content',
    text: '# Setup\n\n```\nPREDICTHQ_API_KEY=your_api_key_here\nPORT=3000\n```\n',
    options: md,
    want: ['phq/placeholder-in-docs@3'],
  },
  {
    name: 'the file the prose names decides a line its content alone does not',
    text: '# PredictHQ\n\nSave it as predicthq.conf:\n\n```\n[DEFAULT]\naccess_token = your API token here\n```\n',
    options: md,
    want: ['phq/placeholder-in-docs@6'],
  },
  {
    name: 'a shell line: "$PHQ_API_TOKEN" in double quotes is expanded',
    text: '# x\n\n```\ncurl -H "Authorization: Bearer $PHQ_API_TOKEN" https://api.predicthq.com/v1/events/\n```\n',
    options: md,
    want: [],
  },
  {
    name: 'code and usage lines stay plain text',
    text: '# CLI\n\n```\nUsage: tool --token <token>\ntokens = tokenize("hello")\ntoken = "abc123"\n```\n',
    options: md,
    want: [],
  },
]);

const template = (fileName: string, languageId = 'dotenv'): ScanOptions => ({ languageId, fileName });
table('strangers 4: templates', [
  ...['.env.example', '.env.sample', '.env.template', 'prod.env.dist', '.env.tpl', 'example.env'].map((n) => ({
    name: `${n}: a placeholder is info, with the template message`,
    text: 'PREDICTHQ_API_TOKEN=your_token_here\n',
    options: template(n),
    want: ['phq/dummy-token@0'],
    check: (f: Finding) => {
      assert.equal(f.severity, 'info');
      assert.match(f.message, /^Template value "your_token_here"/);
      assert.doesNotMatch(f.message, /\$\{PHQ_API_TOKEN\}|401/);
    },
  })),
  {
    name: 'env-template.txt is a .env template',
    text: 'PHQ_ACCESS_TOKEN=<your PredictHQ token>\n',
    options: template('env-template.txt', 'plaintext'),
    want: ['phq/dummy-token@0'],
    check: (f) => assert.equal(f.severity, 'info'),
  },
  {
    name: 'a real-looking token in a template is a leak',
    text: `PHQ_API_TOKEN=${T}\n`,
    options: template('.env.example'),
    want: ['phq/hardcoded-token@0'],
    check: error,
  },
  {
    name: 'the same placeholder in .env is an error',
    text: 'PREDICTHQ_API_TOKEN=your_token_here\n',
    options: template('.env'),
    want: ['phq/dummy-token@0'],
    check: error,
  },
  {
    name: 'a severity the user set wins',
    text: 'PREDICTHQ_API_TOKEN=your_token_here\n',
    options: { ...template('.env.example'), severities: { placeholder: 'warning' } },
    want: ['phq/dummy-token@0'],
    check: (f) => assert.equal(f.severity, 'warning'),
  },
]);

const settings = (cmd: string): string =>
  `{\n  "permissions": {\n    "allow": [\n      ${JSON.stringify(`Bash(${cmd})`)}\n    ]\n  }\n}\n`;
const claude: ScanOptions = { languageId: 'json', fileName: '.claude/settings.local.json' };
table('strangers 5: a token in a command held by another file', [
  {
    name: 'vercel -e VITE_PREDICTHQ_KEY=<token>: hardcoded-token, and the browser warning too',
    text: settings(`vercel -e VITE_PREDICTHQ_KEY=${K}`),
    options: claude,
    want: ['phq/browser-exposure@3', 'phq/hardcoded-token@3'],
  },
  {
    name: 'NAME=<token> before a command in an npm script',
    text: `{\n  "scripts": { "dev": "VITE_PREDICTHQ_API_KEY=${T} vite" }\n}\n`,
    options: { languageId: 'json', fileName: 'package.json' },
    want: ['phq/browser-exposure@1', 'phq/hardcoded-token@1'],
  },
  {
    name: 'curl in a script held by a JSON string that holds several lines',
    text: `{ "command": ${JSON.stringify(`#!/bin/sh\nset -e\ncurl -H "Authorization: Bearer ${T}" https://api.predicthq.com/v1/events/\necho ${'padding '.repeat(25)}\n`)} }\n`,
    options: { languageId: 'json', fileName: '.vscode/tasks.json' },
    want: ['phq/hardcoded-token@0'],
  },
  {
    name: 'a bundler define',
    text: `// PredictHQ\nexport default { define: { 'import.meta.env.VITE_PHQ_TOKEN': JSON.stringify('${T}') } };\n`,
    options: { languageId: 'typescript', fileName: 'vite.config.ts' },
    want: ['phq/browser-exposure@1', 'phq/hardcoded-token@1'],
  },
  {
    name: '"$PHQ_API_TOKEN" in a Bash(...) rule is expanded by the shell',
    text: settings('curl -s -H "Authorization: Bearer $PHQ_API_TOKEN" https://api.predicthq.com/v1/events/'),
    options: claude,
    want: [],
  },
  {
    name: 'a placeholder in a message string is not a command',
    text: `print("Set PHQ_API_TOKEN=<your PredictHQ token> first")\n`,
    options: py,
    want: [],
  },
]);

table('strangers 6: a token literal followed to its sink', [
  {
    name: 'const k, then Bearer ${k}',
    text: `const k = '${T}';\n\nfetch('https://api.predicthq.com/v1/events/', { headers: { Authorization: \`Bearer \${k}\` } });\n`,
    options: js,
    want: ['phq/hardcoded-token@0'],
    check: (f) => assert.match(f.message, /^Hardcoded API token/),
  },
  {
    name: 'a Python variable given to the SDK client',
    text: `from predicthq import Client\n\nsecret = "${T}"\nphq = Client(access_token=secret)\n`,
    options: py,
    want: ['phq/hardcoded-token@2'],
  },
  {
    name: 'a config object read by the client',
    text: `const settings = {\n  phq: '${T}',\n};\nconst client = new Client({ access_token: settings.phq }); // predicthq\n`,
    options: js,
    want: ['phq/hardcoded-token@1'],
  },
  {
    name: 'a literal not used as the token',
    text: `const k = '${T}';\nfetch('https://api.predicthq.com/v1/events/', { headers: { Authorization: \`Bearer \${token}\` } });\n`,
    options: js,
    want: [],
  },
  {
    name: 'a file that does not call PredictHQ',
    text: `const k = '${T}';\nfetch('https://api.example.com/', { headers: { Authorization: \`Bearer \${k}\` } });\n`,
    options: js,
    want: [],
  },
]);

table('strangers 7: other services keys get no PredictHQ advice', [
  ...['VITE_TICKETMASTER_API_KEY', 'OPENAI_API_KEY', 'MAPBOX_ACCESS_TOKEN'].map((name) => ({
    name: `${name} in a file about PredictHQ`,
    text: `// PredictHQ dashboard\nexport const ${name} = '${K}';\n`,
    options: js,
    want: ['phq/hardcoded-token@1'],
    check: (f: Finding) => {
      assert.match(f.message, new RegExp(`^Hardcoded secret \\(FAKE\\*+\\w\\w\\) in ${name}:`));
      assert.doesNotMatch(f.message, /PredictHQ|PHQ/);
      // Quick fixes and hovers suggest the secret's own variable, not PredictHQ's.
      assert.equal(f.data.envVar, name);
      assert.equal(f.data.envReference, `process.env.${name}`);
    },
  })),
  {
    name: 'a PredictHQ name keeps the PredictHQ advice',
    text: `export const PHQ_API_KEY = '${T}';\n`,
    options: js,
    want: ['phq/hardcoded-token@0'],
    check: (f) => assert.match(f.message, /^Hardcoded API token .*PHQ_API_TOKEN/),
  },
]);

suite('strangers 3: the file named before an untagged fence, in the incremental scanner', () => {
  test('equal to a fresh scan with the fence on either side of a block boundary, before and after an edit of the name', () => {
    const filler = 'Some prose line that says nothing in particular about anything at all.\n';
    // The name a few lines before the fence: a block boundary can fall between them.
    const snippet =
      'Save it as predicthq.conf:\n' +
      'It is read by the SDK.\n'.repeat(6) +
      '```\naccess_token = your API token here\n```\n';
    const o: ScanOptions = { languageId: 'markdown', fileName: 'README.md' };
    assert.equal(scan(snippet, o).length, 1, 'the named file makes the line an INI value');
    for (let n = 48; n < 64; n++) {
      const text = filler.repeat(n) + snippet + filler.repeat(80);
      const ds = new DocumentScanner(text, o);
      assert.deepEqual(ds.findings(), scan(text, o));
      const at = text.indexOf('predicthq.conf') + 10;
      const renamed = text.slice(0, at) + 'txt' + text.slice(at + 4);
      ds.applyEdit(at, at + 4, 'txt');
      assert.deepEqual(ds.findings(), scan(renamed, o), `after renaming, ${n} lines before`);
      ds.applyEdit(at, at + 3, 'conf');
      assert.deepEqual(ds.findings(), scan(text, o), `after renaming back, ${n} lines before`);
    }
  });
});
