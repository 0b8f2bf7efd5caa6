// The repository config file (.phq-tokens.json) and the baseline, end to end through the built
// bin: files, --staged (what the pre-commit hooks run), --history. Token values are fake,
// token-shaped and made at run time.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { baseEnv, buildCli, run, tmp } from './helpers';

const fakeToken = (): string => ('FAKE' + randomBytes(30).toString('base64url').replace(/[-_]/g, 'x')).slice(0, 43);

/** The same policy the server and Scan Workspace tests use (docs/scan.md, "Repository config file"). */
export const CONFIG = {
  extraPatterns: ['\\{\\{team\\.phq_key\\}\\}'],
  ignore: ['legacy/'],
  severity: { 'phq/placeholder': 'warning' },
  envVarName: 'TEAM_PHQ_TOKEN',
};
const APP_PY =
  'import requests\nKEY = "{{team.phq_key}}"\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';
const LEGACY_PY = 'import requests\nrequests.get(url, headers={"Authorization": "Bearer $API_TOKEN"})\n';

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ann',
      GIT_AUTHOR_EMAIL: 'ann@example.invalid',
      GIT_COMMITTER_NAME: 'Ann',
      GIT_COMMITTER_EMAIL: 'ann@example.invalid',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: dir,
    },
  });
}

function repo(files: Record<string, string>): string {
  const dir = tmp('phq-config-');
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, files);
  return dir;
}

