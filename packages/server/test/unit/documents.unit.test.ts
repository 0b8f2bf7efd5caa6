// DocState feeds edits to the engine incrementally: findings before an edit keep their
// identity (not re-examined), and results always equal a fresh scan.
import assert from 'node:assert/strict';
import { DocState } from '../../src/documents';
import { freshScan } from '../../src/engine';
import { EMPTY_TOKEN_STATE } from '../../src/tokens';

const LINE = 'h = {"Authorization": "Bearer $API_TOKEN"}\n';

suite('DocState', () => {
  test('an edit near the end leaves earlier findings untouched and matches a fresh scan', () => {
    const text = LINE + 'x = 1\n'.repeat(5000) + LINE;
    const st = new DocState('file:///d.py', 'python', 1, text, EMPTY_TOKEN_STATE);
    const before = st.findings();
    assert.equal(before.length, 2);
    const end = { line: 5002, character: 0 };
    st.applyChanges([{ range: { start: end, end }, text: LINE }], 2);
    const after = st.findings();
    assert.equal(after.length, 3);
    assert.equal(after[0], before[0], 'the first finding was not re-examined');
    assert.equal(st.version, 2);
    const fresh = freshScan(st.doc.getText(), st.scanOptions).map((f) => [f.offset, f.ruleId]);
    assert.deepEqual(
      after.map((f) => [f.offset, f.ruleId]),
      fresh,
    );
  });
  test('a full-text change replaces everything; plain text files get their language from the name', () => {
    const st = new DocState('file:///w/.env', 'plaintext', 1, 'A=1\n', EMPTY_TOKEN_STATE);
    assert.equal(st.languageId, 'dotenv');
    assert.ok(st.isDotenv);
    st.applyChanges([{ text: LINE }], 5);
    assert.equal(st.doc.getText(), LINE);
    assert.equal(st.version, 5);
  });
});
