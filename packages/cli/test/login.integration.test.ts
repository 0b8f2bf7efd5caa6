// login / logout / whoami and where the URL and credential come from.
import assert from 'node:assert/strict';
import { readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CliHarness, baseEnv, run, runInTty } from './helpers';

suite('phq-tokens login, logout, whoami (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  const configOf = (env: Record<string, string>) => path.join(env.XDG_CONFIG_HOME!, 'phq-tokens', 'config.json');

  test('login reads the credential from stdin, checks it, and stores it with mode 0600', async () => {
    const env = baseEnv();
    const r = await run(['login', '--api-url', h.emu.url], { env, input: `${h.emu.credential}\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Logged in to .* as Demo Org/);
    const file = configOf(env);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { apiUrl: h.emu.url, credential: h.emu.credential });

    const who = await run(['whoami'], { env });
    assert.equal(who.code, 0, who.stderr);
    assert.match(who.stdout, /^Demo Org <.*> \(.*\) at http:\/\/127\.0\.0\.1:\d+\n$/);
    const json = JSON.parse((await run(['whoami', '--json'], { env })).stdout) as Record<string, unknown>;
    assert.equal(json.name, 'Demo Org');
    assert.equal(json.apiUrl, h.emu.url);
  });

  test('on a terminal, login prompts and does not echo the credential', async () => {
    const env = baseEnv();
    const r = await runInTty(['login', '--api-url', h.emu.url], {
      env,
      input: `${h.emu.credential}\r`,
      prompt: /Management credential for .*: /,
    });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /Logged in to/);
    assert.ok(!r.stdout.includes(h.emu.credential), 'the credential was echoed');
    assert.equal(JSON.parse(readFileSync(configOf(env), 'utf8')).credential, h.emu.credential);
  });

  test('a rejected credential is exit 3 and nothing is stored', async () => {
    const env = baseEnv();
    const r = await run(['login', '--api-url', h.emu.url], { env, input: 'phqm_not_a_real_one\n' });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Not authorized/);
    assert.equal(existsSync(configOf(env)), false);
  });

  test('an empty stdin is a usage error', async () => {
    const r = await run(['login', '--api-url', h.emu.url], { env: baseEnv(), input: '' });
    assert.equal(r.code, 2);
  });

  test('logout removes the stored credential; whoami is then exit 3', async () => {
    const env = baseEnv();
    await run(['login', '--api-url', h.emu.url], { env, input: h.emu.credential });
    const out = await run(['logout'], { env });
    assert.equal(out.code, 0);
    assert.equal(existsSync(configOf(env)), false);
    const who = await run(['whoami'], { env });
    assert.equal(who.code, 3);
    assert.match(who.stderr, /Not logged in/);
    assert.equal((await run(['logout'], { env })).code, 0, 'logging out twice is fine');
  });

  test('precedence: --api-url > PHQ_API_URL > config; PHQ_MANAGEMENT_TOKEN > config', async () => {
    const env = baseEnv();
    await run(['login', '--api-url', h.emu.url], { env, input: h.emu.credential });
    const other = h.emu.state.createAccount('Env Org').credential;
    // The env credential wins over the stored one.
    const r1 = await run(['whoami'], { env: { ...env, PHQ_MANAGEMENT_TOKEN: other } });
    assert.match(r1.stdout, /^Env Org/);
    // A bad PHQ_API_URL is used (over the config) and then overridden by --api-url.
    const dead = { ...env, PHQ_API_URL: 'http://127.0.0.1:1', PHQ_TOKENS_RETRIES: '0' };
    const r2 = await run(['whoami'], { env: { ...dead, PHQ_MANAGEMENT_TOKEN: other } });
    assert.equal(r2.code, 5);
    const r3 = await run(['whoami', '--api-url', h.emu.url], { env: { ...dead, PHQ_MANAGEMENT_TOKEN: other } });
    assert.equal(r3.code, 0, r3.stderr);
  });

  test('the stored credential is never sent to another URL', async () => {
    const env = baseEnv();
    await run(['login', '--api-url', h.emu.url], { env, input: h.emu.credential });
    const r = await run(['whoami', '--api-url', 'http://127.0.0.1:1'], { env });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /logged in to http:\/\/127\.0\.0\.1:\d+, not http:\/\/127\.0\.0\.1:1/);
  });
});
