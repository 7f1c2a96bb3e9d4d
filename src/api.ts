/**
 * What `activate()` returns. `PaperScoutApi` is for other extensions
 * (`vscode.extensions.getExtension('paper-scout.paper-scout')?.activate()`); the test hooks, which
 * reach into the extension's insides, are there only when VS Code runs the extension's tests
 * (`ExtensionMode.Test`).
 */
import * as vscode from 'vscode';
import type { SearchResult } from './core/search/paperIndex';
import type { EngineHome, EngineOrigin, EngineQueryOptions, IndexProgress } from './core/store/indexService';
import type { StoreState } from './core/store/paperStore';
import type { Diagnostic, Paper, TopicRule } from './core/types';
import type { PanelInfo, PanelMessageEvent } from './panel/paperPanel';
import type { PaperScout } from './paperScout';
import type { SuggestionsShown } from './citations';
import type { CommandFailure } from './commands/registry';
import type { WorkspaceCitationsState } from './references';
import { IssuedKeys } from './storage/issuedKeys';
import { RecentSearches } from './storage/recentSearches';
import type { OpenSearchPick, SearchItemsShown } from './views/searchPick';
import { openQuickPick, type OpenQuickPick } from './views/openQuickPick';
import type { TopicTreeNode } from './views/topicTree';

export type { CommandFailure, OpenQuickPick, OpenSearchPick, PanelInfo, PanelMessageEvent, SearchItemsShown, StoreState, SuggestionsShown, TopicTreeNode, WorkspaceCitationsState };

/** Paper Scout's papers, search and citations, for other extensions. */
export interface PaperScoutApi {
  /**
   * `loading` until the corpus is read, then `ready`, or `error` with the message shown to the user.
   * Paper Scout reads its papers the first time something needs them, not on activation: `loaded()`
   * (or `papers()`) starts that read, `onDidChange` says when it ends, and the methods that act on
   * papers wait for it by themselves.
   */
  state(): StoreState;
  /** Reads the papers if nothing has yet, and resolves with the state once the first read has ended. */
  loaded(): Promise<StoreState>;
  /** Fires when the papers, the topics or the state change. */
  readonly onDidChange: vscode.Event<void>;
  /** The loaded papers, with topics from the rules in force. */
  papers(): readonly Paper[];
  /** The topic rules in force (bundled, overridden and extended by `paperScout.topics`). */
  topics(): readonly TopicRule[];
  /** Problems found in the corpus files and the topics setting. */
  diagnostics(): readonly Diagnostic[];
  /** Ranked search, as the quick pick runs it (makes the index on first call); filters may be typed in (`topic:`, `year:`, ...). */
  search(query: string, options?: EngineQueryOptions): Promise<SearchResult[]>;
  /** Opens the paper panel for a paper id (a warning when there is no such paper). */
  openPaper(id: string): Promise<void>;
  /** Reveals and selects a paper in the Topics tree; false when there is no such paper. */
  revealPaper(id: string): Promise<boolean>;
  /**
   * Reveals a topic in the Topics tree and selects it, or with `paperId` the paper under it (as the
   * panel's topic chips do); false when there is no such topic.
   */
  revealTopic(name: string, paperId?: string): Promise<boolean>;
  /**
   * Inserts a citation at every cursor of the active (or last) editor, then gives that editor the
   * focus; false when it was copied instead. `format` is a format id (`bibtex`, `template:<name>`,
   * `auto` for the document's own style); the language's default without. `placement: 'passage'`
   * puts it where a writer cites the passage at the cursor (the end of its sentence before the
   * punctuation; a new comment line after the comment block in code).
   */
  insertCitation(id: string, format?: string, options?: { replaceSelection?: boolean; placement?: 'cursor' | 'passage' }): Promise<boolean>;
  /** Copies a citation and returns the text copied. */
  copyCitation(id: string, format?: string): Promise<string>;
  /** Reads the corpus again. */
  reload(): Promise<void>;
  /** Hooks for Paper Scout's own integration tests; present only under `ExtensionMode.Test`. */
  readonly testHooks?: PaperScoutTestHooks;
}

/** The Topics tree as tests see it: the same nodes and items VS Code gets. */
export interface TopicTreeFacade {
  getChildren(element?: TopicTreeNode): TopicTreeNode[];
  getTreeItem(element: TopicTreeNode): vscode.TreeItem;
  getParent(element: TopicTreeNode): TopicTreeNode | undefined;
  /** Fires when the tree is rebuilt (papers, topics setting or sort order changed). */
  readonly onDidChangeTreeData: vscode.Event<TopicTreeNode | undefined>;
}

