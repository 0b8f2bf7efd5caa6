// settingsFor(uri): one pull per folder until settings change, normalised once.
import assert from 'node:assert/strict';
import { SettingsSource } from '../../src/settingsSource';

suite('settingsFor (unit)', () => {
  test('pulled once per folder, again after a change; invalid values dropped with one warning', async () => {
    const pulls: string[] = [];
    const warnings: string[] = [];
    let envVarName = 'FIRST_TOKEN';
    const source = new SettingsSource({
      pull: async (uri) => {
        pulls.push(uri);
        return { envVarName, extraPatterns: ['('] };
      },
      warn: (m) => warnings.push(m),
    });
    const a = await source.settingsFor('file:///ws/app/a.py');
    const b = await source.settingsFor('file:///ws/app/b.py');
    await source.settingsFor('file:///ws/lib/c.py');
    assert.equal(a, b, 'the same object for files of one folder');
    assert.equal(a.envVarName, 'FIRST_TOKEN');
    assert.deepEqual(pulls, ['file:///ws/app/a.py', 'file:///ws/lib/c.py']);
    assert.equal(warnings.length, 2, 'one warning per folder read');
    envVarName = 'SECOND_TOKEN';
    assert.equal((await source.settingsFor('file:///ws/app/a.py')).envVarName, 'FIRST_TOKEN', 'kept until told');
    source.changed();
    assert.equal((await source.settingsFor('file:///ws/app/a.py')).envVarName, 'SECOND_TOKEN');
  });

  test('a client that cannot answer gives the defaults, with a warning', async () => {
    const warnings: string[] = [];
    const source = new SettingsSource({
      pull: () => Promise.reject(new Error('no configuration support')),
      warn: (m) => warnings.push(m),
    });
    assert.equal((await source.settingsFor('untitled:Untitled-1')).enable, true);
    assert.match(warnings[0]!, /Could not read settings for untitled:Untitled-1/);
  });
});
