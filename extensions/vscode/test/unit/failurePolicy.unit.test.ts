import * as assert from 'node:assert/strict';
import { MAX_RESTARTS, ServerFailurePolicy, WINDOW_MS } from '../../src/lsp/failurePolicy';

// The client library's enum values (vscode-languageclient needs vscode, so not imported here).
const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;

function policy() {
  let now = 0;
  const lines: string[] = [];
  const told: string[] = [];
  const p = new ServerFailurePolicy({
    actions: { error: ErrorAction as never, close: CloseAction as never },
    log: { warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) },
    notify: (m) => told.push(m),
    now: () => now,
  });
  return { p, lines, told, tick: (ms: number) => (now += ms) };
}

suite('language server failure policy', () => {
  test(`restarts ${MAX_RESTARTS} times in 3 minutes, logs each, then stops and tells the user once`, () => {
    const { p, lines, told, tick } = policy();
    for (let i = 0; i < MAX_RESTARTS; i++) {
      assert.deepEqual(p.closed(), { action: CloseAction.Restart, handled: true });
      tick(1000);
    }
    assert.equal(told.length, 0);
    assert.deepEqual(p.closed(), { action: CloseAction.DoNotRestart, handled: true });
    assert.deepEqual(p.closed(), { action: CloseAction.DoNotRestart, handled: true });
    assert.equal(told.length, 1, 'told once');
    assert.match(told[0]!, /stopped 5 times in 3 minutes/);
    assert.equal(lines.filter((l) => l.includes('; restarting it')).length, MAX_RESTARTS);
    assert.ok(lines.some((l) => l.startsWith('error ') && l.includes('not restarting it')));
    assert.equal(p.restartCount, MAX_RESTARTS);
  });

  test('crashes further apart than 3 minutes keep being restarted', () => {
    const { p, told, tick } = policy();
    for (let i = 0; i < 20; i++) {
      assert.equal(p.closed().action, CloseAction.Restart, `crash ${i}`);
      tick(WINDOW_MS / 2);
    }
    assert.equal(told.length, 0);
  });

  test('connection errors: continue for 3 in a row, then shut down; all logged', () => {
    const { p, lines } = policy();
    assert.equal(p.error(new Error('bad'), undefined, 1).action, ErrorAction.Continue);
    assert.equal(p.error(new Error('bad'), undefined, 3).action, ErrorAction.Continue);
    assert.equal(p.error(new Error('bad'), undefined, 4).action, ErrorAction.Shutdown);
    assert.equal(lines.length, 3);
  });

  test('a failed initialize is logged, told once, and not retried; reset() gives a fresh budget', () => {
    const { p, told } = policy();
    assert.equal(p.initializationFailed(new Error('boom')), false);
    assert.equal(p.initializationFailed(new Error('boom')), false);
    assert.equal(told.length, 1);
    p.reset();
    assert.equal(p.initializationFailed(new Error('boom')), false);
    assert.equal(told.length, 2);
  });
});
