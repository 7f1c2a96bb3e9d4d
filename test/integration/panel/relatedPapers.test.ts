// Related papers in the paper panel come from the search engine's related(): more-like-this over the
// paper's title and abstract. The panel shows the paper at once and its related papers once found;
// the test waits for what the panel was sent (a test hook), never for a guessed time.
import * as assert from '../assert';
import { api, closeAllEditors, hooks, waitFor } from '../helpers';

describe('panel: related papers', function () {
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('lists the papers most like the one shown, never itself, the near neighbours first', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const byKey = (key: string) => scout.papers().find((paper) => paper.key === key);
    const galore = byKey('galore');
    const neighbour = byKey('galore_welore_lowrank');
    assert.ok(galore && neighbour, 'the bundled corpus has GaLore and its low-rank follow-up');
    await scout.openPaper(galore.id);
    const panel = await waitFor(() => testHooks.panels().find((candidate) => candidate.paperId === galore.id && candidate.related !== undefined), 'the panel to get its related papers', 20_000);
    const related = panel.related ?? [];
    assert.strictEqual(related.length, 6, `six related papers: ${related.join(', ')}`);
    assert.ok(!related.includes(galore.id), 'the paper is not related to itself');
    assert.ok(related.every((id) => scout.papers().some((paper) => paper.id === id)), 'every related paper is in the corpus');
    assert.ok(related.slice(0, 3).includes(neighbour.id), `${neighbour.key} is among the first three: ${related.join(', ')}`);
  });
});
