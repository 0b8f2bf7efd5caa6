// The README's Install section, line by line. The shell lines for the CLI and the language
// server run as written (npm's global prefix pointed at an empty folder, in a folder whose
// dist/release/ holds the tarballs `npm run package` makes); the VS Code line runs in the
// .vsix check against code-server (extensions/vscode/scripts/check-vsix.mjs) and the
// pre-commit block in the real pre-commit test (pre-commit.integration.test.ts); the Action's
// block is checked against action.yml.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildCli, tmp } from './helpers';
import { installBlock, installBlocks, repoRoot } from './readme-install';

const rootPkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  scripts: Record<string, string>;
};

/** A shell glob with `*` only, as a regular expression for one file name. */
const globRe = (g: string) => new RegExp(`^${g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

suite("README: the Install section's lines", function () {
  this.timeout(120_000);
  let cwd = '';
  let prefix = '';
  const env = () => ({
    PATH: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: path.join(prefix, 'home'),
    npm_config_prefix: prefix, // `npm install -g` into an empty folder, not the machine's
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
  const sh = (line: string) => spawnSync('sh', ['-c', line], { cwd, env: env(), encoding: 'utf8' });

  suiteSetup(() => {
    buildCli();
    // What `npm run package` leaves in a clone: the npm tarballs in dist/release/ (the
    // server bundle is built by the workspace build that ran before the suites).
    cwd = tmp('phq-install-');
    prefix = tmp('phq-install-prefix-');
    mkdirSync(path.join(prefix, 'home'));
    const r = spawnSync(
      process.execPath,
      [
        path.join(repoRoot, 'scripts', 'package.mjs'),
        '--no-build',
        '--only',
        'cli,server',
        '--out',
        path.join(cwd, 'dist', 'release'),
      ],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });

  test('one block per kind of user, the release build first', () => {
    assert.deepEqual(
      installBlocks().map((b) => b.label),
      ['', 'VS Code', 'Terminal and CI', 'pre-commit', 'GitHub Actions', 'Other editors'],
    );
    assert.deepEqual(installBlocks()[0]!.lines, ['npm run package']);
    assert.equal(rootPkg.scripts.package, 'node scripts/package.mjs');
  });

  test('VS Code: the line names the .vsix npm run package writes (check-vsix runs it)', () => {
    const [line, ...rest] = installBlock('VS Code').lines;
    assert.deepEqual(rest, []);
    const m = /^code --install-extension dist\/release\/(\S+)$/.exec(line!);
    assert.ok(m, line);
    assert.match(`predicthq-tokens-vscode-${rootPkg.version}.vsix`, globRe(m[1]!));
  });

  test('Terminal and CI: the CLI installs from its tarball and scans', () => {
    const lines = installBlock('Terminal and CI').lines;
    assert.match(lines[0]!, /^npm install -g \.\/dist\/release\//);
    for (const line of lines) {
      const r = sh(line);
      assert.equal(r.status, 0, `${line}\n${r.stdout}\n${r.stderr}`);
    }
    const v = sh('phq-tokens --version');
    assert.equal(v.stdout.trim(), rootPkg.version);
  });

  test('Other editors: the language server installs from its tarball and answers --version', () => {
    const lines = installBlock('Other editors').lines;
    assert.match(lines[0]!, /^npm install -g \.\/dist\/release\//);
    let last = '';
    for (const line of lines) {
      const r = sh(line);
      assert.equal(r.status, 0, `${line}\n${r.stdout}\n${r.stderr}`);
      last = r.stdout.trim();
    }
    assert.equal(last, rootPkg.version);
  });

  test('pre-commit: the hook ids exist in .pre-commit-hooks.yaml (the pre-commit test runs the block)', () => {
    const manifest = readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    const ids = [...installBlock('pre-commit').body.matchAll(/- id: (\S+)/g)].map((m) => m[1]!);
    assert.ok(ids.length > 0);
    for (const id of ids) assert.match(manifest, new RegExp(`^- id: ${id}$`, 'm'));
  });

  test("GitHub Actions: every input the block sets is one of action.yml's; the checkout fetches history", () => {
    const action = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
    const inputs = action.slice(action.indexOf('\ninputs:\n'), action.indexOf('\noutputs:\n'));
    const known = [...inputs.matchAll(/^ {2}([\w-]+):$/gm)].map((m) => m[1]);
    const block = installBlock('GitHub Actions').body;
    const ours = block.slice(block.indexOf('@<commit>'));
    const set = [...ours.matchAll(/^ {4}([\w-]+):/gm)].map((m) => m[1]);
    assert.ok(set.length > 0);
    for (const k of set) assert.ok(known.includes(k), `${k} is not an input of action.yml (${known.join(', ')})`);
    assert.match(block, /fetch-depth: 0/);
  });
});
