/**
 * Reads the papers: the bundled corpus file (checked by the build, trusted here) and the user's corpus files (checked paper by paper) merged into it.
 * The file readers are passed in, so the loader runs (and is tested) without VS Code.
 */
import { trustedCorpus } from '../corpus/schema';
import { mergeUserSourcesSteps, type MergeProgress, type UserSource } from '../corpus/userCorpus';
import { formatDiagnostic } from '../diagnostics';
import { isCancellation } from '../cancellation';
import { runInSlices } from '../slices';
import { DEFAULT_TOPICS } from '../topics/taxonomy';
import type { Diagnostic, Paper, TopicRule } from '../types';
import type { Logger } from '../events';
import { rememberIssuedKeys, sameKeys, type IssuedKeyStore } from '../storage/issuedKeyStore';
import { quietProgress, type WorkProgress } from './progress';

/** The bundled corpus file (dist/corpus.json). */
export interface BundledCorpusFile {
  /** How diagnostics name the file. */
  readonly name: string;
  read(): Promise<Uint8Array>;
}

/** The texts of the user's corpus files, and what went wrong reading the entries that name them. */
export interface CorpusFileTexts {
  files: UserSource[];
  diagnostics: Diagnostic[];
}

/**
 * Reads the files and folders the user's corpus setting lists, reporting to `progress` (0–100 of the
 * reading). Never throws, except a `CancelledError` once `progress.isCancelled()`.
 */
export interface CorpusFileReader {
  read(entries: readonly string[], progress: WorkProgress): Promise<CorpusFileTexts>;
}

/** What to load. */
export interface CorpusRequest {
  includeBundled: boolean;
  /** The entries of the user's corpus setting (files and folders). */
  entries: readonly string[];
  /** The setting's key, for messages about the user's files as a whole. */
  settingKey: string;
}

/** Reading the files is this share of a load's progress; merging them the rest. */
const READING_SHARE = 30;

/** The papers read, and the problems met on the way. */
export interface LoadedCorpus {
  /** The bundled papers as shipped (empty when they are turned off). */
  bundled: Paper[];
  /** The topic rules the bundled corpus was made with. */
  bundledTopics: TopicRule[];
  /** The bundled papers with the user's merged in: `bundled` itself when there are no user files. */
  papers: Paper[];
  /** Problems in the user's corpus files. */
  fileProblems: Diagnostic[];
}

/** Loads the bundled corpus and the user's corpus files. */
export class CorpusLoader {
  constructor(
    private readonly bundledFile: BundledCorpusFile,
    private readonly userFiles: CorpusFileReader,
    private readonly log: Logger,
    /** Where the keys given to the user's papers are kept, so they never move between loads. */
    private readonly issuedKeys?: IssuedKeyStore,
  ) {}

  /**
   * Reads what `request` asks for, the user's files in slices that give the thread back, reporting to
   * `progress`. Rejects only when the bundled corpus cannot be used (unreadable, not JSON, or no valid
   * paper in it), or with a `CancelledError` when newer work superseded this load. Whatever goes
   * wrong with the user's files costs only those files, as diagnostics; should reading or merging them
   * fail as a whole, or the user cancel it, the bundled papers are still loaded, with a diagnostic
   * naming the setting.
   */
  async load(request: CorpusRequest, progress: WorkProgress = quietProgress()): Promise<LoadedCorpus> {
    const { bundled, bundledTopics } = request.includeBundled
      ? await this.loadBundled()
      : { bundled: [], bundledTopics: DEFAULT_TOPICS };
    const done = (papers: Paper[], fileProblems: Diagnostic[]): LoadedCorpus => ({ bundled, bundledTopics, papers, fileProblems });
    let fileProblems: Diagnostic[];
    let papers: Paper[];
    try {
      const read = await this.userFiles.read(request.entries, scaled(progress, 0, READING_SHARE));
      if (request.entries.length === 0) return done(bundled, read.diagnostics);
      const previousKeys = await this.issuedKeys?.previous();
      const merged = await runInSlices(mergeUserSourcesSteps(bundled, read.files, bundledTopics, { previousKeys }), {
        isCancelled: () => progress.isCancelled(),
        onProgress: (step) => progress.report(mergePercent(step)),
      });
      if (this.issuedKeys && previousKeys) {
        const remembered = rememberIssuedKeys(previousKeys, merged.issuedKeys);
        if (!sameKeys(remembered, previousKeys)) this.issuedKeys.save(remembered);
      }
      fileProblems = [...read.diagnostics, ...merged.diagnostics];
      papers = merged.papers;
      this.log.info(`your corpus files: ${read.files.length} read, ${merged.papers.length - bundled.length} new papers, ${fileProblems.length} problem(s)`);
    } catch (error) {
      if (isCancellation(error) && progress.isStale()) throw error;
      const message = isCancellation(error)
        ? 'reading your corpus files was cancelled; only the bundled papers are shown (Paper Scout: Reload Papers reads them again)'
        : `reading your corpus files failed (${error instanceof Error ? error.message : String(error)}); only the bundled papers are shown`;
      fileProblems = [{ file: request.settingKey, line: null, message, severity: isCancellation(error) ? 'warning' : 'error' }];
      papers = bundled;
    }
    logProblems(this.log, fileProblems);
    return done(papers, fileProblems);
  }

  private async loadBundled(): Promise<Pick<LoadedCorpus, 'bundled' | 'bundledTopics'>> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await this.bundledFile.read()));
    } catch (error) {
      throw new Error(`${this.bundledFile.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const corpus = trustedCorpus(json, this.bundledFile.name);
    return { bundled: corpus.papers, bundledTopics: corpus.topics.length > 0 ? corpus.topics : DEFAULT_TOPICS };
  }
}

/** Problems logged one line each per load; past them, a count per file (a file may have 100,000). */
const LOGGED_PROBLEMS = 200;
/** Files named with their count of the problems not logged. */
const COUNTED_FILES = 20;

/** Logs the problems of the user's files, the first `LOGGED_PROBLEMS` in full and the rest as counts per file. */
function logProblems(log: Logger, problems: readonly Diagnostic[]): void {
  for (const problem of problems.slice(0, LOGGED_PROBLEMS)) log.warn(formatDiagnostic(problem));
  const rest = new Map<string, number>();
  for (const problem of problems.slice(LOGGED_PROBLEMS)) rest.set(problem.file, (rest.get(problem.file) ?? 0) + 1);
  const counted = [...rest].slice(0, COUNTED_FILES);
  for (const [file, count] of counted) log.warn(`${file}: ${count} more problem(s), not listed`);
  const others = [...rest.values()].slice(COUNTED_FILES).reduce((sum, count) => sum + count, 0);
  if (others > 0) log.warn(`${others} more problem(s) in ${rest.size - COUNTED_FILES} other files, not listed`);
}

/** `progress` for a part of the work that runs from `from` to `to` percent of the whole. */
function scaled(progress: WorkProgress, from: number, to: number): WorkProgress {
  return { report: (percent) => progress.report(from + ((to - from) * percent) / 100), isCancelled: () => progress.isCancelled(), isStale: () => progress.isStale() };
}

/** A merge's progress as a percent of the whole load: reading the texts, then making the papers. */
function mergePercent({ phase, done, total }: MergeProgress): number {
  const share = total > 0 ? done / total : 1;
  const half = (100 - READING_SHARE) / 2;
  return READING_SHARE + (phase === 'reading' ? 0 : half) + half * share;
}
