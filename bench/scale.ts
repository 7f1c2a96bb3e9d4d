// The scale part of the benchmark: a synthetic corpus of N papers, its index built here (synchronously,
// for indexBuildMs), then indexed and queried the way the extension does for a large corpus of the
// user's, with the extension's own loader in a fresh process (out/bench/scale.js): built in the search
// worker and cached the first time, loaded from the cache every later time; beside the naive scan,
// Fuse.js and MiniSearch with its defaults.
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

/** What out/bench/scale.js prints (see bench/child/scale.ts). */
interface ScaleChildResult {
  workerBuildMs: number;
  indexLoadMs: number;
  mainThreadBlockMs: number;
  perQueryMs: number[];
  roundTripMs: number[];
  heapMB: number | null;
  mainHeapMB: number;
  cacheBytes: number;
}

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
  let vocabulary = 0;
  for (let run = 0; run < runs; run++) {
    gc();
    const start = performance.now();
    const built = PaperIndex.build(synthetic);
    builds.push(performance.now() - start);
    vocabulary = built.vocabularySize;
  }
  const files = {
    corpus: join(context.work, `corpus-${size}.json`),
    cache: join(context.work, `cache-${size}`),
    queries: join(context.work, 'queries.json'),
  };
  writeFileSync(files.corpus, JSON.stringify({ version: 1, topics, papers: synthetic }));
  writeFileSync(files.queries, JSON.stringify(queries));
  gc();
  context.log('  indexing it as the extension does (built in the search worker and cached, then loaded from the cache) and querying it there…');
  const measured = runScript<ScaleChildResult>(
    join(context.bundles, 'scale.js'),
    [join(context.bundles, 'searchWorker.js'), files.corpus, files.cache, files.queries, String(context.quick ? 1 : 3), String(context.quick ? 1 : 3)],
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
    `${size} papers: indexed by the extension's loader in a fresh process holding the papers, in the search worker (worker_threads): workerBuildMs = the first session (papers sent in chunks, ` +
      `built in slices in the worker, saved to the cache); indexLoadMs = every later session (papers sent, content key, cached index read and moved to the worker, MiniSearch loadJSON); ` +
      `mainThreadBlockMs = the longest stretch the calling thread could not run a 1 ms timer in either; ` +
      `latencies are the worker's own time per query (roundTripP95Ms adds the messages, as the quick pick waits); heapMB = the worker's heap after GC, mainHeapMB = the calling thread's (papers, no index); ` +
      `baselines on samples of the ${queries.length} queries (naive ${naiveCount}, MiniSearch defaults ${miniSearchCount}, Fuse.js ${fuseCount}), one pass each`,
  );
  return {
    papers: size,
    vocabulary,
    indexBuildMs: round(median(builds), 1),
    indexBuildRuns: runs,
    workerBuildMs: round(measured.workerBuildMs, 1),
    indexLoadMs: round(measured.indexLoadMs, 1),
    indexBytes: measured.cacheBytes,
    heapMB: measured.heapMB ?? 0,
    mainHeapMB: measured.mainHeapMB,
    mainThreadBlockMs: round(measured.mainThreadBlockMs, 1),
    roundTripP95Ms: round(percentile(measured.roundTripMs, 95)),
    ...latency(measured.perQueryMs),
    baselines,
  };
}
