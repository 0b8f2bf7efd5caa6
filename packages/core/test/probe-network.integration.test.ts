// The probe on a network that is down or a server that is not PredictHQ: it stops at the first
// connection that cannot be opened and names the host, one deadline bounds the whole probe,
// and only PredictHQ's own answers count (a 404 page is not a grant). Every server here is on
// 127.0.0.1: a closed port (refused), a socket that accepts and never answers (a black hole),
// plain HTTP servers answering 404 / 200 pages, and the public-only emulator.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { startEmulator, type RunningEmulator } from '@phq-tokens/emulator';
import { API_FAMILIES } from '@phq-tokens/families';
import { grantedScopes, probeToken, unknownScopes, type ProbeResult } from '../src';
import { recorder } from './helpers';

const FAKE = 'Zz9'.repeat(14) + 'Z'; // token-shaped, obviously fake

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

async function close(server: net.Server): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A port on 127.0.0.1 that nothing listens on: connections are refused at once. */
async function closedPort(): Promise<string> {
  const s = net.createServer();
  const host = await listen(s);
  await close(s);
  return host;
}

/** Answers every request with `status`, `type` and `body`. */
async function plainServer(
  status: number,
  type: string,
  body: string,
): Promise<{ host: string; stop: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': type }).end(body);
  });
  const host = await listen(server);
  return {
    host,
    stop: async () => {
      server.closeAllConnections();
      await close(server);
    },
  };
}

suite('probeToken when the network is down or the server is not PredictHQ', () => {
  test('a refused connection stops the probe at the first family, without retries, naming the host', async () => {
    const host = await closedPort();
    const rec = recorder();
    let asked = 0;
    const r = await probeToken(`http://${host}`, FAKE, { retry: rec.retry, onFamily: () => asked++ });
    assert.equal(r.status, 'unreachable');
    assert.equal(asked, 1, 'one family tried, not all 11');
    assert.deepEqual(rec.delays, [], 'a connection that cannot be opened is not retried');
    assert.equal(r.stopped?.reason, 'network');
    assert.equal(r.stopped?.causeCode, 'ECONNREFUSED');
    assert.equal(r.stopped?.host, host);
    assert.match(
      r.stopped?.message ?? '',
      new RegExp(`could not connect to ${host.replace(/\./g, '\\.')} \\(connection refused\\)`),
    );
    assert.equal(r.families.length, API_FAMILIES.length, 'families never asked are listed as unknown');
    assert.deepEqual(
      unknownScopes(r),
      API_FAMILIES.map((f) => f.id),
    );
  });

  test('a server that accepts and never answers: the one deadline ends the probe', async () => {
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    const host = await listen(hole);
    try {
      let asked = 0;
      const r = await probeToken(`http://${host}`, FAKE, {
        retry: recorder().retry,
        deadlineMs: 300,
        onFamily: () => asked++,
      });
      assert.equal(r.status, 'unreachable');
      assert.equal(r.stopped?.reason, 'deadline');
      assert.equal(r.stopped?.message, `${host} did not answer within 0.3 s`);
      assert.equal(asked, 1);
      assert.ok(r.families.every((f) => f.state === 'unknown' && f.kind === 'timeout'));
    } finally {
      for (const s of sockets) s.destroy();
      await close(hole);
    }
  });

  test('the user cancelling is still a cancellation, not a deadline', async () => {
    const sockets = new Set<net.Socket>();
    const hole = net.createServer((s) => sockets.add(s));
    const host = await listen(hole);
    try {
      const ac = new AbortController();
      const p = probeToken(`http://${host}`, FAKE, {
        signal: ac.signal,
        onFamily: () => setTimeout(() => ac.abort(), 20),
      });
      await assert.rejects(p, (e: { kind?: string }) => e.kind === 'cancelled');
    } finally {
      for (const s of sockets) s.destroy();
      await close(hole);
    }
  });

  const notValid = async (status: number, type: string, body: string): Promise<ProbeResult> => {
    const server = await plainServer(status, type, body);
    try {
      return await probeToken(`http://${server.host}`, FAKE, { retry: recorder().retry });
    } finally {
      await server.stop();
    }
  };

  test('a plain 404 for everything (a wrong URL, a proxy) grants nothing and is not "valid"', async () => {
    const r = await notValid(404, 'text/html', '<h1>Not Found</h1>');
    assert.equal(r.status, 'unconfirmed');
    assert.deepEqual(grantedScopes(r), []);
    assert.ok(r.families.every((f) => f.status === 404 && f.kind === 'not-found'));
  });

  test("JSON 404s in some other shape, and 403s that are not PredictHQ's, decide nothing", async () => {
    const r = await notValid(404, 'application/json', '{"error":"Not Found","status":404,"path":"/v1/events/"}');
    assert.equal(r.status, 'unconfirmed');
    assert.deepEqual(grantedScopes(r), []);
    const forbidden = await notValid(403, 'text/html', '<h1>Blocked by policy</h1>');
    assert.equal(forbidden.status, 'unconfirmed');
    assert.ok(
      forbidden.families.every((f) => f.state === 'unknown'),
      "a proxy's 403 is not a missing scope",
    );
  });

  test('even PredictHQ\'s error shape on every path is not "valid" when no family answered 2xx', async () => {
    const r = await notValid(404, 'application/json', '{"error":"Not found"}');
    assert.equal(r.status, 'unconfirmed');
  });

  test('a 200 page that is not JSON (a captive portal) is not a grant', async () => {
    const r = await notValid(200, 'text/html', '<html>Sign in to the Wi-Fi</html>');
    assert.notEqual(r.status, 'valid');
    assert.deepEqual(grantedScopes(r), []);
  });

  suite('against the public-only emulator', () => {
    let emu: RunningEmulator;
    setup(async () => {
      emu = await startEmulator({ publicOnly: true });
    });
    teardown(async () => {
      emu.faults.clear();
      await emu.close();
    });

    test('a wrong path under the right host: 404 everywhere, not valid', async () => {
      const value = emu.publicTokens.find((t) => t.name === 'Production')!.value;
      const r = await probeToken(`${emu.url}/api`, value, { retry: recorder().retry });
      assert.equal(r.status, 'unconfirmed');
      assert.deepEqual(grantedScopes(r), []);
      const right = await probeToken(emu.url, value, { retry: recorder().retry });
      assert.equal(right.status, 'valid');
    });

    test('the deadline after some families answered: those kept, the rest unknown', async () => {
      const value = emu.publicTokens.find((t) => t.name === 'Production')!.value;
      emu.faults.inject({ route: 'GET /v1/loop/settings', kind: 'latency', delayMs: 120_000 });
      const r = await probeToken(emu.url, value, { retry: recorder().retry, deadlineMs: 5000 });
      assert.equal(r.status, 'valid');
      assert.equal(r.stopped?.reason, 'deadline');
      const loop = API_FAMILIES.findIndex((f) => f.id === 'loop');
      assert.equal(r.families.find((f) => f.scope === 'events')?.state, 'granted');
      for (const f of r.families.slice(loop)) assert.deepEqual([f.state, f.kind], ['unknown', 'timeout'], f.scope);
      assert.equal(r.families.length, API_FAMILIES.length);
    });
  });
});
