// The search quick pick and its recent searches (issue 7, "nothing lost"): the queries whose results
// were used are kept in globalState (what the next window reads back), offered first when the search
// opens empty, and a corrupt stored value is reset instead of breaking the search. The tests press
// Enter once, on the row VS Code reports active among the items they expect (a test hook), never after a
// guessed delay and never again while the first is answered (a second Enter chose the next list's row).
import * as vscode from 'vscode';
import type { PaperScoutApi, PaperScoutTestHooks } from '../../../src/api';
import { readableText } from '../../../src/core/citations/latexText';
import type { SearchItemsShown } from '../../../src/views/searchPick';
import { COMMANDS } from '../../../src/commands/commandIds';
import * as assert from '../assert';
import { api, closeAllEditors, enterOn, enterOnActive, hooks, nextEvent, runDismissing, waitFor } from '../helpers';

const KEY = 'recentSearches';

/** Resolves when the search pick shows items for `query` ('' before anything is typed). */
function shownFor(testHooks: PaperScoutTestHooks, query: string): Promise<SearchItemsShown> {
  return nextEvent(testHooks.onDidShowSearchItems, `the search to show items for "${query}"`, (shown) => shown.query === query && shown.items > 0);
}

/** Resolves once a paper panel shows the paper titled `row` (the row Enter took). */
async function rowOpened(scout: PaperScoutApi, testHooks: PaperScoutTestHooks, row: string): Promise<void> {
  const titleOf = (id: string): string => readableText(scout.papers().find((paper) => paper.id === id)?.title ?? '');
  await waitFor(() => testHooks.panels().some((panel) => titleOf(panel.paperId) === row), `"${row}" to open`);
}

/**
 * Opens the search with `query`, and presses Enter once on the row VS Code has active once its results are
 * shown (its first row: VS Code lists the titles that hold the typed text first). Resolves with that row.
 */
async function searchAndOpenFirst(query: string): Promise<string> {
  const testHooks = await hooks();
  const shown = shownFor(testHooks, query);
  const running = vscode.commands.executeCommand(COMMANDS.search, query);
  const results = await shown;
  const { row } = await enterOnActive(running);
  assert.ok(results.labels.includes(row), `Enter took "${row}", not a result for "${query}"`);
  return row;
}

/** Closes the paper panels, so none takes the focus from the next search while its webview loads. */
async function closePanels(testHooks: PaperScoutTestHooks): Promise<void> {
  await closeAllEditors();
  await waitFor(() => testHooks.panels().length === 0, 'the paper panels to close');
}

describe('views: the search and its recent searches', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand(COMMANDS.clearRecentSearches);
  });
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.commands.executeCommand(COMMANDS.clearRecentSearches);
  });

  it('remembers a query only when a result is used, in globalState, once in any case', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const query = 'low-rank adaptation';
    assert.ok((await scout.search(query)).length > 0, `no result for "${query}"`); // also builds the index, so the pick answers at once

    await runDismissing(COMMANDS.search, query);
    assert.deepStrictEqual(testHooks.recentSearches(), [], 'a search closed without using a result was remembered');

    await rowOpened(scout, testHooks, await searchAndOpenFirst(query));
    await waitFor(() => testHooks.recentSearches()[0] === query, 'the query to be remembered');
    assert.deepStrictEqual(testHooks.storedState.get(KEY), [query], 'globalState holds what the next window reads');
    await closePanels(testHooks);

    await searchAndOpenFirst('  LOW-RANK   Adaptation ');
    await waitFor(() => testHooks.recentSearches()[0] === 'LOW-RANK Adaptation', 'the new spelling to come first');
    assert.deepStrictEqual(testHooks.recentSearches(), ['LOW-RANK Adaptation'], 'the query is kept once, trimmed');
  });

  it('offers the recent searches first when the search opens empty; choosing one runs it again', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const query = 'diffusion';
    assert.ok((await scout.search(query)).length > 0, `no result for "${query}"`);
    await closePanels(testHooks);
    // As a previous window left it: the newest query first.
    await testHooks.storedState.set(KEY, [query, 'low-rank adaptation']);
    assert.deepStrictEqual(testHooks.recentSearches(), [query, 'low-rank adaptation']);

    // The first Enter takes the first recent search, which fills in the query and keeps the pick open;
    // the next takes the query's first result.
    const recentShown = shownFor(testHooks, '');
    const running = vscode.commands.executeCommand(COMMANDS.search);
    const recent = await recentShown;
    const results = await enterOn(recent.labels[0], shownFor(testHooks, query));
    const { row } = await enterOnActive(running);
    assert.ok(results.labels.includes(row), `Enter took "${row}", not a result for "${query}"`);
    await rowOpened(scout, testHooks, row);
    assert.deepStrictEqual(testHooks.recentSearches(), [query, 'low-rank adaptation']);
  });

  it('tidies a stored list it can read, and resets a corrupt one to empty without breaking the search', async () => {
    const testHooks = await hooks();
    assert.ok(testHooks.storedState.keys.includes(KEY), `the hooks do not offer ${KEY}`);
    let refused = '';
    try { testHooks.storedState.get('somethingElse'); } catch (error) { refused = String(error); }
    assert.ok(/no state/.test(refused), 'the hooks read a key Paper Scout does not keep');

    await testHooks.storedState.set(KEY, [' sparse   attention ', 'Sparse Attention', 'moe', '', ...Array.from({ length: 12 }, (_, i) => `q${i}`)]);
    assert.deepStrictEqual(testHooks.recentSearches(), ['sparse attention', 'moe', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5']);

    const corrupt: unknown[] = [42, 'lora', null, { queries: ['a'] }, ['ok', 7], ['x'.repeat(5_000)], Array.from({ length: 5_000 }, (_, i) => `q${i}`)];
    for (const value of corrupt) {
      await testHooks.storedState.set(KEY, value);
      assert.deepStrictEqual(testHooks.recentSearches(), [], `${JSON.stringify(value).slice(0, 40)} was not reset`);
      await waitFor(() => JSON.stringify(testHooks.storedState.get(KEY)) === '[]', 'the reset value to be stored');
    }

    await testHooks.storedState.set(KEY, { junk: true });
    await runDismissing(COMMANDS.search); // opens with nothing typed: reads the corrupt value
    assert.deepStrictEqual(testHooks.storedState.get(KEY), []);
    await closePanels(testHooks);
    await searchAndOpenFirst('diffusion');
    await waitFor(() => testHooks.recentSearches()[0] === 'diffusion', 'searches to be remembered again after the reset');
  });

  it('Clear Recent Searches forgets them all', async () => {
    const testHooks = await hooks();
    await testHooks.storedState.set(KEY, ['a', 'b']);
    await vscode.commands.executeCommand(COMMANDS.clearRecentSearches);
    assert.deepStrictEqual(testHooks.recentSearches(), []);
    assert.deepStrictEqual(testHooks.storedState.get(KEY), []);
  });
});
