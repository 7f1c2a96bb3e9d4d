// npm run bench [-- --json] [--quick] [--scale 10000,100000] [--corpus dist/corpus.json]
// Measures what users feel (activation, index ready, first results, search as you type, scale to
// 100,000 papers, package size) against the budgets of issue 6, with a naive scan and Fuse.js on the
// same queries. Fresh-process figures run in child processes (out/bench/child.js); everything else here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCorpus } from '../src/core/corpus/schema';
import { PaperIndex } from '../src/core/search/paperIndex';
import { fuseSearch, naiveScan, type Searcher } from './baselines';
import { formatHostile, measureHostile } from './hostile';
import { benchQueries, sampleQueries } from './queries';
import { type BaselineReport, type BenchReport, benchReportSchema, checkBudgets, formatTable, type ScaleReport } from './report';
import { latency, median, percentile, round, timeQueries } from './stats';
import { syntheticCorpus } from './synthetic';
import { FULL_SIZES, measureUserCorpus, QUICK_SIZES } from './userCorpus';
import { measureWorkspaceIndex } from './workspaceIndex';

interface Settings {
  json: boolean;
  quick: boolean;
  scale: number[];
  corpus: string;
  /** Fresh processes per child measurement. */
  childRuns: number;
  /** Timed passes over the query set (each query's median is kept). */
  repeats: number;
}