/** What the integration tests look at inside the extension. Not for other extensions. */
export interface PaperScoutTestHooks {
  /** The Topics tree provider. */
  readonly topicTree: TopicTreeFacade;
  /** The nodes selected in the Topics view. */
  topicSelection(): readonly TopicTreeNode[];
  /** The open paper panels. */
  panels(): PanelInfo[];
  /** Every message a paper panel's webview sends, with whether it passed validation. */
  readonly onDidReceivePanelMessage: vscode.Event<PanelMessageEvent>;
  /** Handles `message` as the webview of the panel showing `paperId` would send it (its buttons' path); resolves once handled. */
  sendPanelMessage(paperId: string, message: unknown): Promise<void>;
  /** The status bar item's text ("$(book) 224 papers"). */
  statusText(): string;
  /** The remembered searches, newest first, as the search offers them before anything is typed. */
  recentSearches(): readonly string[];
  /** Fires whenever a search quick pick shows new items: wait for it instead of sleeping. */
  readonly onDidShowSearchItems: vscode.Event<SearchItemsShown>;
  /** Fires whenever "Suggest Papers for This Passage" shows its papers, or why there are none. */
  readonly onDidShowSuggestions: vscode.Event<SuggestionsShown>;
  /** The workspace citation index. */
  readonly workspaceCitations: WorkspaceCitationsHooks;
  /** Sets how long after the last keystroke a key being typed is marked unknown (default one second); returns the old value. */
  setTypingPause(ms: number): number;
  /** The search quick pick that is open, to type into as a user would; undefined when none is. */
  searchPick(): OpenSearchPick | undefined;
  /** The Paper Scout quick pick that is open (search, papers for a passage, the export's file), with its active row. */
  quickPick(): OpenQuickPick | undefined;
  /** The search index: where it lives and how many papers it holds once made, how far it is while being made. */
  searchIndex(): SearchIndexState;
  /**
   * The raw values Paper Scout keeps in `globalState` (what the next window reads back). `set` stores
   * a value as given, valid or not, so a test can check that a corrupt value is reset when next read.
   */
  readonly storedState: StoredStateHooks;
  /** The file the citation keys of the user's papers are kept in (read and write it with `workspace.fs`). */
  readonly issuedKeysFile: vscode.Uri;
  /** The folder the search worker's indexes are kept in (`<content key>.index.json` and `.vocabulary.json`), when there is one. */
  readonly searchIndexCache: vscode.Uri | undefined;
  /** Every command that failed since activation (the registry catches and reports each), oldest first. */
  commandFailures(): readonly CommandFailure[];
}

/** The workspace citation index as tests see it. */
export interface WorkspaceCitationsHooks {
  state(): WorkspaceCitationsState;
  /** Resolves once no build is under way. */
  whenBuilt(): Promise<void>;
  /** Where `key` is cited (edits waiting to be scanned are scanned first), with 1-based line and column. */
  citationsOf(key: string): Array<{ uri: string; line: number; column: number }>;
  /** The files (and untitled documents) the citation index holds, as URI strings. */
  files(): string[];
  /** What started the citation index (`file`, `document` or `command`, and the file or command), undefined while idle or off. */
  startedBy(): { kind: string; detail: string } | undefined;
  /** How many file watchers the citation index has made and not disposed. */
  watchers(): number;
  /** Fires when the citation index or its state changed. */
  readonly onDidChange: vscode.Event<void>;
}

/** The search index as the test hooks report it. */
export interface SearchIndexState {
  /** On the extension host's thread or in the search worker; undefined until it is made. */
  home: EngineHome | undefined;
  /** Papers in the index made. */
  papers: number | undefined;
  /** The prebuilt index, one built now, or one loaded from the cache of earlier builds; undefined until made. */
  origin: EngineOrigin | undefined;
  /** While an index is being made: for how many papers, how far (0–100). */
  progress: IndexProgress | undefined;
}

/** Raw access to Paper Scout's `globalState`, for tests (see `PaperScoutTestHooks.storedState`). */
export interface StoredStateHooks {
  /** The keys Paper Scout keeps state under; the other methods refuse any other key. */
  readonly keys: readonly string[];
  /** The stored value as is (unchecked), `undefined` when nothing is stored. */
  get(key: string): unknown;
  /** Stores `value` as is (`undefined` removes it). */
  set(key: string, value: unknown): Promise<void>;
}

