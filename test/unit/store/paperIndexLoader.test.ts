import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { papersContentKey } from '../../../src/core/search/contentKey';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import type { WorkerPort } from '../../../src/core/searchWorker/workerClient';
import { isCancellation } from '../../../src/core/cancellation';
import { IndexService } from '../../../src/core/store/indexService';
import { paperIndexLoader, type PaperIndexLoaderOptions, type WithProgress } from '../../../src/core/store/paperIndexLoader';
import { startNodeSearchWorker } from '../../../src/searchWorker/nodeWorkerPort';
import { bundledCorpus, MemoryIndexCache, RecordingLog } from './fakes';

/** A progress UI that records what it was shown and can cancel after some reports. */
function progressUi(cancelAfterReports = Number.POSITIVE_INFINITY): { withProgress: WithProgress; titles: string[]; reports: number[] } {
  const titles: string[] = [];
  const reports: number[] = [];
  const withProgress: WithProgress = (title, task) => {
    titles.push(title);
    return task((percent) => reports.push(percent), () => reports.length >= cancelAfterReports);
  };
  return { withProgress, titles, reports };
}

/** The real Node search worker (dist/searchWorker.js, built before the unit tests run), with the ports it started. */
function realWorkers(): { startWorker: () => WorkerPort; ports: WorkerPort[]; terminated: () => number } {
  const ports: WorkerPort[] = [];
  let terminated = 0;
  return {
    ports,
    terminated: () => terminated,
    startWorker: () => {
      const port = startNodeSearchWorker(resolve('dist/searchWorker.js'));
      const recorded: WorkerPort = { ...port, terminate: () => { terminated++; return port.terminate(); } };
      ports.push(recorded);
      return recorded;
    },
  };
}

