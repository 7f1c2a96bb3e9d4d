// The user's library (issue 19): a Better-BibTeX-like library of 10,000 entries (half with abstracts)
// loaded through the extension's store and indexed in the search worker, in a fresh process
// (out/bench/library.js): time until a search finds a library paper and the longest turn of the host's
// thread meanwhile; one changed entry searchable again; `\cite{` completion; heap. And the library
// readers' hostile ratios: each shape's time against benign `.bib` text of the same size.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readBibtexSteps } from '../src/core/library/bibtexReader';
import { runToEnd } from '../src/core/slices';
import type { Paper } from '../src/core/types';
import { medianMs } from './hostile';
import { median, round } from './stats';
import { betterBibtexLibrary } from './syntheticLibrary';

const ms = z.number().nonnegative();

/** One run of the child. */
const runSchema = z.object({
  /** Whether the index came from the cache (a later session) rather than being built (the first). */
  cached: z.boolean(),
  loadMs: ms,
  /** CPU time of the whole process during the load (the host's thread and the search worker's). */
  loadCpuMs: ms,
  loadBlockMs: ms,
  /** A first session: when the whole index (abstracts too) was in and cached, from the load's start; null when not seen by the update's end. */
  wholeIndexMs: ms.nullable(),
  updateMs: ms,
  /** CPU time of the whole process during the update (the host's thread and the search worker's, a first session's whole build included). */
  updateCpuMs: ms,
  updateBlockMs: ms,
  /** Whether the changed entry reached the index in force (no new index). */
  updatedInPlace: z.boolean(),
  completionP50Ms: ms,
  completionP95Ms: ms,
  hostHeapMB: z.number(),
  workerHeapMB: z.number().nullable(),
  libraryPapers: z.number().int(),
  papers: z.number().int(),
  problems: z.number().int(),
});

export type LibraryRun = z.infer<typeof runSchema>;

/** The library figures in `npm run bench -- --json`. */
export const libraryReportSchema = z.object({
  entries: z.number().int().positive(),
  fileMB: z.number().positive(),
  runs: z.array(runSchema),
  /** The first run's load (the index built), and the medians of the later runs (the index from the cache). */
  libraryFirstLoadMs: ms,
  libraryLoadMs: ms,
  libraryLoadBlockMs: ms,
  libraryUpdateMs: ms,
  libraryUpdateBlockMs: ms,
  citeCompletionP95Ms: ms,
  /** Heap per 10,000 entries: the host's (papers, library reads) and the worker's (papers and index). */
  hostHeapMBPer10k: z.number(),
  workerHeapMBPer10k: z.number().nullable(),
  /** Each hostile shape's read time over a benign `.bib` text's of the same size. */
  hostile: z.record(z.string(), z.object({ ratio: z.number(), hostileMs: ms, benignMs: ms, sizeMB: z.number() })),
});

export type LibraryReport = z.infer<typeof libraryReportSchema>;

