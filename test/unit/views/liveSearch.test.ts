import assert from 'node:assert/strict';
import FakeTimers from '@sinonjs/fake-timers';
import { PaperIndex, type SearchOutcome } from '../../../src/core/search/paperIndex';
import { CancelledError } from '../../../src/core/cancellation';
import { IndexService, type IndexProgress, type SearchEngine } from '../../../src/core/store/indexService';
import { paperIndexLoader } from '../../../src/core/store/paperIndexLoader';
import { threadEngine } from '../../../src/core/store/searchEngine';
import { INDEXING_NOTICE_MS, LiveSearch, type IndexProblem, type LiveSearchView } from '../../../src/views/liveSearch';
import { bundledCorpus, Gate, RecordingLog } from '../store/fakes';

/** A quick pick as the search sees it: what it shows, and every busy state it was put in. */
class PickView implements LiveSearchView {
  busy = false;
  readonly busyStates: boolean[] = [];
  shown: { query: string; outcome?: SearchOutcome; indexing?: IndexProgress; problem?: IndexProblem }[] = [];
  setBusy(busy: boolean): void { this.busy = busy; this.busyStates.push(busy); }
  showIndexing(query: string, indexing: IndexProgress): void { this.shown.push({ query, indexing }); }
  showResults(query: string, outcome: SearchOutcome): void { this.shown.push({ query, outcome }); }
  showIndexProblem(query: string, problem: IndexProblem): void { this.shown.push({ query, problem }); }
  /** What was shown, as `query:kind` strings. */
  kinds(): string[] {
    return this.shown.map((entry) => `${entry.query}:${entry.outcome ? 'results' : entry.indexing ? `indexing ${entry.indexing.percent}%` : 'problem'}`);
  }
}

/** An engine whose `find` waits for the test to let each query through; it records what it was asked. */
class GatedEngine {
  readonly asked: string[] = [];
  private gates: Gate[] = [];
  constructor(private readonly inner: SearchEngine) {}
  engine(): SearchEngine {
    return {
      ...this.inner,
      find: async (query, options) => {
        this.asked.push(query);
        const gate = new Gate();
        this.gates.push(gate);
        await gate.promise;
        return this.inner.find(query, options);
      },
    };
  }
  /** Lets the oldest waiting query through. */
  release(): void {
    this.gates.shift()?.open();
  }
}

