// The CLI as a user gets it (docs/release.md): the npm tarball `npm run package` makes,
// installed with `npm install -g` into an empty prefix and run with nothing of this repository
// on PATH or NODE_PATH; and the committed bundles (bundled/) the hooks and the Action run,
// checked against a build of the current sources.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliHarness, buildCli, pkgDir, tmp } from './helpers';

const repoRoot = path.resolve(pkgDir, '..', '..');
const rootPkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };

/** `npm run package`'s npm step alone, into `out` (the bundles are built by the harness). */
export function packCli(out: string): string {
  const r = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts', 'package.mjs'), '--no-build', '--only', 'cli', '--out', out],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  return path.join(out, `phq-tokens-cli-${rootPkg.version}.tgz`);
}

/** A PATH with the prefix's bin and the system's, nothing of the repository. */
function userEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  const home = tmp('phq-rel-home-');
  return {
    PATH: `${path.join(prefix, 'bin')}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    ...extra,
  };
}

function run(cmd: string, args: string[], cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; stdout: string }>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env });
    let stdout = '';
    let out = '';
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (out += d.toString())));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, stdout }));
    child.stdin.end();
  });
}

suite('the CLI npm package, installed from its tarball into an empty prefix', function () {
  this.timeout(120_000);
  const h = new CliHarness();
  let prefix = '';
  let tarball = '';
  suiteSetup(async () => {
    await h.start(); // builds the bundles, starts the emulator on an ephemeral port
    tarball = packCli(tmp('phq-rel-out-'));
    prefix = tmp('phq-rel-prefix-');
    const t0 = Date.now();
    const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      cwd: tmp(),
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    assert.equal(r.status, 0, r.stderr);
    console.log(
      `    ${path.basename(tarball)}: ${(readFileSync(tarball).length / 1024).toFixed(1)} KiB, installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  });
  suiteTeardown(() => h.stop());

  test('the tarball: our name and the one version, a bin, README, LICENSE, engines, no dependencies', () => {
    const list = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').sort();
    for (const f of ['package/LICENSE', 'package/README.md', 'package/dist/cli.js', 'package/package.json'])
      assert.ok(list.includes(f), `${f} in ${list.join(', ')}`);
    const pkg = JSON.parse(
      spawnSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' }).stdout,
    ) as Record<string, unknown>;
    assert.equal(pkg.name, '@phq-tokens/cli');
    assert.equal(pkg.version, rootPkg.version);
    assert.deepEqual(pkg.bin, { 'phq-tokens': 'dist/cli.js' });
    assert.deepEqual(pkg.engines, { node: '>=20.19' });
    for (const k of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'])
      assert.equal(pkg[k], undefined, k);
    assert.doesNotMatch(JSON.stringify(pkg), /workspace:/);
  });

  test('phq-tokens --version prints the release version', async () => {
    const r = await run('phq-tokens', ['--version'], tmp(), userEnv(prefix));
    assert.equal(r.code, 0, r.out);
    assert.equal(r.stdout.trim(), rootPkg.version);
  });

  test('phq-tokens scan: a Python "Bearer $API_TOKEN" fails (exit 1), a shell "$API_TOKEN" does not', async () => {
    const dir = tmp('phq-rel-scan-');
    writeFileSync(path.join(dir, 'app.py'), 'import requests\nh = {"Authorization": "Bearer $API_TOKEN"}\n');
    writeFileSync(path.join(dir, 'call.sh'), 'curl -H "Authorization: Bearer $API_TOKEN" "$URL"\n');
    const r = await run('phq-tokens', ['scan', '.'], dir, userEnv(prefix));
    assert.equal(r.code, 1, r.out);
    assert.match(r.stdout, /^app\.py:2:/m);
    assert.doesNotMatch(r.stdout, /call\.sh/);
  });

  test('phq-tokens verify against the emulator: valid (exit 0), an unknown token invalid (exit 3)', async () => {
    const token = h.emu.state.createToken(h.account(), { name: 'Release', scopes: ['events'] }).token;
    const env = userEnv(prefix, { PHQ_API_URL: h.emu.url, PHQ_API_TOKEN: token });
    let r = await run('phq-tokens', ['verify'], tmp(), env);
    assert.equal(r.code, 0, r.out);
    assert.match(r.stdout, /^valid/);
    r = await run('phq-tokens', ['verify'], tmp(), { ...env, PHQ_API_TOKEN: 'B'.repeat(43) });
    assert.equal(r.code, 3, r.out);
  });
});

suite('the committed bundles (bundled/) match a build of the current sources', function () {
  this.timeout(60_000);
  test('bundled/phq-tokens-scan.cjs and bundled/action.cjs are up to date', async () => {
    buildCli();
    const { buildBundles } = (await import(path.join(repoRoot, 'scripts', 'package-bundles.mjs'))) as {
      buildBundles: () => Promise<Record<string, Buffer>>;
    };
    const stale: string[] = [];
    for (const [name, bytes] of Object.entries(await buildBundles()))
      if (!readFileSync(path.join(repoRoot, 'bundled', name)).equals(bytes)) stale.push(`bundled/${name}`);
    assert.deepEqual(
      stale,
      [],
      `${stale.join(', ')} differ from the sources: run \`node scripts/package-bundles.mjs\` (or \`npm run package\`) and commit bundled/`,
    );
  });
});

suite('one version, one changelog entry for it', () => {
  test('CHANGELOG.md (and the extension changelog the .vsix shows) has a section for the root version', () => {
    for (const f of ['CHANGELOG.md', 'extensions/vscode/CHANGELOG.md'])
      assert.match(
        readFileSync(path.join(repoRoot, f), 'utf8'),
        new RegExp(`^## ${rootPkg.version.replace(/\./g, '\\.')}$`, 'm'),
        f,
      );
  });

  test('the shipping workspace packages carry no release version of their own', () => {
    for (const dir of ['packages/cli', 'packages/server', 'extensions/vscode']) {
      const pkg = JSON.parse(readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8')) as { version: string };
      assert.equal(pkg.version, '0.0.0-dev', `${dir}/package.json: the release version is the root package.json's`);
    }
  });
});
