// A full session, then one check over everything printed: the management credential is
// never printed, and a token value only on the stdout of the create that made it.
import assert from 'node:assert/strict';
import { CliHarness, baseEnv, run, type RunResult } from './helpers';

suite('phq-tokens prints no secret (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('only create prints a value, and only on stdout', async () => {
    const cred = h.account('Secret Org');
    const env = baseEnv({ PHQ_TOKENS_RETRY_BASE_MS: '1', PHQ_TOKENS_RETRY_JITTER_MS: '0' });
    const runs: RunResult[] = [];
    const go = async (args: string[], input?: string, extra: Record<string, string> = {}) => {
      const r = await run(args, { env: { ...env, ...extra }, input });
      runs.push(r);
      return r;
    };
    await go(['login', '--api-url', h.emu.url], cred);
    const created = await go(['create', '--name', 'Watched', '--scope', 'events']);
    const value = created.stdout.trim();
    assert.match(value, /^[A-Za-z0-9_-]{43}$/);
    const [tok] = JSON.parse((await go(['list', '--json'])).stdout) as { id: string }[];
    await go(['list']);
    await go(['whoami', '--json']);
    await go(['scopes']);
    await go(['rename', tok!.id, 'Watched 2']);
    await go(['verify'], undefined, { PHQ_API_TOKEN: value });
    await go(['verify', '--stdin', '--json'], value);
    // Errors with the secrets in play: a token value as the management credential,
    // a token value as a name, a failing API.
    await go(['list'], undefined, { PHQ_MANAGEMENT_TOKEN: value });
    await go(['create', '--name', value.repeat(3)]);
    await go(['create', '--name', 'x', '--scope', value]);
    h.emu.faults.inject({ route: '*', kind: 'status', status: 500 });
    await go(['list']);
    await go(['verify'], undefined, { PHQ_API_TOKEN: value });
    h.emu.faults.clear();
    await go(['delete', tok!.id, '--yes']);
    await go(['verify'], undefined, { PHQ_API_TOKEN: value });
    await go(['logout']);

    assert.ok(runs.length >= 17);
    runs.forEach((r, i) => {
      for (const text of [r.stdout, r.stderr]) assert.ok(!text.includes(cred), `run ${i} printed the credential`);
      assert.ok(!r.stderr.includes(value), `run ${i} printed the value on stderr`);
      if (r !== created) assert.ok(!r.stdout.includes(value), `run ${i} printed the value on stdout`);
    });
  });
});
