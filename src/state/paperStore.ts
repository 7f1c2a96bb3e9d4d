import * as vscode from 'vscode';
import { loadCorpus } from '../core/corpus/schema';
import { mergeUserSources } from '../core/corpus/userCorpus';
import { formatDiagnostic } from '../core/diagnostics';
import { PaperIndex } from '../core/search/paperIndex';
import { DEFAULT_TOPICS } from '../core/topics/taxonomy';
import { mergeTopicRules, parseUserTopics, reassignTopics } from '../core/topics/userTopics';
import type { Diagnostic, Paper, TopicRule } from '../core/types';
import { corpusSources, includeBundled, SETTINGS, userTopicsValue } from './settings';
import { readUserSources, SourceWatcher } from './userSources';

/** From this many papers a build shows a cancellable progress notification. */
const LONG_BUILD_PAPERS = 5000;

/** Where the store is: loading the corpus, ready, or failed to load it (with why). */
export type StoreState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/**
 * The papers the extension shows, with the topic rules in force (bundled, overridden by the user's
 * setting) and the search index, built lazily on first use. Everything in the UI reads from here and
 * refreshes on `onDidChange`.
 */
export class PaperStore implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when papers, topics or the state change. */
  readonly onDidChange = this.changeEmitter.event;

  private stateValue: StoreState = { kind: 'loading' };
  private bundledPapers: Paper[] = [];
  /** The bundled papers (unless turned off) with the user's own corpora merged in. */
  private basePapers: Paper[] = [];
  private sourceDiagnostics: Diagnostic[] = [];
  private readonly sourceWatcher = new SourceWatcher(() => void this.load());
  private loading: Promise<void> | undefined;
  private reloadRequested = false;
  private bundledTopics: TopicRule[] = DEFAULT_TOPICS;
  private papersValue: Paper[] = [];
  private rulesValue: TopicRule[] = DEFAULT_TOPICS;
  private byId = new Map<string, Paper>();
  private indexValue: PaperIndex | undefined;
  private pendingIndex: Promise<PaperIndex> | undefined;
  private corpusDiagnostics: Diagnostic[] = [];
  private topicDiagnostics: Diagnostic[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly corpusUri: vscode.Uri,
    private readonly indexUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS.topics)) this.applyTopics(true);
      if (event.affectsConfiguration(SETTINGS.corpusSources) || event.affectsConfiguration(SETTINGS.includeBundled)) void this.load();
    }, undefined, this.disposables);
    this.disposables.push(this.sourceWatcher);
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
    return [...this.corpusDiagnostics, ...this.sourceDiagnostics, ...this.topicDiagnostics];
  }

  /** Problems found in the user's own corpus files by the last load. */
  get sourceProblems(): readonly Diagnostic[] {
    return this.sourceDiagnostics;
  }

  /** The paper with this id. */
  paper(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** True once the index is built (searches then answer at once). */
  get indexReady(): boolean {
    return this.indexValue !== undefined;
  }

  /** The search index, built on first use. */
  index(): PaperIndex {
    if (!this.indexValue) {
      const started = Date.now();
      this.indexValue = PaperIndex.build(this.papersValue);
      this.log.info(`search index built for ${this.papersValue.length} papers in ${Date.now() - started} ms`);
    }
    return this.indexValue;
  }

  /**
   * The index, without blocking the extension host: the bundled corpus loads its prebuilt index
   * (dist/index.json, with MiniSearch's loadJSON: a few milliseconds); other corpora build it in slices,
   * with a cancellable progress notification when the build is long. Callers share one pending build.
   */
  async indexSoon(): Promise<PaperIndex> {
    if (this.indexValue) return this.indexValue;
    this.pendingIndex ??= this.prepareIndex().finally(() => {
      this.pendingIndex = undefined;
    });
    return this.pendingIndex;
  }

  private async prepareIndex(): Promise<PaperIndex> {
    const papers = this.papersValue;
    const started = Date.now();
    // The prebuilt index fits the bundled papers only as shipped: no user corpora, no user topics.
    let index = papers === this.bundledPapers ? await this.loadPrebuiltIndex(papers) : undefined;
    if (!index && papers.length < LONG_BUILD_PAPERS) {
      index = await PaperIndex.buildAsync(papers);
    } else if (!index) {
      index = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Paper Scout: indexing ${papers.length.toLocaleString()} papers`, cancellable: true },
        (progress, token) => {
          let reported = 0;
          return PaperIndex.buildAsync(papers, {
            isCancelled: () => token.isCancellationRequested,
            onProgress: ({ phase, done, total }) => {
              // Reading the papers is most of the work; finishing the postings the last tenth.
              const percent = Math.floor((phase === 'reading' ? 0.9 * (done / total) : 0.9 + 0.1 * (done / total)) * 100);
              if (percent > reported) progress.report({ increment: percent - reported, message: `${percent}%` });
              reported = Math.max(reported, percent);
            },
          });
        },
      );
    }
    this.log.info(`search index ready for ${papers.length} papers in ${Date.now() - started} ms`);
    if (papers === this.papersValue) this.indexValue = index;
    return index;
  }

  private async loadPrebuiltIndex(papers: readonly Paper[]): Promise<PaperIndex | undefined> {
    try {
      // MiniSearch's JSON (dist/index.json) and the vocabulary saved beside it (dist/vocabulary.json).
      const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const vocabularyUri = vscode.Uri.joinPath(this.indexUri, '..', 'vocabulary.json');
      const [index, vocabulary] = await Promise.all([read(this.indexUri), read(vocabularyUri)]);
      return PaperIndex.load({ index, vocabulary }, papers);
    } catch (error) {
      this.log.warn(`prebuilt index ${this.indexUri.toString(true)} not used (${error instanceof Error ? error.message : String(error)}); building one`);
      return undefined;
    }
  }

  /**
   * Reads and validates the bundled corpus, then merges the user's own corpora (setting
   * `paperScout.corpus.sources`) into it. Never throws: a failure to read the bundled corpus becomes the
   * `error` state, and a bad user file costs only itself. Calls made while a load runs are folded into
   * one more load after it.
   */
  async load(): Promise<void> {
    if (this.loading) {
      this.reloadRequested = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.reloadRequested = false;
        await this.loadOnce();
      } while (this.reloadRequested);
    })().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async loadOnce(): Promise<void> {
    if (this.stateValue.kind !== 'ready') this.setState({ kind: 'loading' });
    try {
      if (includeBundled()) await this.loadBundled();
      else {
        this.bundledPapers = [];
        this.corpusDiagnostics = [];
      }
      await this.loadUserSources();
      this.applyTopics(false);
      this.log.info(`loaded ${this.papersValue.length} papers and ${this.rulesValue.length} topics`);
      this.setState({ kind: 'ready' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`could not load the corpus ${this.corpusUri.toString(true)}: ${message}`);
      this.basePapers = [];
      this.setPapers([]);
      this.setState({ kind: 'error', message });
    }
  }

  private async loadBundled(): Promise<void> {
    const bytes = await vscode.workspace.fs.readFile(this.corpusUri);
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const { corpus, diagnostics } = loadCorpus(json, this.corpusUri.path.split('/').slice(-2).join('/'));
    this.corpusDiagnostics = diagnostics;
    for (const diagnostic of diagnostics) this.log.warn(formatDiagnostic(diagnostic));
    if (corpus.papers.length === 0 && diagnostics.length > 0) {
      throw new Error(`the corpus file has no valid papers (${formatDiagnostic(diagnostics[0])})`);
    }
    this.bundledPapers = corpus.papers;
    this.bundledTopics = corpus.topics.length > 0 ? corpus.topics : DEFAULT_TOPICS;
  }

  private async loadUserSources(): Promise<void> {
    const entries = corpusSources();
    const read = await readUserSources(entries, SETTINGS.corpusSources);
    this.sourceWatcher.watch(read.watch);
    if (entries.length === 0) {
      this.basePapers = this.bundledPapers;
      this.sourceDiagnostics = [];
      return;
    }
    const merged = mergeUserSources(this.bundledPapers, read.sources, this.bundledTopics);
    this.basePapers = merged.papers;
    this.sourceDiagnostics = [...read.diagnostics, ...merged.diagnostics];
    for (const diagnostic of this.sourceDiagnostics) this.log.warn(formatDiagnostic(diagnostic));
    this.log.info(`your corpora: ${read.sources.length} file(s), ${merged.papers.length - this.bundledPapers.length} new papers, ${this.sourceDiagnostics.length} problem(s)`);
  }

  /** Problems found in the topics setting by the last `applyTopics`. */
  get topicProblems(): readonly Diagnostic[] {
    return this.topicDiagnostics;
  }

  /** Re-reads the topics setting, merges it over the bundled rules and reassigns the papers' topics. */
  private applyTopics(notify: boolean): void {
    const { rules: userRules, diagnostics } = parseUserTopics(userTopicsValue(), SETTINGS.topics);
    this.topicDiagnostics = diagnostics;
    for (const diagnostic of diagnostics) this.log.warn(formatDiagnostic(diagnostic));
    this.rulesValue = mergeTopicRules(this.bundledTopics, userRules);
    // Papers already carry topics from the bundled rules; only user rules need a new pass.
    this.setPapers(userRules.length > 0 ? reassignTopics(this.basePapers, this.rulesValue) : this.basePapers);
    if (userRules.length > 0) this.log.info(`topics: ${userRules.length} from ${SETTINGS.topics} merged over ${this.bundledTopics.length} bundled`);
    if (notify) this.changeEmitter.fire();
  }

  private setPapers(papers: Paper[]): void {
    this.papersValue = papers;
    this.byId = new Map(papers.map((paper) => [paper.id, paper]));
    this.indexValue = undefined;
  }

  private setState(state: StoreState): void {
    this.stateValue = state;
    void vscode.commands.executeCommand('setContext', 'paperScout.state', state.kind);
    this.changeEmitter.fire();
  }

  dispose(): void {
    this.changeEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
