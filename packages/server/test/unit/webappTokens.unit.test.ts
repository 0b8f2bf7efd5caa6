// Tokens added from the WebApp (scopes probed over the public API): a revoked one is never
// offered, a scope the probe could not decide is not reported missing, and a missing scope
// offers to create a token that has it.
import assert from 'node:assert/strict';
import { BlockText } from '../../src/blockText';
import { codeActions } from '../../src/codeActions';
import { completionItems } from '../../src/completion';
import { completionSite } from '../../src/completionContext';
import { fileFamilies, scopeProblems } from '../../src/scopeCheck';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { valueStandIn, type TokenInfo } from '@phq-tokens/protocol';
import { fingerprintOf } from '../../src/engine';
import { tokenState } from '../../src/tokens';
import { tokenMarkdown } from '../../src/tokenText';
import { finding, token, tokensParams } from '../support/fixtures';

const LINE1 = 'r = get("https://api.predicthq.com/v1/features/", headers={"Authorization": "Bearer $API_TOKEN"})';
const TEXT = `import os\n${LINE1}\n`;
const doc = new BlockText(TEXT);
const ph = finding('placeholder', TEXT, '$API_TOKEN', { placeholder: '$API_TOKEN' });
const ep = finding('endpoint', TEXT, '/v1/features/', { family: 'features' });
const findings = [ep, ph].sort((a, b) => a.offset - b.offset);

/** Completion at the placeholder of LINE1 with these tokens (the handler, called directly). */
function completeAt(tokens: TokenInfo[], labelDetailsSupport?: boolean) {
  const site = completionSite(LINE1, LINE1.indexOf('$') + 3, TEXT.indexOf(LINE1), findings, false)!;
  return completionItems({
    uri: 'file:///a.py',
    line: 1,
    lineText: LINE1,
    site,
    languageId: 'python',
    isDotenv: false,
    settings: DEFAULT_SETTINGS,
    families: fileFamilies(findings),
    tokens: tokenState(tokensParams(tokens, true)),
    ...(labelDetailsSupport !== undefined && { labelDetailsSupport }),
  });
}

suite('tokens added from the WebApp', () => {
  test('a revoked token is not offered as a completion, with or without its value', () => {
    const live = token('tok_live', 'Live', ['features']);
    const revoked = token('tok_gone', 'Old Laptop', ['features'], { revoked: true });
    const lost = token('tok_lost', 'Lost', ['features'], { revoked: true, valueAvailable: false });
    const list = completeAt([live, revoked, lost]);
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('Live'));
    assert.ok(!labels.includes('Old Laptop') && !labels.includes('Lost'), labels.join(', '));
  });

  test('an undecided scope is not reported missing; a missing one is', () => {
    const chosen = (t: ReturnType<typeof token>) => tokenState(tokensParams([t], true, t.id));
    const unknown = token('tok_u', 'Probe timed out', ['events'], { unknownScopes: ['features'] });
    assert.deepEqual(scopeProblems(findings, chosen(unknown)), []);
    const missing = token('tok_m', 'Events only', ['events'], { unknownScopes: ['places'] });
    assert.equal(scopeProblems(findings, chosen(missing)).length, 1);
  });

  test('hover text says revoked and what is unconfirmed', () => {
    const t = token('tok_r', 'Old Laptop', ['events'], { revoked: true, unknownScopes: ['beam'] });
    const md = tokenMarkdown(tokenState(tokensParams([t], true)), t);
    assert.match(md, /\*\*Revoked\*\*/);
    assert.match(md, /Not yet confirmed.*beam/);
  });

  test('missing scope: use a token that has it, or create one; without a site, choose the workspace token', () => {
    const ev = token('tok_ev', 'Events only', ['events']);
    const feat = token('tok_f', 'Features', ['features']);
    const known = finding('known-token', TEXT, 'import', { tokenId: 'tok_ev' });
    const all = [known, ...findings].sort((a, b) => a.offset - b.offset);
    const input = {
      uri: 'file:///a.py',
      version: 1,
      doc,
      findings: all,
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: LINE1.length } },
      only: undefined,
      contextDiagnostics: [],
      tokens: tokenState(tokensParams([ev, feat], true)),
      families: fileFamilies(all),
    };
    const titles = codeActions(input).map((a) => a.title);
    assert.ok(titles.includes('Use token "Features" instead (has Features)'), titles.join('\n'));
    const create = codeActions(input).find((a) => a.title === 'Create a token with the Features scope…');
    assert.ok(create?.command);
    assert.equal(create.command.command, 'phq.createTokenAndInsert');
    assert.deepEqual((create.command.arguments?.[0] as { scopes: string[] }).scopes, ['features']);
    const noSite = { ...input, findings, tokens: tokenState(tokensParams([ev, feat], true, 'tok_ev')) };
    const choose = codeActions(noSite).find(
      (a) => a.title === 'Choose a token with the Features scope for this workspace…',
    );
    assert.equal(choose?.command?.command, 'predicthqTokens.useInWorkspace');
  });
});

suite('completion items say what a token can do here', () => {
  test('tokens that can make the call first, then those lacking a scope (said), then values not here (said)', () => {
    const ev = token('tok_ev', 'Events only', ['events']);
    const both = token('tok_both', 'Acme | Both', ['events', 'features']);
    const lost = token('tok_lost', 'Lost', ['events', 'features'], { valueAvailable: false });
    const list = completeAt([lost, ev, both], true);
    const tokenItems = list.items
      .filter((i) => i.command?.command === 'phq.insertToken')
      .sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    assert.deepEqual(
      tokenItems.map((i) => [i.label, i.labelDetails?.description]),
      [
        ['Both', 'API client: Acme'],
        ['Events only', 'Features scope missing'],
        ['Lost', 'value not on this machine'],
      ],
    );
    assert.equal(tokenItems[0]!.preselect, true);
    assert.match(tokenItems[1]!.detail!, /also calls Features: 403/);
    // Several notes: the missing scope leads, the client name (known from the token's name) comes last.
    const acme = token('tok_acme', 'Acme | Events', ['events'], { valueAvailable: false });
    const item = completeAt([acme], true).items.find((i) => i.command?.command === 'phq.insertToken');
    assert.equal(
      item?.labelDetails?.description,
      'Features scope missing · value not on this machine · API client: Acme',
    );
  });
});

suite('stand-ins of values of any length', () => {
  test('a token whose value is not 43 characters is recognised by its same-length stand-in', () => {
    const t = token('tok_short', 'WebApp 32', ['events'], { valueLength: 32 });
    const state = tokenState(tokensParams([t], true));
    assert.equal(state.fingerprints.get(fingerprintOf(valueStandIn('tok_short', 32)))?.id, 'tok_short');
    assert.equal(state.fingerprints.get(fingerprintOf(valueStandIn('tok_short', 43))), undefined);
  });
});