/** Runs the child over a library of `entries` and measures the hostile shapes; `quick` shrinks both. */
export function measureLibrary(corpusFile: string, workDir: string, bundles: string, papers: readonly Paper[], quick: boolean): LibraryReport {
  const entries = quick ? 500 : 10000;
  const runs = quick ? 2 : 3;
  const dir = join(workDir, 'library');
  let child: { entries: number; fileMB: number; runs: LibraryRun[] };
  try {
    const output = execFileSync(process.execPath, ['--expose-gc', join(bundles, 'library.js'), join(bundles, 'searchWorker.js'), corpusFile, dir, String(entries), String(runs)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    child = z.object({ entries: z.number(), fileMB: z.number(), runs: z.array(runSchema) }).parse(JSON.parse(output.trim().split('\n').pop() as string));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const of = (pick: (run: LibraryRun) => number): number => round(median(child.runs.map(pick)), 1);
  const later = child.runs.filter((run) => run.cached);
  const perTenThousand = 10000 / entries;
  const workerHeaps = child.runs.map((run) => run.workerHeapMB).filter((heap): heap is number => heap !== null);
  return {
    ...child,
    libraryFirstLoadMs: child.runs[0].loadMs,
    libraryLoadMs: round(median((later.length > 0 ? later : child.runs).map((run) => run.loadMs)), 0),
    libraryLoadBlockMs: of((run) => run.loadBlockMs),
    libraryUpdateMs: of((run) => run.updateMs),
    libraryUpdateBlockMs: of((run) => run.updateBlockMs),
    citeCompletionP95Ms: of((run) => run.completionP95Ms),
    hostHeapMBPer10k: round(of((run) => run.hostHeapMB) * perTenThousand, 1),
    workerHeapMBPer10k: workerHeaps.length > 0 ? round(median(workerHeaps) * perTenThousand, 1) : null,
    hostile: measureHostileLibrary(papers, quick),
  };
}

/** Benign `.bib` text (Better BibTeX entries) of at least `size` characters, cut at an entry. */
function benignOfSize(papers: readonly Paper[], size: number): string {
  const sample = betterBibtexLibrary(papers, 400).text;
  let text = '';
  while (text.length < size) text += sample;
  const cut = text.lastIndexOf('\n@', size);
  return text.slice(0, cut > 0 ? cut + 1 : size);
}

/**
 * The read time of each hostile shape over that of benign text as long (a ratio near 1 is linear), and
 * for the 50 MB file its time per megabyte over that of a 5 MB file.
 */
export function measureHostileLibrary(papers: readonly Paper[], quick: boolean): LibraryReport['hostile'] {
  const runs = quick ? 1 : 3;
  const read = (text: string) => (): unknown => runToEnd(readBibtexSteps(text, 'bench.bib'));
  const result: LibraryReport['hostile'] = {};
  const record = (name: string, hostile: string, benign: string): void => {
    const hostileMs = medianMs(runs, read(hostile));
    const benignMs = medianMs(runs, read(benign));
    result[name] = { ratio: Number((hostileMs / Math.max(benignMs, 0.01)).toPrecision(3)), hostileMs: round(hostileMs, 1), benignMs: round(benignMs, 1), sizeMB: round(hostile.length / 1048576, 2) };
  };
  const scale = quick ? 0.02 : 1;
  // 50 MB against 5 MB, per megabyte (the "benign" side is the small file scaled up).
  const big = benignOfSize(papers, 50 * 1048576 * scale);
  const small = benignOfSize(papers, 5 * 1048576 * scale);
  const bigMs = medianMs(1, read(big));
  const smallMs = medianMs(runs, read(small));
  result.fiftyMegabytes = { ratio: Number(((bigMs / big.length) / (smallMs / small.length)).toPrecision(3)), hostileMs: round(bigMs, 1), benignMs: round(smallMs, 1), sizeMB: round(big.length / 1048576, 2) };
  // 100,000 tiny entries.
  const count = 100000 * scale;
  const tiny = Array.from({ length: count }, (_, at) => `@misc{k${at}, title = {T ${at}}}\n`).join('');
  record('entries100k', tiny, benignOfSize(papers, tiny.length));
  // A title nested 100,000 braces deep.
  const depth = 100000 * scale;
  const deep = `@misc{deep, title = {${'{'.repeat(depth)}Deep${'}'.repeat(depth)}}}\n`;
  record('deepBraces', deep, benignOfSize(papers, deep.length));
  // One field of a megabyte.
  const field = `@misc{long, title = {Long}, abstract = {${'word '.repeat(Math.floor(209715 * scale * 10) / 10 | 0)}}}\n`;
  record('megabyteField', field, benignOfSize(papers, field.length));
  // 100,000 `@` on one line, each opening an entry that never closes.
  const ats = `${'@a{'.repeat(100000 * scale)}\n`;
  record('atStorm', ats, benignOfSize(papers, ats.length));
  // 50,000 entries whose values never close.
  const unclosed = Array.from({ length: 50000 * scale }, (_, at) => `@misc{u${at},\n  title = {never closed ${at}\n`).join('');
  record('unclosedValues', unclosed, benignOfSize(papers, unclosed.length));
  return result;
}

/** The figures as lines for the benchmark's table. */
export function formatLibrary(report: LibraryReport): string {
  const lines = [
    `your library: ${report.entries.toLocaleString('en-US')} Better-BibTeX-like entries (${report.fileMB} MB), median of ${report.runs.length} run(s) in a fresh process`,
    `  libraryFirstLoadMs     ${report.libraryFirstLoadMs} ms to searchable (title, key, author, venue), the index built for the first time; abstracts searchable at ${report.runs[0].wholeIndexMs ?? '?'} ms; process CPU ${report.runs[0].loadCpuMs} ms`,
    `  libraryLoadMs          ${report.libraryLoadMs} ms to searchable in a later session (index from the cache); process CPU ${report.runs.map((run) => run.loadCpuMs).join('/')} ms; longest host turn ${report.libraryLoadBlockMs} ms`,
    `  libraryUpdateMs        ${report.libraryUpdateMs} ms for one changed entry (index updated in place: ${report.runs.every((run) => run.updatedInPlace)}), longest host turn ${report.libraryUpdateBlockMs} ms`,
    `  citeCompletionP95Ms    ${report.citeCompletionP95Ms} ms (p50 ${report.runs.map((run) => run.completionP50Ms).join('/')} ms)`,
    `  heap per 10,000        host ${report.hostHeapMBPer10k} MB, search worker ${report.workerHeapMBPer10k ?? '?'} MB`,
    '  hostile .bib (read time / benign text of the same size):',
  ];
  for (const [name, figure] of Object.entries(report.hostile)) lines.push(`    ${name.padEnd(16)} ${String(figure.ratio).padStart(7)}   (${figure.hostileMs} ms vs ${figure.benignMs} ms, ${figure.sizeMB} MB)`);
  return lines.join('\n');
}
