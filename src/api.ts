import type * as vscode from 'vscode';
import type { QueryOptions, SearchResult } from './core/search/paperIndex';
import type { Diagnostic, Paper, TopicRule } from './core/types';
import type { PanelInfo, PanelMessageEvent } from './panel/paperPanel';
import type { TopicTreeNode } from './views/topicTree';

export type { PanelInfo, PanelMessageEvent, TopicTreeNode };

/** The Topics tree as tests see it: the same nodes and items VS Code gets. */
export interface TopicTreeFacade {
  getChildren(element?: TopicTreeNode): TopicTreeNode[];
  getTreeItem(element: TopicTreeNode): vscode.TreeItem;
  getParent(element: TopicTreeNode): TopicTreeNode | undefined;
  /** Fires when the tree is rebuilt (papers, topics setting or sort order changed). */
  readonly onDidChangeTreeData: vscode.Event<TopicTreeNode | undefined>;
}

/**
 * What `activate()` returns, for integration tests and other extensions
 * (`vscode.extensions.getExtension('paper-scout.paper-scout').activate()`).
 */
export interface PaperScoutApi {
  /** `loading` until the corpus is read, then `ready`, or `error` with the message shown to the user. */
  state(): { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };
  /** The loaded papers, with topics from the rules in force. */
  papers(): readonly Paper[];
  /** The topic rules in force (bundled, overridden and extended by `paperScout.topics`). */
  topics(): readonly TopicRule[];
  /** Problems found in the corpus file and the topics setting. */
  diagnostics(): readonly Diagnostic[];
  /** Ranked search, as the quick pick runs it (makes the index on first call). */
  search(query: string, options?: QueryOptions): Promise<SearchResult[]>;
  /** The Topics tree provider. */
  readonly topicTree: TopicTreeFacade;
  /** Opens the paper panel for a paper id (a warning when there is no such paper). */
  openPaper(id: string): Promise<void>;
  /** Reveals and selects a paper in the Topics tree; false when there is no such paper. */
  revealPaper(id: string): Promise<boolean>;
  /** Reveals a topic in the Topics tree; false when there is no such topic. */
  revealTopic(name: string): Promise<boolean>;
  /**
   * Inserts a citation at every cursor of the active (or last) editor; false when it was copied
   * instead. `format` is a format id (`bibtex`, `template:<name>`); the language's default without.
   */
  insertCitation(id: string, format?: string, options?: { replaceSelection?: boolean }): Promise<boolean>;
  /** Copies a citation and returns the text copied. */
  copyCitation(id: string, format?: string): Promise<string>;
  /** The open paper panels. */
  panels(): PanelInfo[];
  /** Every message a paper panel's webview sends, with whether it passed validation. */
  readonly onDidReceivePanelMessage: vscode.Event<PanelMessageEvent>;
  /** The status bar item's text ("$(book) 224 papers"). */
  statusText(): string;
  /** Reads the corpus again. */
  reload(): Promise<void>;
  /** The remembered searches, newest first, as the search offers them before anything is typed. */
  recentSearches(): readonly string[];
  /**
   * Test hooks, not for other extensions: the raw values Paper Scout keeps in `globalState` (what the
   * next window reads back). `set` stores a value as given, valid or not, so a test can check that a
   * corrupt value is reset when it is next read.
   */
  readonly storedState: StoredStateHooks;
}

/** Raw access to Paper Scout's `globalState`, for tests (see `PaperScoutApi.storedState`). */
export interface StoredStateHooks {
  /** The keys Paper Scout keeps state under; the other methods refuse any other key. */
  readonly keys: readonly string[];
  /** The stored value as is (unchecked), `undefined` when nothing is stored. */
  get(key: string): unknown;
  /** Stores `value` as is (`undefined` removes it). */
  set(key: string, value: unknown): Promise<void>;
}
