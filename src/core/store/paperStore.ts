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
import { LibraryFiles, type LibraryRemoval, type LibraryText } from '../library/libraryFiles';
import { LibraryMerger } from '../library/libraryMerge';
import { libraryTopics, type LibraryTopics } from '../library/libraryPapers';
import { runInSlices } from '../slices';
import { compileTopicsSteps } from '../topics/assignTopics';
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
  /**
   * Called once, the first time the papers are asked for (`papers`, `paper`, `rules`, `whenLoaded`)
   * before any load: the owner starts the first load then, so a window that never needs a paper reads
   * none. Left out, the owner calls `load` itself (the CLI and the tests do).
   */
  onFirstUse?: () => void;
}

/** The papers, their topics and their index, loaded and reloaded as the settings and files say. */
export class PaperStore implements Disposable {
  private readonly changeEmitter = new Emitter<void>();
  /** Fires when papers, topics or the state change. */
  readonly onDidChange: Event<void> = this.changeEmitter.event;
  /** The user's library files as last read (see `LibraryFiles`). */
  readonly library = new LibraryFiles();
  /** The search index of the papers in force. */
  readonly index: IndexService<SearchEngine>;

  private stateValue: StoreState = { kind: 'loading' };
  private bundledPapers: Paper[] = [];
  /** The bundled papers' sources by id, made when first asked for (see `bundledSources`). */
  private bundledById: Map<string, readonly string[]> | undefined;
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
  /** The papers with the topics in force, before the library is merged over them. */
  private withTopics: Paper[] = [];
  private readonly merger = new LibraryMerger();
  private mergeTopics: { rules: readonly TopicRule[]; topics: LibraryTopics } | undefined;
  private libraryMergeProblems: Diagnostic[] = [];
  /** Library files read anew or gone since the last merge, waiting for their turn (see `updateLibrary`). */
  private libraryQueue: { texts: LibraryText[]; removed: LibraryRemoval[]; keepGood: boolean }[] = [];
  private libraryAsked = false;
  /** Library files changed since the papers in force were merged. */
  private libraryDirty = false;
  /** How to read each library file again (files caught half-written are read again shortly), and how often it was. */
  private readonly rereaders = new Map<string, () => void>();
  private readonly rereads = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Library papers in force. */
  private libraryCount = 0;
  /** A load ran (or runs): see `started`. */
  private everLoaded = false;
  private firstUseCalled = false;

  constructor(private readonly parts: PaperStoreParts) {
    this.index = new IndexService(parts.loadIndex, () => ({ papers: this.papersValue, bundled: this.papersValue === this.bundledPapers }));
  }

  /** Whether a load was ever asked for (until then the store holds no paper, and reads none). */
  get started(): boolean {
    return this.everLoaded;
  }

  /**
   * Resolves once the papers asked for are in (at once when no work runs), starting the first load if
   * none was asked for yet. Never rejects: a failed load is the `error` state.
   */
  async whenLoaded(): Promise<void> {
    if (!this.started) this.firstUse();
    if (!this.started) await this.load();
    while (this.running) await this.running;
  }

  /** The first use of the papers before any load: the owner starts it (see `PaperStoreParts.onFirstUse`). */
  private firstUse(): void {
    if (this.started || this.disposed || this.firstUseCalled) return;
    this.firstUseCalled = true;
    this.parts.onFirstUse?.();
  }

  get state(): StoreState {
    return this.stateValue;
  }

  /** The papers, with topics from the rules in force. */
  get papers(): readonly Paper[] {
    this.firstUse();
    return this.papersValue;
  }

  /** The topic rules in force: the bundled ones with the user's merged in. */
  get rules(): readonly TopicRule[] {
    this.firstUse();
    return this.rulesValue;
  }

  /** What was wrong with the corpus files and the topics setting. */
  get diagnostics(): readonly Diagnostic[] {
    return [...this.fileProblems, ...this.topicProblems];
  }

