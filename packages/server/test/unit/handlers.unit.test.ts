// The pure handlers called directly, with hand-made findings (the integration tests drive
// the same functions through real LSP with the real engine).
import assert from 'node:assert/strict';
import type { CodeAction, CompletionItem } from 'vscode-languageserver';
import { BlockText } from '../../src/blockText';
import { codeActions } from '../../src/codeActions';
import { completionItems, resolveCompletion, UNTRUSTED_NOTE } from '../../src/completion';
import { completionSite } from '../../src/completionContext';
import { toDiagnostics } from '../../src/diagnostics';
import { hover } from '../../src/hover';
import { fileFamilies, scopeProblems } from '../../src/scopeCheck';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/settings';
import { tokenState } from '../../src/tokens';
import { finding, token, tokensParams } from '../support/fixtures';

const LINE1 = 'r = get("https://api.predicthq.com/v1/features/", headers={"Authorization": "Bearer $API_TOKEN"})';
const TEXT = `import os\n${LINE1}\n`;
const doc = new BlockText(TEXT);
const ph = finding('placeholder', TEXT, '$API_TOKEN', { placeholder: '$API_TOKEN' });
const ep = finding('endpoint', TEXT, '/v1/features/', { family: 'features' });
const findings = [ep, ph].sort((a, b) => a.offset - b.offset);
const ev = token('tok_ev', 'Events only', ['events']);
const both = token('tok_both', 'Acme | Both', ['events', 'features']);

suite('pure handlers', () => {
  test('toDiagnostics: endpoints are not diagnostics; severity settings; maxDiagnostics; off', () => {
    const d = toDiagnostics(findings, doc, DEFAULT_SETTINGS, 'python', tokenState(tokensParams([])));
    assert.equal(d.length, 1);
    assert.equal(d[0]!.code, 'phq/placeholder');
    assert.deepEqual(d[0]!.data, { kind: 'placeholder' });
    assert.deepEqual(d[0]!.range.start, { line: 1, character: LINE1.indexOf('$') });
    const off = normalizeSettings({ severity: { placeholder: 'off' } }).settings;
    assert.deepEqual(toDiagnostics(findings, doc, off, 'python', tokenState(tokensParams([]))), []);
    const none = normalizeSettings({ maxDiagnostics: 0 }).settings;
    assert.deepEqual(toDiagnostics(findings, doc, none, 'python', tokenState(tokensParams([]))), []);
  });

  test('scope check: the chosen token lacks features; a token in the file wins over the chosen one', () => {
    const chosen = tokenState(tokensParams([ev, both], true, 'tok_ev'));
    const p = scopeProblems(findings, chosen);
    assert.equal(p.length, 1);
    assert.match(p[0]!.message, /"Events only" lacks the "Features" scope/);
    const known = finding('known-token', TEXT, 'import', { tokenId: 'tok_both' });
    assert.deepEqual(scopeProblems([known, ...findings], chosen), []);
    assert.deepEqual([...fileFamilies(findings)], ['features']);
    const d = toDiagnostics(findings, doc, DEFAULT_SETTINGS, 'python', chosen);
    assert.deepEqual(
      d.map((x) => x.code),
      ['phq/placeholder', 'phq/missing-scope'],
    );
  });

  test('completion: env reference, token items by id only, create item; resolve adds docs only', () => {
    const site = completionSite(LINE1, LINE1.indexOf('$') + 3, TEXT.indexOf(LINE1), findings, false)!;
    const tokens = tokenState(tokensParams([ev, both], true));
    const list = completionItems({
      uri: 'file:///a.py',
      line: 1,
      lineText: LINE1,
      site,
      languageId: 'python',
      isDotenv: false,
      settings: DEFAULT_SETTINGS,
      tokens,
      families: fileFamilies(findings),
      labelDetailsSupport: false,
    });
    const labels = list.items.map((i) => i.label);
    assert.deepEqual(labels, [
      'os.environ["PHQ_API_TOKEN"]',
      'Both (Acme)',
      'Events only',
      'Create a new PredictHQ token…',
    ]);
    const item = list.items[1]!;
    assert.equal(item.preselect, true);
    assert.deepEqual(item.data, { phq: 'token', tokenId: 'tok_both' });
    const resolved: CompletionItem = resolveCompletion(item, tokens);
    assert.match((resolved.documentation as { value: string }).value, /Scopes: Events, Features/);
    assert.deepEqual({ ...resolved, documentation: undefined }, { ...item, documentation: undefined });
    const untrusted = completionItems({
      uri: 'file:///a.py',
      line: 1,
      lineText: LINE1,
      site,
      languageId: 'python',
      isDotenv: false,
      settings: DEFAULT_SETTINGS,
      tokens: tokenState(tokensParams([ev, both], false)),
      families: fileFamilies(findings),
    });
    assert.deepEqual(
      untrusted.items.map((i) => i.label),
      ['os.environ["PHQ_API_TOKEN"]', UNTRUSTED_NOTE],
    );
  });

  test('code actions: preferred token covers the file; only filters kinds', () => {
    const input = {
      uri: 'file:///a.py',
      version: 4,
      doc,
      findings,
      range: { start: { line: 1, character: LINE1.indexOf('$') }, end: { line: 1, character: LINE1.indexOf('$') } },
      only: undefined,
      contextDiagnostics: [],
      tokens: tokenState(tokensParams([ev, both], true)),
      families: fileFamilies(findings),
    };
    const all: CodeAction[] = codeActions(input);
    assert.deepEqual(
      all.filter((a) => a.isPreferred).map((a) => a.title),
      ['Replace with token "Both (API client: Acme)"'],
    );
    assert.ok(all.some((a) => a.kind === 'source.fixAll.phq'));
    assert.ok(codeActions({ ...input, only: ['quickfix'] }).every((a) => a.kind === 'quickfix'));
    assert.ok(codeActions({ ...input, only: ['source'] }).every((a) => a.kind === 'source.fixAll.phq'));
    const lost = tokenState(
      tokensParams([ev, both, token('tok_lost', 'Lost', ['events'], { valueAvailable: false })], true),
    );
    const disabled = (x: CodeAction[]) => x.filter((a) => a.disabled).map((a) => a.title);
    assert.deepEqual(disabled(codeActions({ ...input, tokens: lost, disabledSupport: true })), [
      'Replace with token "Lost"',
    ]);
    assert.deepEqual(
      disabled(codeActions({ ...input, tokens: lost })),
      [],
      'only clients that support disabled actions get them',
    );
    const fixAll = codeActions({ ...input, only: ['source.fixAll'] })[0]!;
    assert.deepEqual(fixAll.edit!.changes!['file:///a.py']![0]!.newText, '"Bearer " + os.environ["PHQ_API_TOKEN"]');
  });

  test('hover: placeholder text; nothing outside findings', () => {
    const h = hover(findings, ph.offset + 1, doc, tokenState(tokensParams([])));
    assert.match((h!.contents as { value: string }).value, /401 Unauthorized/);
    assert.equal(hover(findings, 2, doc, tokenState(tokensParams([]))), null);
    const e = hover(findings, ep.offset + 2, doc, tokenState(tokensParams([])));
    assert.match((e!.contents as { value: string }).value, /features/);
  });
});
