// The search that knows when to stop (issue 21): the list ends where relevance falls off, with a row
// that shows the rest; and what the pick says when nothing matches or a filter was not applied. The
// tests wait for what the pick shows (a test hook), never for a guessed time.
import * as vscode from 'vscode';
import type { SearchItemsShown } from '../../../src/api';
import { COMMANDS } from '../../../src/commands/commandIds';
import * as assert from '../assert';
import { api, closeAllEditors, enterOn, hooks, nextEvent, waitFor } from '../helpers';

/** Opens the search with `query` and resolves with the results it shows, and the running command. */
async function searchFor(query: string): Promise<{ shown: SearchItemsShown; running: Thenable<unknown> }> {
  const testHooks = await hooks();
  const shown = nextEvent(testHooks.onDidShowSearchItems, `the results for "${query}"`, (items) => items.query === query && items.kind === 'results');
  const running = vscode.commands.executeCommand(COMMANDS.search, query);
  return { shown: await shown, running };
}

async function close(running: Thenable<unknown>): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await running;
}

describe('views: search results that know when to stop', function () {
  this.timeout(60_000);
  before(async () => { await (await api()).search('warm up the index'); });
  afterEach(closeAllEditors);

  it('ends the list where relevance falls off, and shows the rest when asked', async () => {
    const testHooks = await hooks();
    const { shown, running } = await searchFor('quantizaton');
    const more = shown.labels[shown.labels.length - 1];
    assert.ok(/^\$\(ellipsis\) Show \d+ More Results$/.test(more), `the last row: ${more}`);
    const held = Number(/\d+/.exec(more)?.[0]);
    assert.ok(shown.labels.length - 1 + held <= 50 && shown.labels.length < 40, `${shown.labels.length - 1} shown, ${held} held back`);
    assert.ok(!shown.labels.includes('Go Wider Instead of Deeper'), 'the tail that shares only a thesaurus word is shown');
    const expanded = nextEvent(testHooks.onDidShowSearchItems, 'the held-back results', (items) => items.query === 'quantizaton' && items.labels.length > shown.labels.length);
    // Moved to as a user would (End in the list), once VS Code has the items (it reports the active row).
    await waitFor(() => testHooks.quickPick()?.active === shown.labels[0], 'the first result to be active');
    await vscode.commands.executeCommand('quickInput.last');
    const all = await enterOn(more, expanded);
    assert.strictEqual(all.labels.length, shown.labels.length - 1 + held, 'every held-back result, and no "show more" row');
    assert.ok(all.labels.includes('Go Wider Instead of Deeper'), 'the held-back tail');
    assert.deepStrictEqual(all.labels.slice(0, shown.labels.length - 1), shown.labels.slice(0, -1), 'the results shown first stay first');
    await close(running);
  });

  it('says no paper matches in a row of its own, first, and offers the web for the words typed', async () => {
    const { shown, running } = await searchFor('zzyzxq');
    assert.deepStrictEqual(shown.separators, [], 'VS Code drops separators while text is typed: the line would not show');
    assert.deepStrictEqual(shown.labels, ['$(info) No papers match "zzyzxq"', '$(link-external) Search arXiv', '$(link-external) Search Hugging Face Papers']);
    await close(running);
  });

  it('never hands filters to the web search, and names only the filters applied in the title', async () => {
    const filtersOnly = await searchFor('upvotes:>100000');
    assert.deepStrictEqual(filtersOnly.shown.labels, ['$(info) No papers match these filters'], 'no web search for filters the web does not know');
    await close(filtersOnly.running);

    const words = await searchFor('zzyzxq upvotes:>100000');
    assert.strictEqual(words.shown.labels[0], '$(info) No papers match "zzyzxq"');
    await close(words.running);

    const unknownTopic = await searchFor('pruning topic:zzz');
    assert.ok(!unknownTopic.shown.title.includes('topic:zzz'), `the title names a filter that was not applied: ${unknownTopic.shown.title}`);
    assert.ok(unknownTopic.shown.labels.some((label) => label.includes('Not searched: topic:zzz')), `the problem is shown: ${unknownTopic.shown.labels.join(' | ')}`);
    await close(unknownTopic.running);
  });
});