/** Lets the promise jobs queued so far run: resolves on the next turn of the event loop. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('views: the live search of the quick pick (no VS Code)', () => {
  const papers = bundledCorpus().papers;
  const index = PaperIndex.build(papers);
  const loader = paperIndexLoader({ readPrebuilt: async () => index.save(), prebuiltName: 'x', withProgress: (_title, task) => task(() => undefined, () => false), log: new RecordingLog() });

  it('answers at once, with the filters and problems of the query, when the index is made', async () => {
    const service = new IndexService(loader, () => ({ papers, bundled: true }));
    await service.ready();
    const view = new PickView();
    await new LiveSearch(service, view).search(`${papers[0].key} venue:icml`, { limit: 5 });
    assert.deepEqual(view.kinds(), [`${papers[0].key} venue:icml:results`]);
    assert.equal(view.shown[0].outcome?.results[0]?.paper.id, papers[0].id);
    assert.match(view.shown[0].outcome?.problems[0]?.message ?? '', /unknown filter "venue:"/);
    assert.deepEqual(view.busyStates, [true, false]);
  });

  it('shows the index being made, with its progress, for each query typed meanwhile, then only the newest query\'s results', async () => {
    const gate = new Gate();
    const service = new IndexService(async (request) => {
      request.report?.(40);
      await gate.promise;
      request.report?.(90);
      return threadEngine(index);
    }, () => ({ papers, bundled: false }));
    const view = new PickView();
    // The notice's timer, on a fake clock: each query's notice is shown when its time comes, not by a race.
    const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const live = new LiveSearch(service, view, 0);
      const first = live.search('quantization');
      await clock.tickAsync(0);
      const second = live.search(papers[2].key);
      await clock.tickAsync(0);
      assert.equal(view.busy, true);
      gate.open();
      await Promise.all([first, second]);
    } finally {
      clock.uninstall();
    }
    assert.deepEqual(view.kinds(), ['quantization:indexing 40%', `${papers[2].key}:indexing 40%`, `${papers[2].key}:indexing 90%`, `${papers[2].key}:results`]);
    assert.equal(view.shown[0].indexing?.papers, papers.length);
    assert.equal(view.busy, false);
  });

  it('shows the index being made only once the wait lasts INDEXING_NOTICE_MS (on a fake clock)', async () => {
    const clock = FakeTimers.install({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const gate = new Gate();
      const service = new IndexService(async (request) => {
        request.report?.(40);
        await gate.promise;
        return threadEngine(index);
      }, () => ({ papers, bundled: false }));
      const view = new PickView();
      const running = new LiveSearch(service, view).search('lora');
      await clock.tickAsync(INDEXING_NOTICE_MS - 1);
      assert.deepEqual(view.kinds(), [], 'the notice showed before its time');
      await clock.tickAsync(1);
      assert.deepEqual(view.kinds(), ['lora:indexing 40%']);
      gate.open();
      await running;
      assert.deepEqual(view.kinds(), ['lora:indexing 40%', 'lora:results']);
    } finally {
      clock.uninstall();
    }
  });

  it('says nothing about indexing when the index is there within a moment', async () => {
    const service = new IndexService(loader, () => ({ papers, bundled: true }));
    const view = new PickView();
    await new LiveSearch(service, view, 10_000).search('lora');
    assert.deepEqual(view.kinds(), ['lora:results']);
  });

  it('asks the engine one query at a time, and then only the newest typed meanwhile', async () => {
    const gated = new GatedEngine(threadEngine(index));
    const engine = gated.engine();
    const view = new PickView();
    const live = new LiveSearch({ current: () => engine, ready: async () => engine, progress: () => undefined, onDidProgress: () => ({ dispose: () => undefined }) }, view);
    const running = live.search('l');
    for (const typed of ['lo', 'lor', 'lora']) void live.search(typed);
    await settle();
    assert.deepEqual(gated.asked, ['l']);
    gated.release();
    await settle();
    assert.deepEqual(gated.asked, ['l', 'lora']);
    gated.release();
    await running;
    assert.deepEqual(view.kinds(), ['lora:results']);
    assert.equal(view.busy, false);
  });

  it('asks again when the engine went away under a query (the papers changed, its worker stopped)', async () => {
    let engine: SearchEngine = { ...threadEngine(index), find: async () => { engine = threadEngine(index); throw new Error('the search worker was stopped'); } };
    const view = new PickView();
    await new LiveSearch({ current: () => engine, ready: async () => engine, progress: () => undefined, onDidProgress: () => ({ dispose: () => undefined }) }, view).search('lora');
    assert.deepEqual(view.kinds(), ['lora:results']);
  });

  it('ends the busy state with a message when the user cancels a long build, leaving no rejection unhandled', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => { unhandled.push(reason); };
    process.on('unhandledRejection', listener);
    try {
      // The real index service and loader, with a progress UI whose Cancel is pressed at once.
      const service = new IndexService(paperIndexLoader({
        readPrebuilt: async () => ({ index: '', vocabulary: '' }), prebuiltName: 'x', log: new RecordingLog(), longBuildPapers: 10,
        withProgress: (_title, task) => task(() => undefined, () => true),
      }), () => ({ papers, bundled: false }));
      const view = new PickView();
      const live = new LiveSearch(service, view);
      await live.search('quantization');
      assert.equal(view.busy, false, 'the pick is still busy');
      assert.deepEqual(view.shown.map((entry) => entry.problem?.cancelled), [true]);
      // Node reports a rejection left unhandled once the promise jobs of its turn are done.
      await settle();
    } finally {
      process.off('unhandledRejection', listener);
    }
    assert.deepEqual(unhandled, []);
  });

  it('shows a failed build as a problem that is not a cancellation', async () => {
    const view = new PickView();
    const service = new IndexService(async () => { throw new Error('out of memory'); }, () => ({ papers, bundled: false }));
    await new LiveSearch(service, view).search('x');
    assert.deepEqual(view.shown, [{ query: 'x', problem: { cancelled: false, message: 'out of memory' } }]);
    assert.equal(view.busy, false);
  });

  it('lets a cancel() drop a search under way', async () => {
    const gate = new Gate();
    const view = new PickView();
    const service = new IndexService(async () => { await gate.promise; throw new CancelledError(); }, () => ({ papers, bundled: false }));
    const live = new LiveSearch(service, view, 10_000);
    const running = live.search('x');
    live.cancel();
    gate.open();
    await running;
    assert.deepEqual(view.shown, []);
    assert.equal(view.busy, false);
  });
});
