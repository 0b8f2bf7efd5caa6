// A token of yours written in a file: an error only where git would commit the file. A file git
// ignores, or that no repository holds (the .env the extension writes), is where a value may
// live: a hint at most, and a setting that turned the rule down still wins.
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { BlockText } from '../../src/blockText';
import { toDiagnostics } from '../../src/diagnostics';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/settings';
import { tokenState } from '../../src/tokens';
import { finding, token, tokensParams } from '../support/fixtures';

const TEXT = 'PHQ_API_TOKEN=written-here\n';
const known = finding('known-token', TEXT, 'written-here', { tokenId: 'tok_env' });
const tokens = tokenState(tokensParams([token('tok_env', 'Deploy', ['events'])]));
const judge = (git: Parameters<typeof toDiagnostics>[6], settings = DEFAULT_SETTINGS) =>
  toDiagnostics([known], new BlockText(TEXT), settings, 'dotenv', tokens, undefined, git)[0];

suite('known token: severity by where the file goes (unit)', () => {
  test('committed: error; ignored or in no repository: hint; not saved yet: as the rule says', () => {
    const rule = judge('committed')?.severity; // the rule's own severity (error or warning by language)
    assert.ok(rule !== undefined && rule < DiagnosticSeverity.Information, String(rule));
    assert.match(String(judge('committed')?.message), /Git would commit this file/);
    assert.equal(judge('ignored')?.severity, DiagnosticSeverity.Hint);
    const none = judge('no-repository');
    assert.equal(none?.severity, DiagnosticSeverity.Hint, 'the .env the extension wrote is not an error');
    assert.match(String(none?.message), /no git repository holds: fine on this machine/);
    assert.doesNotMatch(String(none?.message), /Read it from/, 'no circular advice');
    assert.equal(judge('unknown')?.severity, rule);
  });

  test('a rule turned off stays off', () => {
    const off = normalizeSettings({ severity: { 'known-token': 'off' } }).settings;
    assert.equal(judge('no-repository', off), undefined);
  });
});
