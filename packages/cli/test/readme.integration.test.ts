// The README's "The CLI in a terminal and in CI" lines, run as written against the emulator,
// so the README cannot drift from what works (a lesson learned: its `node packages/cli/dist/cli.js
// create ... --env-file .env` stopped at Node 20's own --env-file option).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { CliHarness, pkgDir, tmp } from './helpers';

const README = path.resolve(pkgDir, '..', '..', 'README.md');
const SECTION = '## The CLI in a terminal and in CI';

/** The shell lines of the section's first sh block, comments removed. */
function readmeCliLines(text: string): string[] {
  const start = text.indexOf(SECTION);
  assert.ok(start >= 0, `README.md has no "${SECTION}" section`);
  const end = text.indexOf('\n## ', start + SECTION.length);
  const section = text.slice(start, end < 0 ? undefined : end);
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'the section has no sh block');
  return block[1]!
    .split('\n')
    .map((l) => l.replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l !== '');
}

function sh(line: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], { cwd, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end();
  });
}

suite('README: the CLI lines work as written (e2e)', function () {
  this.timeout(60_000);
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('every line of "The CLI in a terminal and in CI" runs against the emulator', async function () {
    if (process.platform === 'win32') this.skip();
    const lines = readmeCliLines(readFileSync(README, 'utf8'));
    // A folder that looks like the repository root to the lines (packages/cli/dist is the
    // real, freshly built bin), so `.env`, `phq.sarif` and `scan .` stay out of the checkout.
    const cwd = tmp('phq-readme-');
    mkdirSync(path.join(cwd, 'packages', 'cli'), { recursive: true });
    symlinkSync(path.join(pkgDir, 'dist'), path.join(cwd, 'packages', 'cli', 'dist'));
    const env = h.env(h.account('README Org'));

    const ran: string[] = [];
    for (const line of lines) {
      // Started by this test instead (an emulator on an ephemeral port, in process).
      if (line === 'npm start -- --emulator-only') continue;
      if (line.startsWith('export ')) {
        // The values "as printed" are the test emulator's, already in the environment.
        assert.match(line, /^export PHQ_API_URL=\S+ PHQ_MANAGEMENT_TOKEN=\S+$/, line);
        continue;
      }
      const r = await sh(line, cwd, env);
      assert.equal(r.code, 0, `${line}\n${r.out}`);
      ran.push(line);
    }
    const commands = ran.map((l) => /cli\.js (\w+)/.exec(l)?.[1]);
    for (const c of ['list', 'create', 'rotate', 'scan']) assert.ok(commands.includes(c), `no "${c}" line ran`);

    // What the lines promise: the token in .env (and .env git-ignored), a SARIF log.
    assert.match(readFileSync(path.join(cwd, '.env'), 'utf8'), /^PHQ_API_TOKEN=[A-Za-z0-9_-]{43}\n$/);
    assert.match(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), /^\/\.env$/m);
    if (existsSync(path.join(cwd, 'phq.sarif')))
      assert.equal(
        (JSON.parse(readFileSync(path.join(cwd, 'phq.sarif'), 'utf8')) as { version: string }).version,
        '2.1.0',
      );
  });
});
