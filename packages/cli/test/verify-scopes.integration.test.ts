// verify --scopes against the public-only emulator (like api.predicthq.com, no management
// API): the probed scopes as a table and as JSON, the exit codes, and no value in any output.
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';
import { baseEnv, buildCli, run } from './helpers';

suite('phq-tokens verify --scopes (e2e, public-only API)', () => {
  let emu: RunningEmulator;
  const value = (name: string) => emu.publicTokens.find((t) => t.name === name)!.value;
  const env = (extra: Record<string, string> = {}) =>
    baseEnv({ PHQ_API_URL: emu.url, PHQ_TOKENS_RETRY_BASE_MS: '1', PHQ_TOKENS_RETRY_JITTER_MS: '0', ...extra });
  suiteSetup(async () => {
    buildCli();
    emu = await startEmulator({ publicOnly: true });
  });
  suiteTeardown(() => emu.close());
  teardown(() => emu.faults.clear());

  test('a token with some scopes: a table of every family, exit 0, the value never printed', async () => {
    const v = value('Demand Forecasting | Model Training');
    const r = await run(['verify', '--scopes', '--stdin'], { env: env(), input: `"${v}"\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^valid/);
    assert.match(r.stdout, /^events\s+no \(403\)\s+403\s+GET \/v1\/events\/$/m);
    assert.match(r.stdout, /^features\s+yes \*\s+400\s+POST \/v1\/features\/$/m);
    assert.match(r.stdout, /^places\s+yes\s+200\s+GET \/v1\/places$/m);
    assert.match(r.stdout, /likely, not documented/);
    assert.ok(!r.stdout.includes(v) && !r.stderr.includes(v));
  });

  test('--json carries each family with its state and status', async () => {
    const r = await run(['verify', '--scopes', '--json'], { env: env({ PHQ_API_TOKEN: value('Events Script') }) });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { status: string; families: { scope: string; state: string }[] };
    assert.equal(out.status, 'valid');
    assert.deepEqual(
      out.families.filter((f) => f.state === 'granted').map((f) => f.scope),
      ['events'],
    );
    assert.equal(out.families.length, 11);
  });

  test('revoked: invalid, exit 3; expired subscription: warning, exit 1; API down: exit 5', async () => {
    const revoked = await run(['verify', '--scopes'], { env: env({ PHQ_API_TOKEN: value('Old Laptop') }) });
    assert.equal(revoked.code, 3);
    assert.match(revoked.stdout, /^invalid/);
    const lapsed = await run(['verify', '--scopes'], { env: env({ PHQ_API_TOKEN: value('Lapsed Trial') }) });
    assert.equal(lapsed.code, 1);
    assert.match(lapsed.stdout, /subscription has expired \(402\)/);
    assert.match(lapsed.stdout, /^events\s+unknown\s+402/m);
    emu.faults.inject({ route: '*', kind: 'status', status: 503 });
    const down = await run(['verify', '--scopes'], { env: env({ PHQ_API_TOKEN: value('Production') }) });
    assert.equal(down.code, 5, down.stderr);
    assert.match(down.stdout, /^unreachable/);
  });

  test('a pasted value that cannot be a token is a usage error that does not echo it', async () => {
    const r = await run(['verify', '--scopes', '--stdin'], { env: env(), input: 'two words\nand lines' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /several lines|spaces/);
    assert.ok(!r.stderr.includes('two words'));
  });
});
