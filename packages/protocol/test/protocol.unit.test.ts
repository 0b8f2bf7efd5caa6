import assert from 'node:assert/strict';
import {
  CreateTokenAndInsert,
  InsertToken,
  TokensChanged,
  isCreateTokenAndInsertArgs,
  isInsertTokenArgs,
  isTokenCompletionData,
  isTokensChangedParams,
  carriesValue,
  PARTIAL_MIN,
  redactValues,
  valueStandIn,
} from '../src/index';

const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 12 } };
const token = {
  id: 'tok_1',
  name: 'Client | Prod',
  scopes: ['events'],
  createdAt: '2026-01-01T00:00:00Z',
  lastUsedAt: null,
  fingerprint: 'sha256:abc',
  valueAvailable: true,
};
const scope = { id: 'events', label: 'Events', description: 'Events API', pathPrefixes: ['/v1/events/'] };

suite('protocol: declarations', () => {
  test('method and command ids are the documented ones', () => {
    assert.equal(TokensChanged.method, 'phq/tokensChanged');
    assert.equal(TokensChanged.type.method, 'phq/tokensChanged');
    assert.equal(InsertToken.command, 'phq.insertToken');
    assert.equal(CreateTokenAndInsert.command, 'phq.createTokenAndInsert');
  });
});

suite('protocol: type guards', () => {
  test('insertToken args', () => {
    assert.ok(isInsertTokenArgs({ tokenId: 't', uri: 'file:///a.py', range }));
    assert.ok(isInsertTokenArgs({ tokenId: 't', uri: 'file:///a.py', range, version: 3 }));
    assert.ok(!isInsertTokenArgs({ tokenId: 't', uri: 'file:///a.py' }));
    assert.ok(!isInsertTokenArgs({ tokenId: 1, uri: 'file:///a.py', range }));
    assert.ok(
      !isInsertTokenArgs({ tokenId: 't', uri: 'u', range: { start: { line: 'x', character: 0 }, end: range.end } }),
    );
    assert.ok(!isInsertTokenArgs(null));
  });
  test('createTokenAndInsert args', () => {
    assert.ok(isCreateTokenAndInsertArgs({ uri: 'u', range, scopes: ['events'] }));
    assert.ok(isCreateTokenAndInsertArgs({ uri: 'u', range, scopes: [], suggestedName: 'n' }));
    assert.ok(!isCreateTokenAndInsertArgs({ uri: 'u', range, scopes: [1] }));
    assert.ok(!isCreateTokenAndInsertArgs({ uri: 'u', range }));
  });
  test('completion data', () => {
    assert.ok(isTokenCompletionData({ phq: 'token', tokenId: 't' }));
    assert.ok(!isTokenCompletionData({ tokenId: 't' }));
  });
  test('tokensChanged params', () => {
    assert.ok(isTokensChangedParams({ tokens: [token], scopes: [scope], workspaceTrusted: true }));
    assert.ok(isTokensChangedParams({ tokens: [], scopes: [], workspaceTrusted: false, chosenTokenId: null }));
    assert.ok(
      !isTokensChangedParams({ tokens: [{ ...token, valueAvailable: 'yes' }], scopes: [], workspaceTrusted: true }),
    );
    assert.ok(!isTokensChangedParams({ tokens: [], scopes: [{ id: 'x' }], workspaceTrusted: true }));
    assert.ok(!isTokensChangedParams({ tokens: [], scopes: [] }));
  });
});

