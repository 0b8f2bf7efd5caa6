// verify + scope discovery with only PredictHQ's public API: the emulator in public-only
// mode (like api.predicthq.com), every status the issue lists, cancellation, one request at
// a time. Backoff is recorded, not slept.
import assert from 'node:assert/strict';
import { startEmulator, type PublicToken, type RunningEmulator } from '@phq-tokens/emulator';
import { contractErrors } from '@phq-tokens/emulator/contract';
import { API_FAMILIES } from '@phq-tokens/families';
import { grantedScopes, probeToken, unknownScopes, type ObservedResponse, type ProbeResult } from '../src';
import { recorder } from './helpers';

suite('probeToken against the public-only emulator', () => {
  let emu: RunningEmulator;
  let seen: ObservedResponse[];
  const token = (name: string): PublicToken => emu.publicTokens.find((t) => t.name === name)!;
  const probe = (value: string, extra: Parameters<typeof probeToken>[2] = {}): Promise<ProbeResult> =>
    probeToken(emu.url, value, { retry: recorder().retry, onResponse: (r) => seen.push(r), ...extra });

  setup(async () => {
    emu = await startEmulator({ publicOnly: true });
    seen = [];
  });
  teardown(async () => {
    await emu.close();
    const departures = seen.flatMap((r) => contractErrors(r));
    assert.deepEqual(departures, [], 'every answer matches the documented public API');
  });

  test('200: valid; a token with every scope is granted every family, one request each', async () => {
    const r = await probe(token('Production').value);
    assert.equal(r.status, 'valid');
    assert.equal(r.subscriptionExpired, false);
    assert.deepEqual(
      grantedScopes(r),
      API_FAMILIES.map((f) => f.id),
    );
    assert.equal(seen.length, API_FAMILIES.length);
    assert.ok(!Number.isNaN(Date.parse(r.checkedAt)));
    const inferred = r.families.filter((f) => f.inferred).map((f) => f.scope);
    assert.deepEqual(inferred, ['features', 'demand-surge', 'impact-area', 'suggested-radius']);
  });

  test('403 on a family = that scope missing; the rest granted', async () => {
    const r = await probe(token('Demand Forecasting | Model Training').value);
    assert.equal(r.status, 'valid', '403 on events still proves the token valid');
    assert.deepEqual(grantedScopes(r), ['features', 'places', 'forecasts']);
    assert.equal(r.families.find((f) => f.scope === 'events')?.state, 'missing');
    const events = await probe(token('Events Script').value);
    assert.deepEqual(grantedScopes(events), ['events']);
  });

  test('401: invalid (revoked), probing stops at the first request', async () => {
    const r = await probe(token('Old Laptop').value);
    assert.equal(r.status, 'invalid');
    assert.equal(seen.length, 1);
    const unknown = await probe('Zz'.repeat(21) + 'Z');
    assert.equal(unknown.status, 'invalid');
  });

  test('402: valid, subscription expired; families documenting 402 unknown, the others answered', async () => {
    const r = await probe(token('Lapsed Trial').value);
    assert.equal(r.status, 'valid');
    assert.equal(r.subscriptionExpired, true);
    const paying = API_FAMILIES.filter((f) => f.paymentRequired).map((f) => f.id);
    assert.deepEqual(unknownScopes(r), paying);
    assert.ok(grantedScopes(r).includes('places'));
  });

  test('429 and 5xx after the retries leave that family unknown, and the next family is probed', async () => {
    emu.faults.inject({ route: 'GET /v1/broadcasts/', kind: 'status', status: 429, retryAfter: 1, times: 4 });
    emu.faults.inject({ route: 'GET /v1/places', kind: 'status', status: 503, times: 4 });
    const rec = recorder();
    const r = await probe(token('Production').value, { retry: rec.retry });
    assert.equal(r.status, 'valid');
    assert.deepEqual(unknownScopes(r), ['broadcasts', 'places']);
    assert.equal(r.families.find((f) => f.scope === 'broadcasts')?.kind, 'rate-limited');
    assert.equal(r.families.find((f) => f.scope === 'places')?.kind, 'server');
    assert.equal(rec.delays.length, 6, 'three retries each, as PredictHQ advises');
  });

  test('a transient failure that recovers within the retries is a clean answer', async () => {
    emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 500, times: 2 });
    const r = await probe(token('Events Script').value);
    assert.deepEqual(grantedScopes(r), ['events']);
    assert.deepEqual(unknownScopes(r), []);
  });

  test('connection reset and timeouts: unknown; nothing answering at all is "unreachable"', async () => {
    emu.faults.inject({ route: 'GET /v1/events/', kind: 'drop', times: 4 });
    emu.faults.inject({ route: 'GET /v1/loop/settings', kind: 'latency', delayMs: 2000, times: 4 });
    const r = await probe(token('Production').value, { timeoutMs: 300 });
    assert.equal(r.families.find((f) => f.scope === 'events')?.kind, 'network');
    assert.equal(r.families.find((f) => f.scope === 'loop')?.kind, 'timeout');
    assert.equal(r.status, 'valid', 'the other families answered');
    emu.faults.inject({ route: '*', kind: 'status', status: 503 });
    const down = await probe(token('Production').value);
    assert.equal(down.status, 'unreachable');
    emu.faults.clear();
  });

  test('cancellation throws, even during a backoff wait', async () => {
    const ac = new AbortController();
    emu.faults.inject({ route: 'GET /v1/events/', kind: 'status', status: 503 });
    const p = probe(token('Production').value, {
      signal: ac.signal,
      retry: {
        sleep: (_ms, signal) =>
          new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      },
    });
    setTimeout(() => ac.abort(), 50);
    await assert.rejects(p, (e: { kind?: string }) => e.kind === 'cancelled');
    emu.faults.clear();
  });

  test('a value that cannot be sent (spaces, control characters) is invalid without a request', async () => {
    for (const v of ['', '   ', 'has space', 'line\nbreak']) assert.equal((await probe(v)).status, 'invalid');
    assert.equal(seen.length, 0);
  });

  test('requests go one at a time', async () => {
    let inFlight = 0;
    let max = 0;
    emu.faults.inject({ route: '*', kind: 'latency', delayMs: 20 });
    const r = await probeToken(emu.url, token('Production').value, {
      onFamily: () => {
        inFlight++;
        max = Math.max(max, inFlight);
      },
      onResponse: () => {
        inFlight--;
      },
    });
    emu.faults.clear();
    assert.equal(r.status, 'valid');
    assert.equal(max, 1);
  });
});
