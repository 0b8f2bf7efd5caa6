// The GitHub Action (action.yml) run as a runner runs it: `node bundled/action.cjs` (the
// committed entry action.yml names) with the INPUT_* and GITHUB_* variables a runner sets,
// in a real git repository with a pull request's base and head.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { annotations } from '../src/github-action/annotations';
import { pkgDir, tmp } from './helpers';

const repoRoot = path.resolve(pkgDir, '..', '..');
const PLACEHOLDER_PY = 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n';
const SHELL_OK = 'curl -H "Authorization: Bearer $API_TOKEN" "$URL"\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
      GIT_AUTHOR_NAME: 'Ann',
      GIT_AUTHOR_EMAIL: 'ann@example.invalid',
      GIT_COMMITTER_NAME: 'Ann',
      GIT_COMMITTER_EMAIL: 'ann@example.invalid',
    },
  }).trim();
}

/** A repository with a base commit (an old placeholder) and a pull request's head (a new one). */
function pullRequestRepo(): { dir: string; base: string } {
  const dir = tmp('phq-action-ws-');
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(dir, 'old.py'), PLACEHOLDER_PY);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(path.join(dir, 'new.py'), `# added by the pull request\n${PLACEHOLDER_PY}`);
  writeFileSync(path.join(dir, 'call.sh'), SHELL_OK);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'head');
  return { dir, base };
}

/** Runs the action's entry as the runner does: `node <main>` with the runner's variables. */
function runAction(workspace: string, event: string, payload: unknown, inputs: Record<string, string>) {
  const runner = tmp('phq-action-runner-');
  const eventPath = path.join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  const output = path.join(runner, 'output');
  writeFileSync(output, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runner,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: output,
    GITHUB_REPOSITORY: 'example/app',
    RUNNER_TEMP: runner,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const action = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
  const main = /^ {2}main: (\S+)$/m.exec(action)?.[1];
  assert.ok(main, 'action.yml names its main');
  assert.match(action, /^ {2}using: node20$/m);
  const r = spawnSync(process.execPath, [path.join(repoRoot, main)], { cwd: workspace, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: readFileSync(output, 'utf8') };
}

const DEFAULTS = { paths: '.', 'fail-on': 'error', 'sarif-file': 'phq-tokens.sarif', since: 'auto' };

suite('GitHub Action: its entry with a runner environment', function () {
  this.timeout(60_000);

  test('pull_request: only the pull request changes are judged, as annotations, with SARIF; exit 1', () => {
    const { dir, base } = pullRequestRepo();
    const r = runAction(dir, 'pull_request', { pull_request: { base: { sha: base } } }, DEFAULTS);
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, new RegExp(`--since ${base}`));
    assert.match(r.stdout, /^::error file=new\.py,line=3,col=\d+,endLine=3,endColumn=\d+,title=[\w/-]+::.+$/m);
    assert.doesNotMatch(r.stdout, /file=old\.py/, 'the base commit is not the pull request');
    assert.doesNotMatch(r.stdout, /file=call\.sh/, 'a shell expands "$API_TOKEN"');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'phq-tokens.sarif'), 'utf8')) as {
      version: string;
      runs: { results: unknown[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0]!.results.length, 1);
    assert.match(r.output, /^findings=1$/m);
    assert.match(r.output, /^sarif-file=phq-tokens\.sarif$/m);
  });

  test('push: every file is judged; fail-on none reports and passes; no SARIF when sarif-file is empty', () => {
    const { dir } = pullRequestRepo();
    const r = runAction(dir, 'push', {}, { ...DEFAULTS, 'fail-on': 'none', 'sarif-file': '' });
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^::error file=new\.py,/m);
    assert.match(r.stdout, /^::error file=old\.py,/m);
    assert.ok(!existsSync(path.join(dir, 'phq-tokens.sarif')));
    assert.match(r.output, /^findings=2$/m);
  });

  test('a paths input names folders, one per line', () => {
    const { dir } = pullRequestRepo();
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(path.join(dir, 'src', 'x.py'), PLACEHOLDER_PY);
    const r = runAction(dir, 'push', {}, { ...DEFAULTS, paths: 'src\ncall.sh\n' });
    assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^::error file=src\/x\.py,/m);
    assert.doesNotMatch(r.stdout, /file=(old|new)\.py/);
  });

  test('a base commit that was not fetched: exit 2 and an annotation that says fetch-depth', () => {
    const { dir } = pullRequestRepo();
    const missing = 'f'.repeat(40);
    const r = runAction(dir, 'pull_request', { pull_request: { base: { sha: missing } } }, DEFAULTS);
    assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /^::error title=phq-tokens::.*fetch-depth: 0/m);
  });

  test('annotation text is escaped for the runner (%, newlines, commas and colons in properties)', () => {
    const lines = annotations({
      runs: [
        {
          results: [
            {
              ruleId: 'r',
              level: 'note',
              message: { text: '50% done\nnext' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'a,b:c.py' }, region: { startLine: 2 } } }],
            },
          ],
        },
      ],
    });
    assert.deepEqual(lines, ['::notice file=a%2Cb%3Ac.py,line=2,title=r::50%25 done%0Anext']);
  });
});
