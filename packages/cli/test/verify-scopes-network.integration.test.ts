// verify --scopes when the network is down or the server is not PredictHQ: it stops at the
// first connection that cannot be opened and names the host, one deadline bounds it, and a
// server answering 404 to everything (a wrong --api-url, a proxy) is not "valid". Every
// server is on 127.0.0.1.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';
import { baseEnv, buildCli, run } from './helpers';

const FAKE = 'Zz9'.repeat(14) + 'Z'; // token-shaped, obviously fake

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

const closeServer = (server: net.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const env = (url: string, extra: Record<string, string> = {}) =>
  baseEnv({
    PHQ_API_URL: url,
    PHQ_API_TOKEN: FAKE,
    PHQ_TOKENS_RETRY_BASE_MS: '1',
    PHQ_TOKENS_RETRY_JITTER_MS: '0',
    ...extra,
  });

suite('phq-tokens verify --scopes on a broken network or a server that is not PredictHQ (e2e)', () => {
  suiteSetup(() => buildCli());

  test('connection refused: exit 5 at the first family, the host named, no retries', async () => {
    const s = net.createServer();
    const host = await listen(s);
    await closeServer(s);
    const r = await run(['verify', '--scopes'], { env: env(`http://${host}`) });
    assert.equal(r.code, 5, r.stderr);
    assert.equal(
      r.stdout.split('\n')[0],
      `unreachable: could not connect to ${host} (connection refused); no API family was asked after that.`,
    );
    assert.doesNotMatch(r.stderr, /retry/, 'a connection that cannot be opened is not retried');
    const j = await run(['verify', '--scopes', '--json'], { env: env(`http://${host}`) });
    const out = JSON.parse(j.stdout) as { status: string; stopped: { reason: string; host: string } };
    assert.equal(out.status, 'unreachable');
    assert.deepEqual([out.stopped.reason, out.stopped.host], ['network', host]);
  });

  test('a server that accepts and never answers: the deadline ends it, exit 5', async () => {
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((c) => sockets.add(c.on('error', () => undefined)));
    const host = await listen(hole);
    try {
      const r = await run(['verify', '--scopes'], {
        env: env(`http://${host}`, { PHQ_TOKENS_PROBE_DEADLINE_MS: '500' }),
      });
      assert.equal(r.code, 5, r.stderr);
      assert.match(r.stdout, new RegExp(`^unreachable: ${host.replace(/\./g, '\\.')} did not answer within 0\\.5 s`));
    } finally {
      for (const c of sockets) c.destroy();
      await closeServer(hole);
    }
  });

  test('404 to everything: not "valid", nothing granted, exit 4 like plain verify', async () => {
    const server = http.createServer((req, res) => {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    });
    const host = await listen(server);
    try {
      const r = await run(['verify', '--scopes'], { env: env(`http://${host}`) });
      assert.equal(r.code, 4, r.stdout + r.stderr);
      assert.match(r.stdout, /^not confirmed: no API family accepted the token/);
      assert.doesNotMatch(r.stdout, /\byes\b/);
      const plain = await run(['verify'], { env: env(`http://${host}`) });
      assert.equal(plain.code, 4);
    } finally {
      server.closeAllConnections();
      await closeServer(server);
    }
  });

  suite('against the public-only emulator', () => {
    let emu: RunningEmulator;
    suiteSetup(async () => {
      emu = await startEmulator({ publicOnly: true });
    });
    suiteTeardown(() => emu.close());

    test('a wrong path under the emulator (404s): exit 4, no family granted; the right URL: valid', async () => {
      const value = emu.publicTokens.find((t) => t.name === 'Production')!.value;
      const wrong = await run(['verify', '--scopes', '--json'], {
        env: env(`${emu.url}/api`, { PHQ_API_TOKEN: value }),
      });
      assert.equal(wrong.code, 4, wrong.stderr);
      const out = JSON.parse(wrong.stdout) as { status: string; families: { state: string }[] };
      assert.equal(out.status, 'unconfirmed');
      assert.ok(out.families.every((f) => f.state !== 'granted'));
      const right = await run(['verify', '--scopes'], { env: env(emu.url, { PHQ_API_TOKEN: value }) });
      assert.equal(right.code, 0, right.stderr);
    });
  });
});
