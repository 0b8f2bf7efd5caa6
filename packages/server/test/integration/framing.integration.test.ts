// Broken framing on stdin (an invalid Content-Length, ...) makes the bundled server exit
// with an error, so the client restarts it, instead of running on without ever answering.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { FramingWatch, MAX_BODY_BYTES } from '../../src/framing';
import { ensureBundle } from '../support/bundle';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});

interface Outcome {
  code: number | null;
  answered: boolean;
  stderr: string;
}

/** Starts the server, initializes it, sends `broken`, and waits (at most 15 s) for it to exit. */
function run(broken: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ensureBundle(), '--stdio'], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: null, answered: stdout.includes('"id":1'), stderr });
    }, 15_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      // Break the stream only once the server has answered initialize: it is listening.
      if (!sent && stdout.includes('"id":1')) {
        sent = true;
        child.stdin.write(broken);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, answered: sent, stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.write(frame(initialize));
  });
}

suite('broken framing on stdin (bundled server)', function () {
  this.timeout(60_000);
  const cases: [string, string, RegExp][] = [
    ['an invalid Content-Length', 'Content-Length: abc\r\n\r\n{}', /Content-Length that is not a number/],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}', /without Content-Length/],
    ['a header line without a colon', 'hello\r\n\r\n{}', /header line without/],
    ['a header that never ends', 'x'.repeat(20_000), /header block longer/],
    // An absurd length followed by data: without the cap the server buffers on and never exits.
    [
      'an absurd Content-Length',
      `Content-Length: 99999999999\r\n\r\n${'x'.repeat(1024 * 1024)}`,
      /over the 128 MiB cap/,
    ],
    [
      'a Content-Length one byte over the cap',
      `Content-Length: ${MAX_BODY_BYTES + 1}\r\n\r\n{}`,
      /over the 128 MiB cap/,
    ],
  ];
  for (const [what, bytes, reason] of cases) {
    test(`${what}: the server exits with an error and says why`, async () => {
      const r = await run(bytes);
      assert.ok(r.answered, 'the server answered initialize first');
      assert.equal(r.code, 1, `exit code (null = still running after 15 s); stderr: ${r.stderr}`);
      assert.match(r.stderr, /broken message framing on stdin/);
      assert.match(r.stderr, reason);
    });
  }

  test('well-framed messages split and joined across chunks are not mistaken for broken framing', () => {
    const w = new FramingWatch();
    const bytes = Buffer.from(
      frame(initialize) + frame('{"jsonrpc":"2.0","method":"initialized","params":{}}') + frame('{}'),
    );
    for (let i = 0; i < bytes.length; i += 7) assert.equal(w.feed(bytes.subarray(i, i + 7)), undefined, `at ${i}`);
    assert.equal(new FramingWatch().feed(Buffer.concat([bytes, bytes])), undefined);
    const headers = Buffer.from(
      'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}',
    );
    assert.equal(new FramingWatch().feed(headers), undefined);
    assert.equal(new FramingWatch().feed(Buffer.from(`Content-Length: ${MAX_BODY_BYTES}\r\n\r\n{}`)), undefined);
  });
});
