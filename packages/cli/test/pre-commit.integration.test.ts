// The pre-commit hooks (.pre-commit-hooks.yaml) with the real pre-commit framework: a
// repository whose .pre-commit-config.yaml names a clone of this repository as `repo:` at a
// `rev:`, as the README's Install section writes it (docs/scan.md, "As a pre-commit hook"). Debian 12's pre-commit
// 3.0.4 is what `.ci/run` installs; the test says so and skips when no pre-commit is on PATH.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pkgDir, tmp } from './helpers';
import { installBlock } from './readme-install';

const repoRoot = path.resolve(pkgDir, '..', '..');
const PLACEHOLDER_PY = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n';
const CLEAN_PY = 'import os\nh = {"Authorization": f"Bearer {os.environ[\'API_TOKEN\']}"}\n';
const SHELL_OK = '#!/bin/sh\ncurl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/\n';

interface Ran {
  code: number | null;
  out: string;
}

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Ran {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function preCommitVersion(): string | undefined {
  const r = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

suite('pre-commit hooks from a clone of this repository (real pre-commit)', function () {
  this.timeout(120_000);
  const version = preCommitVersion();
  const home = tmp('phq-pc-home-');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    PRE_COMMIT_HOME: path.join(home, 'cache'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Ann Author',
    GIT_AUTHOR_EMAIL: 'ann@example.invalid',
    GIT_COMMITTER_NAME: 'Ann Author',
    GIT_COMMITTER_EMAIL: 'ann@example.invalid',
  };
  const git = (cwd: string, ...args: string[]): Ran => sh('git', args, cwd, env);
  let user = '';

  suiteSetup(function () {
    if (!version) {
      console.log('    (skipped: no `pre-commit` on PATH; `apt-get install pre-commit`, as .ci/run does)');
      this.skip();
    }
    console.log(`    ${version}`);
    // The hook repository: a clone of this one, with the working tree's hook manifest and
    // committed bundles (the same as HEAD's on CI; maybe newer while editing).
    const hooks = tmp('phq-pc-hooks-');
    assert.equal(git(hooks, 'clone', '-q', '--shared', repoRoot, '.').code, 0);
    cpSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), path.join(hooks, '.pre-commit-hooks.yaml'));
    cpSync(path.join(repoRoot, 'bundled'), path.join(hooks, 'bundled'), { recursive: true });
    git(hooks, 'add', '-A');
    git(hooks, 'commit', '-q', '-m', "the working tree's hooks");
    const rev = git(hooks, 'rev-parse', 'HEAD').out.trim();

    user = tmp('phq-pc-user-');
    git(user, 'init', '-q', '-b', 'main');
    // The README's Install block as written, with this clone and commit as repo and rev, and
    // the files hook added (for `pre-commit run --all-files` below).
    let config = installBlock('pre-commit')
      .body.replace(/^( {2}- repo: ).*$/m, `$1${hooks}`)
      .replace(/^( {4}rev: ).*$/m, `$1${rev}`);
    if (!/- id: phq-tokens$/m.test(config)) config += '      - id: phq-tokens\n';
    assert.match(config, new RegExp(`repo: ${hooks}\n {4}rev: ${rev}\n`));
    writeFileSync(path.join(user, '.pre-commit-config.yaml'), config);
    const install = sh('pre-commit', ['install'], user, env);
    assert.equal(install.code, 0, install.out);
    git(user, 'add', '.pre-commit-config.yaml');
    // The first run clones the hook repository into PRE_COMMIT_HOME: nothing is installed or built.
    const first = git(user, 'commit', '-q', '-m', 'config');
    assert.equal(first.code, 0, first.out);
    assert.ok(!existsSync(path.join(env.PRE_COMMIT_HOME!, 'node_modules')));
  });

  test('a commit holding a Python "Bearer $API_TOKEN" is blocked', () => {
    writeFileSync(path.join(user, 'app.py'), PLACEHOLDER_PY);
    git(user, 'add', 'app.py');
    const r = git(user, 'commit', '-m', 'placeholder');
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /app\.py:2:/);
    assert.match(r.out, /PredictHQ token placeholders and secrets \(staged content\)\.*Failed/);
    assert.match(git(user, 'log', '--oneline').out, /^\S+ config\n$/, 'the commit was made');
  });

  test('a clean commit passes (the placeholder fixed, a shell "$API_TOKEN" that the shell expands)', () => {
    writeFileSync(path.join(user, 'app.py'), CLEAN_PY);
    writeFileSync(path.join(user, 'call.sh'), SHELL_OK);
    git(user, 'add', 'app.py', 'call.sh');
    const r = git(user, 'commit', '-m', 'clean');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /\(staged content\)\.*Passed/);
    assert.match(r.out, /\(files\)\.*Passed/);
  });

  test('files named like options (--fail-on=none, --ignore=*.py) cannot switch the files hook off', () => {
    writeFileSync(path.join(user, '--fail-on=none'), 'not an option\n');
    writeFileSync(path.join(user, '--ignore=*.py'), 'not an option\n');
    writeFileSync(path.join(user, 'late.py'), PLACEHOLDER_PY);
    git(user, 'add', '-A');
    assert.equal(git(user, 'commit', '-q', '--no-verify', '-m', 'option-named files').code, 0);
    const r = sh('pre-commit', ['run', 'phq-tokens', '--all-files'], user, env);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /late\.py:2:/);
  });
});
