// A fresh process that measures a large corpus the way the extension will load it: the index loads in
// the search worker (worker_threads) while this thread keeps running, and every query goes to the
// worker. Prints one JSON object on stdout.
// Usage: node scale.js <searchWorker.js> <corpus.json> <index.json> <vocabulary.json> <queries.json> <repeats> <loads>
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SearchWorkerClient } from '../../src/core/search/worker/client';
import { startNodeSearchWorker } from '../../src/worker/nodeWorkerPort';
import { median } from '../stats';

const [workerFile, corpusFile, indexFile, vocabularyFile, queriesFile, repeatsArg, loadsArg] = process.argv.slice(2);
/** The worker may use far more than Node's default heap at 100,000 papers. */
const WORKER_HEAP_MB = 8192;

async function main(): Promise<void> {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
  const loadRuns: number[] = [];
  const blockRuns: number[] = [];
  let client: SearchWorkerClient | undefined;
  let terms = 0;
  for (let run = 0; run < Math.max(1, Number(loadsArg)); run++) {
    await client?.dispose();
    (globalThis as { gc?: () => void }).gc?.();
    // The longest stretch this thread could not run a 1 ms timer: what typing in the quick pick would wait.
    const monitor = monitorEventLoopDelay({ resolution: 1 });
    monitor.enable();
    const start = performance.now();
    client = new SearchWorkerClient(startNodeSearchWorker(workerFile, { maxHeapMB: WORKER_HEAP_MB }));
    const ready = await client.open({ path: corpusFile }, { index: { path: indexFile }, vocabulary: { path: vocabularyFile } });
    loadRuns.push(performance.now() - start);
    monitor.disable();
    blockRuns.push(monitor.max / 1e6);
    terms = ready.terms;
  }
  const worker = client as SearchWorkerClient;
  for (const query of queries) await worker.search(query);
  const engine = queries.map(() => [] as number[]);
  const roundTrip = queries.map(() => [] as number[]);
  for (let pass = 0; pass < Math.max(1, Number(repeatsArg)); pass++) {
    for (let at = 0; at < queries.length; at++) {
      const start = performance.now();
      const answer = await worker.search(queries[at]);
      roundTrip[at].push(performance.now() - start);
      engine[at].push(answer.ms);
    }
  }
  const heapMB = await worker.heapMB();
  await worker.dispose();
  const result = {
    indexLoadMs: median(loadRuns),
    loadRuns,
    mainThreadBlockMs: Math.max(...blockRuns),
    perQueryMs: engine.map(median),
    roundTripMs: roundTrip.map(median),
    heapMB,
    vocabulary: terms,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
