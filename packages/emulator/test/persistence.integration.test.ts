// Persistence: state survives restarts, writes are atomic, a crash never corrupts the file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/index';
import { call, json, type PageBody, type TokenBody } from './helpers';

suite('persistence', () => {
  let dir: string;
  let file: string;
  const running: RunningEmulator[] = [];
  const start = async () => {
    const emu = await startEmulator({ persistFile: file });
    running.push(emu);
    return emu;
  };

  setup(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'phq-emu-'));
    file = path.join(dir, 'state.json');
  });
  teardown(async () => {
    await Promise.all(running.splice(0).map((e) => e.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  test('tokens, renames, deletes, credentials and idempotency survive a restart', async () => {
    const a = await start();
    const key = { 'idempotency-key': 'persist-key-1' };
    const created = json<TokenBody>(
      await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Kept' }, headers: key }),
    );
    const before = json<PageBody>(await call(a, '/v1/tokens/?limit=500'));
    await call(a, `/v1/tokens/${before.results[0]!.id}/`, { method: 'PATCH', body: { name: 'Renamed | Kept' } });
    await call(a, `/v1/tokens/${before.results[1]!.id}/`, { method: 'DELETE' });
    await call(a, '/v1/events/', { auth: created.token });
    const expected = json<PageBody>(await call(a, '/v1/tokens/?limit=500'));
    await a.close();

    const b = await start();
    assert.equal(b.credential, a.credential, 'the same management credential');
    assert.deepEqual(json<PageBody>(await call(b, '/v1/tokens/?limit=500')), {
      ...expected,
      next: null,
      previous: null,
    });
    assert.equal((await call(b, '/v1/events/', { auth: created.token })).status, 200, 'the value still works');
    // Replay values live in memory only (docs/api/README.md): after a restart the replay is a
    // 409 that names the token the key created, so the client can find and delete it.
    const replay = await call(b, '/v1/tokens/', { method: 'POST', body: { name: 'Kept' }, headers: key });
    assert.equal(replay.status, 409);
    const err = json<{ code: string; message: string }>(replay);
    assert.equal(err.code, 'conflict');
    assert.ok(err.message.includes(created.id), err.message);
    assert.ok(!JSON.stringify(replay.body).includes(created.token!));
  });

  test('idempotency records keep no token value in the file; a replay before a restart still returns it', async () => {
    const a = await start();
    const headers = { 'idempotency-key': 'persist-key-2' };
    const created = json<TokenBody>(
      await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Replay' }, headers }),
    );
    const replay = await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Replay' }, headers });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(json<TokenBody>(replay).token, created.token);
    await a.state.flush();
    const text = readFileSync(file, 'utf8');
    assert.ok(text.includes('persist-key-2'), 'the record itself is kept');
    assert.ok(!text.includes(created.token!), 'the state file holds a token value');
  });

  test('a state file written with values in its idempotency records is rewritten without them', async () => {
    const a = await start();
    const headers = { 'idempotency-key': 'persist-key-3' };
    const created = json<TokenBody>(await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Old' }, headers }));
    await a.close();
    // What older emulators wrote: the whole 201 response, value included.
    const old = JSON.parse(readFileSync(file, 'utf8')) as {
      accounts: { idempotency: { key: string; response: Record<string, unknown> }[] }[];
    };
    for (const acc of old.accounts)
      for (const r of acc.idempotency) if (r.key === 'persist-key-3') r.response.token = created.token;
    writeFileSync(file, JSON.stringify(old));

    const b = await start();
    await b.state.flush();
    assert.ok(!readFileSync(file, 'utf8').includes(created.token!));
    const replay = await call(b, '/v1/tokens/', { method: 'POST', body: { name: 'Old' }, headers });
    assert.equal(json<TokenBody>(replay).token, created.token, 'the value read at start serves replays of this run');
  });

  test('the file holds hashes, not token values, and is owner-only', async () => {
    const a = await start();
    const created = json<TokenBody>(await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Secret' } }));
    await a.close();
    assert.ok(!readFileSync(file, 'utf8').includes(created.token!));
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o077, 0);
  });

  test('a temp file left by a crash mid-write is ignored and removed', async () => {
    const a = await start();
    await call(a, '/v1/tokens/', { method: 'POST', body: { name: 'Before the crash' } });
    await a.close();
    const good = readFileSync(file, 'utf8');
    // What a crash between "write temp" and "rename" leaves: a partial temp file.
    writeFileSync(`${file}.tmp-99999-1`, good.slice(0, good.length / 2));

    const b = await start();
    const page = json<PageBody>(await call(b, '/v1/tokens/?limit=500'));
    assert.ok(page.results.some((t) => t.name === 'Before the crash'));
    assert.deepEqual(readdirSync(dir), ['state.json']);
    assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')));
  });

  test('a corrupt state file is refused, not overwritten', async () => {
    writeFileSync(file, '{"version": 1, "accounts": [');
    await assert.rejects(startEmulator({ persistFile: file }), SyntaxError);
    assert.equal(readFileSync(file, 'utf8'), '{"version": 1, "accounts": [');
  });

  test('a fresh file is created at start, with the seed', async () => {
    assert.equal(existsSync(file), false);
    const a = await start();
    await a.state.flush();
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).version, 1);
    assert.equal(a.state.tokenCount(a.credential), 8);
  });
});
