import assert from 'node:assert/strict';
import { PaperIndex, type SearchResult } from '../../../src/core/search/paperIndex';
import { IndexCancelledError, IndexService, type SearchEngine } from '../../../src/core/store/indexService';
import { paperIndexLoader } from '../../../src/core/store/paperIndexLoader';
import { LiveSearch, type IndexProblem, type LiveSearchView } from '../../../src/views/liveSearch';
import { bundledCorpus, Gate, RecordingLog } from '../store/fakes';

/** A quick pick as the search sees it: what it shows, and every busy state it was put in. */
class PickView implements LiveSearchView {
  busy = false;
  readonly busyStates: boolean[] = [];
  shown: { query: string; results?: SearchResult[]; problem?: IndexProblem }[] = [];
  setBusy(busy: boolean): void { this.busy = busy; this.busyStates.push(busy); }
  showResults(query: string, results: SearchResult[]): void { this.shown.push({ query, results }); }
  showIndexProblem(query: string, problem: IndexProblem): void { this.shown.push({ query, problem }); }
}

describe('views: the live search of the quick pick (no VS Code)', () => {
  const papers = bundledCorpus().papers;

  it('answers at once, never busy, when the index is made', async () => {
    const index = PaperIndex.build(papers);
    const view = new PickView();
    await new LiveSearch({ current: () => index, ready: async () => index }, view).search(papers[0].key, { limit: 5 });
    assert.equal(view.shown[0].results?.[0]?.paper.id, papers[0].id);
    assert.deepEqual(view.busyStates, [false]);
  });

  it('is busy while the index is made, and shows only the newest query', async () => {
    const gate = new Gate();
    let engine: SearchEngine | undefined;
    const view = new PickView();
    const live = new LiveSearch({ current: () => engine, ready: async () => { await gate.promise; engine = PaperIndex.build(papers); return engine; } }, view);
    const first = live.search('quantization');
    const second = live.search(papers[2].key);
    assert.equal(view.busy, true);
    gate.open();
    await Promise.all([first, second]);
    assert.deepEqual(view.shown.map((entry) => entry.query), [papers[2].key]);
    assert.equal(view.busy, false);
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
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off('unhandledRejection', listener);
    }
    assert.deepEqual(unhandled, []);
  });

  it('shows a failed build as a problem that is not a cancellation', async () => {
    const view = new PickView();
    await new LiveSearch({ current: () => undefined, ready: async () => { throw new Error('out of memory'); } }, view).search('x');
    assert.deepEqual(view.shown, [{ query: 'x', problem: { cancelled: false, message: 'out of memory' } }]);
    assert.equal(view.busy, false);
  });

  it('lets a cancel() drop a search under way', async () => {
    const gate = new Gate();
    const view = new PickView();
    const live = new LiveSearch({ current: () => undefined, ready: async () => { await gate.promise; throw new IndexCancelledError(); } }, view);
    const running = live.search('x');
    live.cancel();
    gate.open();
    await running;
    assert.deepEqual(view.shown, []);
    assert.equal(view.busy, false);
  });
});
