// Exit codes and messages for every error class, provoked with the emulator's faults.
import assert from 'node:assert/strict';
import { CliHarness, run } from './helpers';

suite('phq-tokens exit codes (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  test('401: exit 3 with a login hint', async () => {
    const r = await run(['list'], { env: h.env('phqm_' + 'n'.repeat(43)) });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Not authorized: .*\nhint: run "phq-tokens login"/);
  });

  test('no credential at all: exit 3', async () => {
    const r = await run(['list'], { env: h.env('', { PHQ_MANAGEMENT_TOKEN: undefined }) });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Not logged in/);
  });

  const cases: [string, Record<string, unknown>, number, RegExp][] = [
    ['403', { kind: 'status', status: 403 }, 3, /Forbidden/],
    ['402', { kind: 'status', status: 402 }, 1, /Payment required/],
    ['404', { kind: 'status', status: 404 }, 4, /Not found/],
    [
      '429 after retries',
      { kind: 'status', status: 429, retryAfter: 0 },
      5,
      /Rate limited by the API after 4 attempts/,
    ],
    ['500 after retries', { kind: 'status', status: 500 }, 5, /The API failed with 500 after 4 attempts/],
    ['503 after retries', { kind: 'status', status: 503 }, 5, /The API failed with 503/],
    ['a dropped connection', { kind: 'drop' }, 5, /Could not reach the API .* after 4 attempts/],
    ['a malformed body', { kind: 'malformed' }, 1, /Unexpected response from the API/],
  ];
  for (const [what, fault, code, message] of cases) {
    test(`${what}: exit ${code}`, async () => {
      h.emu.faults.inject({ route: 'GET /v1/account/', ...fault } as never);
      const r = await run(['whoami'], { env: h.env(h.account()) });
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  test('a truncated 201 from create: retried with the same key, the value is printed once, one token', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 1 });
    const r = await run(['create', '--name', 'Truncated once'], { env: h.env(cred) });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[A-Za-z0-9_-]{43}\n$/);
    assert.match(r.stderr, /replayed/);
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('a create whose success stays unreadable says which token may exist and how to find and delete it', async () => {
    const cred = h.account();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 2 });
    const r = await run(['create', '--name', 'Orphan maybe', '--env-file', '.env'], { env: h.env(cred) });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Unexpected response from the API/);
    assert.match(r.stderr, /a token named "Orphan maybe" may have been created/);
    assert.match(r.stderr, /phq-tokens list/);
    assert.match(r.stderr, /phq-tokens delete <id>/);
    assert.equal(h.emu.state.tokenCount(cred), 1, 'the orphan the message is about');
  });

  test('retries are announced on stderr', async () => {
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'status', status: 500, times: 1 });
    const r = await run(['whoami'], { env: h.env(h.account()) });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: server \(500\); retry 1 in/);
  });

  test('a timeout after retries: exit 5', async () => {
    h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'latency', delayMs: 3000 });
    const r = await run(['whoami'], { env: h.env(h.account(), { PHQ_TOKENS_TIMEOUT_MS: '100' }) });
    assert.equal(r.code, 5);
    assert.match(r.stderr, /did not answer in time .* after 4 attempts/);
  });

  test('Ctrl-C (SIGINT) during a call: exit 130', async () => {
    const fault = h.emu.faults.inject({ route: 'GET /v1/account/', kind: 'latency', delayMs: 10_000 });
    // Interrupt once the request is in flight (so the handler is surely installed).
    const whenInFlight = (pid: number) => {
      const poll = setInterval(() => {
        if ((h.emu.faults.list().find((f) => f.id === fault.id)?.hits ?? 0) > 0) {
          clearInterval(poll);
          process.kill(pid, 'SIGINT');
        }
      }, 20);
    };
    const r = await run(['whoami'], { env: h.env(h.account()), onSpawn: whenInFlight });
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /Cancelled/);
  });
});
