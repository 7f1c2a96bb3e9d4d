/**
 * The papers the extension shows, with the topic rules in force (bundled, overridden by the user's
 * setting) and their search index. Everything in the UI reads from here and refreshes on
 * `onDidChange`. Pure: the corpus loader, the settings and the index loader are passed in, so loading,
 * the error state, folded reloads and the index's life are tested without VS Code.
 */
import { formatDiagnostic } from '../diagnostics';
import { DEFAULT_TOPICS } from '../topics/taxonomy';
import { mergeTopicRules, parseUserTopics, reassignTopics } from '../topics/userTopics';
import type { Diagnostic, Paper, TopicRule } from '../types';
import type { CorpusLoader } from './corpusLoader';
import { Emitter, type Disposable, type Event, type Logger } from './events';
import { IndexService, type IndexLoader, type SearchEngine } from './indexService';

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
}

/** What the store is made of. */
export interface PaperStoreParts {
  loader: CorpusLoader;
  settings: StoreSettings;
  loadIndex: IndexLoader<SearchEngine>;
  log: Logger;
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
  private corpusProblems: Diagnostic[] = [];
  private fileProblems: Diagnostic[] = [];
  private topicProblems: Diagnostic[] = [];
  private loading: Promise<void> | undefined;
  private reloadRequested = false;

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
    return [...this.corpusProblems, ...this.fileProblems, ...this.topicProblems];
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
   * corpus that cannot be read becomes the `error` state, a bad user file costs only itself. Calls
   * made while a load runs are folded into one more load after it.
   */
  load(): Promise<void> {
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

  /** Re-reads the topics setting, merges it over the bundled rules and reassigns the papers' topics. */
  applyTopics(): void {
    this.applyTopicsQuietly();
    this.changeEmitter.fire();
  }

  private async loadOnce(): Promise<void> {
    const { settings, loader, log } = this.parts;
    if (this.stateValue.kind !== 'ready') this.setState({ kind: 'loading' });
    try {
      const loaded = await loader.load({ includeBundled: settings.includeBundled(), entries: settings.corpusFileEntries() });
      this.bundledPapers = loaded.bundled;
      this.bundledTopics = loaded.bundledTopics;
      this.basePapers = loaded.papers;
      this.corpusProblems = loaded.corpusProblems;
      this.fileProblems = loaded.fileProblems;
      this.applyTopicsQuietly();
      log.info(`loaded ${this.papersValue.length} papers and ${this.rulesValue.length} topics`);
      this.setState({ kind: 'ready' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`could not load the corpus: ${message}`);
      this.bundledPapers = [];
      this.basePapers = [];
      this.setPapers([]);
      this.setState({ kind: 'error', message });
    }
  }

  private applyTopicsQuietly(): void {
    const { settings, log } = this.parts;
    const { rules: userRules, diagnostics } = parseUserTopics(settings.userTopics(), settings.topicsKey);
    this.topicProblems = diagnostics;
    for (const diagnostic of diagnostics) log.warn(formatDiagnostic(diagnostic));
    this.rulesValue = mergeTopicRules(this.bundledTopics, userRules);
    // Papers already carry topics from the bundled rules; only user rules need a new pass.
    this.setPapers(userRules.length > 0 ? reassignTopics(this.basePapers, this.rulesValue) : this.basePapers);
    if (userRules.length > 0) log.info(`topics: ${userRules.length} from ${settings.topicsKey} merged over ${this.bundledTopics.length} bundled`);
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
    this.changeEmitter.dispose();
  }
}
