// list, scopes, create, rename, delete end to end.
import assert from 'node:assert/strict';
import { CliHarness, run, runInTty } from './helpers';

const VALUE = /^[A-Za-z0-9_-]{43}$/;

suite('phq-tokens token commands (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('list shows legacy names as token name + client, "all" for every scope', async () => {
    const r = await run(['list'], { env: h.env(h.emu.credential) });
    assert.equal(r.code, 0, r.stderr);
    const header = r.stdout.split('\n')[0]!;
    assert.match(header, /^ID\s+NAME\s+CLIENT\s+SCOPES\s+CREATED\s+LAST USED$/);
    const legacy = r.stdout.split('\n').find((l) => l.includes('Nightly Export'));
    assert.ok(legacy, r.stdout);
    assert.match(legacy, /^tok_\w{20}\s+Nightly Export\s+Analytics Pipeline\s/);
    assert.match(r.stderr, /\d+ tokens/);
  });

  test('list, rename and delete escape bidi controls and line separators in names (human output)', async () => {
    const cred = h.account();
    // U+202E reverses what follows on a terminal; U+2028 / U+2029 break lines in many viewers.
    const hostile = 'prod\u202Eslav\u2028x\u2066y\u2029z';
    const t = h.emu.state.createToken(cred, { name: hostile });
    const r = await run(['list'], { env: h.env(cred) });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/u, JSON.stringify(r.stdout));
    assert.match(r.stdout, /"prod\\342\\200\\256slav\\342\\200\\250x\\342\\201\\246y\\342\\200\\251z"/);
    const json = JSON.parse((await run(['list', '--json'], { env: h.env(cred) })).stdout) as { name: string }[];
    assert.equal(json[0]!.name, hostile, 'JSON carries the name exactly');
    const renamed = await run(['rename', t.id, `${hostile}2`], { env: h.env(cred) });
    assert.equal(renamed.code, 0, renamed.stderr);
    assert.doesNotMatch(renamed.stderr + renamed.stdout, /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/u);
    const deleted = await run(['delete', t.id, '--yes'], { env: h.env(cred) });
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.doesNotMatch(deleted.stderr + deleted.stdout, /[\u202a-\u202e\u2066-\u2069\u2028\u2029]/u);
  });

  test('list --json gives parsed names and no values', async () => {
    const cred = h.account();
    h.emu.state.addTokens(cred, 3);
    const r = await run(['list', '--json'], { env: h.env(cred) });
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0]!).sort(), [
      'client',
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
      'scopes',
      'tokenName',
    ]);
    const seeded = JSON.parse((await run(['list', '--json'], { env: h.env(h.emu.credential) })).stdout) as {
      client: string | null;
      tokenName: string;
    }[];
    assert.ok(seeded.some((t) => t.client === 'Analytics Pipeline' && t.tokenName === 'Nightly Export'));
  });

  test('list walks every page (1,200 tokens)', async () => {
    const cred = h.account();
    h.emu.state.addTokens(cred, 1200);
    const rows = JSON.parse((await run(['list', '--json'], { env: h.env(cred) })).stdout) as unknown[];
    assert.equal(rows.length, 1200);
  });

  test('scopes prints the catalog as a table and as JSON', async () => {
    const env = h.env(h.account());
    const r = await run(['scopes'], { env });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^events\s+Events\s+\/v1\/events\/$/m);
    const json = JSON.parse((await run(['scopes', '--json'], { env })).stdout) as { id: string }[];
    assert.equal(json.length, 11);
  });

  test('create prints only the value on stdout, everything else on stderr', async () => {
    const cred = h.account();
    const r = await run(['create', '--name', 'CI deploy', '--scope', 'events', '--scope', 'features'], {
      env: h.env(cred),
    });
    assert.equal(r.code, 0, r.stderr);
    const value = r.stdout.trimEnd();
    assert.match(value, VALUE);
    assert.equal(r.stdout, `${value}\n`);
    assert.match(r.stderr, /Created token tok_\w{20} "CI deploy" with scopes: events, features/);
    assert.ok(!r.stderr.includes(value));
    assert.equal(h.emu.state.tokenCount(cred), 1);
  });

  test('create with an unknown scope is exit 2 and creates nothing', async () => {
    const cred = h.account();
    const r = await run(['create', '--name', 'x', '--scope', 'evnts'], { env: h.env(cred) });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Invalid scopes: Unknown scope "evnts"/);
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });

  test('create with a reused --idempotency-key replays the same value; another body is a conflict (exit 1)', async () => {
    const cred = h.account();
    const args = ['create', '--name', 'Scripted', '--idempotency-key', 'ci-run-42'];
    const a = await run(args, { env: h.env(cred) });
    const b = await run(args, { env: h.env(cred) });
    assert.equal(a.stdout, b.stdout);
    assert.match(b.stderr, /replayed/);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const c = await run(['create', '--name', 'Other', '--idempotency-key', 'ci-run-42'], { env: h.env(cred) });
    assert.equal(c.code, 1);
    assert.match(c.stderr, /Conflict/);
  });

  test('rename renames (also to a legacy name); --json prints the token; unknown id is exit 4', async () => {
    const cred = h.account();
    const env = h.env(cred);
    const id = JSON.parse((await run(['list', '--json'], { env })).stdout).length; // 0: fresh account
    assert.equal(id, 0);
    await run(['create', '--name', 'Before'], { env });
    const [t] = JSON.parse((await run(['list', '--json'], { env })).stdout) as { id: string }[];
    const r = await run(['rename', t!.id, 'Team | After'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Renamed tok_\w+ to "Team \| After"/);
    const j = JSON.parse((await run(['rename', t!.id, 'Final', '--json'], { env })).stdout) as { name: string };
    assert.equal(j.name, 'Final');
    const missing = await run(['rename', 'tok_' + 'Z'.repeat(20), 'x'], { env });
    assert.equal(missing.code, 4);
    assert.match(missing.stderr, /Not found/);
  });

  test('delete refuses without a terminal unless --yes', async () => {
    const cred = h.account();
    const env = h.env(cred);
    await run(['create', '--name', 'Doomed'], { env });
    const [t] = JSON.parse((await run(['list', '--json'], { env })).stdout) as { id: string }[];
    const refused = await run(['delete', t!.id], { env });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Pass --yes/);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const done = await run(['delete', t!.id, '--yes'], { env });
    assert.equal(done.code, 0, done.stderr);
    assert.equal(h.emu.state.tokenCount(cred), 0);
    assert.equal((await run(['delete', t!.id, '--yes'], { env })).code, 4);
  });

  test('delete asks on a terminal: "n" and Ctrl-C keep the token, "y" deletes it', async () => {
    const cred = h.account();
    const env = h.env(cred);
    await run(['create', '--name', 'Asked about'], { env });
    const [t] = JSON.parse((await run(['list', '--json'], { env })).stdout) as { id: string }[];
    const no = await runInTty(['delete', t!.id], { env, input: 'n\n', prompt: /\[y\/N\]/ });
    assert.match(no.stdout, /Delete token tok_\w+ "Asked about"\?/);
    assert.match(no.stdout, /Not deleted/);
    assert.equal(no.code, 0);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const interrupted = await runInTty(['delete', t!.id], { env, input: '\u0003', prompt: /\[y\/N\]/ });
    assert.equal(interrupted.code, 130, interrupted.stdout);
    assert.equal(h.emu.state.tokenCount(cred), 1);
    const yes = await runInTty(['delete', t!.id], { env, input: 'y\n', prompt: /\[y\/N\]/ });
    assert.equal(yes.code, 0, yes.stdout);
    assert.equal(h.emu.state.tokenCount(cred), 0);
  });
});