  /** Problems found in the user's corpus files (library files among them) by the last load or library update. */
  get corpusFileProblems(): readonly Diagnostic[] {
    const library = this.library.diagnostics('setting');
    return library.length > 0 ? [...this.fileProblems, ...library] : this.fileProblems;
  }

  /** Problems in the library files of the workspace and of documents' bibliographies, and in merging the library. */
  get libraryProblems(): readonly Diagnostic[] {
    return [...this.library.diagnostics('workspace'), ...this.library.diagnostics('document'), ...this.libraryMergeProblems];
  }

  /** How many papers come from the user's library. */
  get libraryPapers(): number {
    return this.libraryCount;
  }

  /** Problems found in the topics setting by the last load or topics change. */
  get topicSettingProblems(): readonly Diagnostic[] {
    return this.topicProblems;
  }

  /** The paper with this id. */
  paper(id: string): Paper | undefined {
    this.firstUse();
    return this.byId.get(id);
  }

  /**
   * The page files the bundled paper with this id was read from when the extension was built, or
   * undefined when no bundled paper has this id (the panel says "bundled corpus" instead of naming them).
   */
  bundledSources(id: string): readonly string[] | undefined {
    if (!this.bundledById) {
      this.bundledById = new Map();
      for (const paper of this.bundledPapers) this.bundledById.set(paper.id, paper.sources);
    }
    return this.bundledById.get(id);
  }

