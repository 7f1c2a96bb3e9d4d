// Users' corpora loaded the way the extension loads them (issue 13): the real store (PaperStore,
// CorpusLoader, WatchedCorpusFiles) reads files from disk asynchronously, decodes and merges them in
// slices and assigns topics, in a fresh process (out/bench/userCorpus.js) so earlier benchmark garbage
// cannot pause it. Two corpora: papers in corpus JSON files without topics (100,000 in ten files of
// 10,000 in a full run), and a folder of one-paper page dumps (10,000). Measures the time until the
// store is ready with them, and the longest synchronous stretch on the thread meanwhile.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const ms = z.number().nonnegative();

/** One corpus, loaded `runs` times. */
const loadSchema = z.object({
  files: z.number().int().positive(),
  /** Papers in the files, and how many are left once papers of the same title are merged. */
  papers: z.number().int().positive(),
  distinct: z.number().int().positive(),
  totalMB: z.number().positive(),
  runs: z.number().int().positive(),
  /** Median wall time from `load()` to the store being ready with the papers. */
  loadMs: ms,
  /** The longest turn of the event loop during a load (each run's longest; the median of the runs). */
  blockMs: ms,
});

/** The users' corpus figures in `npm run bench -- --json`. */
export const userCorpusReportSchema = z.object({
  json: loadSchema,
  pages: loadSchema,
  /** `json.loadMs` and `json.blockMs` under the names of the budgets. */
  userCorpusLoadMs: ms,
  userCorpusBlockMs: ms,
  /** The same for the folder of one-paper page dumps. */
  userCorpusFilesLoadMs: ms,
  userCorpusFilesBlockMs: ms,
});

export type UserCorpusReport = z.infer<typeof userCorpusReportSchema>;
export type UserCorpusLoad = z.infer<typeof loadSchema>;

/** What to load: JSON papers, in files of `perFile`, and one-paper page dumps. */
export interface UserCorpusSizes {
  jsonPapers: number;
  perFile: number;
  pageFiles: number;
  runs: number;
}

/** The full run's sizes (issue 13, item 6), and the quick run's. */
export const FULL_SIZES: UserCorpusSizes = { jsonPapers: 100_000, perFile: 10_000, pageFiles: 10_000, runs: 3 };
export const QUICK_SIZES: UserCorpusSizes = { jsonPapers: 4000, perFile: 2000, pageFiles: 500, runs: 1 };

/** Runs the child in a fresh process over files it writes under `workDir`; removes them afterwards. */
export function measureUserCorpus(corpusFile: string, workDir: string, sizes: UserCorpusSizes): UserCorpusReport {
  const dir = join(workDir, 'user-corpus');
  try {
    const args = [corpusFile, dir, sizes.jsonPapers, sizes.perFile, sizes.pageFiles, sizes.runs].map(String);
    const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', join(__dirname, 'userCorpus.js'), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return userCorpusReportSchema.parse(JSON.parse(output.trim().split('\n').pop() as string));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table lines of the users' corpus section of `npm run bench`. */
export function formatUserCorpus(report: UserCorpusReport, row: (label: string, value: string) => void): void {
  const line = (load: UserCorpusLoad, what: string): string =>
    `${load.papers.toLocaleString('en-US')} papers (${load.distinct.toLocaleString('en-US')} titles) in ${load.files.toLocaleString('en-US')} ${what}, ${load.totalMB.toFixed(1)} MB; median of ${load.runs}`;
  row('userCorpusLoadMs', `${report.userCorpusLoadMs.toFixed(0)}   (${line(report.json, 'JSON files without topics')})`);
  row('userCorpusBlockMs', `${report.userCorpusBlockMs.toFixed(1)}   (longest event-loop turn while loading them)`);
  row('userCorpusFilesLoadMs', `${report.userCorpusFilesLoadMs.toFixed(0)}   (${line(report.pages, 'one-paper page dumps')})`);
  row('userCorpusFilesBlockMs', `${report.userCorpusFilesBlockMs.toFixed(1)}   (longest event-loop turn while loading them)`);
}
