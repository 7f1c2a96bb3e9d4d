import * as vscode from 'vscode';
import { formatDiagnostic } from './core/diagnostics';
import type { Diagnostic, Paper } from './core/types';
import { Citations, findFormat, type ExportBibliographyOptions, type ExportBibliographyResult, type InsertOptions } from './citations';
import type { CommandTarget, SearchIntent, SearchRequest } from './commands/handlers';
import { PaperPanels } from './panel/paperPanel';
import { createPaperStore, type PaperStore } from './store/createStore';
import { RecentSearches } from './state/recentSearches';
import { RestrictedMode } from './settings/restrictedMode';
import { affects, rememberSearches, SETTINGS, SORT_LABELS, sortBy } from './settings/settings';
import { PaperCountStatus } from './views/statusBar';
import { showSearchPick, type OpenSearchPick, type SearchItemsShown } from './views/searchPick';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';

const INTENT_TITLES: Readonly<Record<SearchIntent, string>> = {
  open: 'Search Papers',
  insert: 'Insert Citation',
  replace: 'Replace Selection with Citation',
  copy: 'Copy Citation',
  reveal: 'Reveal Paper in Topics',
};

/**
 * Everything Paper Scout runs, built once by `activate`: the store, the Topics view, the panels, the
 * citations and the status bar, with the actions the commands and the API share.
 */
export class PaperScout implements CommandTarget, vscode.Disposable {
  readonly store: PaperStore;
  readonly tree: TopicTreeProvider;
  readonly treeView: vscode.TreeView<TopicTreeNode>;
  readonly panels: PaperPanels;
  /** Citation insertion, copying, completion, hovers and the bibliography export. */
  readonly citations: Citations;
  readonly status: PaperCountStatus;
  /** The searches whose results were used, kept in `globalState`. */
  readonly recentSearches: RecentSearches;
  private readonly searchItemsEmitter = new vscode.EventEmitter<SearchItemsShown>();
  /** Fires whenever a search pick shows new items (a test hook: tests wait for it rather than sleep). */
  readonly onDidShowSearchItems = this.searchItemsEmitter.event;
  /** The search quick pick that is open (a test hook types into it). */
  private openPick: OpenSearchPick | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reportedProblems = { topics: '', corpusFiles: '' };