  /**
   * Reads the corpus and the user's files and applies the topics setting. Never rejects: a bundled
   * corpus that cannot be read becomes the `error` state, a bad user file costs only itself. A load
   * asked for while one runs supersedes it: the running one stops at its next slice and the new one
   * starts; every caller's promise settles when the newest is done.
   */
  load(): Promise<void> {
    this.loadAsked = true;
    this.everLoaded = true;
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

  /**
   * Library files were read anew (`texts`) or are gone or no longer named by an origin (`removed`):
   * only their entries are read again and merged, and the search index takes only the papers that
   * changed, while it goes on answering. `reread` reads a file again (by location): a file caught
   * half-written is, shortly after. Taken up after any load or topics change under way.
   */
  updateLibrary(texts: readonly LibraryText[], removed: readonly LibraryRemoval[] = [], reread?: (location: string) => void): Promise<void> {
    // The closures keep the location alone: one that closed over `text` would keep the whole file text alive until the next read.
    for (const { location } of texts) if (reread) this.rereaders.set(location, () => reread(location));
    for (const { location, origin } of removed) {
      if (origin && this.library.originOf(location) !== origin) continue;
      this.rereaders.delete(location);
      this.rereads.delete(location);
    }
    const keepGood = texts.every((text) => (this.rereads.get(text.location) ?? 0) < MAX_REREADS);
    this.libraryQueue.push({ texts: [...texts], removed: [...removed], keepGood });
    this.libraryAsked = true;
    return this.run();
  }

  /**
   * Files of the corpus setting changed (by the names the reader gives them): when each is a library
   * file, only those are read again (`updateLibrary`); otherwise everything is loaded again.
   */
  async filesChanged(names: readonly string[]): Promise<void> {
    const settingFiles = new Map(this.library.sources().filter((source) => this.library.isNamedBy(source.location, 'setting')).map((source) => [source.file, source.location]));
    if (names.length === 0 || !names.every((name) => settingFiles.has(name))) return this.load();
    let read: Awaited<ReturnType<CorpusLoader['rereadLibrary']>>;
    try {
      read = await this.parts.loader.rereadLibrary(names);
    } catch {
      read = null;
    }
    if (!read) return this.load();
    for (const diagnostic of read.diagnostics) this.parts.log.warn(formatDiagnostic(diagnostic));
    const found = new Set(read.library.map((text) => text.file));
    const removed = names.filter((name) => !found.has(name)).map((name): LibraryRemoval => ({ location: settingFiles.get(name) as string }));
    return this.updateLibrary(read.library, removed, (location) => {
      const name = [...settingFiles].find(([, candidate]) => candidate === location)?.[0];
      if (name) void this.filesChanged([name]);
    });
  }

  private run(): Promise<void> {
    this.running ??= (async () => {
      try {
        while (this.loadAsked || this.topicsAsked || this.libraryAsked) {
          if (this.loadAsked) {
            this.loadAsked = false;
            this.topicsAsked = false;
            await this.loadOnce();
          } else if (this.topicsAsked) {
            this.topicsAsked = false;
            await this.applyTopicsOnce();
          } else {
            this.libraryAsked = false;
            await this.applyLibraryOnce();
          }
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Reads the library files queued by `updateLibrary` and merges them (see there). */
  private async applyLibraryOnce(): Promise<void> {
    const queue = this.libraryQueue;
    this.libraryQueue = [];
    for (const { texts, removed, keepGood } of queue) {
      // Reading is never abandoned half-way: the files' new reads are kept even when a load comes meanwhile.
      const update = await runInSlices(this.library.updateSteps(texts, removed, keepGood), { isCancelled: () => this.disposed });
      if (update.changed.length > 0) this.libraryDirty = true;
      this.noteUpdate(update.summaries, update.halfWritten);
    }
    // Before the first load, the load merges what was read; a file read again unchanged needs no merge.
    if (this.stateValue.kind !== 'ready' || !this.mergeTopics || !this.libraryDirty) return;
    const stale = (): boolean => this.loadAsked || this.topicsAsked || this.disposed;
    try {
      const merged = await runInSlices(this.merger.mergeSteps(this.withTopics, this.library.sources(), this.mergeTopics.topics), { isCancelled: stale });
      this.libraryDirty = false;
      this.setLibraryMerge(merged.diagnostics, merged.libraryPapers);
      this.setPapers(merged.papers, true);
      this.changeEmitter.fire();
    } catch (error) {
      if (!isCancellation(error)) this.parts.log.error(`merging your library failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Logs what reading library files did, and reads the files caught half-written again shortly (a few times at most). */
  private noteUpdate(summaries: readonly string[], halfWritten: readonly LibraryText[]): void {
    for (const summary of summaries) this.parts.log.info(summary);
    for (const text of halfWritten) {
      const attempts = (this.rereads.get(text.location) ?? 0) + 1;
      this.rereads.set(text.location, attempts);
      const reread = this.rereaders.get(text.location);
      if (!reread || attempts > MAX_REREADS) continue;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.disposed) reread();
      }, REREAD_DELAY_MS);
      this.timers.add(timer);
    }
    const whole = new Set(halfWritten.map((text) => text.location));
    for (const location of [...this.rereads.keys()]) if (!whole.has(location) && !this.libraryQueue.some((queued) => queued.texts.some((text) => text.location === location))) this.rereads.delete(location);
  }

  private setLibraryMerge(problems: Diagnostic[], count: number): void {
    this.libraryMergeProblems = problems;
    this.libraryCount = count;
    for (const problem of problems.slice(0, 50)) this.parts.log.warn(formatDiagnostic(problem));
    if (problems.length > 50) this.parts.log.warn(`${problems.length - 50} more problems merging your library, not listed`);
  }

  private async loadOnce(): Promise<void> {
    const { settings, loader, log } = this.parts;
    if (this.stateValue.kind !== 'ready') this.setState({ kind: 'loading' });
    const progress = this.progress('Paper Scout: reading your papers', () => this.loadAsked || this.disposed);
    try {
      const loaded = await loader.load({ includeBundled: settings.includeBundled(), entries: settings.corpusFileEntries(), settingKey: settings.corpusFilesKey }, progress);
      if (progress.isStale()) return; // superseded: the newer load follows
      const update = await runInSlices(this.library.replaceOriginSteps('setting', loaded.library), { isCancelled: () => progress.isStale() });
      this.noteUpdate(update.summaries, update.halfWritten);
      for (const { location, file } of loaded.library) this.rereaders.set(location, () => void this.filesChanged([file]));
      this.bundledPapers = loaded.bundled;
      this.bundledById = undefined;
      this.bundledTopics = loaded.bundledTopics;
      this.basePapers = loaded.papers;
      this.fileProblems = loaded.fileProblems;
      this.readyPending = true;
    } catch (error) {
      if (isCancellation(error)) return; // superseded: the newer load follows
      const message = error instanceof Error ? error.message : String(error);
      log.error(`could not load the corpus: ${message}`);
      this.bundledPapers = [];
      this.bundledById = undefined;
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
    this.withTopics = papers;
    if (this.mergeTopics?.rules !== this.rulesValue) {
      // Compiled in steps: the first regular expression loads RE2.
      const compiled = await runInSlices(compileTopicsSteps(this.rulesValue));
      this.mergeTopics = { rules: this.rulesValue, topics: libraryTopics(compiled.topics) };
    }
    if (this.library.size > 0) {
      const progress = this.progress('Paper Scout: reading your library', stale);
      try {
        const merged = await runInSlices(this.merger.mergeSteps(papers, this.library.sources(), this.mergeTopics.topics), { isCancelled: () => progress.isCancelled(), onProgress: ({ done, total }) => progress.report((100 * done) / Math.max(1, total)) });
        this.libraryDirty = false;
        this.setLibraryMerge(merged.diagnostics, merged.libraryPapers);
        papers = merged.papers;
      } catch (error) {
        if (progress.isStale()) return false;
        const why = isCancellation(error) ? 'was cancelled' : `failed (${error instanceof Error ? error.message : String(error)})`;
        log.warn(`merging your library ${why}; its papers are left out until the next reload`);
        this.setLibraryMerge([], 0);
      } finally {
        progress.done();
      }
    } else this.setLibraryMerge([], 0);
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

  /**
   * Puts `papers` in force. With `changedOnly` (a library update), the search index takes only the
   * papers that are not the same objects as before, unless that is most of them; otherwise it is made anew.
   */
  private setPapers(papers: Paper[], changedOnly = false): void {
    if (papers === this.papersValue) return;
    const old = this.papersValue;
    this.papersValue = papers;
    this.byId = new Map(papers.map((paper) => [paper.id, paper]));
    if (changedOnly) {
      const { removed, added } = paperChanges(old, papers);
      if (removed.length + added.length <= papers.length / 2) {
        void this.index.update(removed, added);
        return;
      }
    }
    this.index.invalidate();
  }

  private setState(state: StoreState): void {
    this.stateValue = state;
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.changeEmitter.dispose();
  }
}

/** How often a library file caught half-written is read again, and how long after. */
const MAX_REREADS = 5;
const REREAD_DELAY_MS = 1000;

/** The ids of papers of `before` that are gone or changed (another object), and the papers of `after` that are new or changed. */
export function paperChanges(before: readonly Paper[], after: readonly Paper[]): { removed: string[]; added: Paper[] } {
  // A library update leaves most papers where they were, as the same objects: only the others are looked up.
  const beforeRest: Paper[] = [];
  const afterRest: Paper[] = [];
  for (let at = 0; at < Math.max(before.length, after.length); at++) {
    if (at < before.length && at < after.length && before[at] === after[at]) continue;
    if (at < before.length) beforeRest.push(before[at]);
    if (at < after.length) afterRest.push(after[at]);
  }
  const now = new Map(afterRest.map((paper) => [paper.id, paper]));
  const then = new Map(beforeRest.map((paper) => [paper.id, paper]));
  const removed = beforeRest.filter((paper) => now.get(paper.id) !== paper).map((paper) => paper.id);
  const added = afterRest.filter((paper) => then.get(paper.id) !== paper);
  return { removed, added };
}
