/**
 * How the store gets its `PaperIndex`: the bundled papers as shipped load the prebuilt index
 * (dist/index.json, MiniSearch's `toJSON`, with the vocabulary saved beside it, loaded with `loadJSON`:
 * a few milliseconds); other papers, or a prebuilt index that does not fit, are built
 * in slices that give the thread back, and a long build runs under a progress report the user can
 * cancel. The readers and the progress UI are passed in, so this runs (and is tested) without VS Code.
 */
import { BuildCancelledError, PaperIndex, type BuildProgress, type SavedIndex } from '../search/paperIndex';
import type { Paper } from '../types';
import type { Logger } from './events';
import { IndexCancelledError, type IndexLoader } from './indexService';
import type { WithProgress } from './progress';

/** From this many papers a build runs under a cancellable progress report. */
export const LONG_BUILD_PAPERS = 5000;

export type { WithProgress } from './progress';

/** What the loader reads and shows. */
export interface PaperIndexLoaderOptions {
  /** The prebuilt index of the bundled papers: MiniSearch's JSON and the vocabulary beside it. */
  readPrebuilt(): Promise<SavedIndex>;
  /** Where the prebuilt index is, for the log. */
  prebuiltName: string;
  withProgress: WithProgress;
  log: Logger;
  /** From this many papers a build shows progress (default `LONG_BUILD_PAPERS`). */
  longBuildPapers?: number;
}

/** An `IndexLoader` of `PaperIndex`es as described above. */
export function paperIndexLoader(options: PaperIndexLoaderOptions): IndexLoader<PaperIndex> {
  const longBuild = options.longBuildPapers ?? LONG_BUILD_PAPERS;
  return async ({ papers, bundled, isStale }) => {
    const started = Date.now();
    let index = bundled ? await loadPrebuilt(options, papers) : undefined;
    if (!index && papers.length < longBuild) {
      index = await buildAsync(papers, isStale);
    } else if (!index) {
      index = await options.withProgress(`Paper Scout: indexing ${papers.length.toLocaleString('en-US')} papers`, (report, isCancelled) => {
        let reported = 0;
        return buildAsync(papers, () => isStale() || isCancelled(), (progress) => {
          const percent = percentDone(progress);
          if (percent > reported) report(percent);
          reported = Math.max(reported, percent);
        });
      });
    }
    options.log.info(`search index ready for ${papers.length} papers in ${Date.now() - started} ms`);
    return index;
  };
}

async function loadPrebuilt(options: PaperIndexLoaderOptions, papers: readonly Paper[]): Promise<PaperIndex | undefined> {
  try {
    return PaperIndex.load(await options.readPrebuilt(), papers);
  } catch (error) {
    options.log.warn(`prebuilt index ${options.prebuiltName} not used (${error instanceof Error ? error.message : String(error)}); building one`);
    return undefined;
  }
}

async function buildAsync(papers: readonly Paper[], isCancelled: () => boolean, onProgress?: (progress: BuildProgress) => void): Promise<PaperIndex> {
  try {
    return await PaperIndex.buildAsync(papers, { isCancelled, onProgress });
  } catch (error) {
    throw error instanceof BuildCancelledError ? new IndexCancelledError() : error;
  }
}

/** Reading the papers is most of the work; finishing the postings the last tenth. */
function percentDone({ phase, done, total }: BuildProgress): number {
  const share = total > 0 ? done / total : 1;
  return Math.floor((phase === 'reading' ? 0.9 * share : 0.9 + 0.1 * share) * 100);
}