suite('protocol: value redaction', () => {
  test('stand-ins are deterministic, token-shaped, per id, and as long as the value', () => {
    const a = valueStandIn('tok_1');
    assert.equal(a, valueStandIn('tok_1'));
    assert.notEqual(a, valueStandIn('tok_2'));
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(valueStandIn('tok_1', 10).length, 10);
  });
  test('redactValues replaces every occurrence and keeps offsets', () => {
    const value = 'v'.repeat(20) + Math.random().toString(36).slice(2);
    const text = `a = "${value}"\nb = '${value}'\n`;
    const red = redactValues(text, [{ tokenId: 'tok_1', value }]);
    assert.equal(red.length, text.length);
    assert.ok(!red.includes(value));
    assert.equal(red.split(valueStandIn('tok_1', value.length)).length, 3);
    assert.equal(redactValues('nothing here', [{ tokenId: 't', value }]), 'nothing here');
  });
  test('the start of a value typed by hand is redacted from PARTIAL_MIN characters on', () => {
    const value = 'Qx7' + 'k'.repeat(30) + 'Zq9_-abcde';
    const values = [{ tokenId: 'tok_1', value }];
    const standIn = valueStandIn('tok_1', value.length);
    for (let n = 1; n <= value.length; n++) {
      const text = `h = "Bearer ${value.slice(0, n)}"`;
      const red = redactValues(text, values);
      assert.equal(red.length, text.length);
      if (n < PARTIAL_MIN) {
        assert.equal(red, text, `${n} characters are left alone`);
        assert.ok(!carriesValue(text, values));
      } else {
        // The stand-in of a longer part extends the shorter one: typing on stays consistent.
        assert.equal(red, `h = "Bearer ${standIn.slice(0, n)}"`, `${n} characters`);
        assert.ok(carriesValue(text, values));
      }
    }
    // A part and a whole value in one text, and a value right after another one's part.
    const other = { tokenId: 'tok_2', value: 'Other' + '9'.repeat(38) };
    const text = `${value.slice(0, 10)} ${value} ${other.value.slice(0, 7)}${value.slice(0, 6)}`;
    const red = redactValues(text, [...values, other]);
    assert.equal(red, `${standIn.slice(0, 10)} ${standIn} ${valueStandIn('tok_2', 7)}${standIn.slice(0, 6)}`);
    assert.ok(!carriesValue(red, [...values, other]), 'stand-ins do not look like values');
  });

  test('a long run of a character the value repeats is redacted without going quadratic', function () {
    // A fake value with a run of 39 "x" and a file line of 200,000 "x": the run matches at
    // every offset. The old span check scanned every span per match and never finished here
    // (killed after minutes); the linear one takes about a second, more on a loaded machine,
    // so the limit only has to tell "finishes" from "hangs".
    this.timeout(60_000);
    const value = `FAKE${'x'.repeat(39)}`;
    const text = `# ${'x'.repeat(200_000)}\n`;
    const red = redactValues(text, [{ tokenId: 'tok_run', value }]);
    assert.equal(red.length, text.length);
    assert.ok(!red.includes('x'.repeat(PARTIAL_MIN)), 'no run of PARTIAL_MIN of the value is left');
  });

  test('what an edit leaves of a value (its middle or end, cut anywhere) is redacted too', () => {
    const value = 'Qx7Lm2' + 'Vb9Tz1Kc4Np8Rd3Wf6Yh0Js5Ag7'.slice(0, 31) + 'Zq9_-a';
    const values = [{ tokenId: 'tok_1', value }];
    const standIn = valueStandIn('tok_1', value.length);
    let seed = 11;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let i = 0; i < 300; i++) {
      // Delete a random piece of the value (as an edit might), keep the rest in place.
      const a = rnd(value.length);
      const b = Math.min(value.length, a + 1 + rnd(8));
      const cut = value.slice(0, a) + value.slice(b);
      const text = `h = "Bearer ${cut}"`;
      const red = redactValues(text, values);
      assert.equal(red.length, text.length);
      for (let j = 0; j + PARTIAL_MIN <= value.length; j++)
        assert.ok(!red.includes(value.slice(j, j + PARTIAL_MIN)), `a run of ${PARTIAL_MIN} survived cut ${a}-${b}`);
      assert.equal(carriesValue(text, values), cut.length >= PARTIAL_MIN);
    }
    // The tail left after the start was deleted gets the stand-in's own tail: restoring stays consistent.
    const tail = value.slice(10);
    assert.equal(redactValues(`x${tail}`, values), `x${standIn.slice(10)}`);
  });
});
