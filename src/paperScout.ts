import * as vscode from 'vscode';
import { formatDiagnostic } from './core/diagnostics';
import { keySearchText } from './core/references/nearestKey';
import type { Diagnostic, Paper } from './core/types';
import { Citations, findFormat, passageRequest, showSuggestPick, type CitationWriter, type ExportBibliographyOptions, type ExportBibliographyRefusal, type ExportBibliographyResult, type SuggestionsShown } from './citations';
import type { CommandTarget, DocumentPlace, KeyAtPlace, SearchIntent, SearchRequest } from './commands/handlers';
import { libraryEntryText } from './library/libraryEntryText';
import { WorkspaceLibrary } from './library/workspaceLibrary';
import { PaperPanels } from './panel/paperPanel';
import { References } from './references';
import { createPaperStore, type PaperStore } from './store/createStore';
import type { KeyStorage } from './storage/issuedKeys';
import { RecentSearches } from './storage/recentSearches';
import { RestrictedMode } from './settings/restrictedMode';
import { orderLabel } from './core/citations/displayText';
import { affects, rememberSearches, setKeyIgnored, SETTINGS, sortBy } from './settings/settings';
import { PaperCountStatus } from './views/statusBar';
import { showSearchPick, type OpenSearchPick, type SearchItemsShown } from './views/searchPick';
import { TopicTreeProvider, type TopicTreeNode } from './views/topicTree';

