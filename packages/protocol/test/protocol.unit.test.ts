import assert from 'node:assert/strict';
import {
  CreateTokenAndInsert,
  InsertToken,
  TokensChanged,
  isCreateTokenAndInsertArgs,
  isInsertTokenArgs,
  isTokenCompletionData,
  isTokensChangedParams,
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
});
