// Recent searches (issue 7, "nothing lost"): the queries whose results were used are kept in globalState
// (what the next window reads back), offered first when the search opens empty, and a corrupt stored
// value is reset instead of breaking the search.
import * as vscode from 'vscode';
import * as assert from '../assert';
import { closeAllEditors, runDismissing, sleep, waitFor, within } from '../helpers';
import { scout } from './scout';

const KEY = 'recentSearches';
/** About how long the quick pick takes to show its items (the index is built before). */
const SETTLE_MS = 500;

/** Presses Enter in the open quick pick. */
async function accept(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/**
 * Presses Enter in the search `running` opened until it closes: on a busy machine the items may not be
 * there yet, and Enter on an empty list does nothing.
 */
async function acceptUntilClosed(running: Thenable<unknown>, what: string): Promise<void> {
  let closed = false;
  void Promise.resolve(running).then(() => { closed = true; }, () => { closed = true; });
  for (let tries = 0; tries < 20 && !closed; tries++) {
    await sleep(SETTLE_MS);
    if (!closed) await accept();
  }
  await within(running, 10_000, what);
}

/** Opens the search with `query` and presses Enter on the first result. */
async function searchAndOpenFirst(query: string): Promise<void> {
  await acceptUntilClosed(vscode.commands.executeCommand('paperScout.search', query), `the search for "${query}"`);
}

/** Closes the paper panels, so none takes the focus from the next search while its webview loads. */
async function closePanels(api: { panels(): readonly unknown[] }): Promise<void> {
  await closeAllEditors();
  await waitFor(() => api.panels().length === 0, 'the paper panels to close');
}

describe('features: recent searches', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('paperScout.clearRecentSearches');
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.commands.executeCommand('paperScout.clearRecentSearches');
  });

  it('remembers a query only when a result is used, in globalState, once in any case', async () => {
    const api = await scout();
    const query = 'low-rank adaptation';
    const first = (await api.search(query))[0]?.paper.id; // also builds the index, so the pick answers at once
    assert.ok(first, `no result for "${query}"`);

    await runDismissing('paperScout.search', query);
    assert.deepStrictEqual(api.recentSearches(), [], 'a search closed without using a result was remembered');

    await searchAndOpenFirst(query);
    await waitFor(() => api.panels().some((panel) => panel.paperId === first), 'the first result to open');
    await waitFor(() => api.recentSearches()[0] === query, 'the query to be remembered');
    assert.deepStrictEqual(api.storedState.get(KEY), [query], 'globalState holds what the next window reads');
    await closePanels(api);

    await searchAndOpenFirst('  LOW-RANK   Adaptation ');
    await waitFor(() => api.recentSearches()[0] === 'LOW-RANK Adaptation', 'the new spelling to come first');
    assert.deepStrictEqual(api.recentSearches(), ['LOW-RANK Adaptation'], 'the query is kept once, trimmed');
  });

  it('offers the recent searches first when the search opens empty; choosing one runs it again', async () => {
    const api = await scout();
    const query = 'diffusion';
    const first = (await api.search(query))[0]?.paper.id;
    assert.ok(first, `no result for "${query}"`);
    await closePanels(api);
    // As a previous window left it: the newest query first.
    await api.storedState.set(KEY, [query, 'low-rank adaptation']);
    assert.deepStrictEqual(api.recentSearches(), [query, 'low-rank adaptation']);

    // The first Enter takes the first recent search, which fills in the query and keeps the pick open;
    // the next takes the query's first result.
    await acceptUntilClosed(vscode.commands.executeCommand('paperScout.search'), 'the search');
    await waitFor(() => api.panels().some((panel) => panel.paperId === first), `the first result for "${query}" to open`);
    assert.deepStrictEqual(api.recentSearches(), [query, 'low-rank adaptation']);
  });

  it('tidies a stored list it can read, and resets a corrupt one to empty without breaking the search', async () => {
    const api = await scout();
    assert.deepStrictEqual([...api.storedState.keys], [KEY]);
    let refused = '';
    try { api.storedState.get('somethingElse'); } catch (error) { refused = String(error); }
    assert.ok(/no state/.test(refused), 'the hooks read a key Paper Scout does not keep');

    await api.storedState.set(KEY, [' sparse   attention ', 'Sparse Attention', 'moe', '', ...Array.from({ length: 12 }, (_, i) => `q${i}`)]);
    assert.deepStrictEqual(api.recentSearches(), ['sparse attention', 'moe', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5']);

    const corrupt: unknown[] = [42, 'lora', null, { queries: ['a'] }, ['ok', 7], ['x'.repeat(5_000)], Array.from({ length: 5_000 }, (_, i) => `q${i}`)];
    for (const value of corrupt) {
      await api.storedState.set(KEY, value);
      assert.deepStrictEqual(api.recentSearches(), [], `${JSON.stringify(value).slice(0, 40)} was not reset`);
      await waitFor(() => JSON.stringify(api.storedState.get(KEY)) === '[]', 'the reset value to be stored');
    }

    await api.storedState.set(KEY, { junk: true });
    await runDismissing('paperScout.search'); // opens with nothing typed: reads the corrupt value
    assert.deepStrictEqual(api.storedState.get(KEY), []);
    await closePanels(api);
    await searchAndOpenFirst('diffusion');
    await waitFor(() => api.recentSearches()[0] === 'diffusion', 'searches to be remembered again after the reset');
  });

  it('Clear Recent Searches forgets them all', async () => {
    const api = await scout();
    await api.storedState.set(KEY, ['a', 'b']);
    await vscode.commands.executeCommand('paperScout.clearRecentSearches');
    assert.deepStrictEqual(api.recentSearches(), []);
    assert.deepStrictEqual(api.storedState.get(KEY), []);
  });
});
