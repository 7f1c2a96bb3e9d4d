/**
 * The papers the extension shows, with the topic rules in force (bundled, overridden by the user's
 * setting) and their search index. Everything in the UI reads from here and refreshes on
 * `onDidChange`. Pure: the corpus loader, the settings and the index loader are passed in, so loading,
 * the error state, folded reloads and the index's life are tested without VS Code.
 *
 * Long work (merging users' corpora, reassigning topics) runs in slices that give the thread back,
 * shows a progress report once it runs long, and stops as soon as newer work supersedes it: a load asked
 * for during a load, or a topics change during a load or a reassignment.
 */
import { formatDiagnostic } from '../diagnostics';
import { isCancellation } from '../cancellation';
import { runInSlices } from '../slices';
import { DEFAULT_TOPICS } from '../topics/taxonomy';
import { mergeTopicRules, parseUserTopicsSteps, reassignTopicsSteps, type UserTopicsResult } from '../topics/userTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import type { CorpusLoader } from './corpusLoader';
import { Emitter, type Disposable, type Event, type Logger } from '../events';
import { IndexService, type IndexLoader, type SearchEngine } from './indexService';
import { DelayedProgress, PROGRESS_DELAY_MS, type WithProgress } from './progress';

/** Where the store is: loading the corpus, ready, or failed to load it (with why). */
export type StoreState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** The settings the store reads, each time it loads. */
export interface StoreSettings {
  /** Whether the bundled papers are loaded. */
  includeBundled(): boolean;
  /** The user's corpus files and folders. */
  corpusFileEntries(): string[];
  /** The raw value of the user's topics setting. */
  userTopics(): unknown;
  /** The topics setting's key, for diagnostics and the log. */
  readonly topicsKey: string;
  /** The corpus files setting's key, for messages about the user's files as a whole. */
  readonly corpusFilesKey: string;
}

/** What the store is made of. */
export interface PaperStoreParts {
  loader: CorpusLoader;
  settings: StoreSettings;
  loadIndex: IndexLoader<SearchEngine>;
  log: Logger;
  /** Shows the progress of long loads and reassignments (none when left out). */
  withProgress?: WithProgress;
  /** How long work runs before its progress shows (default `PROGRESS_DELAY_MS`). */
  progressDelayMs?: number;
}

/** The papers, their topics and their index, loaded and reloaded as the settings and files say. */
export class PaperStore implements Disposable {
  private readonly changeEmitter = new Emitter<void>();
  /** Fires when papers, topics or the state change. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  /** The search index of the papers in force. */
  readonly index: IndexService<SearchEngine>;

  private stateValue: StoreState = { kind: 'loading' };
  private bundledPapers: Paper[] = [];
  private bundledTopics: TopicRule[] = DEFAULT_TOPICS;
  /** The bundled papers (unless turned off) with the user's own merged in, before user topics. */
  private basePapers: Paper[] = [];
  private papersValue: Paper[] = [];
  private rulesValue: TopicRule[] = DEFAULT_TOPICS;
  private byId = new Map<string, Paper>();
  private fileProblems: Diagnostic[] = [];
  private topicProblems: Diagnostic[] = [];
  /** The work under way (loads and reassignments, one at a time), and what is asked of it next. */
  private running: Promise<void> | undefined;
  private loadAsked = false;
  private topicsAsked = false;
  /** A load's papers are in, waiting for their topics: the store is ready once those are assigned. */
  private readyPending = false;
  private disposed = false;

  constructor(private readonly parts: PaperStoreParts) {
    this.index = new IndexService(parts.loadIndex, () => ({ papers: this.papersValue, bundled: this.papersValue === this.bundledPapers }));
  }

  get state(): StoreState {
    return this.stateValue;
  }

  /** The papers, with topics from the rules in force. */
  get papers(): readonly Paper[] {
    return this.papersValue;
  }

  /** The topic rules in force: the bundled ones with the user's merged in. */
  get rules(): readonly TopicRule[] {
    return this.rulesValue;
  }

  /** What was wrong with the corpus files and the topics setting. */
  get diagnostics(): readonly Diagnostic[] {
    return [...this.fileProblems, ...this.topicProblems];
  }

  /** Problems found in the user's corpus files by the last load. */
  get corpusFileProblems(): readonly Diagnostic[] {
    return this.fileProblems;
  }

  /** Problems found in the topics setting by the last load or topics change. */
  get topicSettingProblems(): readonly Diagnostic[] {
    return this.topicProblems;
  }

