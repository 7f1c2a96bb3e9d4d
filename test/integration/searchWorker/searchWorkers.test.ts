// A large corpus of the user's is indexed in the search worker (worker_threads in the Node host, a Web
// Worker in the web host), never on the extension host's thread: the quick pick says the index is
// being made and follows the typing meanwhile, then answers from the worker; completion and related
// papers are answered there too. The test waits for what the pick shows (a test hook), never for a
// guessed time, and asserts what happens, not how long it takes.
import * as vscode from 'vscode';
import type { PaperScoutTestHooks, SearchItemsShown } from '../../../src/api';
import { COMMANDS } from '../../../src/commands/commandIds';
import * as assert from '../assert';
import { api, closeAllEditors, hooks, nextEvent, paperCopies, scratchDocument, setSetting, waitFor, workspaceRoot } from '../helpers';

const FILE = 'paper-scout-large-corpus.json';
/** More than the worker threshold (2,000) and the long-build threshold (5,000) with the bundled papers. */
const COPIES = 5000;
const LONG_MS = 180_000;

function shown(testHooks: PaperScoutTestHooks, query: string, kind: SearchItemsShown['kind'], timeoutMs = 15_000): Promise<SearchItemsShown> {
  return nextEvent(testHooks.onDidShowSearchItems, `the search to show ${kind} for "${query}"`, (items) => items.query === query && items.kind === kind, timeoutMs);
}

describe('store: a large corpus in the search worker', function () {
  this.timeout(LONG_MS + 60_000);
  const file = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), FILE);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAllEditors();
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(file(), { useTrash: false }).then(undefined, () => undefined);
  });

  it('is indexed off the extension host while the quick pick follows the typing, then answers from the worker', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const added = paperCopies(scout.papers(), COPIES);
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(JSON.stringify({ version: 1, topics: [], papers: added })));
    await setSetting('corpus.sources', [FILE]);
    const last = added[added.length - 1].id;
    await waitFor(() => scout.state().kind === 'ready' && scout.papers().some((paper) => paper.id === last), 'the corpus file to load', LONG_MS);
    const total = scout.papers().length;
    assert.ok(total > COPIES, `${total} papers`);
    assert.strictEqual(testHooks.searchIndex().home, undefined, 'nothing has asked for the new index yet');

    // The search opens at once and says the index is being made...
    const indexing = shown(testHooks, 'quantization', 'indexing');
    void vscode.commands.executeCommand(COMMANDS.search, 'quantization');
    const first = await indexing;
    assert.ok(first.labels[0]?.includes(`Indexing ${total.toLocaleString('en-US')} papers`), first.labels.join(' | '));
    // ...and follows what is typed meanwhile, without waiting for it.
    const typed = shown(testHooks, 'quantization llm', 'indexing');
    const pick = await waitFor(() => testHooks.searchPick(), 'the open search');
    const results = shown(testHooks, 'quantization llm', 'results', LONG_MS);
    pick.type('quantization llm');
    await typed;

    // Then the results of the newest query, from the index in the worker.
    const answered = await results;
    assert.ok(answered.labels.length > 0, 'results once the index is made');
    assert.ok(answered.labels.some((label) => /\(copy \d+\)$/.test(label)), `the corpus file's papers are found: ${answered.labels.slice(0, 5).join(' | ')}`);
    assert.deepStrictEqual(testHooks.searchIndex(), { home: 'worker', papers: total, origin: 'built', progress: undefined });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    // Completion by a title word and related papers are answered by the worker too.
    const content = '\\cite{prun';
    const { document } = await scratchDocument('latex', content);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length));
    const keys = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(keys.length > 0 && keys.length <= 50 && list.isIncomplete, `${keys.length} items`);
    assert.ok(keys.some((key) => /copy\d+$/.test(key)), `copies are offered: ${keys.slice(0, 8).join(', ')}`);

    const copy = added.find((paper) => paper.key === 'galorecopy1') ?? added[0];
    await scout.openPaper(copy.id);
    const panel = await waitFor(() => testHooks.panels().find((candidate) => candidate.paperId === copy.id && candidate.related !== undefined), 'the panel to get its related papers', 30_000);
    assert.strictEqual(panel.related?.length, 6);
    assert.ok(!panel.related?.includes(copy.id));

    // The index was kept: reading the same papers again (a new session would) loads it instead of building it.
    // From 5,000 papers a quick index (no abstracts) answers first; the whole one is cached once built.
    const folder = testHooks.searchIndexCache;
    assert.ok(folder, 'the extension keeps no search index cache');
    await waitFor(async () => (await vscode.workspace.fs.readDirectory(folder).then((entries) => entries, () => [])).some(([name]) => name.startsWith(`${total}-`) && name.endsWith('.index.json')), 'the whole index to be cached', LONG_MS);
    await scout.reload();
    await waitFor(() => testHooks.searchIndex().home === undefined, 'the reload to drop the index');
    assert.ok((await scout.search('quantization llm')).length > 0);
    assert.deepStrictEqual(testHooks.searchIndex(), { home: 'worker', papers: total, origin: 'cached', progress: undefined });
  });
});
