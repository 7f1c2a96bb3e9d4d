/**
 * What each command does with the arguments it is given: menus pass tree nodes, links and tests pass
 * paper ids, other extensions pass objects; a command without a paper asks with the search. The work
 * itself is done by the `CommandTarget` (the extension's one context object), so this folder depends
 * on no feature folder and every feature folder may refer to the command ids.
 */
import * as vscode from 'vscode';
import type { PaperSort } from '../core/paperOrder';
import type { Paper } from '../core/types';
import { setSortBy, SORT_LABELS, SORT_ORDERS, sortBy } from '../settings/settings';
import type { CommandHandlers } from './registry';

/** What to do with the paper picked in a search. */
export type SearchIntent = 'open' | 'insert' | 'replace' | 'copy' | 'reveal';

/** A search to open: its starting text and topic filter, and what Enter does with the paper picked. */
export interface SearchRequest {
  query?: string;
  topic?: string;
  intent?: SearchIntent;
  /** The citation format of the insert and copy intents (a format id). */
  format?: string;
}

/** A place in a document: its URI and a range (a cursor when empty), in plain numbers. */
export interface DocumentPlace {
  uri: string;
  range: vscode.Range;
}

/** A cited key and where it stands. */
export interface KeyAtPlace {
  uri: string;
  position: vscode.Position;
  key: string;
}

/** What the commands act on. */
export interface CommandTarget {
  /** The paper with this id. */
  paper(id: string): Paper | undefined;
  /** The id of the citation format `argument` names, if it names one on offer. */
  formatId(argument: unknown): string | undefined;
  search(request: SearchRequest): Promise<void>;
  openPaper(id: string): Promise<void>;
  /** Inserts and copies citations. */
  readonly inserter: {
    insert(paper: Paper, options: { format?: string; replaceSelection?: boolean }): Promise<boolean>;
    copy(paper: Paper, format?: string): Promise<string>;
  };
  revealPaper(id: string): Promise<boolean>;
  revealTopic(name: string): Promise<boolean>;
  reload(): Promise<void>;
  showLog(): void;
  clearRecentSearches(): Promise<void>;
  /** Runs the export with these options (a plain object: the parts it knows are used). */
  exportBibliography(options: object): Promise<unknown>;
  /** Suggests papers for the passage at `place`, or at the active editor's cursor or selection. */
  suggestPapers(place?: DocumentPlace): Promise<void>;
  /** Searches for the paper an unknown key meant; the paper chosen replaces the key. */
  searchPapersForKey(place: KeyAtPlace): Promise<void>;
  /** Shows only the papers of the user's library in the Topics view (true), or every paper. */
  showLibraryOnly(only: boolean): Promise<void>;
  /** Stops marking `key` as unknown in this workspace (kept in a setting, and said so with a way back). */
  ignoreCitationKey(key: string): Promise<void>;
  /** Shows the paper before (or after) the one in the paper panel that has the focus; false when there is none. */
  navigatePanel(direction: 'back' | 'forward'): boolean;
  /** Opens the walkthrough. */
  getStarted(): Promise<unknown>;
}

/** The handler of every command, acting on `target`. */
export function commandHandlers(target: CommandTarget): CommandHandlers {
  const paperOf = (argument: unknown): Paper | undefined => {
    const id = paperIdFromArgument(argument);
    return id === undefined ? undefined : target.paper(id);
  };
  return {
    search: (argument) => {
      const options = typeof argument === 'string' ? { query: argument } : argument && typeof argument === 'object' ? (argument as Record<string, unknown>) : {};
      return target.search({ query: stringOrUndefined(options.query), topic: stringOrUndefined(options.topic) });
    },
    searchInTopic: (argument) => target.search({ topic: topicFromArgument(argument) }),
    searchSelection: () => target.search({ query: selectedText() }),
    openPaper: (argument) => {
      const paper = paperOf(argument);
      if (paper) return target.openPaper(paper.id);
      if (typeof argument === 'string') return target.openPaper(argument); // says that the id is unknown
      return target.search({ intent: 'open' });
    },
    insertCitation: (argument, format) => {
      const paper = paperOf(argument);
      const chosen = target.formatId(format);
      return paper ? target.inserter.insert(paper, { format: chosen }) : target.search({ intent: 'insert', format: chosen });
    },
    replaceSelectionWithCitation: (argument, format) => {
      const paper = paperOf(argument);
      const chosen = target.formatId(format);
      return paper
        ? target.inserter.insert(paper, { format: chosen, replaceSelection: true })
        : target.search({ intent: 'replace', format: chosen, query: selectedText() });
    },
    copyCitation: (argument, format) => {
      const paper = paperOf(argument);
      const chosen = target.formatId(format);
      return paper ? target.inserter.copy(paper, chosen) : target.search({ intent: 'copy', format: chosen });
    },
    revealPaper: (argument) => {
      const paper = paperOf(argument);
      return paper ? target.revealPaper(paper.id) : target.search({ intent: 'reveal' });
    },
    revealTopic: (argument) => {
      const topic = topicFromArgument(argument);
      return topic ? target.revealTopic(topic) : undefined;
    },
    changeSort: (argument) => changeSort(argument),
    reload: () => target.reload(),
    showLog: () => target.showLog(),
    clearRecentSearches: async () => {
      await target.clearRecentSearches();
      vscode.window.setStatusBarMessage('Paper Scout: recent searches cleared', 3000);
    },
    // Menus pass a URI or nothing; only a plain object is export options.
    exportBibliography: (options) => target.exportBibliography(isPlainObject(options) ? options : {}),
    // The light bulb passes the place it was asked about; the menu and the keybinding pass nothing (or a URI).
    suggestPapers: (argument) => target.suggestPapers(documentPlaceFromArgument(argument)),
    showLibraryOnly: () => target.showLibraryOnly(true),
    showAllPapers: () => target.showLibraryOnly(false),
    searchPapersForKey: (argument) => {
      const place = keyAtPlaceFromArgument(argument);
      if (!place) throw new Error('Search Papers for a key needs the key and where it stands (the quick fix of an unknown key passes them)');
      return target.searchPapersForKey(place);
    },
    ignoreCitationKey: (argument) => {
      const key = typeof argument === 'string' ? argument : isPlainObject(argument) ? (argument as Record<string, unknown>).key : undefined;
      if (typeof key !== 'string' || key.length === 0) throw new Error('Ignore Citation Key needs the key (the quick fix of an unknown key passes it)');
      return target.ignoreCitationKey(key);
    },
    panelBack: () => target.navigatePanel('back'),
    panelForward: () => target.navigatePanel('forward'),
    getStarted: () => target.getStarted(),
  };
}

