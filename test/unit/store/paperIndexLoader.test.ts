import assert from 'node:assert/strict';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { isIndexCancelled } from '../../../src/core/store/indexService';
import { paperIndexLoader, type WithProgress } from '../../../src/core/store/paperIndexLoader';
import { bundledCorpus, RecordingLog } from './fakes';

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

describe('store: loading or building the PaperIndex (no VS Code)', () => {
  const papers = bundledCorpus().papers;
  const prebuilt = PaperIndex.build(papers).save();
  const never = isNever();

  it('loads the prebuilt index for the bundled papers, without building', async () => {
    const log = new RecordingLog();
    let read = 0;
    const load = paperIndexLoader({ readPrebuilt: async () => { read++; return prebuilt; }, prebuiltName: 'index.json', withProgress: never, log });
    const index = await load({ papers, bundled: true, isStale: () => false });
    assert.equal(read, 1);
    assert.equal(index.search(papers[0].key)[0]?.paper.id, papers[0].id);
    assert.ok(!log.lines.some((line) => line.startsWith('warn:')), log.lines.join('\n'));
  });

  it('falls back to building, with a warning, when the prebuilt index is corrupt or made for other papers', async () => {
    for (const saved of [{ index: '{', vocabulary: '' }, PaperIndex.build(papers.slice(1)).save()]) {
      const log = new RecordingLog();
      const load = paperIndexLoader({ readPrebuilt: async () => saved, prebuiltName: 'dist/index.json', withProgress: never, log });
      const index = await load({ papers, bundled: true, isStale: () => false });
      assert.equal(index.search(papers[3].key)[0]?.paper.id, papers[3].id);
      assert.ok(log.lines.some((line) => line.startsWith('warn: prebuilt index dist/index.json not used')), log.lines.join('\n'));
    }
    const missing = paperIndexLoader({ readPrebuilt: async () => { throw new Error('ENOENT'); }, prebuiltName: 'dist/index.json', withProgress: never, log: new RecordingLog() });
    assert.equal((await missing({ papers, bundled: true, isStale: () => false })).size, papers.length);
  });

  it('never reads the prebuilt index for papers that are not the bundled ones as shipped', async () => {
    const load = paperIndexLoader({ readPrebuilt: async () => assert.fail('read the prebuilt index'), prebuiltName: 'x', withProgress: never, log: new RecordingLog() });
    assert.equal((await load({ papers: papers.slice(0, 10), bundled: false, isStale: () => false })).size, 10);
  });

  it('builds a long corpus under a progress report, in rising percentages', async () => {
    const ui = progressUi();
    const load = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: ui.withProgress, log: new RecordingLog(), longBuildPapers: 50 });
    const index = await load({ papers, bundled: false, isStale: () => false });
    assert.equal(index.size, papers.length);
    assert.deepEqual(ui.titles, [`Paper Scout: indexing ${papers.length} papers`]);
    assert.deepEqual(ui.reports, [...ui.reports].sort((a, b) => a - b));
    assert.ok(ui.reports.every((percent) => percent > 0 && percent <= 100));
  });

  it('stops a long build the user cancels with an IndexCancelledError', async () => {
    const ui = progressUi(0);
    const load = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: ui.withProgress, log: new RecordingLog(), longBuildPapers: 50 });
    await assert.rejects(load({ papers, bundled: false, isStale: () => false }), (error) => isIndexCancelled(error));
  });

  it('stops a build whose papers went stale', async () => {
    const load = paperIndexLoader({ readPrebuilt: async () => prebuilt, prebuiltName: 'x', withProgress: never, log: new RecordingLog() });
    await assert.rejects(load({ papers, bundled: false, isStale: () => true }), (error) => isIndexCancelled(error));
  });
});

/** A progress UI that must not be used (short builds show none). */
function isNever(): WithProgress {
  return () => assert.fail('a short build showed a progress notification');
}
