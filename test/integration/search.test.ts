import * as assert from './assert';
import { api } from './helpers';

describe('search', () => {
  it('finds a paper by words from its title, ranked by score with a snippet', async () => {
    const scout = await api();
    const paper = scout.papers()[0];
    const query = paper.title.split(/\s+/).filter((word) => word.length > 3).slice(0, 3).join(' ');
    const results = await scout.search(query);
    assert.ok(results.length > 0, `no results for "${query}"`);
    assert.ok(results.slice(0, 10).some((r) => r.paper.id === paper.id), `"${paper.title}" not in the top 10 for "${query}"`);
    for (let i = 1; i < results.length; i++) assert.ok(results[i - 1].score >= results[i].score, 'results are not sorted by score');
    assert.strictEqual(typeof results[0].snippet, 'string');
  });

  it('returns nothing for a word no paper has', async () => {
    assert.deepStrictEqual(await (await api()).search('zzqxjvwk'), []);
  });
});
