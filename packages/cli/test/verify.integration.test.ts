// verify: the value from --stdin or PHQ_API_TOKEN, the result on stdout, the exit code.
import assert from 'node:assert/strict';
import { CliHarness, run } from './helpers';

suite('phq-tokens verify (e2e)', () => {
  const h = new CliHarness();
  let events: string;
  let featuresOnly: string;
  suiteSetup(async () => {
    await h.start();
    const cred = h.account();
    events = h.emu.state.createToken(cred, { name: 'Events', scopes: ['events'] }).token;
    featuresOnly = h.emu.state.createToken(cred, { name: 'Features', scopes: ['features'] }).token;
  });
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  const env = (extra: Record<string, string> = {}) => h.env('', { PHQ_MANAGEMENT_TOKEN: undefined, ...extra });

  test('from PHQ_API_TOKEN: valid is exit 0', async () => {
    const r = await run(['verify'], { env: env({ PHQ_API_TOKEN: events }) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^valid/);
  });

  test('from --stdin, with --json', async () => {
    const r = await run(['verify', '--stdin', '--json'], { env: env(), input: `${events}\n` });
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), { status: 'valid' });
  });

  test('a token without the events scope: missing scope, exit 3', async () => {
    const r = await run(['verify', '--stdin'], { env: env(), input: featuresOnly });
    assert.equal(r.code, 3);
    assert.match(r.stdout, /missing scope: .*"events"/);
  });

  test('an unknown token: invalid, exit 3', async () => {
    const r = await run(['verify'], { env: env({ PHQ_API_TOKEN: 'B'.repeat(43) }) });
    assert.equal(r.code, 3);
    assert.match(r.stdout, /^invalid/);
  });

  test('the API failing after retries: exit 5', async () => {
    h.emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 503 });
    const r = await run(['verify'], { env: env({ PHQ_API_TOKEN: events }) });
    assert.equal(r.code, 5);
    assert.match(r.stdout, /^error: could not verify/);
  });

  test('--stdin with nothing piped is a usage error', async () => {
    const r = await run(['verify', '--stdin'], { env: env(), input: '' });
    assert.equal(r.code, 2);
  });
});