interface Row {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

const scan = (cwd: string, ...args: string[]) => run(['scan', ...args], { cwd, env: baseEnv() });

async function rows(cwd: string, ...args: string[]): Promise<{ code: number | null; rows: string[]; stderr: string }> {
  const r = await scan(cwd, '--format', 'json', ...args);
  assert.ok(r.stdout.startsWith('{'), r.stderr);
  const found = (JSON.parse(r.stdout) as { findings: Row[] }).findings;
  return {
    code: r.code,
    rows: found
      .map(
        (f) =>
          `${f.file}:${f.line} ${f.ruleId} ${f.severity}${f.message.includes('TEAM_PHQ_TOKEN') ? ' TEAM_PHQ_TOKEN' : ''}`,
      )
      .sort(),
    stderr: r.stderr,
  };
}

/** What the shared policy must produce, in every front end. */
export const WITH_CONFIG = [
  'app.py:2 phq/custom-placeholder error TEAM_PHQ_TOKEN',
  'app.py:3 phq/placeholder warning TEAM_PHQ_TOKEN',
];
const WITHOUT_CONFIG = ['app.py:3 phq/placeholder error', 'legacy/old.py:2 phq/placeholder error'];

suite('scan: repository config file and baseline', function () {
  this.timeout(60_000);
  suiteSetup(() => buildCli());

  test('the config file changes the result of a files scan, and of --staged (the pre-commit hook) the same way', async () => {
    const dir = repo({ '.phq-tokens.json': JSON.stringify(CONFIG), 'app.py': APP_PY, 'legacy/old.py': LEGACY_PY });
    assert.deepEqual((await rows(dir, '--no-config')).rows, WITHOUT_CONFIG);
    assert.deepEqual((await rows(dir)).rows, WITH_CONFIG);
    git(dir, 'add', '-A');
    assert.deepEqual((await rows(dir, '--staged', '--no-config')).rows, WITHOUT_CONFIG);
    assert.deepEqual((await rows(dir, '--staged')).rows, WITH_CONFIG);
    // The hook's own command line, human output: exit 1 on the custom placeholder (an error).
    const hook = await scan(dir, '--staged', '--fail-on', 'error');
    assert.equal(hook.code, 1);
    assert.doesNotMatch(hook.stdout, /legacy/);
    git(dir, 'commit', '-q', '-m', 'x');
    assert.deepEqual((await rows(dir, '--history')).rows, WITH_CONFIG);
  });

  test('found by walking up from the scanned path; --config names another', async () => {
    const dir = repo({ '.phq-tokens.json': JSON.stringify(CONFIG), 'sub/app.py': APP_PY });
    const r = await rows(path.join(dir, 'sub'), '.');
    assert.deepEqual(r.rows, WITH_CONFIG);
    const other = tmp('phq-other-');
    write(other, { 'app.py': APP_PY, 'cfg.json': JSON.stringify({ envVarName: 'OTHER_VAR' }) });
    const o = await scan(other, '--config', 'cfg.json');
    assert.match(o.stdout, /OTHER_VAR/);
  });

  test('precedence: a flag beats the file, the file beats the default', async () => {
    const dir = repo({
      '.phq-tokens.json': JSON.stringify({
        severity: { 'phq/placeholder': 'warning' },
        failOn: 'warning',
        envVarName: 'FILE_VAR',
      }),
      'app.py': LEGACY_PY,
    });
    const fromFile = await scan(dir);
    assert.equal(fromFile.code, 1, 'failOn "warning" from the file fails on the warning');
    assert.match(fromFile.stdout, /warning +phq\/placeholder .*FILE_VAR/);
    const flags = await scan(dir, '--fail-on', 'error', '--env-var', 'FLAG_VAR');
    assert.equal(flags.code, 0, '--fail-on error beats the file');
    assert.match(flags.stdout, /FLAG_VAR/);
    const none = await scan(dir, '--no-config');
    assert.equal(none.code, 1);
    assert.match(none.stdout, /error +phq\/placeholder .*PHQ_API_TOKEN/);
  });

  test('a malformed config file fails with its line named (exit 2), never an empty policy', async () => {
    const dir = repo({ 'app.py': LEGACY_PY });
    writeFileSync(
      path.join(dir, '.phq-tokens.json'),
      '{\n  "ignore": ["legacy/"],\n  "failOn": "warning"\n  "envVarName": "X"\n}\n',
    );
    const r = await scan(dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\.phq-tokens\.json:4:3: not valid JSON: CommaExpected/);
    assert.equal(r.stdout, '');
    writeFileSync(path.join(dir, '.phq-tokens.json'), '{\n  "ignore": ["legacy/"],\n  "failon": "warning"\n}\n');
    const s = await scan(dir, '--staged');
    assert.equal(s.code, 2);
    assert.match(s.stderr, /\.phq-tokens\.json:3:3: unknown key "failon"/);
  });

  test('baseline: written on a repository with findings, then only new findings fail; moves survive; no value is written', async () => {
    const t1 = fakeToken();
    const t2 = fakeToken();
    const dir = repo({
      'app.py': `import requests\nh = {"Authorization": "Bearer ${t1}"}\n`,
      'docs.py': LEGACY_PY,
      'cfg/settings.py': `import requests\nPHQ_API_TOKEN = "${t2}"\n`,
    });
    const before = await scan(dir);
    assert.equal(before.code, 1);
    const w = await scan(dir, '--write-baseline', '.phq-tokens-baseline.json');
    assert.equal(w.code, 0, w.stderr);
    assert.match(w.stderr, /wrote 3 baseline entries/);
    const text = readFileSync(path.join(dir, '.phq-tokens-baseline.json'), 'utf8');
    for (const v of [t1, t2]) {
      assert.equal(text.includes(v), false, 'a token value is in the baseline');
      assert.equal(text.includes(v.slice(0, 4) + '****'), false, 'a masked token is in the baseline');
      assert.equal(text.includes(v.slice(8, 20)), false, 'part of a token is in the baseline');
    }

    const known = await scan(dir, '--baseline', '.phq-tokens-baseline.json');
    assert.equal(known.code, 0, known.stdout + known.stderr);
    assert.equal(known.stdout, '');
    assert.match(known.stderr, /baseline: 3 known findings passed over/);

    // The baselined line moves down by 10 lines: still baselined.
    writeFileSync(
      path.join(dir, 'app.py'),
      `import requests\n${'\n'.repeat(10)}h = {"Authorization": "Bearer ${t1}"}\n`,
    );
    assert.equal((await scan(dir, '--baseline', '.phq-tokens-baseline.json')).code, 0);

    // A new finding fails the scan and is the only one named.
    const t3 = fakeToken();
    writeFileSync(path.join(dir, 'new.py'), `import requests\nh = {"Authorization": "Bearer ${t3}"}\n`);
    const fresh = await scan(dir, '--baseline', '.phq-tokens-baseline.json');
    assert.equal(fresh.code, 1);
    assert.deepEqual(
      fresh.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
      ['new.py:2:31'],
    );
    // Another token in place of a baselined one is new, too.
    rmSync(path.join(dir, 'new.py'));
    writeFileSync(path.join(dir, 'cfg/settings.py'), `import requests\nPHQ_API_TOKEN = "${t3}"\n`);
    const swapped = await scan(dir, '--baseline', '.phq-tokens-baseline.json');
    assert.equal(swapped.code, 1);
    assert.match(swapped.stdout, /^cfg\/settings\.py:2:/);
    assert.match(
      swapped.stderr,
      /1 entry no longer occurs[^\n]*\n {2}cfg\/settings\.py {2}phq\/hardcoded-token {2}a token/,
    );
  });

  test('the config file names the baseline: the hook (--staged), a files scan and --history use it without flags', async () => {
    const token = fakeToken();
    const dir = repo({
      '.phq-tokens.json': JSON.stringify({ baseline: '.phq-tokens-baseline.json' }),
      'app.py': `import requests\nh = {"Authorization": "Bearer ${token}"}\n`,
    });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'old token');
    const missing = await scan(dir, '--history');
    assert.equal(missing.code, 2, 'a baseline the config names must exist');
    assert.match(missing.stderr, /does not exist: write it with --write-baseline/);
    assert.equal((await scan(dir, '--history', '--no-baseline')).code, 1);
    // Written from a subfolder: paths are still relative to the config file's folder.
    mkdirSync(path.join(dir, 'sub'));
    const w = await scan(path.join(dir, 'sub'), '--write-baseline', '../.phq-tokens-baseline.json', '..');
    assert.equal(w.code, 0, w.stderr);
    assert.match(readFileSync(path.join(dir, '.phq-tokens-baseline.json'), 'utf8'), /"path": "app.py"/);
    assert.equal((await scan(dir)).code, 0);
    // The token is rotated and removed; history still holds it, and the baseline covers it.
    writeFileSync(path.join(dir, 'app.py'), 'import os\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'remove');
    const h = await scan(dir, '--history');
    assert.equal(h.code, 0, h.stdout + h.stderr);
    assert.match(h.stderr, /1 known finding passed over/);
    assert.equal((await scan(dir, '--history', '--no-baseline')).code, 1);
    // A new token staged for commit fails the hook, the baselined one does not count.
    writeFileSync(path.join(dir, 'app.py'), `import requests\nh = {"Authorization": "Bearer ${fakeToken()}"}\n`);
    git(dir, 'add', '-A');
    const staged = await scan(dir, '--staged', '--fail-on', 'error');
    assert.equal(staged.code, 1);
    assert.match(staged.stdout, /^app\.py:2:/);
  });
});
