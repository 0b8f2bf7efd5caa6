// `phq-tokens scan` end to end: the built bin is spawned on real folders.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { baseEnv, buildCli, run, tmp } from './helpers';

/** Token-shaped and obviously fake, made at run time. */
const fakeToken = (): string => ('FAKE' + randomBytes(30).toString('base64url')).slice(0, 43);

function tree(files: Record<string, string | Buffer>): string {
  const dir = tmp('phq-scan-');
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

const scan = (cwd: string, ...args: string[]) => run(['scan', ...args], { cwd, env: baseEnv() });
const scanWith = (env: Record<string, string>, cwd: string, ...args: string[]) =>
  run(['scan', ...args], { cwd, env: baseEnv(env) });

suite('scan (end to end)', function () {
  this.timeout(60_000);
  suiteSetup(() => buildCli());

  test('a lone \\r is a line break: scan reports the line the language server (LSP) shows', async () => {
    // Old Mac line endings, mixed with \r\n: LSP counts \n, \r\n and a lone \r.
    const dir = tree({ 'old.py': 'import os\rx = 1\r\nh = {"Authorization": "Bearer $API_TOKEN"}\r' });
    const r = await scan(dir, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const f = (JSON.parse(r.stdout) as { findings: { line: number; column: number }[] }).findings;
    assert.deepEqual(
      f.map((x) => [x.line, x.column]),
      [[3, 31]],
    );
  });

  test('clean folder: exit 0, summary on stderr, nothing on stdout', async () => {
    const dir = tree({
      'app.py': 'import os\ntoken = os.environ["PHQ_API_TOKEN"]\n',
      'run.sh': 'curl -H "Authorization: Bearer $PHQ_API_TOKEN" x\n',
    });
    const r = await scan(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /0 findings in 0 files, 2 scanned/);
  });

  test('findings: exit 1, file:line:col severity rule message', async () => {
    const dir = tree({ 'src/app.py': 'x = 1\nh = {"Authorization": "Bearer $API_TOKEN"}\n' });
    const r = await scan(dir);
    assert.equal(r.code, 1);
    assert.match(
      r.stdout,
      /^src\/app\.py:2:31 {2}error {3}phq\/placeholder {2}Unfilled token placeholder "\$API_TOKEN"/,
    );
  });

  test('--fail-on decides the exit code; docs examples are warnings', async () => {
    const dir = tree({ 'README.md': '```python\nh = "Bearer $API_TOKEN"\n```\n' });
    assert.equal((await scan(dir)).code, 0);
    assert.equal((await scan(dir, '--fail-on', 'warning')).code, 1);
    const src = tree({ 'a.js': "const h = 'Bearer $API_TOKEN';" });
    assert.equal((await scan(src, '--fail-on', 'none')).code, 0);
  });

  test('usage and I/O errors: exit 2', async () => {
    const dir = tree({ 'a.js': '' });
    for (const args of [
      ['missing-folder'],
      ['--format', 'xml'],
      ['--fail-on', 'fatal'],
      ['--pattern', '(unclosed'],
      ['--max-file-size', 'big'],
    ]) {
      const r = await scan(dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.ok(r.stderr.length > 0);
    }
  });

  test('.gitignore (nested too), --no-gitignore and --ignore', async () => {
    const bad = "const h = 'Bearer $API_TOKEN';\n";
    const dir = tree({
      '.gitignore': 'dist/\n*.gen.js\n',
      'dist/bundle.js': bad,
      'src/x.gen.js': bad,
      'src/keep.js': bad,
      'pkg/.gitignore': 'local.js\n',
      'pkg/local.js': bad,
      'pkg/index.js': bad,
      'vendor/lib.js': bad,
    });
    const files = async (...args: string[]) => {
      const r = await scan(dir, '--format', 'json', ...args);
      return [
        ...new Set((JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file)),
      ].sort();
    };
    assert.deepEqual(await files(), ['pkg/index.js', 'src/keep.js', 'vendor/lib.js']);
    assert.deepEqual(await files('--ignore', 'vendor/', '--ignore', 'pkg/index.js'), ['src/keep.js']);
    assert.deepEqual((await files('--no-gitignore')).length, 6);
    assert.deepEqual(await files('src/keep.js', 'pkg'), ['pkg/index.js', 'src/keep.js']);
  });

  test('tokens are masked in every format', async () => {
    const token = fakeToken();
    const dir = tree({ 'config.json': `{\n  "api_token": "${token}"\n}\n`, '.env': `PHQ_API_TOKEN=${token}\n` });
    for (const format of ['human', 'json', 'sarif']) {
      const r = await scan(dir, '--format', format);
      assert.equal(r.code, 1, r.stderr);
      assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token), `${format} printed the token`);
      assert.ok(r.stdout.includes(`${token.slice(0, 4)}********${token.slice(-2)}`), format);
    }
  });

  test('JSON output', async () => {
    const dir = tree({ 'a.ts': 'const x = 1;\nconst h = "Bearer {API_TOKEN}"; fetch("/v1/events/");\n' });
    const r = await scan(dir, '--format', 'json', '--endpoints');
    const out = JSON.parse(r.stdout) as {
      version: number;
      summary: { findings: number; scanned: number };
      findings: Record<string, unknown>[];
    };
    assert.equal(out.version, 1);
    assert.equal(out.summary.scanned, 1);
    assert.deepEqual(
      out.findings.map((f) => [f.file, f.line, f.column, f.endColumn, f.ruleId, f.severity]),
      [
        ['a.ts', 2, 19, 30, 'phq/placeholder', 'error'],
        ['a.ts', 2, 40, 51, 'phq/endpoint', 'hint'],
      ],
    );
    assert.equal((out.findings[0]!.data as { envReference: string }).envReference, 'process.env.PHQ_API_TOKEN');
  });

  test('SARIF 2.1.0 output validates against the official schema', async () => {
    const dir = tree({
      'a.py': 'h = "Bearer $API_TOKEN"\n',
      'docs/guide.md': "```sh\ncurl -H 'Authorization: Bearer $API_TOKEN'\n```\n",
      'b c/é.js': `const t = 'Bearer ${fakeToken()}';\n`,
    });
    const r = await scan(dir, '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      }[];
    };
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // The validator does reject what the schema forbids.
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x' }] }] }), false);
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0]!.results;
    assert.deepEqual(results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri]).sort(), [
      ['phq/hardcoded-token', 'b%20c/%C3%A9.js'],
      ['phq/placeholder', 'a.py'],
      ['phq/placeholder-in-docs', 'docs/guide.md'],
    ]);
  });

  test('file names are quoted like git in the human format, exact in JSON and SARIF', async () => {
    const bad = "h = 'Bearer $API_TOKEN'\n";
    // A name that would forge a clean-looking finding line and one that colours the terminal.
    const forged = 'a.py:1:1  error   phq/placeholder  x\nreal.py';
    const escape = '\x1b[2Jb.py';
    const dir = tree({ [forged]: bad, [escape]: bad, 'plain é.py': bad, 'q"uote.py': bad });
    const r = await scan(dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 4, r.stdout);
    assert.ok(!r.stdout.includes('\x1b') && !r.stderr.includes('\x1b'), 'a raw escape reached the terminal');
    assert.deepEqual(
      lines.map((l) => l.slice(0, l.indexOf(':1:13 '))),
      ['"\\033[2Jb.py"', '"a.py:1:1  error   phq/placeholder  x\\nreal.py"', 'plain é.py', '"q\\"uote.py"'],
    );
    for (const format of ['json', 'sarif']) {
      const out = (await scan(dir, '--format', format)).stdout;
      assert.ok(!out.includes('\x1b'), `${format}: JSON escapes control characters itself`);
    }
    const json = JSON.parse((await scan(dir, '--format', 'json')).stdout) as { findings: { file: string }[] };
    assert.deepEqual(json.findings.map((f) => f.file).sort(), [escape, forged, 'plain é.py', 'q"uote.py'].sort());
  });

  test('a file (and a folder) whose name is not valid UTF-8 is read by its bytes, its name printed escaped', async () => {
    const bad = "h = 'Bearer $API_TOKEN'\n";
    const dir = tree({ 'ok.py': bad });
    // "café.py" and "dé/" in Latin-1: bytes that are not UTF-8. Two names that differ only in
    // their invalid byte must stay two files.
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const join = (...parts: Buffer[]) => Buffer.concat([Buffer.from(dir + '/'), ...parts]);
    writeFileSync(join(latin1('caf\xe9.py')), bad);
    writeFileSync(join(latin1('caf\xe8.py')), bad);
    mkdirSync(join(latin1('d\xe9')));
    writeFileSync(join(latin1('d\xe9/x.py')), bad);
    const r = await scan(dir);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /cannot read/);
    assert.match(r.stderr, /4 findings in 4 files/);
    const names = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.slice(0, l.indexOf(':1:')));
    assert.deepEqual(names, ['"caf\\350.py"', '"caf\\351.py"', '"d\\351/x.py"', 'ok.py']);
    const json = JSON.parse((await scan(dir, '--format', 'json')).stdout) as { findings: { file: string }[] };
    assert.equal(new Set(json.findings.map((f) => f.file)).size, 4, 'JSON keeps the names apart');
    const sarif = await scan(dir, '--format', 'sarif');
    assert.equal(sarif.code, 1, sarif.stderr);
    const uris = (
      JSON.parse(sarif.stdout) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris.sort(), ['caf%E8.py', 'caf%E9.py', 'd%E9/x.py', 'ok.py']);
  });

  test('binary and oversized files are skipped; extra patterns flag', async () => {
    const dir = tree({
      'img.bin': Buffer.concat([Buffer.from("'Bearer $API_TOKEN'"), Buffer.from([0, 1, 2])]),
      'big.js': `const h = 'Bearer $API_TOKEN';\n${'x'.repeat(5000)}`,
      'c.py': 'h = "Bearer <<MY_TOKEN>>"\n',
    });
    const r = await scan(dir, '--max-file-size', '4000', '--pattern', '<<MY_TOKEN>>');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^c\.py:1:13 .*phq\/custom-placeholder/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stderr, /1 scanned, 2 skipped/);
  });

  test('UTF-16 files with a byte-order mark are decoded, not skipped as binary', async () => {
    const py = 'x = 1\nh = {"Authorization": "Bearer $API_TOKEN"}\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(py, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16(); // the same text, big-endian (BOM FE FF)
    const dir = tree({ 'le.py': le, 'be.py': be, 'nul.bin': Buffer.from([0xff, 0xfe, 0, 0, 0, 0]) });
    const r = await scan(dir, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as {
      summary: { scanned: number; skipped: { file: string; reason: string }[] };
      findings: { file: string; line: number; column: number; ruleId: string }[];
    };
    assert.deepEqual(
      out.findings.map((f) => [f.file, f.line, f.column, f.ruleId]),
      [
        ['be.py', 2, 31, 'phq/placeholder'],
        ['le.py', 2, 31, 'phq/placeholder'],
      ],
    );
    assert.equal(out.summary.scanned, 3, 'a UTF-16 file of NUL characters is still text');
  });

  test('a FIFO or other special file named on the command line is reported as skipped, with the reason', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tree({ 'a.py': 'x = 1\n' });
    const made = spawnSync('mkfifo', [path.join(dir, 'pipe')]);
    if (made.status !== 0) this.skip();
    const r = await scan(dir, 'pipe', 'a.py');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /skipped pipe: not a regular file \(a FIFO\)/);
    assert.match(r.stderr, /1 scanned, 1 skipped \(1 not a regular file\)/);
    const json = JSON.parse((await scan(dir, '--format', 'json', 'pipe')).stdout) as {
      summary: { skipped: { file: string; reason: string }[] };
    };
    assert.deepEqual(json.summary.skipped, [{ file: 'pipe', reason: 'fifo' }]);
  });

  test('a large scan on worker threads gives the same output as one thread', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 260; i++) {
      files[`d${i % 7}/f${i}.${['py', 'js', 'sh', 'md'][i % 4]}`] =
        i % 5 === 0 ? `x = 1\nh = "Bearer $API_TOKEN"  # ${i}\n` : `ok = ${i}\n`.repeat(50);
    }
    const dir = tree(files);
    const one = await scanWith({ PHQ_SCAN_WORKERS: '0' }, dir, '--format', 'json');
    const two = await scanWith({ PHQ_SCAN_WORKERS: '2' }, dir, '--format', 'json');
    assert.equal(one.code, 1, one.stderr);
    assert.equal(two.code, 1, two.stderr);
    assert.equal(two.stdout, one.stdout);
    const n = JSON.parse(two.stdout) as { findings: unknown[]; summary: { scanned: number } };
    assert.equal(n.summary.scanned, 260);
    assert.equal(n.findings.length, 26); // .py and .js only: shell expands "$API_TOKEN", Markdown prose is ignored
  });
});
