import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { paperIndexLoader } from '../../../src/core/store/paperIndexLoader';
import type { SearchEngine } from '../../../src/core/store/searchEngine';
import { startNodeSearchWorker } from '../../../src/searchWorker/nodeWorkerPort';
import { MemoryIndexCache, RecordingLog, TestCorpusFiles, TestSettings, testStore } from '../store/fakes';

// Issue 19: a later session over an unchanged library loads the search index the first one built and
// cached, instead of building it again; and a cache that does not fit is still refused (issue 24).

const FIXTURES = 'test/unit/library/fixtures';

/** A Better-BibTeX-like library: the fixtures, plus entries with macros, crossref, accents and abstracts. */
function libraryText(): string {
  const entries: string[] = ['@string{neurips = {Advances in Neural Information Processing Systems}}', '@proceedings{proc2023, title = {Proceedings of Things}, year = {2023}}'];
  for (let at = 0; at < 160; at++) {
    entries.push(`@inproceedings{muller${at}Okapi,
  title = {{Okapi}: Retrieval Study Number ${at} of {{Sparse}} Attention},
  author = {M{\\"u}ller, J{\\"o}rg and {\\L}ukasiewicz, Jan and others},
  booktitle = neurips,
  ${at % 3 === 0 ? 'crossref = {proc2023},' : `year = {${2010 + (at % 15)}}, month = ${['jan', 'feb', 'mar'][at % 3]},`}
  ${at % 2 === 0 ? `abstract = {We study retrieval ${at} with sparse attention over long documents and report what it costs.},` : ''}
  keywords = {retrieval, attention},
  eprint = {2301.${String(10000 + at)}}, archiveprefix = {arXiv}
}`);
  }
  return `${readFileSync(`${FIXTURES}/betterbibtex.bib`, 'utf8')}\n${entries.join('\n\n')}\n`;
}

describe('library: the search index of a later session comes from the cache', function () {
  this.timeout(60_000);
  const text = libraryText();

  /** One session: a fresh store reading the same file, indexed in the real search worker over `cache`. */
  async function session(cache: MemoryIndexCache): Promise<{ engine: SearchEngine; log: RecordingLog }> {
    const log = new RecordingLog();
    const files = new TestCorpusFiles();
    files.texts.set('refs.bib', text);
    const settings = new TestSettings();
    settings.entries = ['refs.bib'];
    const loadIndex = paperIndexLoader({
      readPrebuilt: async () => assert.fail('a library is never the prebuilt index'),
      prebuiltName: 'none',
      withProgress: (_title, task) => task(() => undefined, () => false),
      log,
      startWorker: () => startNodeSearchWorker(resolve('dist/searchWorker.js')),
      workerPapers: 100,
      cache,
    });
    const { store } = testStore({ files, settings, loadIndex });
    await store.load();
    assert.ok(store.libraryPapers > 150, `the library is read (${store.libraryPapers} papers)`);
    const engine = await store.index.ready();
    const found = await engine.search('author:lukasiewicz okapi retrieval study number 42', { limit: 3 });
    assert.equal(found[0]?.paper.key, 'muller42Okapi', found.map((result) => result.paper.key).join(', '));
    return { engine, log };
  }

  it('builds the index once, and loads it from the cache in the next session over the same file', async () => {
    const cache = new MemoryIndexCache();
    const first = await session(cache);
    assert.equal(first.engine.origin, 'built');
    first.engine.dispose?.();
    await cache.written;
    assert.equal(cache.entries.size, 1);
    const second = await session(cache);
    try {
      assert.equal(second.engine.origin, 'cached', second.log.lines.join('\n'));
      assert.equal(cache.entries.size, 1, 'nothing new was cached');
    } finally {
      second.engine.dispose?.();
    }
  });

  it('still refuses a cached index that does not fit the papers (issue 24), and builds theirs', async () => {
    const cache = new MemoryIndexCache();
    const first = await session(cache);
    first.engine.dispose?.();
    await cache.written;
    const [key, saved] = [...cache.entries][0];
    // The index of the papers, but its vocabulary saved for other content under their key.
    const vocabulary = JSON.parse(new TextDecoder().decode(saved.vocabulary)) as Record<string, unknown>;
    assert.ok(typeof vocabulary.contentKey === 'string', 'the vocabulary carries the content key it was saved with');
    cache.entries.set(key, { index: saved.index, vocabulary: new TextEncoder().encode(JSON.stringify({ ...vocabulary, contentKey: 'another' })) });
    const poisoned = await session(cache);
    try {
      assert.equal(poisoned.engine.origin, 'built');
      assert.ok(poisoned.log.lines.some((line) => /was not used \(the saved index was made for other content/.test(line)), poisoned.log.lines.join('\n'));
    } finally {
      poisoned.engine.dispose?.();
    }
  });
});
