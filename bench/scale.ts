// The scale part of the benchmark: a synthetic corpus of N papers, its index built here and saved,
// then loaded and queried the way the extension will for a large corpus (in the search worker, from a
// fresh process: out/bench/scale.js), beside the naive scan, Fuse.js and MiniSearch with its defaults.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PaperIndex } from '../src/core/search/paperIndex';
import type { Paper, TopicRule } from '../src/core/types';
import { fuseSearch, miniSearchDefaults, naiveScan } from './baselines';
import { compare, runScript } from './compare';
import { sampleQueries } from './queries';
import type { ScaleReport } from './report';
import { latency, median, percentile, round } from './stats';
import { syntheticCorpus } from './synthetic';

/** What the scale measurement needs from the run. */
export interface ScaleContext {
  quick: boolean;
  /** Folder for the files the children read. */
  work: string;
  /** Folder of the benchmark's bundles (scale.js, searchWorker.js). */
  bundles: string;
  log: (message: string) => void;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Measures one corpus size and says in `notes` how. */
export function measureScale(size: number, real: readonly Paper[], topics: readonly TopicRule[], queries: string[], context: ScaleContext, notes: string[]): ScaleReport {
  context.log(`synthetic corpus of ${size} papers…`);
  const synthetic = syntheticCorpus(real, size);
  const runs = size >= 50000 || context.quick ? 1 : 3;
  const builds: number[] = [];
  let built: PaperIndex | undefined;
  for (let run = 0; run < runs; run++) {
    built = undefined;
    gc();
    const start = performance.now();
    built = PaperIndex.build(synthetic);
    builds.push(performance.now() - start);
  }
  const saved = (built as PaperIndex).save();
  built = undefined;
  const files = {
    corpus: join(context.work, `corpus-${size}.json`),
    index: join(context.work, `index-${size}.json`),
    vocabulary: join(context.work, `vocabulary-${size}.json`),
    queries: join(context.work, 'queries.json'),
  };
  writeFileSync(files.corpus, JSON.stringify({ version: 1, topics, papers: synthetic }));
  writeFileSync(files.index, saved.index);
  writeFileSync(files.vocabulary, saved.vocabulary);
  writeFileSync(files.queries, JSON.stringify(queries));
  const indexBytes = saved.index.length + saved.vocabulary.length;
  gc();
  context.log('  loading it in the search worker and querying it there…');
  const measured = runScript<{ indexLoadMs: number; mainThreadBlockMs: number; perQueryMs: number[]; roundTripMs: number[]; heapMB: number | null; vocabulary: number }>(
    join(context.bundles, 'scale.js'),
    [join(context.bundles, 'searchWorker.js'), files.corpus, files.index, files.vocabulary, files.queries, String(context.quick ? 1 : 3), String(context.quick ? 1 : 3)],
    ['--expose-gc'],
  );
  const ours = new Map(queries.map((query, i) => [query, measured.perQueryMs[i]]));
  // Baselines cost up to seconds per query at scale: each runs on a sample spread over every kind of query.
  const naiveCount = size >= 50000 ? 24 : 60;
  const miniSearchCount = size >= 50000 ? 24 : 60;
  const fuseCount = size >= 50000 ? 2 : size >= 5000 ? 5 : 8;
  context.log(`  baselines on ${naiveCount} (naive), ${miniSearchCount} (MiniSearch defaults) and ${fuseCount} (Fuse.js) queries…`);
  gc();
  const baselines = [
    compare('naive', naiveScan(synthetic), sampleQueries(queries, naiveCount), true, 1, ours),
    compare('fuse', fuseSearch(synthetic), sampleQueries(queries, fuseCount), true, 1, ours),
  ];
  gc();
  baselines.push(compare('minisearch', miniSearchDefaults(synthetic), sampleQueries(queries, miniSearchCount), true, 1, ours));
  notes.push(
    `${size} papers: the index loads in the search worker (worker_threads) of a fresh process; indexLoadMs = start the worker, read corpus and index files, validate the papers, MiniSearch loadJSON; ` +
      `latencies are the worker's own time per query (roundTripP95Ms adds the messages); heapMB = the worker's heap after GC; ` +
      `baselines on samples of the ${queries.length} queries (naive ${naiveCount}, MiniSearch defaults ${miniSearchCount}, Fuse.js ${fuseCount}), one pass each`,
  );
  return {
    papers: size,
    vocabulary: measured.vocabulary,
    indexBuildMs: round(median(builds), 1),
    indexBuildRuns: runs,
    indexLoadMs: round(measured.indexLoadMs, 1),
    indexBytes,
    heapMB: measured.heapMB ?? 0,
    mainThreadBlockMs: round(measured.mainThreadBlockMs, 1),
    roundTripP95Ms: round(percentile(measured.roundTripMs, 95)),
    ...latency(measured.perQueryMs),
    baselines,
  };
}
