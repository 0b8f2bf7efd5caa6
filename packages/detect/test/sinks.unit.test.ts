// The "Bearer <instruction>" sink: short instructions are placeholders; prose is not; and the
// look-ahead is bounded, so a line of thousands of "Bearer" in one string stays linear.
import assert from 'node:assert/strict';
import { scan } from '../src';

const py = (s: string) => scan(s, { languageId: 'python', fileName: 'client.py' });

suite('Bearer instructions (unit)', () => {
  test('a short instruction naming the token is a placeholder', () => {
    const f = py(
      'URL = "https://api.predicthq.com/v1/events/"\nheaders = {"Authorization": "Bearer Your PredictHQ API Token"}\n',
    );
    assert.ok(
      f.some((x) => x.kind === 'placeholder'),
      JSON.stringify(f),
    );
  });

  test('prose longer than an instruction after "Bearer" is not a finding', () => {
    const words = 'token authentication is not permitted here because the connection is not secure and '.repeat(3);
    assert.deepEqual(py(`raise ValueError("Bearer ${words}")\n`), []);
  });

  test('thousands of "Bearer $API_TOKEN" in one unterminated string: one finding each', () => {
    const n = 3000;
    const f = py(`"${'Bearer $API_TOKEN '.repeat(n)}`);
    assert.equal(f.length, n);
  });
});