/**
 * The API over `scout`; with the test hooks when the extension runs under `ExtensionMode.Test`, which see
 * `commandFailures` as the registry fills it.
 */
export function createApi(scout: PaperScout, context: Pick<vscode.ExtensionContext, 'extensionMode' | 'globalState' | 'globalStorageUri'>,
  commandFailures: readonly CommandFailure[]): PaperScoutApi {
  /** `run` once the papers have been read the first time: what acts on papers waits for them (activation does not). */
  const afterLoad = async <T>(run: () => T | Promise<T>): Promise<T> => {
    await scout.whenLoaded();
    return run();
  };
  const paperOrThrow = (id: string): Paper => {
    const paper = scout.store.paper(id);
    if (!paper) throw new Error(`no paper with id "${id}"`);
    return paper;
  };
  return {
    state: () => scout.store.state,
    loaded: async () => {
      await scout.whenLoaded();
      return scout.store.state;
    },
    onDidChange: (listener, thisArgs, disposables) => scout.store.onDidChange(listener, thisArgs, disposables),
    papers: () => scout.store.papers,
    topics: () => scout.store.rules,
    diagnostics: () => scout.store.diagnostics,
    search: (query, options) => afterLoad(() => scout.store.index.ask((engine) => engine.search(query, options))),
    openPaper: (id) => afterLoad(() => scout.openPaper(id)),
    revealPaper: (id) => afterLoad(() => scout.revealPaper(id)),
    revealTopic: (name, paperId) => afterLoad(() => scout.revealTopic(name, paperId)),
    insertCitation: (id, format, options) => afterLoad(() => scout.inserter.insert(paperOrThrow(id), { format, replaceSelection: options?.replaceSelection, placement: options?.placement })),
    copyCitation: (id, format) => afterLoad(() => scout.inserter.copy(paperOrThrow(id), format)),
    reload: () => scout.load(),
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testHooks: testHooks(scout, context.globalState, IssuedKeys.fileIn(context.globalStorageUri), commandFailures) } : {}),
  };
}

function testHooks(scout: PaperScout, globalState: vscode.Memento, issuedKeysFile: vscode.Uri, commandFailures: readonly CommandFailure[]): PaperScoutTestHooks {
  const storedKeys: readonly string[] = [RecentSearches.key, IssuedKeys.key];
  const storedKeyOrThrow = (key: string): string => {
    if (!storedKeys.includes(key)) throw new Error(`Paper Scout keeps no state under "${key}"`);
    return key;
  };
  return {
    topicTree: scout.tree,
    topicSelection: () => scout.treeView.selection,
    panels: () => scout.panels.list(),
    onDidReceivePanelMessage: scout.panels.onDidReceiveMessage,
    sendPanelMessage: (paperId, message) => scout.panels.receiveAsFromWebview(paperId, message),
    statusText: () => scout.status.text,
    recentSearches: () => scout.recentSearches.list(),
    onDidShowSearchItems: scout.onDidShowSearchItems,
    onDidShowSuggestions: scout.onDidShowSuggestions,
    workspaceCitations: {
      state: () => scout.references.workspace.state,
      whenBuilt: () => scout.references.workspace.whenBuilt(),
      citationsOf: (key) => {
        scout.references.workspace.flush();
        return scout.references.workspace.citationIndex.citationsOf(key).map(({ file, line, column }) => ({ uri: file, line, column }));
      },
      onDidChange: scout.references.workspace.onDidChange,
      files: () => scout.references.workspace.citationIndex.fileNames(),
      startedBy: () => {
        const reason = scout.references.workspace.startedBy;
        return reason && { kind: reason.kind, detail: reason.kind === 'command' ? reason.name : reason.uri.toString() };
      },
      watchers: () => scout.references.workspace.watcherCount,
    },
    setTypingPause: (ms) => {
      const old = scout.references.unknownKeys.typingPauseMs;
      scout.references.unknownKeys.typingPauseMs = ms;
      return old;
    },
    searchPick: () => scout.searchPick,
    quickPick: openQuickPick,
    searchIndex: () => {
      const engine = scout.store.index.current();
      return { home: engine?.home, papers: engine?.size, origin: engine?.origin, progress: scout.store.index.progress() };
    },
    storedState: {
      keys: storedKeys,
      get: (key) => globalState.get<unknown>(storedKeyOrThrow(key)),
      set: async (key, value) => { await globalState.update(storedKeyOrThrow(key), value); },
    },
    issuedKeysFile,
    searchIndexCache: scout.indexCache,
    commandFailures: () => [...commandFailures],
  };
}
