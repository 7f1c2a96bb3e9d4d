// The search quick pick and its recent searches (issue 7, "nothing lost"): the queries whose results
// were used are kept in globalState (what the next window reads back), offered first when the search
// opens empty, and a corrupt stored value is reset instead of breaking the search. The tests press
// Enter once the pick says it shows the items they expect (a test hook), never after a guessed delay.
import * as vscode from 'vscode';
import type { PaperScoutApi, PaperScoutTestHooks } from '../../../src/api';
import { readableText } from '../../../src/core/citations/latexText';
import type { SearchItemsShown } from '../../../src/views/searchPick';
import { COMMANDS } from '../../../src/commands/commandIds';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, nextEvent, runDismissing, waitFor } from '../helpers';

const KEY = 'recentSearches';

/** Resolves when the search pick shows items for `query` ('' before anything is typed). */
function shownFor(testHooks: PaperScoutTestHooks, query: string): Promise<SearchItemsShown> {
  return nextEvent(testHooks.onDidShowSearchItems, `the search to show items for "${query}"`, (shown) => shown.query === query && shown.items > 0);
}

/**
 * Resolves once a paper panel shows one of the results `shown` (VS Code's first row, which Enter takes:
 * it lists the titles that hold the typed text first, so it need not be the index's first result).
 */
async function resultOpened(scout: PaperScoutApi, testHooks: PaperScoutTestHooks, shown: SearchItemsShown): Promise<void> {
  const titleOf = (id: string): string | undefined => scout.papers().find((paper) => paper.id === id)?.title;
  await waitFor(() => testHooks.panels().some((panel) => shown.labels.includes(readableText(titleOf(panel.paperId) ?? ''))), `a result for "${shown.query}" to open`);
}

/** Presses Enter in the open quick pick. */
async function accept(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/**
 * Presses Enter in the quick pick until `outcome` settles: the items the pick was given take a moment
 * to become the list's active items, and Enter before that does nothing.
 */
async function enterUntil(outcome: Thenable<unknown>, what: string): Promise<void> {
  let settled = false;
  const watched = Promise.resolve(outcome).finally(() => { settled = true; });
  await waitFor(async () => {
    if (!settled) await accept();
    return settled;
  }, what);
  await watched;
}

/** Opens the search with `query`, and presses Enter on the first row once its results are shown; resolves to what was shown. */
async function searchAndOpenFirst(query: string): Promise<SearchItemsShown> {
  const testHooks = await hooks();
  const shown = shownFor(testHooks, query);
  const running = vscode.commands.executeCommand(COMMANDS.search, query);
  const results = await shown;
  await enterUntil(running, `the search for "${query}" to close on Enter`);
  return results;
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

    await resultOpened(scout, testHooks, await searchAndOpenFirst(query));
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
    await recentShown;
    const results = shownFor(testHooks, query);
    await enterUntil(results, `Enter on the recent search to show the results for "${query}"`);
    await enterUntil(running, 'Enter on the first result to close the search');
    await resultOpened(scout, testHooks, await results);
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