  /** `indexCache`: the folder where indexes built in the search worker are kept between sessions. */
  constructor(readonly extensionUri: vscode.Uri, readonly log: vscode.LogOutputChannel, globalState: vscode.Memento, indexCache?: vscode.Uri) {
    this.recentSearches = new RecentSearches(globalState, log);
    this.store = createPaperStore(extensionUri, log, this.disposables, indexCache);
    this.tree = new TopicTreeProvider(this.store);
    this.treeView = vscode.window.createTreeView('paperScout.topics', { treeDataProvider: this.tree, showCollapseAll: true });
    this.citations = new Citations(this.store, log, this.store.index);
    this.panels = new PaperPanels(extensionUri, this.store, log, {
      insertCitation: (paper, format) => this.insertCitation(paper, format ? { format } : { pickFormat: true }),
      copyCitation: (paper, format) => this.citations.copy(paper, format),
      revealTopic: (topic) => this.revealTopic(topic),
    });
    this.status = new PaperCountStatus(this.store);
    this.disposables.push(this.tree, this.treeView, this.citations, this.panels, this.status, this.searchItemsEmitter,
      new RestrictedMode(log, () => void this.load()));
    this.updateViewDescription();
    this.store.onDidChange(() => this.afterStoreChange(), undefined, this.disposables);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.sortBy)) this.updateViewDescription();
    }, undefined, this.disposables);
  }

  /** Loads the corpus (the only work done on activation; the index is built on first search). */
  async load(): Promise<void> {
    await this.store.load();
  }

  /** The paper with this id. */
  paper(id: string): Paper | undefined {
    return this.store.paper(id);
  }

  /** The id of the citation format `argument` names (`bibtex`, `template:Short`, or a template's name). */
  formatId(argument: unknown): string | undefined {
    return typeof argument === 'string' ? findFormat(argument)?.id : undefined;
  }

  /** Copies the paper's citation and returns the text copied. */
  copyCitation(paper: Paper, format?: string): Promise<string> {
    return this.citations.copy(paper, format);
  }

  /** Reads the corpus again. */
  reload(): Promise<void> {
    return this.load();
  }

  /** Shows the Paper Scout output channel. */
  showLog(): void {
    this.log.show();
  }

  /** Forgets the remembered searches. */
  clearRecentSearches(): Promise<void> {
    return this.recentSearches.clear();
  }

  /** Writes the papers cited in a document or the workspace to a `.bib` file. */
  exportBibliography(options: ExportBibliographyOptions): Promise<ExportBibliographyResult | undefined> {
    return this.citations.exportBibliography(options);
  }

  /** Opens the paper panel for `id`. */
  async openPaper(id: string, options: { preserveFocus?: boolean } = {}): Promise<void> {
    if (!this.store.paper(id)) {
      void vscode.window.showWarningMessage(`Paper Scout has no paper with the id "${id}".`);
      return;
    }
    await this.panels.open(id, options);
  }

  /** Shows the paper in the Topics tree, under its first topic, and selects it. */
  async revealPaper(id: string): Promise<boolean> {
    const node = this.tree.paperNode(id);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** Shows and expands a topic in the Topics tree. */
  async revealTopic(name: string): Promise<boolean> {
    const node = this.tree.topicNode(name);
    if (!node) {
      this.log.warn(`reveal topic: no topic named ${JSON.stringify(name).slice(0, 100)}`);
      return false;
    }
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  /** Inserts the paper's citation in the active (or last) editor. */
  async insertCitation(paper: Paper, options: InsertOptions = {}): Promise<boolean> {
    return this.citations.insert(paper, options);
  }

  /** Opens the live search; Enter does what `intent` says. */
  async search(options: SearchRequest = {}): Promise<void> {
    if (this.store.state.kind === 'error') {
      const choice = await vscode.window.showErrorMessage(`Paper Scout could not load its papers: ${this.store.state.message}`, 'Show Log', 'Retry');
      if (choice === 'Show Log') this.log.show();
      if (choice === 'Retry') await this.load();
      return;
    }
    const intent = options.intent ?? 'open';
    const format = options.format;
    let opened: OpenSearchPick | undefined;
    await showSearchPick(this.store, {
      query: options.query,
      topic: options.topic,
      title: INTENT_TITLES[intent],
      onAccept: (paper) => {
        switch (intent) {
          case 'open': return this.openPaper(paper.id);
          case 'insert': return this.insertCitation(paper, { format });
          case 'replace': return this.insertCitation(paper, { format, replaceSelection: true });
          case 'copy': return this.citations.copy(paper, format);
          case 'reveal': return this.revealPaper(paper.id);
        }
      },
      onInsert: (paper) => this.insertCitation(paper, { format, replaceSelection: intent === 'replace' }),
      onCopy: (paper) => this.citations.copy(paper, format),
      recent: rememberSearches() ? this.recentSearches : undefined,
      showLog: () => this.showLog(),
      onDidShowItems: (shown) => this.searchItemsEmitter.fire(shown),
      onDidOpen: (pick) => { opened = this.openPick = pick; },
    });
    if (this.openPick === opened) this.openPick = undefined;
  }

  /** The search quick pick that is open, if one is. */
  get searchPick(): OpenSearchPick | undefined {
    return this.openPick;
  }

  private updateViewDescription(): void {
    this.treeView.description = SORT_LABELS[sortBy()];
  }

  private afterStoreChange(): void {
    const state = this.store.state;
    const { topicSettingProblems: topicProblems, corpusFileProblems } = this.store;
    const skipped = [topicProblems.length > 0 ? `entries of ${SETTINGS.topics.key}` : '', corpusFileProblems.length > 0 ? 'parts of your corpus files' : ''].filter(Boolean);
    this.treeView.message = state.kind === 'ready' && skipped.length > 0 ? `Some ${skipped.join(' and ')} were skipped (see the log).` : undefined;
    this.reportOnce('topics', topicProblems, 'invalid topic in settings', SETTINGS.topics.key);
    this.reportOnce('corpusFiles', corpusFileProblems, 'problem in your corpus files', SETTINGS.corpusFiles.key);
  }

  /**
   * Shows a warning summarising `problems` (each is in the log already), once per distinct set, so a
   * reload that finds the same problems does not nag again.
   */
  private reportOnce(kind: 'topics' | 'corpusFiles', problems: readonly Diagnostic[], what: string, setting: string): void {
    const text = problems.map(formatDiagnostic).join('\n');
    if (text && text !== this.reportedProblems[kind]) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      void vscode.window.showWarningMessage(`Paper Scout: ${what}: ${formatDiagnostic(problems[0])}${more}`, 'Show Log', 'Open Settings').then((choice) => {
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', setting);
        if (choice === 'Show Log') this.log.show();
      });
    }
    this.reportedProblems[kind] = text;
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
