// The language server package in another editor (docs/editors.md): the npm tarball
// `npm run package` makes, installed with `npm install -g` into an empty prefix, run by
// Debian's Neovim (0.7, `apt-get install neovim`; .ci/run installs it) through its built-in
// LSP client, headless. Skips, saying so, when no `nvim` is on PATH.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBundle } from '../support/bundle';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const tmp = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

/** The Lua block under "Neovim 0.7" in docs/editors.md. */
function neovim07Setup(): string {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
  const at = doc.indexOf('Neovim 0.7 (');
  assert.ok(at >= 0, 'docs/editors.md has a Neovim 0.7 set-up');
  const block = /```lua\n([\s\S]*?)```/.exec(doc.slice(at));
  assert.ok(block, 'a lua block follows it');
  return block[1]!;
}

interface Published {
  filetype: string;
  published: boolean;
  diagnostics: { code: string; line: number; message: string }[];
}

suite('Neovim (built-in LSP) against the installed language server package', function () {
  this.timeout(120_000);
  let bin = '';

  suiteSetup(function () {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (nvim.status !== 0) {
      console.log('    (skipped: no `nvim` on PATH; `apt-get install neovim`, as .ci/run does)');
      this.skip();
    }
    console.log(`    ${nvim.stdout.split('\n')[0]}`);
    ensureBundle();
    const out = tmp('phq-ls-pack-');
    const pack = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'package.mjs'), '--no-build', '--only', 'server', '--out', out],
      { encoding: 'utf8' },
    );
    assert.equal(pack.status, 0, `${pack.stdout}\n${pack.stderr}`);
    const tarball = path.join(out, `phq-tokens-language-server-${version}.tgz`);
    const prefix = tmp('phq-ls-prefix-');
    const t0 = Date.now();
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {
      cwd: out,
      encoding: 'utf8',
    });
    assert.equal(install.status, 0, install.stderr);
    console.log(
      `    ${path.basename(tarball)}: ${(readFileSync(tarball).length / 1024).toFixed(1)} KiB, installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    bin = path.join(prefix, 'bin', 'phq-tokens-language-server');
  });

  test('a Python "Bearer $API_TOKEN" is flagged; a shell "$API_TOKEN" is not', () => {
    const ws = tmp('phq-nvim-ws-');
    writeFileSync(path.join(ws, 'app.py'), 'import requests\nheaders = {"Authorization": "Bearer $API_TOKEN"}\n');
    writeFileSync(path.join(ws, 'call.sh'), 'curl -H "Authorization: Bearer $API_TOKEN" "$URL"\n');
    const outFile = path.join(ws, '..', `${path.basename(ws)}.json`);
    const home = tmp('phq-nvim-home-');
    // The set-up docs/editors.md gives for Neovim 0.7, as written, as the whole configuration.
    const init = path.join(home, 'init.lua');
    writeFileSync(init, neovim07Setup());
    const check = path.join(__dirname, '..', 'neovim', 'check.lua');
    const r = spawnSync('nvim', ['--headless', '-u', init, '-i', 'NONE', '-c', `luafile ${check}`], {
      cwd: ws,
      encoding: 'utf8',
      timeout: 90_000,
      // Nothing of the repository on PATH: the installed package's bin folder and the system's.
      env: {
        PATH: `${path.dirname(bin)}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: home,
        XDG_STATE_HOME: home,
        XDG_DATA_HOME: home,
        PHQ_OUT: outFile,
      },
    });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    const got = JSON.parse(readFileSync(outFile, 'utf8')) as { clients: number; files: Record<string, Published> };
    assert.equal(got.clients, 1, `one client for both buffers: ${JSON.stringify(got)}`);
    const py = got.files['app.py']!;
    const sh = got.files['call.sh']!;
    assert.equal(py.filetype, 'python');
    assert.equal(sh.filetype, 'sh');
    assert.ok(py.published && sh.published, JSON.stringify(got));
    assert.deepEqual(
      py.diagnostics.map((d) => [d.code, d.line]),
      [['phq/placeholder', 1]],
      JSON.stringify(py.diagnostics),
    );
    assert.deepEqual(sh.diagnostics, [], JSON.stringify(sh.diagnostics));
  });
});
