// The API other extensions get (src/api.ts), in a real VS Code.
import * as assert from './assert';
import { api, nextEvent } from './helpers';

describe('api', () => {
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

  it('ranks a paper first by its citation key, and filters by topic', async () => {
    const scout = await api();
    const paper = scout.papers()[7];
    assert.strictEqual((await scout.search(paper.key))[0]?.paper.id, paper.id);
    const topic = paper.topics[0];
    const filtered = await scout.search('model', { topic, limit: 100 });
    assert.ok(filtered.length > 0, 'no results in the topic');
    assert.ok(filtered.every((result) => result.paper.topics.includes(topic)), 'a result outside the topic');
  });

  it('returns nothing for a word no paper has', async () => {
    assert.deepStrictEqual(await (await api()).search('zzqxjvwk'), []);
  });

  it('fires onDidChange when the papers are read again', async () => {
    const scout = await api();
    const changed = nextEvent(scout.onDidChange, 'onDidChange after reload()');
    await scout.reload();
    await changed;
    assert.strictEqual(scout.state().kind, 'ready');
  });

  it('refuses to cite a paper it does not have', async () => {
    let refused = '';
    try { await (await api()).copyCitation('no-such-paper'); } catch (error) { refused = String(error); }
    assert.ok(/no paper with id "no-such-paper"/.test(refused), refused);
  });
});