describe('store: loading or building the search engine (no VS Code)', function () {
  this.timeout(60_000);
  const papers = bundledCorpus().papers;
  const local = PaperIndex.build(papers);
  const prebuilt = local.save();
  const never = isNever();
  const ids = (results: { paper: { id: string } }[]): string[] => results.map((result) => result.paper.id);

  it('loads the prebuilt index for the bundled papers on the thread, without building or a worker', async () => {
    const log = new RecordingLog();
    let read = 0;
    const load = paperIndexLoader({ readPrebuilt: async () => { read++; return prebuilt; }, prebuiltName: 'index.json', withProgress: never, log, startWorker: () => assert.fail('started a worker'), workerPapers: 1 });
    const engine = await load({ papers, bundled: true, isStale: () => false });
    assert.equal(read, 1);
    assert.equal(engine.home, 'thread');
    assert.equal(engine.origin, 'prebuilt');
    assert.equal((await engine.search(papers[0].key))[0]?.paper.id, papers[0].id);
    assert.ok(!log.lines.some((line) => line.startsWith('warn:')), log.lines.join('\n'));
  });

  it('falls back to building, with a warning, when the prebuilt index is corrupt or made for other papers', async () => {
    for (const saved of [{ index: '{', vocabulary: '' }, PaperIndex.build(papers.slice(1)).save()]) {
      const log = new RecordingLog();
      const load = paperIndexLoader({ readPrebuilt: async () => saved, prebuiltName: 'dist/index.json', withProgress: never, log });
      const engine = await load({ papers, bundled: true, isStale: () => false });
      assert.equal((await engine.search(papers[3].key))[0]?.paper.id, papers[3].id);
      assert.ok(log.lines.some((line) => line.startsWith('warn: prebuilt index dist/index.json not used')), log.lines.join('\n'));
    }
    const missing = paperIndexLoader({ readPrebuilt: async () => { throw new Error('ENOENT'); }, prebuiltName: 'dist/index.json', withProgress: never, log: new RecordingLog() });
    assert.equal((await missing({ papers, bundled: true, isStale: () => false })).size, papers.length);
  });

  it('builds a small corpus on the thread, never reading the prebuilt index for papers that are not the bundled ones', async () => {
    const load = paperIndexLoader({ readPrebuilt: async () => assert.fail('read the prebuilt index'), prebuiltName: 'x', withProgress: never, log: new RecordingLog(), startWorker: () => assert.fail('started a worker'), workerPapers: 11 });
    const engine = await load({ papers: papers.slice(0, 10), bundled: false, isStale: () => false });
    assert.equal(engine.size, 10);
    assert.equal(engine.home, 'thread');
  });

  it('builds a long corpus under a progress report, in rising percentages, also telling the request', async () => {
    const ui = progressUi();
    const told: number[] = [];
    const load = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: ui.withProgress, log: new RecordingLog(), longBuildPapers: 50 });
    const engine = await load({ papers, bundled: false, isStale: () => false, report: (percent) => told.push(percent) });
    assert.equal(engine.size, papers.length);
    assert.deepEqual(ui.titles, [`Paper Scout: indexing ${papers.length} papers`]);
    assert.deepEqual(ui.reports, [...ui.reports].sort((a, b) => a - b));
    assert.ok(ui.reports.every((percent) => percent > 0 && percent <= 100));
    assert.deepEqual(told.filter((percent, at) => percent !== told[at - 1]), ui.reports);
  });

  it('stops a long build the user cancels, and one whose papers went stale, with an CancelledError', async () => {
    const cancelling = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: progressUi(0).withProgress, log: new RecordingLog(), longBuildPapers: 50 });
    await assert.rejects(cancelling({ papers, bundled: false, isStale: () => false }), (error) => isCancellation(error));
    const stale = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: never, log: new RecordingLog() });
    await assert.rejects(stale({ papers, bundled: false, isStale: () => true }), (error) => isCancellation(error));
  });

  describe('a large corpus, in the search worker', () => {
    const workerOptions = (extra: Partial<PaperIndexLoaderOptions> = {}): PaperIndexLoaderOptions & { log: RecordingLog } => ({
      readPrebuilt: async () => assert.fail('read the prebuilt index'), prebuiltName: 'x', withProgress: never, log: new RecordingLog(), workerPapers: 100, ...extra,
    }) as PaperIndexLoaderOptions & { log: RecordingLog };

    it('is built in the worker, with progress, and answers find, related and complete as the thread index does', async () => {
      const workers = realWorkers();
      const options = workerOptions({ startWorker: workers.startWorker });
      const told: number[] = [];
      const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false, report: (percent) => told.push(percent) });
      try {
        assert.equal(engine.home, 'worker');
        assert.equal(engine.size, papers.length);
        assert.ok(told.length > 0 && told.every((percent, at) => percent >= 0 && percent <= 100 && percent >= (told[at - 1] ?? 0)), told.join());
        for (const query of ['galo', 'low rank adaptaion', 'topic:peft year:2024 lora', 'venue:icml lora']) {
          const outcome = await engine.find(query, { limit: 10 });
          const expected = local.find(query, { limit: 10 });
          assert.deepEqual(ids(outcome.results), ids(expected.results), query);
          assert.deepEqual(outcome.problems, expected.problems, query);
          assert.equal(outcome.results[0]?.paper, expected.results[0]?.paper, 'results carry the caller\'s own paper objects');
        }
        assert.deepEqual(ids(await engine.related(papers[5].id, 6)), ids(local.related(papers[5].id, 6)));
        assert.deepEqual(ids(await engine.complete('prun')), ids(local.complete('prun')));
        assert.ok(options.log.lines.some((line) => /in the search worker/.test(line)), options.log.lines.join('\n'));
      } finally {
        engine.dispose?.();
      }
      assert.equal(workers.terminated(), 1, 'disposing the engine stops its worker');
    });

    it('keeps the index it built in the cache, and loads it from there the next time', async () => {
      const cache = new MemoryIndexCache();
      const first = workerOptions({ startWorker: realWorkers().startWorker, cache });
      const built = await paperIndexLoader(first)({ papers, bundled: false, isStale: () => false });
      assert.equal(built.origin, 'built');
      built.dispose?.();
      await cache.written;
      assert.equal(cache.entries.size, 1);
      assert.ok(first.log.lines.some((line) => /index built for 224 papers/.test(line)), first.log.lines.join('\n'));
      const second = workerOptions({ startWorker: realWorkers().startWorker, cache });
      const loaded = await paperIndexLoader(second)({ papers, bundled: false, isStale: () => false });
      try {
        assert.equal(loaded.origin, 'cached');
        assert.ok(second.log.lines.some((line) => /index loaded for 224 papers/.test(line)), second.log.lines.join('\n'));
        assert.deepEqual(ids(await loaded.search('speculative decoding')), ids(local.search('speculative decoding')));
      } finally {
        loaded.dispose?.();
      }
      // Other papers have another key: the cached index is not theirs.
      const fewer = workerOptions({ startWorker: realWorkers().startWorker, cache });
      const other = await paperIndexLoader(fewer)({ papers: papers.slice(1), bundled: false, isStale: () => false });
      other.dispose?.();
      assert.ok(fewer.log.lines.some((line) => /index built for 223 papers/.test(line)), fewer.log.lines.join('\n'));
    });

    it('builds again, with a warning, when the cached index is corrupt', async () => {
      const cache = new MemoryIndexCache();
      const built = await paperIndexLoader(workerOptions({ startWorker: realWorkers().startWorker, cache }))({ papers, bundled: false, isStale: () => false });
      built.dispose?.();
      await cache.written;
      for (const key of cache.entries.keys()) cache.entries.set(key, { index: new TextEncoder().encode('{"broken'), vocabulary: new Uint8Array() });
      const options = workerOptions({ startWorker: realWorkers().startWorker, cache });
      const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false });
      try {
        assert.equal(engine.home, 'worker');
        assert.ok(options.log.lines.some((line) => line.startsWith('warn: the cached search index') && line.includes('was not used')), options.log.lines.join('\n'));
        assert.deepEqual(ids(await engine.search('kolmogorov')), ids(local.search('kolmogorov')));
      } finally {
        engine.dispose?.();
      }
    });

    it('falls back to a sliced build on the thread, and says why, when the worker cannot start or its script is missing', async () => {
      const starters: [string, () => WorkerPort][] = [
        ['could not start (no Worker here)', () => { throw new Error('no Worker here'); }],
        ['failed', () => startNodeSearchWorker(resolve('dist/no-such-worker.js'))],
      ];
      for (const [said, startWorker] of starters) {
        const options = workerOptions({ startWorker });
        const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false });
        assert.equal(engine.home, 'thread', said);
        assert.deepEqual(ids(await engine.search('lora')), ids(local.search('lora')));
        assert.ok(options.log.lines.some((line) => line.startsWith(`warn: the search worker ${said}`) && line.includes('on the extension host in slices instead')), options.log.lines.join('\n'));
      }
    });

    it('stops the worker when the user cancels its build', async () => {
      const workers = realWorkers();
      const many = [0, 1, 2, 3].flatMap((copy) => papers.map((paper) => ({ ...paper, id: `${paper.id}-${copy}`, key: `${paper.key}${copy}` })));
      const options = workerOptions({ startWorker: workers.startWorker, withProgress: progressUi(1).withProgress, longBuildPapers: 100 });
      await assert.rejects(paperIndexLoader(options)({ papers: many, bundled: false, isStale: () => false }), (error) => isCancellation(error));
      assert.equal(workers.terminated(), 1);
      assert.ok(!options.log.lines.some((line) => line.startsWith('warn:')), 'a cancellation is not a failure');
    });

    it('is made again on the next search when its worker dies', async () => {
      const workers = realWorkers();
      const service = new IndexService(paperIndexLoader(workerOptions({ startWorker: workers.startWorker })), () => ({ papers, bundled: false }));
      const engine = await service.ready();
      await workers.ports[0].terminate();
      await until(() => service.current() === undefined, 'the dead engine to be dropped');
      await assert.rejects(engine.search('lora'), /exited|stopped/);
      const again = await service.ready();
      try {
        assert.notEqual(again, engine);
        assert.deepEqual(ids(await again.search('lora')), ids(local.search('lora')));
      } finally {
        service.dispose();
      }
    });

    describe('a cache that is not to be trusted (issue 24)', () => {
      /** The papers with a word no real paper holds in every abstract: same ids, other content. */
      const others = papers.map((paper) => ({ ...paper, abstract: `${paper.abstract} zyxwvutsr` }));
      const key = papersContentKey(papers);

      /** A cache holding, under the papers' own key, the index built for `built`. */
      async function cacheHolding(built: typeof papers, change?: (saved: { index: string; vocabulary: string }) => { index: string; vocabulary: string }): Promise<MemoryIndexCache> {
        const cache = new MemoryIndexCache();
        const saved = PaperIndex.build(built).save(papersContentKey(built));
        const used = change ? change(saved) : saved;
        cache.entries.set(key, { index: new TextEncoder().encode(used.index), vocabulary: new TextEncoder().encode(used.vocabulary) });
        return cache;
      }

      it('refuses an index of other content under the papers\' key, removes it, and builds theirs', async () => {
        const cache = await cacheHolding(others);
        const options = workerOptions({ startWorker: realWorkers().startWorker, cache });
        const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false });
        try {
          assert.equal(engine.origin, 'built');
          assert.deepEqual(await engine.search('zyxwvutsr'), [], 'a word no paper holds found papers');
          assert.ok(options.log.lines.some((line) => line.includes('was not used') && line.includes('other content') && line.includes('removed')), options.log.lines.join('\n'));
        } finally {
          engine.dispose?.();
        }
        await cache.written;
        const again = workerOptions({ startWorker: realWorkers().startWorker, cache });
        const loaded = await paperIndexLoader(again)({ papers, bundled: false, isStale: () => false });
        loaded.dispose?.();
        assert.equal(loaded.origin, 'cached', 'the index built in its place is kept and loaded the next time');
      });

      it('refuses an index of other papers\' ids beside the papers\' own vocabulary', async () => {
        const renamed = papers.map((paper) => ({ ...paper, id: `${paper.id}-x` }));
        const own = PaperIndex.build(papers).save(key);
        const cache = await cacheHolding(renamed, (saved) => ({ index: saved.index, vocabulary: own.vocabulary }));
        const options = workerOptions({ startWorker: realWorkers().startWorker, cache });
        const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false });
        try {
          assert.equal(engine.origin, 'built');
          assert.deepEqual(ids(await engine.search('lora')), ids(local.search('lora')));
          assert.ok(options.log.lines.some((line) => line.includes('was not used') && line.includes('does not hold')), options.log.lines.join('\n'));
        } finally {
          engine.dispose?.();
        }
      });

      it('does not read a cache that cannot be read (too large, say): removes it and builds', async () => {
        const cache = await cacheHolding(papers);
        cache.read = async () => { throw new Error('a file of 1024 MB, over the 512 MB a cached index may take'); };
        const options = workerOptions({ startWorker: realWorkers().startWorker, cache });
        const engine = await paperIndexLoader(options)({ papers, bundled: false, isStale: () => false });
        engine.dispose?.();
        assert.equal(engine.origin, 'built');
        assert.ok(options.log.lines.some((line) => line.includes('could not be read') && line.includes('1024 MB')), options.log.lines.join('\n'));
        await cache.written;
        assert.ok(cache.entries.has(key), 'the built index took its place');
      });

      it('on the first query a cached index fails, removes it and answers from an index built again', async () => {
        // Loads, ids and content key right, but its field lengths are gone: every search throws in the worker.
        const cache = await cacheHolding(papers, (saved) => ({ index: JSON.stringify({ ...JSON.parse(saved.index), fieldLength: {} }), vocabulary: saved.vocabulary }));
        const options = workerOptions({ startWorker: realWorkers().startWorker, cache });
        const service = new IndexService(paperIndexLoader(options), () => ({ papers, bundled: false }));
        try {
          const first = await service.ready();
          assert.equal(first.origin, 'cached');
          const answer = await service.ask((engine) => engine.search('lora'));
          assert.deepEqual(ids(answer), ids(local.search('lora')), 'the question was asked again of the rebuilt index');
          assert.equal(service.current()?.origin, 'built');
          assert.ok(options.log.lines.some((line) => line.includes('failed a query') && line.includes('removed')), options.log.lines.join('\n'));
          await cache.written;
          const saved = cache.entries.get(key);
          assert.ok(saved && !new TextDecoder().decode(saved.index).includes('"fieldLength":{}'), 'the poisoned index is still cached');
        } finally {
          service.dispose();
        }
      });
    });
  });
});

/** Resolves once `check()` holds; fails after 10 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A progress UI that must not be used (short builds show none). */
function isNever(): WithProgress {
  return () => assert.fail('a short build showed a progress notification');
}
