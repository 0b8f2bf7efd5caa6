// Debug sessions and the token in terminals (src/terminal/debugEnv.ts): when the variable is
// added to a launch configuration, and which sessions get the one-click offer.
import * as assert from 'node:assert/strict';
import { offerFor, withTokenEnv } from '../../src/terminal/debugEnv';

const token = { varName: 'PHQ_API_TOKEN', value: 'fake-value-for-tests' };
const launch = { type: 'debugpy', request: 'launch', name: 'app', program: 'app.py' };

suite('debug sessions get the token in terminals (unit)', () => {
  test('opted in: the variable joins env, other entries kept', () => {
    const out = withTokenEnv({ ...launch, env: { DEBUG: '1' } }, token, true);
    assert.deepEqual(out.env, { DEBUG: '1', PHQ_API_TOKEN: token.value });
  });

  test('off, no token chosen, or no type (F5 without launch.json): unchanged', () => {
    const cfg = { ...launch };
    assert.equal(withTokenEnv(cfg, token, false), cfg);
    assert.equal(withTokenEnv(cfg, undefined, true), cfg);
    const empty = { type: '', request: '', name: '' };
    assert.equal(withTokenEnv(empty, token, true), empty);
  });

  test('a configuration that sets the variable itself keeps its own', () => {
    const cfg = { ...launch, env: { PHQ_API_TOKEN: '${command:predicthqTokens.activeToken}' } };
    assert.equal(withTokenEnv(cfg, token, true), cfg);
  });

  test('the offer: Python and Node sessions from a file that reads the variable', () => {
    assert.equal(offerFor('debugpy', 'os.environ["PHQ_API_TOKEN"]', 'PHQ_API_TOKEN'), true);
    assert.equal(offerFor('pwa-node', 'process.env.PHQ_API_TOKEN', 'PHQ_API_TOKEN'), true);
    assert.equal(offerFor('debugpy', 'os.environ["PHQ_API_TOKEN_OLD"]', 'PHQ_API_TOKEN'), false);
    assert.equal(offerFor('go', 'os.Getenv("PHQ_API_TOKEN")', 'PHQ_API_TOKEN'), false);
  });
});
