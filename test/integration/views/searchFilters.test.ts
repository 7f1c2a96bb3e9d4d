// Filters in the search quick pick: `?` lists them (choosing one puts it into the query, then its
// values where it has a known set), a filtered search shows only what passes and says which filters
// apply in the title, and an unknown filter or a bad value is shown as such and not searched. The
// tests wait for what the pick shows (a test hook), never for a guessed time.
import * as vscode from 'vscode';
import type { PaperScoutTestHooks, SearchItemsShown } from '../../../src/api';
import { COMMANDS } from '../../../src/commands/commandIds';
import { readableTitle } from '../../../src/core/citations/latexText';
import { QUERY_FILTERS } from '../../../src/core/search/queryFilters';
import * as assert from '../assert';
import { api, enterOn, hooks, nextEvent, waitFor } from '../helpers';

/** Resolves with what the pick shows next for `query`, of `kind`. */
function shown(testHooks: PaperScoutTestHooks, query: string, kind: SearchItemsShown['kind']): Promise<SearchItemsShown> {
  return nextEvent(testHooks.onDidShowSearchItems, `the search to show ${kind} for "${query}"`, (items) => items.query === query && items.kind === kind);
}

/** Opens the search with `query` typed and resolves with what it shows of `kind`. */
async function open(testHooks: PaperScoutTestHooks, query: string, kind: SearchItemsShown['kind']): Promise<SearchItemsShown> {
  const showing = shown(testHooks, query, kind);
  void vscode.commands.executeCommand(COMMANDS.search, query);
  return showing;
}

async function closePick(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await waitFor(async () => (await hooks()).searchPick() === undefined, 'the search to close');
}

describe('views: filters in the search', function () {
  this.timeout(60_000);
  before(async () => { await (await api()).search('warm the index'); });
  afterEach(closePick);

  it('lists every filter with its description and example when ? is typed; choosing one puts it into the query, then its values', async () => {
    const testHooks = await hooks();
    const scout = await api();
    const help = await open(testHooks, '?', 'filters');
    assert.deepStrictEqual(help.labels, QUERY_FILTERS.map((filter) => `$(filter) ${filter.syntax}`));
    // The first filter is topic: Enter puts "topic:" into the query and lists the topics.
    const values = await enterOn(help.labels[0], shown(testHooks, 'topic:', 'values'));
    const topics = scout.topics().map((rule) => rule.name);
    assert.deepStrictEqual(values.labels, scout.topics().map((rule) => `$(${rule.icon || 'tag'}) ${rule.name}`));
    assert.strictEqual(testHooks.searchPick()?.value, 'topic:');
    // Enter on the first topic completes the filter, and the search runs with it: that topic's papers, newest first.
    const first = topics[0];
    const filtered = `topic:${/\s/.test(first) ? `"${first}"` : first} `;
    const results = await enterOn(values.labels[0], shown(testHooks, filtered, 'results'));
    assert.ok(results.title.includes(`topic:`), `the title says which filter applies: ${results.title}`);
    const expected = await scout.search(filtered, { limit: 50 });
    assert.ok(expected.length > 0 && expected.every(({ paper }) => paper.topics.includes(first)), `${first}: ${expected.length} results`);
    assert.deepStrictEqual(results.labels, expected.map(({ paper }) => readableTitle(paper.title)));
  });

  it('shows only papers that pass the filters, in the order asked, and names the filters in the title', async () => {
    const testHooks = await hooks();
    const scout = await api();
    const query = 'topic:quantization after:2024-01 sort:date llm';
    const results = await open(testHooks, query, 'results');
    const expected = await scout.search(query, { limit: 50 });
    assert.ok(expected.length >= 3, `too few results to tell: ${expected.length}`);
    for (const { paper } of expected) {
      assert.ok(paper.topics.includes('Quantization'), `${paper.id} is not in Quantization: ${paper.topics.join(', ')}`);
      assert.ok(paper.published !== null && paper.published >= '2024-01-01', `${paper.id} was published ${paper.published}`);
    }
    const dates = expected.map(({ paper }) => paper.published ?? '');
    assert.deepStrictEqual(dates, [...dates].sort().reverse(), 'newest first');
    assert.deepStrictEqual(results.labels, expected.map(({ paper }) => readableTitle(paper.title)));
    assert.ok(results.title.includes('topic:quantization') && results.title.includes('after:2024-01-01') && results.title.includes('sorted by date'), results.title);
  });

  it('shows an unknown filter and a bad value as such, does not search them, and offers the filter list for them', async () => {
    const testHooks = await hooks();
    const scout = await api();
    const unknown = await open(testHooks, 'venue:icml lora', 'results');
    assert.ok(unknown.labels[0] === '$(warning) Not searched: venue:icml', unknown.labels.join(' | '));
    const lora = (await scout.search('lora', { limit: 50 })).map(({ paper }) => readableTitle(paper.title));
    assert.deepStrictEqual(unknown.labels.slice(1), lora, 'the rest of the query is searched as if the unknown filter were not there');
    // Enter takes the first paper; the problem above it, once moved to, replaces itself with ? and lists the filters.
    await waitFor(() => testHooks.quickPick()?.active === unknown.labels[1], 'the first paper to be active');
    // Moved to as a user would (Home in the list): the first row is the problem.
    await vscode.commands.executeCommand('quickInput.first');
    await enterOn(unknown.labels[0], shown(testHooks, 'lora ?', 'filters'));
    await closePick();

    const bad = await open(testHooks, 'year:24 lora', 'results');
    assert.strictEqual(bad.labels[0], '$(warning) Not searched: year:24');
    assert.ok(!bad.title.includes('year:'), `a bad value is not applied: ${bad.title}`);
  });
});
