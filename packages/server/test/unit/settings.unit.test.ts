import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, normalizeSettings, resolveSeverity } from '../../src/settings';

suite('settings', () => {
  test('missing or garbage configuration gives the defaults', () => {
    assert.deepEqual(normalizeSettings(undefined).settings, DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings(42).settings, DEFAULT_SETTINGS);
  });
  test('invalid values are dropped and reported', () => {
    const { settings, invalid } = normalizeSettings({
      envVarName: 'not a name',
      extraPatterns: ['MY_TOKEN', '(', 3],
      severity: { placeholder: 'error', 'hardcoded-token': 'loud' },
    });
    assert.equal(settings.envVarName, 'PHQ_API_TOKEN');
    assert.deepEqual(settings.extraPatterns, ['MY_TOKEN']);
    assert.deepEqual(settings.severity, { placeholder: 'error' });
    assert.equal(invalid.length, 3);
  });
  test('severity: language+rule > language+kind > rule > kind > engine default', () => {
    const { settings } = normalizeSettings({
      severity: { placeholder: 'info', 'phq/placeholder': 'hint' },
      severityByLanguage: { python: { placeholder: 'error' }, markdown: { 'phq/placeholder': 'off' } },
    });
    assert.equal(resolveSeverity(settings, 'python', 'phq/placeholder', 'placeholder', 'warning'), 'error');
    assert.equal(resolveSeverity(settings, 'markdown', 'phq/placeholder', 'placeholder', 'warning'), 'off');
    assert.equal(resolveSeverity(settings, 'go', 'phq/placeholder', 'placeholder', 'warning'), 'hint');
    assert.equal(resolveSeverity(settings, 'go', 'phq/x', 'placeholder', 'warning'), 'info');
    assert.equal(resolveSeverity(settings, 'go', 'phq/hardcoded-token', 'hardcoded-token', 'error'), 'error');
  });
});

suite('settings: maxDiagnostics', () => {
  test('defaults to 1000; a non-negative integer is taken', () => {
    assert.equal(normalizeSettings({}).settings.maxDiagnostics, 1000);
    assert.equal(normalizeSettings({ maxDiagnostics: 5 }).settings.maxDiagnostics, 5);
    assert.equal(normalizeSettings({ maxDiagnostics: -1 }).settings.maxDiagnostics, 1000);
  });
});
