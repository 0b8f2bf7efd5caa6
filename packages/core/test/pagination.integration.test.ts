// Walking 10,000 tokens: 20 pages of 500, in order, each token once.
import assert from 'node:assert/strict';
import { Harness } from './helpers';

suite('pagination over 10,000 tokens (integration)', () => {
  const h = new Harness();
  let cred: string;
  suiteSetup(async () => {
    await h.start();
    cred = h.account('Big Org');
    h.emu.state.addTokens(cred, 10_000);
  });
  suiteTeardown(() => h.stop());

  test('listAll returns every token once, in created_at order, with progress per page', async () => {
    const progress: [number, number][] = [];
    const tokens = await h.client(cred).listAll({ onProgress: (n, total) => progress.push([n, total]) });
    assert.equal(tokens.length, 10_000);
    assert.equal(new Set(tokens.map((t) => t.id)).size, 10_000);
    assert.equal(tokens[0]!.name, 'Bulk token 00001');
    assert.equal(tokens[9_999]!.name, 'Bulk token 10000');
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1]!.createdAt <= tokens[i]!.createdAt);
    assert.equal(progress.length, 20, 'page size 500');
    assert.deepEqual(progress.at(-1), [10_000, 10_000]);
  });

  test('iterate is lazy: breaking early stops fetching pages', async () => {
    const progress: number[] = [];
    let n = 0;
    for await (const _t of h.client(cred).iterate({ pageSize: 100, onProgress: (loaded) => progress.push(loaded) })) {
      if (++n === 150) break;
    }
    assert.deepEqual(progress, [100, 200]);
  });

  test('an empty account lists nothing', async () => {
    assert.deepEqual(await h.client(h.account()).listAll(), []);
  });
});