function parseArgs(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const valueOf = (flag: string): string | undefined => {
    const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
    if (at < 0) return undefined;
    return argv[at].includes('=') ? argv[at].slice(flag.length + 1) : argv[at + 1];
  };
  const scale = (valueOf('--scale') ?? (quick ? '2000' : '10000,100000')).split(',').filter(Boolean).map(Number);
  if (scale.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error('--scale takes paper counts, e.g. --scale 10000,100000');
  return { json: argv.includes('--json'), quick, scale, corpus: valueOf('--corpus') ?? 'dist/corpus.json', childRuns: quick ? 3 : 7, repeats: quick ? 3 : 5 };
}

const here = __dirname;
const childScript = join(here, 'child.js');
const log = (settings: Settings, message: string): void => {
  if (!settings.json) process.stderr.write(`${message}\n`);
};

function runChild<T>(args: string[], extraNodeArgs: string[] = []): T {
  const output = execFileSync(process.execPath, [...extraNodeArgs, childScript, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').pop() as string) as T;
}

function childMedian<T>(runs: number, args: string[], pick: (result: T) => number, extraNodeArgs: string[] = []): { value: number; last: T } {
  const values: number[] = [];
  let last: T | undefined;
  for (let run = 0; run < runs; run++) {
    last = runChild<T>(args, extraNodeArgs);
    values.push(pick(last));
  }
  return { value: round(median(values)), last: last as T };
}

/** Times a baseline on `sample` and compares Paper Scout's per-query medians on the same queries. */
function compare(name: 'naive' | 'fuse', searcher: Searcher, sample: string[], sampled: boolean, repeats: number, paperScoutMs: Map<string, number>): BaselineReport {
  const times = timeQueries(sample, repeats, (query) => searcher(query), repeats > 1);
  const ours = sample.map((query) => paperScoutMs.get(query) as number);
  const p95 = percentile(times, 95);
  const ourP95 = percentile(ours, 95);
  return { name, sampled, ...latency(times), paperScoutP95Ms: round(ourP95), p95Ratio: Number((ourP95 / p95).toPrecision(3)) };
}

function newestVsix(): { kb: number | null; note: string } {
  const found: Array<{ path: string; mtime: number; size: number }> = [];
  for (const dir of ['.', 'out']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.vsix')) continue;
      const stat = statSync(join(dir, name));
      found.push({ path: join(dir, name), mtime: stat.mtimeMs, size: stat.size });
    }
  }
  found.sort((a, b) => b.mtime - a.mtime);
  if (found.length === 0) return { kb: null, note: 'vsixKB: no *.vsix in the repo root or out/; run `npm run package` first' };
  return { kb: round(found[0].size / 1024, 1), note: `vsixKB: ${found[0].path}, built ${new Date(found[0].mtime).toISOString()}` };
}

function main(): void {
  const benchStart = performance.now();
  const settings = parseArgs(process.argv.slice(2));
  const notes: string[] = [];
  if (!existsSync(settings.corpus)) throw new Error(`${settings.corpus} not found: run \`npm run build\` first`);
  const corpusFile = resolve(settings.corpus);
  const work = join(tmpdir(), `paper-scout-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });

  const { corpus } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
  const papers = corpus.papers;
  const buildRuns: number[] = [];
  let index = PaperIndex.build(papers);
  for (let run = 0; run < (settings.quick ? 3 : 7); run++) {
    const start = performance.now();
    index = PaperIndex.build(papers);
    buildRuns.push(performance.now() - start);
  }
  // The index the extension would ship: dist/index.bin when the build wrote one for this corpus, else one made here.
  let indexFile = join(resolve(settings.corpus, '..'), 'index.bin');
  try {
    PaperIndex.deserialize(readFileSync(indexFile), papers);
    notes.push(`indexReadyMs loads the prebuilt ${indexFile}`);
  } catch {
    indexFile = join(work, 'index.bin');
    writeFileSync(indexFile, index.serialize());
    notes.push('no prebuilt dist/index.bin for this corpus (add scripts/buildIndex to the build); indexReadyMs loads one the benchmark wrote');
  }

  log(settings, 'fresh processes: floor, activation, first query…');
  const floor = childMedian<{ floorMs: number }>(settings.childRuns, ['floor', corpusFile], (result) => result.floorMs);
  const activate = childMedian<{ activateMs: number; processReadyMs: number }>(settings.childRuns, ['activate', corpusFile], (result) => result.activateMs);
  const readyRuns: number[] = [];
  const heapRuns: number[] = [];
  const first = childMedian<{ firstQueryMs: number; indexReadyMs: number; indexMode: 'loaded' | 'built'; heapMB: number }>(
    settings.childRuns,
    ['first', corpusFile, indexFile, 'speculative decoding'],
    (result) => {
      readyRuns.push(result.indexReadyMs);
      heapRuns.push(result.heapMB);
      return result.firstQueryMs;
    },
    ['--expose-gc'],
  );

  log(settings, 'queries on the bundled corpus…');
  const queries = benchQueries().map((query) => query.text);
  const loaded = PaperIndex.deserialize(readFileSync(indexFile), papers);
  (globalThis as { gc?: () => void }).gc?.();
  const ourTimes = timeQueries(queries, settings.repeats, (query) => loaded.search(query));
  const ourByQuery = new Map(queries.map((query, i) => [query, ourTimes[i]]));
  // Fuse.js takes 25-300 ms per query even here: a spread sample of the queries, one pass.
  const fuseCount = settings.quick ? 12 : 60;
  const baselines = [
    compare('naive', naiveScan(papers), queries, false, settings.repeats, ourByQuery),
    compare('fuse', fuseSearch(papers), sampleQueries(queries, fuseCount), fuseCount < queries.length, 1, ourByQuery),
  ];
  notes.push(`bundled corpus: Fuse.js on ${fuseCount} of the ${queries.length} queries (spread over every kind), one pass; the naive scan on all`);

  const scale: ScaleReport[] = [];
  for (const size of settings.scale) {
    log(settings, `synthetic corpus of ${size} papers…`);
    const synthetic = syntheticCorpus(papers, size);
    const runs = size >= 50000 ? 1 : settings.quick ? 1 : 3;
    const builds: number[] = [];
    let built: PaperIndex | undefined;
    for (let run = 0; run < runs; run++) {
      built = undefined;
      (globalThis as { gc?: () => void }).gc?.();
      const start = performance.now();
      built = PaperIndex.build(synthetic);
      builds.push(performance.now() - start);
    }
    const bytes = (built as PaperIndex).serialize();
    built = undefined;
    const scaleIndex = join(work, `index-${size}.bin`);
    const scalePapers = join(work, `papers-${size}.json`);
    const scaleQueries = join(work, 'queries.json');
    writeFileSync(scaleIndex, bytes);
    writeFileSync(scalePapers, JSON.stringify({ papers: synthetic }));
    writeFileSync(scaleQueries, JSON.stringify(queries));
    const measured = runChild<{ indexLoadMs: number; perQueryMs: number[]; heapMB: number; vocabulary: number }>(
      ['scale', scalePapers, scaleIndex, scaleQueries, String(settings.quick ? 1 : 3), String(settings.quick ? 2 : 3)],
      ['--expose-gc', '--max-old-space-size=4096'],
    );
    const scaleByQuery = new Map(queries.map((query, i) => [query, measured.perQueryMs[i]]));
    // Baselines cost seconds per query at scale: the naive scan runs on a sample, Fuse.js on a few queries.
    const naiveCount = size >= 50000 ? 24 : 60;
    const fuseSample = size >= 50000 ? 2 : size >= 5000 ? 5 : 8;
    log(settings, `  baselines on ${naiveCount} (naive) and ${fuseSample} (Fuse.js) queries…`);
    (globalThis as { gc?: () => void }).gc?.();
    const scaleBaselines = [
      compare('naive', naiveScan(synthetic), sampleQueries(queries, naiveCount), true, 1, scaleByQuery),
      compare('fuse', fuseSearch(synthetic), sampleQueries(queries, fuseSample), true, 1, scaleByQuery),
    ];
    scale.push({
      papers: size,
      vocabulary: measured.vocabulary,
      indexBuildMs: round(median(builds), 1),
      indexBuildRuns: runs,
      indexLoadMs: round(measured.indexLoadMs, 1),
      indexBytes: bytes.byteLength,
      heapMB: measured.heapMB,
      ...latency(measured.perQueryMs),
      baselines: scaleBaselines,
    });
    notes.push(
      `${size} papers: naive scan on ${naiveCount} and Fuse.js on ${fuseSample} of the ${queries.length} queries, one pass each (Fuse.js takes seconds per query at this size); ratios compare Paper Scout on the same queries`,
    );
  }

  log(settings, 'workspace citation index: 5,000 files, 50 MB…');
  const workspace = measureWorkspaceIndex(corpusFile, work, 5000, 50, settings.quick ? 1 : 3);

  log(settings, 'users\' corpora through the store: JSON papers without topics, one-paper files…');
  const userCorpus = measureUserCorpus(corpusFile, work, settings.quick ? QUICK_SIZES : FULL_SIZES);

  const vsix = newestVsix();
  notes.push(vsix.note);
  notes.push('indexLoadMs = read the index file + deserialize + the first query (which builds the lazy lookup tables); heapMB = JS heap + array buffers after GC');
  const partial = {
    mode: settings.quick ? ('quick' as const) : ('full' as const),
    node: process.versions.node,
    cpus: cpus().length,
    corpusPapers: papers.length,
    floorMs: floor.value,
    activateMs: activate.value,
    processReadyMs: round(activate.last.processReadyMs, 1),
    indexReadyMs: round(median(readyRuns)),
    indexReadyMode: first.last.indexMode,
    indexBuildMs: round(median(buildRuns)),
    firstQueryMs: round(first.value, 1),
    ...latency(ourTimes),
    heapMB: round(median(heapRuns), 1),
    vsixKB: vsix.kb,
    baselines,
    scale,
    workspace,
    userCorpus,
  };
  const budgets = checkBudgets(partial);
  for (const entry of budgets) if (entry.status === 'not measured' && entry.figure.includes('papers')) notes.push(`${entry.figure}: not measured in this run (sizes ${settings.scale.join(', ')})`);
  log(settings, 'hostile input ratios…');
  const hostile = measureHostile(papers, settings.quick);
  const report: BenchReport = benchReportSchema.parse({ ...partial, budgets, notes, benchMs: round(performance.now() - benchStart, 0) });
  process.stdout.write(settings.json ? `${JSON.stringify({ ...report, hostile })}\n` : `${formatTable(report)}\n${formatHostile(hostile)}\n`);
}

main();
