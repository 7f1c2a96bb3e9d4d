// `npm run bench:search`: the search-speed entries of `npm run bench` alone, for work on the engine's
// speed: the bundled corpus's query latencies (the prebuilt dist/index.json, the bench's query set,
// timed as bench/main.ts times them) and the scale part (bench/scale.ts: a synthetic corpus indexed
// and queried in the search worker) at the sizes asked. Prints one JSON object with /proc/loadavg
// before and after, so figures from alternating runs of two commits can be set side by side. With
// --latencies-only, a size runs only the scale part's child (out/bench/scale.js, as measureScale runs
// it: the index built in the worker and cached, then loaded, then the queries), without the
// synchronous builds and the baselines, which take most of the time and give no latency of ours.
//   node --expose-gc out/bench/searchOnly.js [--scale 10000] [--latencies-only] [--corpus dist/corpus.json]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/core/corpus/schema';
import { PaperIndex } from '../src/core/search/paperIndex';
import { runScript } from './compare';
import { benchQueries } from './queries';
import { measureScale } from './scale';
import { syntheticCorpus } from './synthetic';
import { latency, percentile, round, timeQueries } from './stats';

const args = process.argv.slice(2);
const valueOf = (flag: string, fallback: string): string => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : fallback;
};
const loadavg = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return 'unknown';
  }
};

const corpusFile = resolve(valueOf('--corpus', 'dist/corpus.json'));
const sizes = valueOf('--scale', '10000').split(',').filter(Boolean).map(Number);
const work = join(tmpdir(), `paper-scout-search-${process.pid}`);
mkdirSync(work, { recursive: true });
const loadBefore = loadavg();
try {
  const { corpus } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
  const papers = corpus.papers;
  // As bench/main.ts does before its query timing: the index built a few times (which also warms the code).
  for (let run = 0; run < 8; run++) PaperIndex.build(papers);
  const dir = resolve(corpusFile, '..');
  const loaded = PaperIndex.load({ index: readFileSync(join(dir, 'index.json'), 'utf8'), vocabulary: readFileSync(join(dir, 'vocabulary.json'), 'utf8') }, papers);
  const queries = benchQueries().map((query) => query.text);
  (globalThis as { gc?: () => void }).gc?.();
  const bundled = { papers: papers.length, ...latency(timeQueries(queries, 5, (query) => loaded.search(query))) };
  const notes: string[] = [];
  const context = { quick: false, work, bundles: __dirname, log: (message: string) => process.stderr.write(`${message}\n`) };
  const latenciesOnly = args.includes('--latencies-only');
  const scale = sizes.map((size) => {
    if (!latenciesOnly) return measureScale(size, papers, corpus.topics, queries, context, notes);
    const files = { corpus: join(work, `corpus-${size}.json`), cache: join(work, `cache-${size}`), queries: join(work, 'queries.json') };
    writeFileSync(files.corpus, JSON.stringify({ version: 1, topics: corpus.topics, papers: syntheticCorpus(papers, size) }));
    writeFileSync(files.queries, JSON.stringify(queries));
    const measured = runScript<{ indexLoadMs: number; perQueryMs: number[]; roundTripMs: number[] }>(
      join(__dirname, 'scale.js'),
      [join(__dirname, 'searchWorker.js'), files.corpus, files.cache, files.queries, '3', '3'],
      ['--expose-gc'],
    );
    return { papers: size, indexLoadMs: round(measured.indexLoadMs, 1), roundTripP95Ms: round(percentile(measured.roundTripMs, 95)), ...latency(measured.perQueryMs) };
  });
  process.stdout.write(`${JSON.stringify({ loadBefore, loadAfter: loadavg(), bundled, scale })}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