/** A whole number of at least 0, or undefined. */
function index(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** `{ line, character }` as a position, or undefined. */
function positionOf(value: unknown): vscode.Position | undefined {
  if (!isPlainObject(value)) return undefined;
  const { line, character } = value as Record<string, unknown>;
  const at = { line: index(line), character: index(character) };
  return at.line !== undefined && at.character !== undefined ? new vscode.Position(at.line, at.character) : undefined;
}

/** The place a command was given as `{ uri, start, end }` (the light bulb's argument); undefined otherwise. */
export function documentPlaceFromArgument(argument: unknown): DocumentPlace | undefined {
  if (!isPlainObject(argument)) return undefined;
  const record = argument as Record<string, unknown>;
  const start = positionOf(record.start);
  const end = positionOf(record.end) ?? start;
  if (typeof record.uri !== 'string' || !start || !end) return undefined;
  return { uri: record.uri, range: new vscode.Range(start, end) };
}

/** The key and place a command was given as `{ uri, line, character, key }` (the quick fix's argument). */
export function keyAtPlaceFromArgument(argument: unknown): KeyAtPlace | undefined {
  if (!isPlainObject(argument)) return undefined;
  const record = argument as Record<string, unknown>;
  const position = positionOf(record);
  if (typeof record.uri !== 'string' || typeof record.key !== 'string' || record.key.length === 0 || !position) return undefined;
  return { uri: record.uri, position, key: record.key };
}

/**
 * The paper id a command was given: an id, a Topics tree node, or an object with `id`/`paperId` (as
 * tests and other extensions pass). Undefined when there is none.
 */
export function paperIdFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!isPlainObject(argument)) return undefined;
  const record = argument as Record<string, unknown>;
  if (record.kind === 'paper' && isPlainObject(record.paper)) return stringOrUndefined((record.paper as Record<string, unknown>).id);
  return stringOrUndefined(record.paperId ?? record.id);
}

/** The topic name a command was given: a name, a Topics tree node, or an object with `topic`. */
export function topicFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!isPlainObject(argument)) return undefined;
  const record = argument as { kind?: unknown; rule?: { name?: unknown }; topic?: unknown };
  if (record.kind === 'topic' && typeof record.rule?.name === 'string') return record.rule.name;
  return stringOrUndefined(record.topic);
}

/** Sets the sort order given, or asks for one. */
async function changeSort(argument: unknown): Promise<void> {
  let sort = SORT_ORDERS.find((order) => order === argument);
  if (!sort) {
    const current = sortBy();
    const labels: Readonly<Record<PaperSort, string>> = { date: 'Date', upvotes: 'Upvotes', title: 'Title' };
    const items = SORT_ORDERS.map((id) => ({ label: labels[id], description: `${SORT_LABELS[id]}${id === current ? ' (current)' : ''}`, id }));
    sort = (await vscode.window.showQuickPick(items, { title: 'Sort Papers By', placeHolder: 'How papers are ordered under each topic' }))?.id;
  }
  if (sort) await setSortBy(sort);
}

/** The editor's selected text (or the word at the cursor), squeezed to one line, for a search. */
function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const selection = editor.selections.find((candidate) => !candidate.isEmpty);
  const range = selection ?? editor.document.getWordRangeAtPosition(editor.selection.active);
  return range ? editor.document.getText(range).replace(/\s+/g, ' ').trim().slice(0, 200) : '';
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof vscode.Uri);
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
