// The search worker's index cache is never trusted (issue 24): an index kept under the papers' content
// key that was made for other content is refused and built again, and one that loads but fails its
// first query is removed and built again, the query answered from the new index. Both hosts: the cache
// is a folder of the extension's global storage, read through `workspace.fs`.
import * as vscode from 'vscode';
import { papersContentKey } from '../../../src/core/search/contentKey';
import * as assert from '../assert';
import { api, hooks, paperCopies, setSetting, waitFor, workspaceRoot } from '../helpers';

const FILE = 'paper-scout-cache-corpus.json';
/** Enough papers, with the bundled ones, for the index to be made in the search worker (2,000). */
const COPIES = 1900;
const LONG_MS = 120_000;

describe('store: a poisoned search index cache', function () {
  this.timeout(LONG_MS * 3);
  const file = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), FILE);

  after(async () => {
    await setSetting('corpus.sources', undefined);
    await vscode.workspace.fs.delete(file(), { useTrash: false }).then(undefined, () => undefined);
  });

  /** The `<key>.index.json` and `<key>.vocabulary.json` files of the cached index of the papers in force, once written. */
  async function cachedFiles(folder: vscode.Uri): Promise<{ index: vscode.Uri; vocabulary: vscode.Uri }> {
    const key = papersContentKey((await api()).papers());
    const files = { index: vscode.Uri.joinPath(folder, `${key}.index.json`), vocabulary: vscode.Uri.joinPath(folder, `${key}.vocabulary.json`) };
    const there = (uri: vscode.Uri): Promise<boolean> => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
    await waitFor(async () => (await there(files.index)) && (await there(files.vocabulary)), 'the index to be kept in the cache', LONG_MS);
    return files;
  }

  async function readJson(uri: vscode.Uri): Promise<Record<string, unknown>> {
    return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
  }

  async function writeJson(uri: vscode.Uri, value: unknown): Promise<void> {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(value)));
  }

  /** Reads the corpus again (as a new session would) and searches, resolving to the index's origin and the results. */
  async function reloadAndSearch(query: string): Promise<{ origin: string | undefined; titles: string[] }> {
    const scout = await api();
    const testHooks = await hooks();
    await scout.reload();
    await waitFor(() => testHooks.searchIndex().home === undefined, 'the reload to drop the index');
    const results = await scout.search(query);
    return { origin: testHooks.searchIndex().origin, titles: results.map((result) => result.paper.title) };
  }

  it('is refused when made for other content, and removed when it fails a query; both times the index is built again and answers', async () => {
    const scout = await api();
    const testHooks = await hooks();
    const folder = testHooks.searchIndexCache;
    assert.ok(folder, 'the extension keeps no search index cache');
    const added = paperCopies(scout.papers(), COPIES, 'cache');
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(JSON.stringify({ version: 1, topics: [], papers: added })));
    await setSetting('corpus.sources', [FILE]);
    const last = added[added.length - 1].id;
    await waitFor(() => scout.state().kind === 'ready' && scout.papers().some((paper) => paper.id === last), 'the corpus file to load', LONG_MS);
    const expected = (await scout.search('speculative decoding')).map((result) => result.paper.title);
    assert.ok(expected.length > 0);
    assert.strictEqual(testHooks.searchIndex().home, 'worker');

    // Other content under the papers' key: the vocabulary says which content it was saved for.
    const first = await cachedFiles(folder);
    const vocabulary = await readJson(first.vocabulary);
    assert.strictEqual(typeof vocabulary.contentKey, 'string', 'the cached index does not say which content it was made for');
    await writeJson(first.vocabulary, { ...vocabulary, contentKey: 'another-corpus' });
    const refused = await reloadAndSearch('speculative decoding');
    assert.deepStrictEqual(refused, { origin: 'built', titles: expected });

    // An index that loads but fails every search: its field lengths are gone.
    const second = await cachedFiles(folder);
    assert.strictEqual((await readJson(second.vocabulary)).contentKey, vocabulary.contentKey, 'the rebuilt index was not kept in place of the refused one');
    await writeJson(second.index, { ...(await readJson(second.index)), fieldLength: {} });
    const reloaded = await reloadAndSearch('speculative decoding');
    assert.deepStrictEqual(reloaded, { origin: 'built', titles: expected }, 'the failed query was not answered from a rebuilt index');
    const third = await cachedFiles(folder);
    await waitFor(async () => Object.keys((await readJson(third.index)).fieldLength as object).length > 0, 'the poisoned index to be replaced in the cache', LONG_MS);
    assert.strictEqual((await reloadAndSearch('speculative decoding')).origin, 'cached', 'the index built in its place is loaded the next time');
  });
});
