import assert from 'node:assert/strict';
import { scan } from '../src';
import { at, summary } from './helpers';

suite('placeholders (smoke)', () => {
  test('Python string literal flagged, f-string interpolation and os.environ not', () => {
    const text = 'h = {"Authorization": "Bearer $API_TOKEN"}\nx = f"Bearer {api_token}"\nz = os.environ["API_TOKEN"]\n';
    assert.deepEqual(summary(scan(text, { languageId: 'python' })), [at(text, '$API_TOKEN', 'phq/placeholder')]);
  });
});
