// --help for every command and usage errors (exit 2), through the built bundle.
import assert from 'node:assert/strict';
import { CliHarness, run } from './helpers';

const COMMANDS = ['login', 'logout', 'whoami', 'scopes', 'list', 'create', 'rename', 'rotate', 'delete', 'verify'];

suite('phq-tokens help and usage (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());

  test('the program help lists every management command', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    for (const c of COMMANDS) assert.match(r.stdout, new RegExp(`^  ${c}\\b`, 'm'), c);
  });

  for (const c of COMMANDS) {
    test(`${c} --help exits 0 with its usage`, async () => {
      const r = await run([c, '--help']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, new RegExp(`^Usage: phq-tokens ${c}\\b`, 'm'));
    });
  }

  const usage: [string, string[]][] = [
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['list', '--frob']],
    ['create without --name', ['create']],
    ['rename without a name', ['rename', 'tok_aaaaaaaaaaaaaaaaaaaa']],
    ['rename with a malformed id', ['rename', 'not-an-id', 'x']],
    ['create with an empty name', ['create', '--name', '  ']],
    ['create with a bad legacy name', ['create', '--name', 'a | b | c']],
    ['create with both --out-file and --env-file', ['create', '--name', 'x', '--out-file', 'a', '--env-file', 'b']],
    ['create with a bad --env-var', ['create', '--name', 'x', '--env-file', '.env', '--env-var', '1BAD']],
    ['verify without a value', ['verify']],
  ];
  for (const args of [
    ['no-such-command', '--help'],
    ['no-such-command', '-h'],
    ['--help', 'no-such-command'],
    ['help', 'no-such-command'],
  ]) {
    test(`${args.join(' ')} says the command is unknown (exit 2)`, async () => {
      const r = await run(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /unknown command 'no-such-command'/);
      assert.equal(r.stdout, '');
    });
  }

  for (const [what, args] of usage) {
    test(`${what} is a usage error (exit 2) and sends nothing`, async () => {
      const cred = h.account();
      const r = await run(args, { env: h.env(cred) });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /error/i);
      assert.equal(r.stdout, '');
      assert.equal(h.emu.state.tokenCount(cred), 0);
    });
  }
});
