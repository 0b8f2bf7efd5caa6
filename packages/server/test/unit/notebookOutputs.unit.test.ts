// Notebook outputs judged for leaked tokens: a token-shaped value printed with its header is a
// hardcoded token, the stand-in of one of the user's tokens is that token; plain output is not.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { valueStandIn } from '@phq-tokens/protocol';
import { judgeOutputs } from '../../src/notebookOutputs';
import { DEFAULT_SETTINGS } from '../../src/settings';
import { tokenState } from '../../src/tokens';
import { token, tokensParams } from '../support/fixtures';

suite('notebook outputs (unit)', () => {
  test('hardcoded and known tokens in outputs, by output index; nothing in plain output', () => {
    const generated = randomBytes(30).toString('base64url'); // made at run time, not a secret
    const mine = token('tok_mine', 'Mine', ['events']);
    const r = judgeOutputs(
      {
        cells: [
          {
            uri: 'vscode-notebook-cell:/n.ipynb#c1',
            outputs: [
              '42 events found\n',
              `{'Authorization': 'Bearer ${generated}'}\n`,
              `${valueStandIn('tok_mine')}\n`,
            ],
          },
        ],
      },
      DEFAULT_SETTINGS,
      tokenState(tokensParams([mine], true)),
    );
    const found = r.cells[0]!.findings.map((f) => [f.output, f.ruleId, f.tokenId]);
    assert.deepEqual(found, [
      [1, 'phq/hardcoded-token', undefined],
      [2, 'phq/known-token', 'tok_mine'],
    ]);
    assert.ok(!JSON.stringify(r).includes(generated), 'findings never carry the value');
  });
});
