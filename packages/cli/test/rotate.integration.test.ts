// rotate: the plan, --dry-run, the happy path, and every fault (emulator fault injection).
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { startEmulator } from '@phq-tokens/emulator';
import { rotatedName } from '../src/commands/rotate';
import { CliHarness, run, tmp, type RunResult } from './helpers';

const SCOPES = ['events', 'places'];

suite('phq-tokens rotate (e2e)', () => {
  const h = new CliHarness();
  suiteSetup(() => h.start());
  suiteTeardown(() => h.stop());
  teardown(() => h.emu.faults.clear());

  /** A fresh account with one token to rotate; its value never leaves the test. */
  function setup(name = 'CI deploy') {
    const cred = h.account();
    const old = h.emu.state.createToken(cred, { name, scopes: SCOPES });
    const tokens = () => h.emu.state.accountFor(cred)!.tokens;
    return { cred, old, tokens, env: h.env(cred) };
  }

  const valueIn = (file: string, v = 'PHQ_API_TOKEN') =>
    new RegExp(`^(?:export )?${v}=(.*)$`, 'm').exec(readFileSync(file, 'utf8'))?.[1];

  /** Sends SIGINT once `faultId` has been hit (the request is in flight). */
  const interruptWhenHit = (faultId: string) => (pid: number) => {
    const poll = setInterval(() => {
      if ((h.emu.faults.list().find((f) => f.id === faultId)?.hits ?? 0) > 0) {
        clearInterval(poll);
        process.kill(pid, 'SIGINT');
      }
    }, 20);
  };

  /** Runs `change` once `faultId` has been hit (while the CLI waits for that request). */
  const whenHit = (faultId: string, change: () => void) => () => {
    const poll = setInterval(() => {
      if ((h.emu.faults.list().find((f) => f.id === faultId)?.hits ?? 0) > 0) {
        clearInterval(poll);
        change();
      }
    }, 20);
  };

  const noValue = (r: RunResult, value: string) => {
    assert.ok(!r.stderr.includes(value), 'no value on stderr');
    assert.ok(!r.stdout.includes(value), 'no value on stdout');
  };

  test('--dry-run prints the plan and changes nothing', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    writeFileSync(path.join(cwd, '.env'), `DEBUG=1\nPHQ_API_TOKEN=${old.token}\n`);
    const r = await run(['rotate', old.id, '--env-file', '.env', '--env-file', 'ci.env', '--dry-run'], { env, cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`Plan \\(dry run: nothing will be changed\\) to rotate ${old.id} "CI deploy"`));
    assert.match(r.stderr, /1\. create "CI deploy \(rotated \d{4}-\d{2}-\d{2}\)" with the same scopes: events, places/);
    assert.match(r.stderr, /set PHQ_API_TOKEN in \.env\n.*set PHQ_API_TOKEN in ci\.env \(new file\)/);
    assert.match(r.stderr, /3\. delete the old token .* last, only when every write succeeded/);
    assert.equal(tokens().length, 1);
    assert.equal(valueIn(path.join(cwd, '.env')), old.token);
    assert.equal(existsSync(path.join(cwd, 'ci.env')), false);
    assert.equal(existsSync(path.join(cwd, '.gitignore')), false);
    noValue(r, old.token);
  });

  test('--dry-run --json, by name, with --name and --env-var', async () => {
    const { old, env } = setup('Prod app');
    const r = await run(
      [
        'rotate',
        'Prod app',
        '--name',
        'Prod app v2',
        '--env-file',
        'a.env',
        '--env-var',
        'MY_TOKEN',
        '--dry-run',
        '--json',
      ],
      { env },
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      dryRun: true,
      old: { id: old.id, name: 'Prod app', scopes: SCOPES },
      new: { name: 'Prod app v2', scopes: SCOPES },
      envFiles: [{ file: 'a.env', variable: 'MY_TOKEN' }],
      deleteOldLast: true,
    });
  });

  test('happy path: new token with the same scopes in every env file (0600, .gitignore), old token deleted last', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    mkdirSync(path.join(cwd, 'svc'));
    writeFileSync(path.join(cwd, '.env'), `# app\nexport PHQ_API_TOKEN=${old.token}\nPORT=1\n`, { mode: 0o644 });
    const r = await run(['rotate', old.id, '--env-file', '.env', '--env-file', 'svc/.env', '--json'], { env, cwd });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { new: { id: string; name: string; scopes: string[] } };
    const [now] = tokens();
    assert.equal(tokens().length, 1, 'the old token is gone, one new token');
    assert.equal(now!.id, out.new.id);
    assert.notEqual(now!.id, old.id);
    assert.match(now!.name, /^CI deploy \(rotated \d{4}-\d{2}-\d{2}\)$/);
    assert.deepEqual([...now!.scopes].sort(), SCOPES);
    const v1 = valueIn(path.join(cwd, '.env'))!;
    assert.equal(h.emu.state.tokenByValue(v1)?.id, now!.id);
    assert.equal(valueIn(path.join(cwd, 'svc/.env')), v1);
    assert.match(readFileSync(path.join(cwd, '.env'), 'utf8'), /^# app\nexport PHQ_API_TOKEN=.*\nPORT=1\n$/);
    for (const f of ['.env', 'svc/.env']) assert.equal(statSync(path.join(cwd, f)).mode & 0o777, 0o600, f);
    assert.equal(readFileSync(path.join(cwd, '.gitignore'), 'utf8'), '/.env\n');
    assert.equal(readFileSync(path.join(cwd, 'svc/.gitignore'), 'utf8'), '/.env\n');
    // The plan comes first, the delete last.
    const plan = r.stderr.indexOf('Plan to rotate');
    const created = r.stderr.indexOf('Created');
    const deleted = r.stderr.indexOf(`Deleted the old token ${old.id}`);
    assert.ok(plan >= 0 && plan < created && created < deleted, r.stderr);
    assert.match(r.stderr, /warning: \.env was readable by other users \(mode 644\).*chmod 644 \.env/);
    noValue(r, v1);
    noValue(r, old.token);
    assert.equal(existsSync(path.join(env.XDG_CONFIG_HOME!, 'phq-tokens', `rotate-${old.id}.lock`)), false);
  });

  test('without --env-file the new value is printed once on stdout, alone', async () => {
    const { old, tokens, env } = setup();
    const r = await run(['rotate', 'CI deploy'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^[A-Za-z0-9_-]{43}\n$/);
    assert.equal(h.emu.state.tokenByValue(r.stdout.trim())?.id, tokens()[0]!.id);
    assert.equal(tokens().length, 1);
    assert.ok(!r.stdout.includes(old.token));
  });

  test('unknown id or name: exit 4; ambiguous name: exit 2; nothing created', async () => {
    const { cred, old, tokens, env } = setup('Twin');
    h.emu.state.createToken(cred, { name: 'Twin' });
    const unknownName = await run(['rotate', 'No such token'], { env });
    assert.equal(unknownName.code, 4, unknownName.stderr);
    assert.match(unknownName.stderr, /No token named "No such token"/);
    const ambiguous = await run(['rotate', 'Twin'], { env });
    assert.equal(ambiguous.code, 2, ambiguous.stderr);
    assert.match(ambiguous.stderr, new RegExp(`2 tokens are named "Twin": .*${old.id}.*Rotate one by its id`));
    assert.equal(tokens().length, 2);
  });

  test('the old token already deleted: exit 4 before anything is created or written', async () => {
    const { cred, old, env } = setup();
    const cwd = tmp();
    h.emu.state.accountFor(cred)!.tokens.length = 0; // deleted elsewhere
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, new RegExp(`Token ${old.id} not found \\(already deleted\\?\\); nothing was changed`));
    assert.equal(h.emu.state.tokenCount(cred), 0);
    assert.equal(existsSync(path.join(cwd, '.env')), false);
  });

  for (const [what, fault, extraEnv] of [
    ['429', { kind: 'status', status: 429, retryAfter: 0 }, {}],
    ['503', { kind: 'status', status: 503 }, {}],
    ['a timeout', { kind: 'latency', delayMs: 3000 }, { PHQ_TOKENS_TIMEOUT_MS: '100' }],
  ] as const) {
    test(`create fails after retries (${what}): exit 5, no file written, the old token kept`, async () => {
      const { cred, old, tokens } = setup();
      const cwd = tmp();
      writeFileSync(path.join(cwd, '.env'), `PHQ_API_TOKEN=${old.token}\n`);
      h.emu.faults.inject({ route: 'POST /v1/tokens/', ...fault } as never);
      const r = await run(['rotate', old.id, '--env-file', '.env'], { env: h.env(cred, extraEnv), cwd });
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stderr, /Step 1 \(create\) failed: no env file was written and .* was not deleted\./);
      // An answer never received means the API may have made the token anyway: the output says so.
      assert.match(
        r.stderr,
        what === 'a timeout'
          ? /A token named "CI deploy \(rotated [\d-]+\)" may have been created/
          : /Nothing changed\./,
      );
      h.emu.faults.clear();
      assert.deepEqual(
        tokens().map((t) => t.id),
        [old.id],
      );
      assert.equal(valueIn(path.join(cwd, '.env')), old.token);
      assert.equal(existsSync(path.join(cwd, '.gitignore')), false);
    });
  }

  test('a create answered unreadably once is replayed with the same key: one new token', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 1 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(tokens().length, 1);
    assert.equal(h.emu.state.tokenByValue(valueIn(path.join(cwd, '.env'))!)?.id, tokens()[0]!.id);
  });

  test('a create that stays unreadable: exit 1, nothing written or deleted, the possible token named', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'malformed', when: 'after', times: 2 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stderr,
      /A token named "CI deploy \(rotated [\d-]+\)" may have been created: run the same rotate again to resume \(it reuses the Idempotency-Key, so it cannot make a second one\), or check "phq-tokens list"/,
    );
    assert.equal(existsSync(path.join(cwd, '.env')), false);
    assert.equal(tokens().length, 2, 'the old token and the orphan the message is about');
    assert.ok(tokens().some((t) => t.id === old.id));
  });

  test('an env file changed on disk during the flow: stop before deleting, exit 1, the file named', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    writeFileSync(path.join(cwd, 'a.env'), 'A=1\n');
    writeFileSync(path.join(cwd, 'b.env'), 'B=1\n');
    const fault = h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 800 });
    const r = await run(['rotate', old.id, '--env-file', 'a.env', '--env-file', 'b.env'], {
      env,
      cwd,
      onSpawn: whenHit(fault.id, () => writeFileSync(path.join(cwd, 'b.env'), 'B=2\n')),
    });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Rotation stopped: b\.env changed on disk during the rotation; it was not written\./);
    assert.match(r.stderr, new RegExp(`The old token ${old.id} was NOT deleted`));
    const created = tokens().find((t) => t.id !== old.id)!;
    assert.match(r.stderr, new RegExp(`Steps that ran:\n  created ${created.id} "CI deploy \\(rotated`));
    assert.match(r.stderr, /set PHQ_API_TOKEN in a\.env \(new value\)\n {2}not written: b\.env/);
    assert.match(r.stderr, new RegExp(`To finish: .*b\\.env.*phq-tokens delete ${old.id} --yes`));
    assert.match(
      r.stderr,
      new RegExp(`To undo: run "phq-tokens delete ${created.id} --yes" and put the old value back in a\\.env`),
    );
    assert.equal(tokens().length, 2, 'old token kept');
    assert.equal(h.emu.state.tokenByValue(valueIn(path.join(cwd, 'a.env'))!)?.id, created.id);
    assert.equal(readFileSync(path.join(cwd, 'b.env'), 'utf8'), 'B=2\n');
    noValue(r, old.token);
    assert.ok(!r.stderr.includes(valueIn(path.join(cwd, 'a.env'))!));
  });

  test('an env file that cannot be written during the flow: stop before deleting, exit 1, the file named', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    mkdirSync(path.join(cwd, 'gone'));
    const fault = h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 800 });
    const r = await run(['rotate', old.id, '--env-file', '.env', '--env-file', 'gone/.env'], {
      env,
      cwd,
      // The folder disappears while the create is in flight: the write fails (even as root).
      onSpawn: whenHit(fault.id, () => rmSync(path.join(cwd, 'gone'), { recursive: true })),
    });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Rotation stopped: could not write gone\/\.env \(ENOENT\)/);
    assert.match(r.stderr, /set PHQ_API_TOKEN in \.env \(new value\)\n {2}not written: gone\/\.env/);
    assert.equal(tokens().length, 2, 'old token kept');
    assert.ok(tokens().some((t) => t.id === old.id));
  });

  test('a .gitignore that cannot be updated: stop before deleting, exit 1, the value written is reported', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    mkdirSync(path.join(cwd, '.gitignore')); // a folder: appending fails, even as root
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /Rotation stopped: could not make a \.gitignore cover \.env \(EISDIR\)/);
    assert.match(r.stderr, /set PHQ_API_TOKEN in \.env \(new value\)/);
    assert.ok(tokens().some((t) => t.id === old.id));
  });

  test('an env file not writable before the start: exit 1, nothing created', async function () {
    if (process.getuid?.() === 0) this.skip(); // root writes anywhere
    const { tokens, old, env } = setup();
    const cwd = tmp();
    mkdirSync(path.join(cwd, 'ro'), { mode: 0o555 });
    const r = await run(['rotate', old.id, '--env-file', 'ro/.env'], { env, cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /ro\/\.env is not writable; nothing was changed/);
    assert.equal(tokens().length, 1);
  });

  test('a symbolic-link env file: the real file gets the new value, the link stays, then the old token goes', async function () {
    if (process.platform === 'win32') this.skip();
    const { old, tokens, env } = setup();
    const base = tmp();
    const cwd = path.join(base, 'app');
    mkdirSync(cwd);
    mkdirSync(path.join(base, 'outside'));
    const real = path.join(base, 'outside', 't.env');
    writeFileSync(real, `PHQ_API_TOKEN=${old.token}\n`);
    symlinkSync('../outside/t.env', path.join(cwd, 'sl.env'));
    const r = await run(['rotate', old.id, '--env-file', 'sl.env'], { env, cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(path.join(cwd, 'sl.env')).isSymbolicLink(), 'the link is still a link');
    // What the app reads through the link is the new token, not the deleted one.
    assert.equal(tokens().length, 1);
    assert.equal(h.emu.state.tokenByValue(valueIn(path.join(cwd, 'sl.env'))!)?.id, tokens()[0]!.id);
    assert.equal(h.emu.state.tokenByValue(valueIn(real)!)?.id, tokens()[0]!.id);
    assert.equal(statSync(real).mode & 0o777, 0o600);
    noValue(r, old.token);
  });

  test('a read-only (0400) env file: exit 1 before anything is created, the file named', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    writeFileSync(path.join(cwd, '.env'), 'A=1\n');
    chmodSync(path.join(cwd, '.env'), 0o400);
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /\.env is read-only \(mode 400\)/);
    assert.deepEqual(
      tokens().map((t) => t.id),
      [old.id],
    );
    assert.equal(readFileSync(path.join(cwd, '.env'), 'utf8'), 'A=1\n');
  });

  test('two rotations of the same token at once: the second refuses (exit 1), nothing of its own', async function () {
    this.timeout(120_000);
    const { old, tokens, env } = setup();
    const cwd = tmp();
    // The first's create is held until the second has been refused, however slow the machine
    // (then the first is interrupted: its create never ran, so nothing was made).
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 90_000, times: 1 });
    let firstPid = 0;
    const first = run(['rotate', old.id, '--env-file', 'a.env'], { env, cwd, onSpawn: (pid) => (firstPid = pid) });
    // The second starts once the first holds the lock.
    const lock = path.join(env.XDG_CONFIG_HOME!, 'phq-tokens', `rotate-${old.id}.lock`);
    while (!existsSync(lock)) await new Promise((r) => setTimeout(r, 20));
    const second = await run(['rotate', old.id, '--env-file', 'b.env'], { env, cwd });
    assert.equal(second.code, 1, second.stderr);
    assert.match(
      second.stderr,
      new RegExp(`Another rotation of ${old.id} is running \\(process \\d+\\); nothing was changed`),
    );
    assert.equal(existsSync(path.join(cwd, 'b.env')), false);
    process.kill(firstPid, 'SIGINT');
    const r = await first;
    assert.equal(r.code, 130, r.stderr);
    assert.deepEqual(
      tokens().map((t) => t.id),
      [old.id],
    );
    assert.equal(existsSync(lock), false);
  });

  test('kill -9 mid-create, then an API that cannot return the value again (409): the orphan is named, nothing written', async function () {
    if (process.platform === 'win32') this.skip();
    this.timeout(120_000);
    // Its own emulator with a state file: after a restart it keeps tokens but not their values.
    const stateFile = path.join(tmp(), 'state.json');
    let emu = await startEmulator({ port: 0, quiet: true, persistFile: stateFile });
    try {
      const cred = emu.state.createAccount('Restart Org').credential;
      const old = emu.state.createToken(cred, { name: 'CI deploy', scopes: SCOPES });
      const env: Record<string, string> = { ...h.env(cred), PHQ_API_URL: emu.url };
      const cwd = tmp();
      writeFileSync(path.join(cwd, '.env'), `PHQ_API_TOKEN=${old.token}\n`);
      emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 60_000, when: 'after', times: 1 });
      const count = () => emu.state.tokenCount(cred);
      const killed = await run(['rotate', old.id, '--env-file', '.env'], {
        env,
        cwd,
        onSpawn: (pid) => {
          const poll = setInterval(() => {
            if (count() < 2) return;
            clearInterval(poll);
            process.kill(pid, 'SIGKILL');
          }, 20);
        },
      });
      assert.equal(killed.signal, 'SIGKILL', killed.stderr);
      const orphan = emu.state.accountFor(cred)!.tokens.find((t) => t.id !== old.id)!;
      await emu.close();
      emu = await startEmulator({ port: 0, quiet: true, persistFile: stateFile });
      const r = await run(['rotate', old.id, '--env-file', '.env'], { env: { ...env, PHQ_API_URL: emu.url }, cwd });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /The interrupted rotation cannot be resumed/);
      assert.match(r.stderr, new RegExp(`created token ${orphan.id}`), 'the orphan is named');
      assert.match(r.stderr, /No env file was written/);
      assert.equal(readFileSync(path.join(cwd, '.env'), 'utf8'), `PHQ_API_TOKEN=${old.token}\n`);
      assert.deepEqual(
        emu.state
          .accountFor(cred)!
          .tokens.map((t) => t.id)
          .sort(),
        [old.id, orphan.id].sort(),
      );
      const dir = path.join(env.XDG_CONFIG_HOME!, 'phq-tokens');
      assert.equal(existsSync(path.join(dir, `rotate-${old.id}.journal.json`)), false, 'a fresh start next time');
      noValue(r, old.token);
    } finally {
      await emu.close();
    }
  });

  test('a lock left by a process that no longer runs is taken over and reported, not silently', async () => {
    const { old, tokens, env } = setup();
    const dir = path.join(env.XDG_CONFIG_HOME!, 'phq-tokens');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `rotate-${old.id}.lock`), '2147483646\n');
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.notEqual(tokens()[0]!.id, old.id);
    assert.match(
      r.stderr,
      new RegExp(`warning: an earlier rotation of ${old.id} \\(process 2147483646\\) did not finish`),
    );
    assert.match(r.stderr, /It recorded no step, so it had sent no create: nothing to resume/);
  });

  test('kill -9 while the create is in flight: the rerun resumes with the same key (one replacement, its value in the file)', async function () {
    if (process.platform === 'win32') this.skip();
    const { old, tokens, env } = setup();
    const cwd = tmp();
    writeFileSync(path.join(cwd, '.env'), `DEBUG=1\nPHQ_API_TOKEN=${old.token}\n`);
    // The API makes the token, then its answer is held back: the CLI dies before it reads it.
    h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 5000, when: 'after', times: 1 });
    const killed = await run(['rotate', old.id, '--env-file', '.env'], {
      env,
      cwd,
      onSpawn: (pid) => {
        const poll = setInterval(() => {
          if (tokens().length < 2) return;
          clearInterval(poll);
          process.kill(pid, 'SIGKILL');
        }, 20);
      },
    });
    assert.equal(killed.signal, 'SIGKILL', killed.stderr);
    assert.equal(tokens().length, 2, 'the create was handled: an orphan exists');
    const orphan = tokens().find((t) => t.id !== old.id)!;
    // What it left: the lock (a dead pid) and the journal, with the key and the files, no value.
    const dir = path.join(env.XDG_CONFIG_HOME!, 'phq-tokens');
    const journalText = readFileSync(path.join(dir, `rotate-${old.id}.journal.json`), 'utf8');
    const journal = JSON.parse(journalText) as Record<string, unknown>;
    assert.equal(journal.step, 'create');
    assert.match(String(journal.idempotencyKey), new RegExp(`^rotate-${old.id}-`));
    assert.deepEqual(journal.files, [path.join(cwd, '.env')]);
    for (const v of JSON.stringify(journal).split(/[^A-Za-z0-9_-]+/))
      assert.equal(h.emu.state.tokenByValue(v), undefined, 'no token value in the journal');
    assert.ok(!journalText.includes(old.token));
    assert.ok(existsSync(path.join(dir, `rotate-${old.id}.lock`)));

    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`warning: an earlier rotation of ${old.id} \\(process \\d+\\) did not finish`));
    assert.match(r.stderr, /Resuming the interrupted rotation .* it had reached the create step/);
    assert.match(r.stderr, new RegExp(`Resumed ${orphan.id} `));
    // One replacement, the one the killed run made; the app reads its value; the old one gone.
    assert.deepEqual(
      tokens().map((t) => t.id),
      [orphan.id],
    );
    assert.equal(h.emu.state.tokenByValue(valueIn(path.join(cwd, '.env'))!)?.id, orphan.id);
    assert.equal(existsSync(path.join(dir, `rotate-${old.id}.journal.json`)), false, 'journal removed at the end');
    assert.equal(existsSync(path.join(dir, `rotate-${old.id}.lock`)), false);
    noValue(r, old.token);
  });

  test('--json needs --env-file outside a dry run: exit 2, nothing created', async () => {
    const { old, tokens, env } = setup();
    const r = await run(['rotate', old.id, '--json'], { env });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--json needs --env-file/);
    assert.equal(r.stdout, '');
    assert.deepEqual(
      tokens().map((t) => t.id),
      [old.id],
    );
  });

  test('the old token deleted by someone else during the flow: the rotation still completes and says so', async () => {
    const { cred, old, tokens, env } = setup();
    const cwd = tmp();
    const fault = h.emu.faults.inject({ route: 'DELETE /v1/tokens/{id}/', kind: 'latency', delayMs: 800 });
    const account = h.emu.state.accountFor(cred)!;
    const r = await run(['rotate', old.id, '--env-file', '.env'], {
      env,
      cwd,
      onSpawn: whenHit(fault.id, () => {
        account.tokens = account.tokens.filter((t) => t.id !== old.id);
      }),
    });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`${old.id} was already deleted`));
    assert.equal(h.emu.state.tokenByValue(valueIn(path.join(cwd, '.env'))!)?.id, tokens()[0]!.id);
  });

  test('deleting the old token fails after retries (503): exit 5, the new token and the files reported', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    h.emu.faults.inject({ route: 'DELETE /v1/tokens/{id}/', kind: 'status', status: 503 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd });
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /Rotation stopped: deleting the old token failed \(The API failed with 503/);
    assert.match(r.stderr, /set PHQ_API_TOKEN in \.env \(new value\)/);
    assert.equal(tokens().length, 2);
    assert.equal(
      h.emu.state.tokenByValue(valueIn(path.join(cwd, '.env'))!)?.id,
      tokens().find((t) => t.id !== old.id)!.id,
    );
  });

  test('Ctrl-C while resolving the token: exit 130, nothing created', async () => {
    const { old, tokens, env } = setup();
    const fault = h.emu.faults.inject({ route: 'GET /v1/tokens/{id}/', kind: 'latency', delayMs: 10_000 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, onSpawn: interruptWhenHit(fault.id) });
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /Cancelled/);
    assert.equal(tokens().length, 1);
  });

  test('Ctrl-C while creating: exit 130, no file written, the old token kept', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    const fault = h.emu.faults.inject({ route: 'POST /v1/tokens/', kind: 'latency', delayMs: 10_000 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd, onSpawn: interruptWhenHit(fault.id) });
    assert.equal(r.code, 130, r.stderr);
    assert.match(r.stderr, /Step 1 \(create\) failed: no env file was written/);
    assert.equal(existsSync(path.join(cwd, '.env')), false);
    assert.ok(tokens().some((t) => t.id === old.id));
  });

  test('Ctrl-C while deleting the old token: exit 130, the steps that ran are reported', async () => {
    const { old, tokens, env } = setup();
    const cwd = tmp();
    const fault = h.emu.faults.inject({ route: 'DELETE /v1/tokens/{id}/', kind: 'latency', delayMs: 10_000 });
    const r = await run(['rotate', old.id, '--env-file', '.env'], { env, cwd, onSpawn: interruptWhenHit(fault.id) });
    assert.equal(r.code, 130, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `Rotation stopped: cancelled while deleting the old token\\. The old token ${old.id} may or may not be deleted`,
      ),
    );
    assert.match(r.stderr, new RegExp(`To finish: run "phq-tokens delete ${old.id} --yes"`));
    assert.match(r.stderr, /set PHQ_API_TOKEN in \.env \(new value\)/);
    assert.ok(
      tokens().some((t) => t.id === old.id),
      'the delete had not been handled',
    );
    assert.equal(
      existsSync(path.join(env.XDG_CONFIG_HOME!, 'phq-tokens', `rotate-${old.id}.lock`)),
      false,
      'lock released',
    );
  });
});

suite('rotate: the default name (unit)', () => {
  const day = new Date('2026-11-29T23:30:00Z');
  test('adds a dated suffix, replacing an earlier one instead of stacking', () => {
    assert.equal(rotatedName('CI deploy', day), 'CI deploy (rotated 2026-11-29)');
    assert.equal(rotatedName('CI deploy (rotated 2025-01-02)', day), 'CI deploy (rotated 2026-11-29)');
    assert.equal(rotatedName('Client | Token', day), 'Client | Token (rotated 2026-11-29)');
  });
  test('a long name is shortened so the result fits 100 characters', () => {
    const n = rotatedName('x'.repeat(100), day);
    assert.equal([...n].length, 100);
    assert.match(n, /^x+ \(rotated 2026-11-29\)$/);
  });
});