/** The context key that says the Topics view shows only the user's library. */
const LIBRARY_ONLY_CONTEXT_KEY = 'paperScout.libraryOnly';
/** The walkthrough's id as `workbench.action.openWalkthrough` takes it: `publisher.name#id`. */
const WALKTHROUGH = 'paper-scout.paper-scout#paperScout.gettingStarted';

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
  /** Citation insertion, copying, completion, hovers, passage suggestions and the bibliography export. */
  readonly citations: Citations;
  /** Every citation in the workspace: references, definitions, unknown keys, "Cited in" and counts. */
  readonly references: References;
  readonly status: PaperCountStatus;
  /** The library the workspace holds: its `.bib` files and the bibliographies documents declare. */
  readonly library: WorkspaceLibrary;
  /** Inserts and copies citations: the citations' own inserter, which the commands and the panel use directly. */
  readonly inserter: CitationWriter;
  private recentSearchesValue: RecentSearches | undefined;
  private readonly searchItemsEmitter = new vscode.EventEmitter<SearchItemsShown>();
  /** Fires whenever a search pick shows new items (a test hook: tests wait for it rather than sleep). */
  readonly onDidShowSearchItems = this.searchItemsEmitter.event;
  private readonly suggestionsEmitter = new vscode.EventEmitter<SuggestionsShown>();
  /** Fires whenever a suggestion pick shows its papers or why there are none (a test hook). */
  readonly onDidShowSuggestions = this.suggestionsEmitter.event;
  /** The search quick pick that is open (a test hook types into it). */
  private openPick: OpenSearchPick | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reportedProblems = { topics: '', corpusFiles: '' };

  /**
   * `storage`: the extension's `globalState` and global storage folder; `indexCache`: the folder where
   * indexes built in the search worker are kept between sessions.
   */
  constructor(readonly extensionUri: vscode.Uri, readonly log: vscode.LogOutputChannel, private readonly storage: KeyStorage, readonly indexCache?: vscode.Uri) {
    // The papers are read the first time something asks for them: the Topics view shown, a completion,
    // a hover or a diagnostic in a citing document, a command, a paper panel; a window that never needs
    // one reads none.
    this.store = createPaperStore(extensionUri, log, this.disposables, storage, indexCache, () => void this.load());
    this.library = new WorkspaceLibrary(this.store, log);
    this.references = new References(this.store, log, (id) => this.openPaper(id));
    this.tree = new TopicTreeProvider(this.store, this.references.counts);
    this.treeView = vscode.window.createTreeView('paperScout.topics', { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(vscode.window.registerFileDecorationProvider(this.tree.citedBadges));
    this.citations = new Citations(this.store, log, this.references.workspace, this.store.index,
      { bibliographiesOf: (document) => this.library.bibliographiesOf(document), entryText: libraryEntryText });
    this.inserter = this.citations.inserter;
    this.panels = new PaperPanels(extensionUri, this.store, log, this.inserter, {
      revealTopic: (topic, paperId) => this.revealTopic(topic, paperId),
    }, this.references.citedIn);
    this.status = new PaperCountStatus(this.store);
    this.disposables.push(this.library, this.references, this.tree, this.treeView, this.citations, this.panels, this.status, this.searchItemsEmitter,
      this.suggestionsEmitter, new RestrictedMode(log, () => void this.load()));
    this.updateViewDescription();
    this.store.onDidChange(() => this.afterStoreChange(), undefined, this.disposables);
    // The library is looked for once Paper Scout's papers are shown (or a citing document is open).
    if (this.treeView.visible) this.library.start();
    this.treeView.onDidChangeVisibility(({ visible }) => { if (visible) this.library.start(); }, undefined, this.disposables);
    void vscode.commands.executeCommand('setContext', LIBRARY_ONLY_CONTEXT_KEY, false);
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.sortBy)) this.updateViewDescription();
    }, undefined, this.disposables);
  }

  /** The searches whose results were used, kept in `globalState` (made when first asked for). */
  get recentSearches(): RecentSearches {
    return this.recentSearchesValue ??= new RecentSearches(this.storage.globalState, this.log);
  }

  /** The first load of the papers, once started (commands wait for it). */
  private firstLoad: Promise<void> | undefined;

  /**
   * Loads the corpus: the first time when something first needs the papers (not on activation), and
   * again when asked (Reload, Restricted Mode, the API). A first load that fails is shown with a way
   * to the log and a retry.
   */
  async load(): Promise<void> {
    const first = this.firstLoad === undefined;
    const loading = this.store.load();
    this.firstLoad ??= loading.catch(() => undefined);
    await loading;
    if (first) this.afterFirstLoad();
  }

  /** Resolves once the papers have been read the first time (starting that if nothing did), whatever came of it. */
  whenLoaded(): Promise<void> {
    return this.firstLoad ?? this.load().catch(() => undefined);
  }

  private afterFirstLoad(): void {
    this.log.info(`papers loaded: ${this.store.state.kind}`);
    if (this.store.state.kind !== 'error') return;
    void vscode.window.showErrorMessage(`Paper Scout could not load its papers: ${this.store.state.message}`, 'Show Log', 'Retry').then((choice) => {
      if (choice === 'Show Log') this.log.show();
      if (choice === 'Retry') void this.load();
    });
  }

  /** The paper with this id. */
  paper(id: string): Paper | undefined {
    return this.store.paper(id);
  }

  /** The id of the citation format `argument` names (`bibtex`, `template:Short`, or a template's name). */
  formatId(argument: unknown): string | undefined {
    return typeof argument === 'string' ? findFormat(argument)?.id : undefined;
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
  exportBibliography(options: ExportBibliographyOptions): Promise<ExportBibliographyResult | ExportBibliographyRefusal | undefined> {
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

  /**
   * Shows and expands a topic in the Topics tree; with `paperId` (the panel's topic chips), selects
   * that paper under it, else the topic.
   */
  async revealTopic(name: string, paperId?: string): Promise<boolean> {
    const find = (): TopicTreeNode | undefined => (paperId !== undefined ? this.tree.paperUnder(name, paperId) : undefined) ?? this.tree.topicNode(name);
    let node = find();
    if (!node) {
      this.log.warn(`reveal topic: no topic named ${JSON.stringify(name).slice(0, 100)}`);
      return false;
    }
    await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    // A view shown for the first time, or rebuilt meanwhile (a citation count changed), can take the
    // first reveal without selecting the row: the same reveal again, on the nodes now in the tree, does.
    for (let again = 0; again < 2 && !this.treeView.selection.includes(node); again++) {
      node = find();
      if (!node) return false;
      await this.treeView.reveal(node, { select: true, focus: true, expand: true });
    }
    return true;
  }

  /** Shows only the papers of the user's library in the Topics view, or every paper again. */
  async showLibraryOnly(only: boolean): Promise<void> {
    this.library.start();
    this.tree.libraryOnly = only;
    await vscode.commands.executeCommand('setContext', LIBRARY_ONLY_CONTEXT_KEY, only);
    this.updateViewDescription();
  }

  /** Opens the live search; Enter does what `intent` says. */
  async search(options: SearchRequest = {}): Promise<void> {
    this.library.start();
    if (await this.reportedLoadError()) return;
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
          case 'insert': return this.inserter.insert(paper, { format });
          case 'replace': return this.inserter.insert(paper, { format, replaceSelection: true });
          case 'copy': return this.inserter.copy(paper, format);
          case 'reveal': return this.revealPaper(paper.id);
        }
      },
      onInsert: (paper) => this.inserter.insert(paper, { format, replaceSelection: intent === 'replace' }),
      onCopy: (paper) => this.inserter.copy(paper, format),
      recent: rememberSearches() ? this.recentSearches : undefined,
      showLog: () => this.showLog(),
      onDidShowItems: (shown) => this.searchItemsEmitter.fire(shown),
      onDidOpen: (pick) => { opened = this.openPick = pick; },
      acceptInserts: intent === 'insert' || intent === 'replace',
      focusInsertTarget: () => this.inserter.focusTarget(),
    });
    if (this.openPick === opened) this.openPick = undefined;
  }

  /** The search quick pick that is open, if one is. */
  get searchPick(): OpenSearchPick | undefined {
    return this.openPick;
  }

  /** Shows the papers about the passage at `place` (the active editor's cursor or selection without one); the one chosen is cited there. */
  async suggestPapers(place?: DocumentPlace): Promise<void> {
    this.library.start();
    if (await this.reportedLoadError()) return;
    const editor = place ? await editorFor(place.uri) : vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Paper Scout: open a document and put the cursor in a paragraph or a comment to get papers about it.');
      return;
    }
    if (place) editor.selection = new vscode.Selection(place.range.start, place.range.end); // the citation goes where the light bulb was
    const { selection } = editor;
    await showSuggestPick({
      request: passageRequest(editor.document, selection.active, selection),
      search: () => this.store.index.ready(),
      onAccept: (paper) => this.inserter.insert(paper, { placement: 'passage' }),
      onInsertAtCursor: (paper) => this.inserter.insert(paper),
      onCopy: (paper) => this.inserter.copy(paper),
      onOpen: (paper) => this.openPaper(paper.id),
      searchPapers: (query) => this.search({ query, intent: 'insert' }),
      showLog: () => this.showLog(),
      onDidShow: (shown) => this.suggestionsEmitter.fire(shown),
    });
  }

  /** Searches for the paper an unknown key meant (its words typed); the paper chosen replaces the key with its own. */
  async searchPapersForKey(place: KeyAtPlace): Promise<void> {
    if (await this.reportedLoadError()) return;
    const uri = vscode.Uri.parse(place.uri, true);
    const range = new vscode.Range(place.position, place.position.translate(0, place.key.length));
    const replace = (paper: Paper): Promise<boolean> => replaceKey(uri, range, place.key, paper.key);
    let opened: OpenSearchPick | undefined;
    await showSearchPick(this.store, {
      query: keySearchText(place.key),
      title: `Replace "${place.key}" with the Key of a Paper`,
      onAccept: replace,
      onInsert: replace,
      onCopy: (paper) => this.inserter.copy(paper),
      showLog: () => this.showLog(),
      onDidShowItems: (shown) => this.searchItemsEmitter.fire(shown),
      onDidOpen: (pick) => { opened = this.openPick = pick; },
    });
    if (this.openPick === opened) this.openPick = undefined;
  }

  /** Stops marking `key` as unknown in this workspace, and says so with Undo and a way to the setting. */
  async ignoreCitationKey(key: string): Promise<void> {
    await setKeyIgnored(key, true);
    const where = vscode.workspace.workspaceFolders?.length ? 'in this workspace' : 'anywhere (no workspace is open)';
    // Not awaited: the command is done once the setting is written; the message stays for the user to answer.
    void vscode.window.showInformationMessage(`Paper Scout no longer marks "${key}" as an unknown citation key ${where}.`, 'Undo', 'Open Setting').then(async (choice) => {
      if (choice === 'Undo') await setKeyIgnored(key, false);
      if (choice === 'Open Setting') await vscode.commands.executeCommand('workbench.action.openSettings', SETTINGS.ignoredKeys.key);
    });
  }

  /** Shows the paper before (or after) the one in the focused paper panel; false when there is none. */
  navigatePanel(direction: 'back' | 'forward'): boolean {
    return this.panels.navigate(direction);
  }

  /** Opens the walkthrough "Get Started with Paper Scout". */
  getStarted(): Promise<unknown> {
    return Promise.resolve(vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false));
  }

  /** When the papers could not be loaded, says so with a way to the log and a retry, and returns true. */
  private async reportedLoadError(): Promise<boolean> {
    if (this.store.state.kind !== 'error') return false;
    const choice = await vscode.window.showErrorMessage(`Paper Scout could not load its papers: ${this.store.state.message}`, 'Show Log', 'Retry');
    if (choice === 'Show Log') this.log.show();
    if (choice === 'Retry') await this.load();
    return true;
  }

  /**
   * Says how the view is sorted: in its description (shown when the view has a header of its own) and
   * in its message line (always shown: a container with one view hides the description), with any
   * skipped settings or files after it.
   */
  private updateViewDescription(): void {
    const order = this.tree.libraryOnly ? `your library, ${orderLabel(sortBy())}` : orderLabel(sortBy());
    this.treeView.description = order;
    const { topicSettingProblems: topicProblems, corpusFileProblems } = this.store;
    const skipped = [topicProblems.length > 0 ? `entries of ${SETTINGS.topics.key}` : '', corpusFileProblems.length > 0 ? 'parts of your corpus files' : ''].filter(Boolean);
    const problems = skipped.length > 0 ? ` Some ${skipped.join(' and ')} were skipped (see the log).` : '';
    this.treeView.message = this.store.state.kind === 'ready' ? `Sorted: ${order}.${problems}` : undefined;
  }

  private afterStoreChange(): void {
    const { topicSettingProblems: topicProblems, corpusFileProblems } = this.store;
    this.updateViewDescription();
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

/** The editor showing `uri`, or a new one. */
async function editorFor(uri: string): Promise<vscode.TextEditor> {
  const shown = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri);
  return shown ?? vscode.window.showTextDocument(vscode.Uri.parse(uri, true));
}

/** Replaces the key `oldKey` at `range` with `newKey`, unless the text there changed meanwhile (then says so). */
async function replaceKey(uri: vscode.Uri, range: vscode.Range, oldKey: string, newKey: string): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText(range) !== oldKey) {
    void vscode.window.showWarningMessage(`Paper Scout: "${oldKey}" is no longer at line ${range.start.line + 1} of ${vscode.workspace.asRelativePath(uri)}; nothing was replaced.`);
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, newKey);
  return vscode.workspace.applyEdit(edit);
}
