import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { paperSchema } from '../src/core/paper';
import type { Paper } from '../src/core/types';
import { benchReportSchema } from './report';
import { syntheticCorpus } from './synthetic';

// `npm run bench:smoke`: the benchmark's own correctness. It runs end to end in quick mode on small synthetic
// corpora (and its 5,000-file, 50 MB workspace) and its JSON matches the schema. No timing is asserted here;
// timings belong to `npm run bench`. Its own script, not the unit suite: it writes tens of megabytes.
describe('benchmark (npm run bench)', () => {

  it('runs in quick mode on small corpora and prints one JSON object that matches the report schema', () => {
    const output = execFileSync(process.execPath, ['--expose-gc', 'out/bench/main.js', '--quick', '--json', '--scale', '300,600'], { encoding: 'utf8' });
    const lines = output.trim().split('\n');
    assert.equal(lines.length, 1, 'exactly one line of JSON on stdout');
    const report = benchReportSchema.parse(JSON.parse(lines[0]));
    assert.equal(report.mode, 'quick');
    assert.ok(report.corpusPapers > 0);
    assert.deepEqual(report.scale.map((entry) => entry.papers), [300, 600]);
    for (const entry of [report, ...report.scale]) {
      assert.deepEqual(entry.baselines.map((baseline) => baseline.name).sort(), ['fuse', 'minisearch', 'naive']);
      assert.ok(entry.queryP50Ms <= entry.queryP95Ms && entry.queryP95Ms <= entry.queryP99Ms);
    }
    assert.equal(report.citationIndex.files, 5000);
    assert.ok(report.citationIndex.totalMB >= 45 && report.citationIndex.totalMB <= 55, `${report.citationIndex.totalMB} MB`);
    assert.ok(report.citationIndex.citations > 0 && report.citationIndex.citationIndexMs > 0);
    for (const entry of report.scale) {
      assert.ok(entry.heapMB > 0, 'the worker reports its heap');
      assert.ok(entry.roundTripP95Ms >= entry.queryP95Ms * 0.5, 'a round trip includes the worker\'s own time');
      assert.ok(Number.isFinite(entry.mainThreadBlockMs));
      assert.ok(entry.workerBuildMs > 0 && entry.indexLoadMs > 0, 'built in the worker the first time, loaded from the cache after');
      assert.ok(entry.mainHeapMB > 0 && entry.indexBytes > 0);
    }
    assert.equal(report.userCorpus.json.papers, 4000);
    assert.ok(report.userCorpus.json.distinct > 3000 && report.userCorpus.pages.distinct > 400, JSON.stringify(report.userCorpus));
    assert.equal(report.library.entries, 500);
    assert.deepEqual(report.library.runs.map((run) => run.cached), [false, true], 'the first load builds the index, the second loads it from the cache');
    assert.ok(report.library.runs.every((run) => run.libraryPapers > 450 && run.updatedInPlace && run.problems === 0), JSON.stringify(report.library.runs));
    assert.deepEqual(Object.keys(report.library.hostile).sort(), ['atStorm', 'deepBraces', 'entries100k', 'fiftyMegabytes', 'megabyteField', 'unclosedValues']);
    assert.equal(report.idleWorkspace.files, 500);
    assert.deepEqual([report.idleWorkspace.filesRead, report.idleWorkspace.watchers, report.idleWorkspace.stubbed], [0, 0, []], JSON.stringify(report.idleWorkspace));
    assert.ok(report.idleWorkspace.activateMs > 0 && report.idleWorkspace.floorMs > 0);
    assert.ok(report.mentions.files > 100 && report.mentions.mentions > 0, JSON.stringify(report.mentions));
    assert.equal(report.mentions.mentionsFalsePositives, 0, report.mentions.examples.join(', '));
    const { voicedDescriptions } = report.quality;
    assert.ok(voicedDescriptions.tuning.count >= 75 && voicedDescriptions.heldOut.count >= 75 && voicedDescriptions.heldOut.plain, 'quality of both halves, beside plain MiniSearch');
    assert.equal(new Set(report.budgets.map((budget) => budget.figure)).size, report.budgets.length, 'a budget is listed twice');
    for (const budget of report.budgets) {
      if (budget.figure.startsWith('10') && (budget.figure.includes('papers') || budget.figure.includes('entries'))) assert.equal(budget.status, 'not measured', budget.figure);
      else if (budget.figure !== 'vsixKB') assert.notEqual(budget.status, 'not measured', budget.figure);
    }
  });

  it('measures the two-pass ranking against one pass (npm run bench:scale-quality) and prints one JSON object', () => {
    const output = execFileSync(process.execPath, ['out/bench/scaleQuality.js', '--papers', '600'], { encoding: 'utf8' });
    const report = JSON.parse(output.trim()) as Record<string, unknown>;
    assert.equal(report.papers, 600);
    for (const way of ['onePass', 'twoPassesAllFields', 'shipped']) {
      const figures = report[way] as Record<string, { mrrAt10?: number; hitAt10?: number; queryP95Ms?: number }>;
      for (const set of ['knownItems', 'descriptions', 'voicedDescriptions']) {
        const { mrrAt10, hitAt10 } = figures[set];
        assert.ok(mrrAt10 !== undefined && hitAt10 !== undefined && mrrAt10 > 0 && mrrAt10 <= hitAt10 && hitAt10 <= 1, `${way} ${set}: ${JSON.stringify(figures[set])}`);
      }
      assert.ok((figures.bench.queryP95Ms ?? 0) > 0, `${way}: bench latencies`);
    }
  });

  it('makes the same valid synthetic corpus from the same seed, with unique ids and keys', () => {
    const real = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
    const papers = syntheticCorpus(real, real.length + 400, 7);
    assert.equal(papers.length, real.length + 400);
    assert.deepEqual(papers.slice(0, real.length), real, 'the real papers come first, unchanged');
    assert.equal(new Set(papers.map((paper) => paper.id)).size, papers.length);
    assert.equal(new Set(papers.map((paper) => paper.key)).size, papers.length);
    for (const paper of papers) paperSchema.parse(paper);
    assert.deepEqual(syntheticCorpus(real, real.length + 400, 7), papers);
    assert.notDeepEqual(syntheticCorpus(real, real.length + 400, 8).slice(real.length), papers.slice(real.length));
  });
});