  /** The paper with this id. */
  paper(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /**
   * Reads the corpus and the user's files and applies the topics setting. Never rejects: a bundled
   * corpus that cannot be read becomes the `error` state, a bad user file costs only itself. A load
   * asked for while one runs supersedes it: the running one stops at its next slice and the new one
   * starts; every caller's promise settles when the newest is done.
   */
  load(): Promise<void> {
    this.loadAsked = true;
    return this.run();
  }

  /**
   * Re-reads the topics setting, merges it over the bundled rules and reassigns the papers' topics
   * (in slices). A change while a load or an earlier reassignment runs is taken up by the newest work.
   */
  applyTopics(): Promise<void> {
    this.topicsAsked = true;
    return this.run();
  }

  private run(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.loadAsked || this.topicsAsked) {
          if (this.loadAsked) {
            this.loadAsked = false;
            this.topicsAsked = false;
            await this.loadOnce();
          } else {
            this.topicsAsked = false;
            await this.applyTopicsOnce();
          }
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async loadOnce(): Promise<void> {
    const { settings, loader, log } = this.parts;
    if (this.stateValue.kind !== 'ready') this.setState({ kind: 'loading' });
    const progress = this.progress('Paper Scout: reading your papers', () => this.loadAsked || this.disposed);
    try {
      const loaded = await loader.load({ includeBundled: settings.includeBundled(), entries: settings.corpusFileEntries(), settingKey: settings.corpusFilesKey }, progress);
      if (progress.isStale()) return; // superseded: the newer load follows
      this.bundledPapers = loaded.bundled;
      this.bundledTopics = loaded.bundledTopics;
      this.basePapers = loaded.papers;
      this.fileProblems = loaded.fileProblems;
      this.readyPending = true;
    } catch (error) {
      if (isCancellation(error)) return; // superseded: the newer load follows
      const message = error instanceof Error ? error.message : String(error);
      log.error(`could not load the corpus: ${message}`);
      this.bundledPapers = [];
      this.basePapers = [];
      this.readyPending = false;
      this.setPapers([]);
      this.setState({ kind: 'error', message });
      return;
    } finally {
      progress.done();
    }
    if (await this.applyTopicsOnce()) log.info(`loaded ${this.papersValue.length} papers and ${this.rulesValue.length} topics`);
  }

  /**
   * Assigns the topics of the setting to the papers read last and makes them the papers in force (the
   * store is ready then, when they came from a load). False when newer work superseded it (nothing changes then).
   */
  private async applyTopicsOnce(): Promise<boolean> {
    const { settings, log } = this.parts;
    const stale = (): boolean => this.loadAsked || this.topicsAsked || this.disposed;
    let checked: UserTopicsResult;
    try {
      checked = await runInSlices(parseUserTopicsSteps(settings.userTopics(), settings.topicsKey), { isCancelled: stale });
    } catch (error) {
      if (isCancellation(error)) return false; // superseded: the setting changed again, or a load came
      checked = { rules: [], diagnostics: [{ file: settings.topicsKey, line: null, message: `the setting could not be read (${error instanceof Error ? error.message : String(error)}); only the bundled topics apply`, severity: 'error' }] };
    }
    const { rules: userRules, diagnostics } = checked;
    const rules = mergeTopicRules(this.bundledTopics, userRules);
    let papers = this.basePapers;
    // Papers already carry topics from the bundled rules; only user rules need a new pass.
    if (userRules.length > 0) {
      const progress = this.progress('Paper Scout: assigning your topics', stale);
      try {
        papers = await runInSlices(reassignTopicsSteps(this.basePapers, rules), { isCancelled: () => progress.isCancelled(), onProgress: ({ done, total }) => progress.report((100 * done) / total) });
      } catch (error) {
        if (progress.isStale()) return false;
        const why = isCancellation(error) ? 'was cancelled' : `failed (${error instanceof Error ? error.message : String(error)})`;
        diagnostics.push({ file: settings.topicsKey, line: null, message: `assigning these topics to the papers ${why}; the papers keep their bundled topics`, severity: isCancellation(error) ? 'warning' : 'error' });
        papers = this.basePapers;
      } finally {
        progress.done();
      }
      log.info(`topics: ${userRules.length} from ${settings.topicsKey} merged over ${this.bundledTopics.length} bundled`);
    }
    this.topicProblems = diagnostics;
    for (const diagnostic of diagnostics) log.warn(formatDiagnostic(diagnostic));
    this.rulesValue = papers === this.basePapers && userRules.length > 0 ? this.bundledTopics : rules;
    this.setPapers(papers);
    // A reassignment alone never changes the state: the store is ready once a load's papers have topics.
    if (this.readyPending) {
      this.readyPending = false;
      this.setState({ kind: 'ready' });
    } else this.changeEmitter.fire();
    return true;
  }

  /** A progress report for long work, shown once the work runs long; `isStale` says when newer work supersedes it. */
  private progress(title: string, isStale: () => boolean): DelayedProgress {
    const { withProgress, progressDelayMs } = this.parts;
    const show: WithProgress = withProgress ?? ((_title, task) => task(() => undefined, () => false));
    return new DelayedProgress(title, show, isStale, withProgress ? progressDelayMs ?? PROGRESS_DELAY_MS : 0);
  }

  private setPapers(papers: Paper[]): void {
    if (papers === this.papersValue) return;
    this.papersValue = papers;
    this.byId = new Map(papers.map((paper) => [paper.id, paper]));
    this.index.invalidate();
  }

  private setState(state: StoreState): void {
    this.stateValue = state;
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.changeEmitter.dispose();
  }
}
