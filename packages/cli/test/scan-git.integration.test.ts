// `scan --staged / --since / --history` end to end: the built bin on repositories the tests
// build with real git. Token values are fake, token-shaped and made at run time.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import { baseEnv, buildCli, run, tmp } from './helpers';

const fakeToken = (): string => ('FAKE' + randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')).slice(0, 43);
const pyToken = (t: string) => `import requests\nh = {"Authorization": "Bearer ${t}"}\n`;
const PLACEHOLDER_PY = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n';

/** A repository with a fixed identity and clock, so commits and dates are predictable. */
class Repo {
  readonly dir = tmp('phq-git-');
  private tick = 0;
  constructor() {
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    this.tick++;
    const date = `2025-03-${String(1 + (this.tick % 28)).padStart(2, '0')}T12:00:00Z`;
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Ann Author',
        GIT_AUTHOR_EMAIL: 'ann@example.invalid',
        GIT_COMMITTER_NAME: 'Ann Author',
        GIT_COMMITTER_EMAIL: 'ann@example.invalid',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: this.dir,
      },
    }).trim();
  }
  write(rel: string | Buffer, content: string | Buffer): void {
    if (Buffer.isBuffer(rel)) return writeFileSync(Buffer.concat([Buffer.from(this.dir + '/'), rel]), content);
    const file = path.join(this.dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  commit(files: Record<string, string | Buffer>, message = 'change'): string {
    for (const [rel, content] of Object.entries(files)) this.write(rel, content);
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}

const scan = (cwd: string, ...args: string[]) => run(['scan', ...args], { cwd, env: baseEnv() });

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
  match: string;
  message: string;
  commit?: string | null;
  author?: string | null;
  date?: string | null;
  inHead?: boolean;
  blob?: string;
}
interface JsonReport {
  summary: { scanned: number; skipped: { file: string; reason: string }[]; errors: { file: string }[] };
  git?: { mode: string; blobs?: number; shallow: boolean };
  findings: JsonFinding[];
}
const parse = (s: string) => JSON.parse(s) as JsonReport;

suite('scan --staged / --since / --history (end to end, real git)', function () {
  this.timeout(60_000);
  suiteSetup(() => buildCli());

  test('outside a git repository: a clear message and exit 2 for each git mode', async () => {
    const dir = tmp('phq-nogit-');
    for (const args of [['--staged'], ['--since', 'HEAD'], ['--history']]) {
      const r = await scan(dir, ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Not a git repository/);
      assert.equal(r.stdout, '');
    }
  });

  test('--staged in a bare repository is a usage error (exit 2): there is no index to judge', async () => {
    const repo = new Repo();
    repo.commit({ 'app.py': PLACEHOLDER_PY }, 'init');
    const empty = tmp('phq-bare-');
    execFileSync('git', ['init', '-q', '--bare', empty]);
    const clone = path.join(tmp('phq-bare-'), 'clone.git');
    execFileSync('git', ['clone', '-q', '--bare', repo.dir, clone]);
    for (const dir of [empty, clone]) {
      const r = await scan(dir, '--staged');
      assert.equal(r.code, 2, `${dir}: ${r.stderr}`);
      assert.match(r.stderr, /--staged needs a working tree \(this repository is bare\)/);
      assert.equal(r.stdout, '');
    }
  });

  test('--staged judges the index: a file fixed on disk but not re-staged is still reported', async () => {
    const repo = new Repo();
    repo.commit({ 'README.md': '# x\n' }, 'init');
    repo.write('app.py', PLACEHOLDER_PY);
    repo.write('clean.py', 'import os\n');
    repo.git('add', 'app.py', 'clean.py');
    repo.write('app.py', 'import os\nh = os.environ["PHQ_API_TOKEN"]\n'); // fixed, not staged
    repo.write('unstaged.py', PLACEHOLDER_PY); // never staged: not part of the commit
    let r = await scan(repo.dir, '--staged', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const j = parse(r.stdout);
    assert.deepEqual(
      j.findings.map((f) => [f.file, f.line, f.ruleId]),
      [['app.py', 2, 'phq/placeholder']],
    );
    assert.equal(j.summary.scanned, 2);
    assert.equal(j.git?.mode, 'staged');
    // Staging the fix makes the commit clean.
    repo.git('add', 'app.py');
    r = await scan(repo.dir, '--staged');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /0 findings in 0 files, 2 scanned/);
  });

  test('every git mode judges a notebook as a notebook (the cell named in the finding), a malformed one as unreadable', async () => {
    const repo = new Repo();
    const nb = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { language: 'python', name: 'python3' } },
      cells: [
        { cell_type: 'markdown', id: 'intro', metadata: {}, source: ['# Events\n'] },
        {
          cell_type: 'code',
          id: 'call',
          metadata: {},
          execution_count: null,
          outputs: [],
          source: PLACEHOLDER_PY.split(/(?<=\n)/),
        },
      ],
    });
    repo.commit({ 'events.ipynb': nb, 'broken.ipynb': '{"cells": [' }, 'notebooks');
    for (const args of [['--history'], ['--since', 'HEAD~0']]) {
      if (args[0] === '--since') repo.write('events.ipynb', nb.replace('Events', 'Events!'));
      const r = await scan(repo.dir, ...args, '--format', 'json');
      const j = parse(r.stdout);
      const f = j.findings.find((x) => x.file.startsWith('events.ipynb'));
      assert.ok(f, `${args.join(' ')}: ${r.stdout} ${r.stderr}`);
      assert.match(JSON.stringify(f), /"cell":\{"index":1,"id":"call"\}/);
      if (args[0] === '--history') assert.match(r.stderr, /not a Jupyter notebook/);
    }
    repo.write('staged.ipynb', nb);
    repo.git('add', 'staged.ipynb');
    const staged = parse((await scan(repo.dir, '--staged', '--format', 'json')).stdout);
    assert.match(JSON.stringify(staged.findings.find((x) => x.file === 'staged.ipynb')), /"cell":\{"index":1/);
  });

  test('--staged in a repository without commits, and with nothing staged', async () => {
    const repo = new Repo();
    let r = await scan(repo.dir, '--staged');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /0 scanned/);
    repo.write('first.py', PLACEHOLDER_PY);
    repo.git('add', 'first.py');
    r = await scan(repo.dir, '--staged');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^first\.py:2:/);
  });

  test('--staged: names with spaces, newlines and non-UTF-8 bytes; binary, huge, deleted, submodule', async () => {
    const repo = new Repo();
    repo.commit({ 'gone.py': 'x = 1\n' }, 'init');
    const sub = new Repo();
    sub.commit({ 'a.txt': 'a\n' });
    repo.write('with space.py', PLACEHOLDER_PY);
    repo.write('new\nline.py', PLACEHOLDER_PY);
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x70, 0x79]); // "café.py" in Latin-1
    repo.write(latin1, PLACEHOLDER_PY);
    repo.write('blob.bin', Buffer.from([0, 1, 2, 0x42, 0x65, 0x61, 0x72, 0x65, 0x72]));
    repo.write('huge.py', PLACEHOLDER_PY + '#'.repeat(5000) + '\n');
    repo.git('add', '-A');
    repo.git('rm', '-q', 'gone.py');
    // A submodule entry (a gitlink): its content is another repository's commit.
    repo.git('update-index', '--add', '--cacheinfo', `160000,${sub.git('rev-parse', 'HEAD')},vendor/sub`);
    const r = await scan(repo.dir, '--staged', '--format', 'json', '--max-file-size', '4096');
    assert.equal(r.code, 1, r.stderr);
    const j = parse(r.stdout);
    const files = j.findings.map((f) => f.file).sort();
    // JSON keeps the byte that is not UTF-8 as a lone surrogate (lossless), not U+FFFD.
    assert.deepEqual(files, ['caf\uDCE9.py', 'new\nline.py', 'with space.py']);
    assert.deepEqual(j.summary.skipped.map((s) => [s.file, s.reason]).sort(), [
      ['blob.bin', 'binary'],
      ['huge.py', 'too-large'],
      ['vendor/sub', 'submodule'],
    ]);
    // Human output quotes the control character, as git does.
    const h = await scan(repo.dir, '--staged');
    assert.match(h.stdout, /^"new\\nline\.py":2:/m);
    // And the human output prints it in octal, as git does.
    assert.match(h.stdout, /^"caf\\351\.py":2:/m);
  });

  test('--staged with paths limits the check to them', async () => {
    const repo = new Repo();
    repo.commit({ 'README.md': '# x\n' }, 'init');
    repo.write('a/one.py', PLACEHOLDER_PY);
    repo.write('b/two.py', PLACEHOLDER_PY);
    repo.git('add', '-A');
    const r = await scan(repo.dir, '--staged', '--format', 'json', 'b');
    assert.deepEqual(
      parse(r.stdout).findings.map((f) => f.file),
      ['b/two.py'],
    );
    // --ignore applies to the staged paths as to walked ones.
    const ignored = await scan(repo.dir, '--staged', '--format', 'json', '--ignore', 'b/');
    assert.deepEqual(
      parse(ignored.stdout).findings.map((f) => f.file),
      ['a/one.py'],
    );
    // From a subfolder, paths are relative to it, as in `git diff --relative`.
    const sub = await scan(path.join(repo.dir, 'a'), '--staged', '--format', 'json');
    assert.deepEqual(
      parse(sub.stdout).findings.map((f) => f.file),
      ['one.py'],
    );
  });

  test('--since REF judges only the files changed since REF (committed, staged, unstaged, new)', async () => {
    const repo = new Repo();
    const base = repo.commit({ 'old.py': PLACEHOLDER_PY, 'keep.py': 'import os\n' }, 'base');
    repo.commit({ 'committed.py': PLACEHOLDER_PY }, 'later');
    repo.write('keep.py', PLACEHOLDER_PY); // modified, not staged
    repo.write('new file.py', PLACEHOLDER_PY); // untracked
    repo.write('ignored.py', PLACEHOLDER_PY);
    repo.write('.gitignore', 'ignored.py\n');
    const r = await scan(repo.dir, '--since', base, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      parse(r.stdout)
        .findings.map((f) => f.file)
        .sort(),
      ['committed.py', 'keep.py', 'new file.py'],
    );
    const bad = await scan(repo.dir, '--since', 'no-such-ref');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown revision "no-such-ref"/);
  });

  test('--history: a token introduced then removed is reported once, with the commit that added it', async () => {
    const repo = new Repo();
    const token = fakeToken();
    repo.commit({ 'app.py': 'import os\n' }, 'init');
    const added = repo.commit({ 'app.py': pyToken(token) }, 'add a token');
    // The same blob stays through many commits (other files change) and on another branch.
    for (let i = 0; i < 12; i++) repo.commit({ [`notes/${i}.txt`]: `note ${i}\n` }, `note ${i}`);
    repo.git('branch', 'copy');
    repo.commit({ 'app.py': 'import os\nh = os.environ["PHQ_API_TOKEN"]\n' }, 'remove it');
    const r = await scan(repo.dir, '--history', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const j = parse(r.stdout);
    assert.equal(j.findings.length, 1, r.stdout);
    const f = j.findings[0]!;
    assert.equal(f.file, 'app.py');
    assert.equal(f.ruleId, 'phq/hardcoded-token');
    assert.equal(f.commit, added);
    assert.equal(f.author, 'Ann Author');
    assert.match(f.date ?? '', /^2025-03-\d\dT12:00:00/);
    assert.equal(f.inHead, false);
    assert.ok(!r.stdout.includes(token), 'the token value never appears');
    // Unique blobs: app.py x3 versions, 12 notes; each judged once.
    assert.equal(j.git?.blobs, 15);
    assert.equal(j.summary.scanned, 15);
    // --ignore skips blobs by their path.
    assert.equal(
      parse((await scan(repo.dir, '--history', '--format', 'json', '--ignore', 'notes/')).stdout).git?.blobs,
      3,
    );
    const h = await scan(repo.dir, '--history');
    assert.match(h.stderr, /1 finding in 1 file, 15 blobs scanned/);
    assert.match(h.stdout, new RegExp(`added in ${added.slice(0, 10)} on 2025-03-\\d\\d by Ann Author, removed since`));
    assert.ok(!h.stdout.includes(token) && !h.stderr.includes(token));
  });

  test('--history: one blob at several paths is reported at each; "still in HEAD" only where it is', async () => {
    const repo = new Repo();
    const token = fakeToken();
    const added = repo.commit({ 'a.py': pyToken(token), 'b.py': pyToken(token) }, 'same file twice');
    repo.git('rm', '-q', 'a.py');
    repo.git('commit', '-q', '-m', 'remove a.py');
    // Copied later to a third path: that commit brought it there.
    const copied = repo.commit({ 'lib/c.py': pyToken(token) }, 'copy');
    repo.git('rm', '-q', 'lib/c.py');
    repo.git('commit', '-q', '-m', 'remove c.py');
    const r = await scan(repo.dir, '--history', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const rows = parse(r.stdout)
      .findings.map((f) => [f.file, f.commit, f.inHead])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    assert.deepEqual(rows, [
      ['a.py', added, false],
      ['b.py', added, true],
      ['lib/c.py', copied, false],
    ]);
    const h = await scan(repo.dir, '--history');
    const still = h.stdout.split('\n').filter((l) => /still in HEAD/.test(l));
    assert.equal(still.length, 1, h.stdout);
    assert.match(still[0]!, /^b\.py:2:/);
  });

  test('--history: a token still in HEAD, edits around it, and a range / --since', async () => {
    const repo = new Repo();
    const token = fakeToken();
    const first = repo.commit({ 'cfg/settings.py': `# v1\nTOKEN = "${token}"\n` }, 'add');
    // Edits elsewhere in the file make new blobs holding the same token: still one finding.
    for (let i = 2; i < 6; i++) repo.commit({ 'cfg/settings.py': `# v${i}\nTOKEN = "${token}"\n` }, `edit ${i}`);
    const mid = repo.git('rev-parse', 'HEAD');
    repo.commit({ 'later.py': PLACEHOLDER_PY }, 'placeholder');
    let j = parse((await scan(repo.dir, '--history', '--format', 'json')).stdout);
    const tok = j.findings.filter((f) => f.ruleId === 'phq/hardcoded-token');
    assert.equal(tok.length, 1, JSON.stringify(j.findings));
    assert.equal(tok[0]!.commit, first);
    assert.equal(tok[0]!.inHead, true);
    assert.ok(j.findings.some((f) => f.file === 'later.py' && f.ruleId === 'phq/placeholder'));
    // Only the commits after `mid`.
    j = parse((await scan(repo.dir, '--history', '--since', mid, '--format', 'json')).stdout);
    assert.deepEqual(
      j.findings.map((f) => f.file),
      ['later.py'],
    );
    j = parse((await scan(repo.dir, '--history', `${first}..${mid}`, '--format', 'json')).stdout);
    assert.deepEqual(
      j.findings.map((f) => f.ruleId),
      ['phq/hardcoded-token'],
    );
    const bad = await scan(repo.dir, '--history', 'nope..main');
    assert.equal(bad.code, 2);
  });

  test('--history --known-tokens: your own token by fingerprint, named', async () => {
    const repo = new Repo();
    const token = fakeToken();
    const added = repo.commit({ 'deploy.py': pyToken(token) }, 'ci');
    repo.commit({ 'deploy.py': 'import os\n' }, 'fix');
    const fp = 'sha256:' + createHash('sha256').update(`phq-token-v1\0${token}`).digest('hex');
    const known = path.join(tmp('phq-known-'), 'known.json');
    writeFileSync(known, JSON.stringify([{ id: 'tok_1', name: 'CI deploy', fingerprint: fp }]));
    const r = await scan(repo.dir, '--history', '--known-tokens', known, '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    const f = parse(r.stdout).findings;
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.commit]),
      [['phq/known-token', added]],
    );
    assert.match(f[0]!.message, /CI deploy/);
    writeFileSync(known, '[{"name": "x"}]');
    assert.equal((await scan(repo.dir, '--history', '--known-tokens', known)).code, 2);
  });

  test('--history SARIF: versionControlProvenance, the commit per result, valid against the schema', async () => {
    const repo = new Repo();
    const added = repo.commit({ 'a.py': pyToken(fakeToken()) }, 'add');
    repo.commit({ 'a.py': 'x = 1\n' }, 'fix');
    repo.git('remote', 'add', 'origin', 'https://example.invalid/acme/app.git');
    const r = await scan(repo.dir, '--history', '--format', 'sarif');
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as {
      runs: {
        versionControlProvenance: { repositoryUri: string; revisionId: string; branch: string }[];
        results: { properties: { commit: string; inHead: boolean }; partialFingerprints: Record<string, string> }[];
      }[];
    };
    const run0 = log.runs[0]!;
    assert.deepEqual(run0.versionControlProvenance, [
      {
        repositoryUri: 'https://example.invalid/acme/app.git',
        revisionId: repo.git('rev-parse', 'HEAD'),
        branch: 'main',
        mappedTo: { uriBaseId: '%SRCROOT%' },
      },
    ]);
    assert.equal(run0.results[0]!.properties.commit, added);
    assert.equal(run0.results[0]!.properties.inHead, false);
    assert.ok(run0.results[0]!.partialFingerprints['phqFinding/v1']);
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors));
  });

  test('--history: a blob git cannot read is reported and the scan goes on (exit 2)', async () => {
    const repo = new Repo();
    repo.commit({ 'good.py': PLACEHOLDER_PY }, 'good');
    repo.commit({ 'bad.py': 'x = "damaged"\n' }, 'bad');
    const oid = repo.git('rev-parse', 'HEAD:bad.py');
    const loose = path.join(repo.dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
    chmodSync(loose, 0o644);
    writeFileSync(loose, Buffer.from('not zlib at all'));
    const r = await scan(repo.dir, '--history', '--format', 'json');
    assert.equal(r.code, 2, r.stderr);
    const j = parse(r.stdout);
    assert.deepEqual(
      j.findings.map((f) => f.file),
      ['good.py'],
    );
    assert.equal(j.summary.errors.length, 1);
    assert.match(j.summary.errors[0]!.file, new RegExp(`bad\\.py \\(blob ${oid.slice(0, 12)}\\)`));
    assert.match(r.stderr, /cannot read bad\.py/);
  });

  test('--history in a shallow clone: scans what is there and says what is not', async () => {
    const origin = new Repo();
    origin.commit({ 'old.py': pyToken(fakeToken()) }, 'old');
    origin.commit({ 'old.py': 'x = 1\n', 'new.py': PLACEHOLDER_PY }, 'new');
    const clone = path.join(tmp('phq-shallow-'), 'c');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin.dir}`, clone]);
    const r = await scan(clone, '--history', '--format', 'json');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /shallow clone/);
    const j = parse(r.stdout);
    assert.equal(j.git?.shallow, true);
    assert.deepEqual(
      j.findings.map((f) => f.file),
      ['new.py'],
    );
  });

  test('option combinations that mean nothing are usage errors', async () => {
    const repo = new Repo();
    repo.commit({ 'a.py': 'x\n' });
    for (const args of [
      ['--staged', '--history'],
      ['--staged', '--since', 'HEAD'],
      ['--history', 'HEAD~1..HEAD', '--since', 'HEAD'],
    ]) {
      const r = await scan(repo.dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
    }
  });
});

suite('.pre-commit-hooks.yaml (the hook entry on a staged file)', function () {
  this.timeout(60_000);
  suiteSetup(() => buildCli());

  const root = path.resolve(__dirname, '..', '..', '..');
  const hooks = readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8');

  /** The `entry` of hook `id`, as pre-commit reads it (a command line split on spaces). */
  function entryOf(id: string): string[] {
    const block = hooks.split(/^- /m).find((b) => new RegExp(`^id: ${id}$`, 'm').test(b));
    const entry = block && /^\s*entry: (.+)$/m.exec(block)?.[1];
    assert.ok(entry, `hook ${id} has an entry`);
    return entry.trim().split(/\s+/);
  }

  test('phq-tokens-staged: language script (the committed bundle), blocks a commit whose index has a placeholder', async () => {
    assert.match(hooks, /^ {2}language: script$/m);
    const [cmd, ...args] = entryOf('phq-tokens-staged');
    assert.equal(cmd, 'bundled/phq-tokens-scan.cjs');
    // As pre-commit runs a script hook: the entry's path inside the hook repository.
    const bin = path.join(root, cmd!);
    const repo = new Repo();
    repo.commit({ 'README.md': '# x\n' }, 'init');
    repo.write('app.py', PLACEHOLDER_PY);
    repo.git('add', 'app.py');
    const env = baseEnv();
    let r = spawnSync(bin, args, { cwd: repo.dir, env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^app\.py:2:31 {2}error/);
    repo.write('app.py', 'import os\n');
    repo.git('add', 'app.py');
    r = spawnSync(bin, args, { cwd: repo.dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // The hook that takes file names (pre-commit run --all-files) scans what it is given.
    const [cmd2, ...args2] = entryOf('phq-tokens');
    repo.write('other.py', PLACEHOLDER_PY);
    r = spawnSync(path.join(root, cmd2!), [...args2, 'other.py'], { cwd: repo.dir, env, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
  });

  test('every entry ends option parsing (--): a file named --fail-on=none stays a file name', () => {
    for (const id of ['phq-tokens-staged', 'phq-tokens']) assert.equal(entryOf(id).at(-1), '--', id);
    const repo = new Repo();
    repo.write('--fail-on=none', 'not an option\n');
    repo.write('bad.py', PLACEHOLDER_PY);
    const [cmd, ...args] = entryOf('phq-tokens');
    const r = spawnSync(path.join(root, cmd!), [...args, '--fail-on=none', 'bad.py'], {
      cwd: repo.dir,
      env: baseEnv(),
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
  });
});
