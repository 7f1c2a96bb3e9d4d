import * as vscode from 'vscode';
import { clipAtWord, paperFacts } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import { webSearchUrls } from '../core/citations/urls';
import { comparePapers } from '../core/topics/groupByTopic';
import type { SearchResult } from '../core/search/paperIndex';
import type { Paper } from '../core/types';
import type { PaperStore } from '../core/store/paperStore';
import { LiveSearch, type IndexProblem } from './liveSearch';

/** What Enter does with the chosen paper, and how the quick pick says so. */
export interface SearchPickOptions {
  /** Text to start with (the editor selection). */
  query?: string;
  /** Only papers in this topic. */
  topic?: string;
  title?: string;
  /** Called with the paper the user accepts. */
  onAccept(paper: Paper): unknown;
  onInsert(paper: Paper): unknown;
  onCopy(paper: Paper): unknown;
  /** The remembered searches: offered before anything is typed, added to when a result is used. */
  recent?: RecentSearchList;
  /** Shows the log (offered when the index could not be made). */
  showLog(): void;
  /** Called whenever the pick shows new items (for the test hooks). */
  onDidShowItems?(shown: SearchItemsShown): void;
}

/** The items a search pick put on show: for the query typed ('' before anything is), how many. */
export interface SearchItemsShown {
  query: string;
  items: number;
}

/** Where the search keeps the queries whose results were used (src/state/recentSearches.ts). */
export interface RecentSearchList {
  /** Newest first. */
  list(): readonly string[];
  add(query: string): Promise<unknown>;
  remove(query: string): Promise<unknown>;
  clear(): Promise<unknown>;
}

type PaperItem = vscode.QuickPickItem & { paper: Paper };
/** A non-paper item; `close` says whether choosing it closes the search. */
type ActionItem = vscode.QuickPickItem & { action: () => unknown; close: boolean };
/** A remembered search; choosing it runs the search again. */
type RecentItem = vscode.QuickPickItem & { recentQuery: string };
type SeparatorItem = vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator };
type Item = PaperItem | ActionItem | RecentItem | SeparatorItem;

const RESULT_LIMIT = 50;
/** How much of the abstract a paper listed before anything is typed shows (one line of the pick). */
const ABSTRACT_DETAIL = 240;
const DEBOUNCE_MS = 25;
const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert Citation' };
const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy Citation' };
const FILTER_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: 'Filter by Topic' };
const CLEAR_FILTER_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter-filled'), tooltip: 'Clear Topic Filter' };
const REMOVE_RECENT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Remove from Recent Searches' };
const CLEAR_RECENT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('clear-all'), tooltip: 'Clear Recent Searches' };

/**
 * The live paper search: a quick pick whose items are replaced on every keystroke by the index's
 * ranking (shown as ranked: VS Code must not filter or sort them again). Resolves when it closes.
 */
export function showSearchPick(store: PaperStore, options: SearchPickOptions): Promise<void> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  try {
    // Keep the index's order: VS Code otherwise moves items whose labels match the text to the top.
    // Finalized in recent builds; older ones guard it as a proposed API and throw.
    (pick as { sortByLabel?: boolean }).sortByLabel = false;
  } catch { /* older VS Code: ranking may be regrouped by label matches */ }
  withoutLabelHighlights(pick);
  pick.placeholder = 'Search papers by title, abstract, topic or citation key';
  let topic = options.topic;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The query whose results are on show ('' for the newest papers). */
  let shownQuery = '';
  /** Remembers the query when one of its results is used. */
  const remember = (): void => {
    if (shownQuery) void options.recent?.add(shownQuery);
  };

  const updateChrome = (): void => {
    pick.title = `${options.title ?? 'Search Papers'}${topic ? ` in ${topic}` : ''}`;
    pick.buttons = [topic ? CLEAR_FILTER_BUTTON : FILTER_BUTTON];
  };

  /** Puts `items` on show for `query` and says so. */
  const show = (query: string, items: Item[]): void => {
    pick.items = items;
    options.onDidShowItems?.({ query, items: items.length });
  };

  const live = new LiveSearch(store.index, {
    setBusy: (busy) => { pick.busy = busy; },
    showResults: (query, results) => {
      shownQuery = query;
      show(query, results.length > 0 ? results.map(resultItem) : noResultItems(query, topic, () => { topic = undefined; updateChrome(); void update(); }));
    },
    showIndexProblem: (query, problem) => {
      shownQuery = '';
      show(query, indexProblemItems(problem, () => void update(), options.showLog));
    },
  });

  const update = async (): Promise<void> => {
    const query = pick.value;
    if (!query.trim()) {
      live.cancel();
      shownQuery = '';
      show('', initialItems(store, topic, options.recent?.list() ?? []));
      return;
    }
    await live.search(query, { limit: RESULT_LIMIT, topic });
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), DEBOUNCE_MS);
  };

  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [
      pick.onDidChangeValue(schedule),
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (!item) return;
        if ('paper' in item) {
          remember();
          pick.hide();
          void options.onAccept(item.paper);
        } else if ('recentQuery' in item) {
          pick.value = item.recentQuery;
          schedule();
        } else if ('action' in item) {
          if (item.close) pick.hide();
          void item.action();
        }
      }),
      pick.onDidTriggerItemButton(async ({ item, button }) => {
        if ('recentQuery' in item) {
          if (button === REMOVE_RECENT_BUTTON) await options.recent?.remove(item.recentQuery);
          else if (button === CLEAR_RECENT_BUTTON) await options.recent?.clear();
          if (!pick.value.trim()) void update();
          return;
        }
        if (!('paper' in item)) return;
        if (button === INSERT_BUTTON) {
          remember();
          pick.hide();
          void options.onInsert(item.paper);
        } else if (button === COPY_BUTTON) {
          remember();
          void options.onCopy(item.paper);
        }
      }),
      pick.onDidTriggerButton(async (button) => {
        if (button === CLEAR_FILTER_BUTTON) {
          topic = undefined;
        } else {
          const chosen = await pickTopic(store);
          pick.show(); // the topic picker hid the search; bring it back with its text
          if (chosen) topic = chosen;
        }
        updateChrome();
        void update();
      }),
      pick.onDidHide(() => {
        // A nested topic picker hides the search for a moment; only a real close ends it.
        setTimeout(() => {
          if (pickingTopic) return;
          if (timer) clearTimeout(timer);
          for (const disposable of disposables) disposable.dispose();
          pick.dispose();
          resolve();
        }, 0);
      }),
    ];
    updateChrome();
    pick.value = options.query ?? '';
    pick.show();
    void update();
  });
}

let pickingTopic = false;

/** Asks for a topic to filter by. */
async function pickTopic(store: PaperStore): Promise<string | undefined> {
  pickingTopic = true;
  try {
    const counts = new Map<string, number>();
    for (const paper of store.papers) for (const topic of paper.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    const items = store.rules.map((rule) => ({ label: `$(${rule.icon || 'tag'}) ${rule.name}`, description: String(counts.get(rule.name) ?? 0), name: rule.name }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Filter Papers by Topic', placeHolder: 'Topic' });
    return picked?.name;
  } finally {
    setTimeout(() => { pickingTopic = false; }, 50);
  }
}

/**
 * Before anything is typed: the recent searches, then the newest papers, so the pick is useful (and
 * instant) at once.
 */
function initialItems(store: PaperStore, topic: string | undefined, recent: readonly string[]): Item[] {
  const papers = store.papers.filter((paper) => !topic || paper.topics.includes(topic));
  const newest = [...papers].sort(comparePapers('date')).slice(0, RESULT_LIMIT).map((paper) => paperItem(paper, clipAtWord(paper.abstract, ABSTRACT_DETAIL)));
  if (recent.length === 0) return newest;
  return [
    separator('Recent searches'),
    ...recent.map(recentItem),
    ...(newest.length > 0 ? [separator('Newest papers'), ...newest] : []),
  ];
}

function separator(label: string): SeparatorItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

function recentItem(query: string): RecentItem {
  return {
    // `$(name)` in a label is an icon; a query is shown as typed.
    label: query.replace(/\$\(/g, '\\$('),
    iconPath: new vscode.ThemeIcon('history'),
    alwaysShow: true,
    buttons: [REMOVE_RECENT_BUTTON, CLEAR_RECENT_BUTTON],
    recentQuery: query,
  };
}

function resultItem(result: SearchResult): Item {
  return paperItem(result.paper, result.snippet);
}

/**
 * Turns off VS Code's own highlighting of the typed text in the labels: it matches the query letter by
 * letter anywhere in a title ("FRU**GAL**: … **O**ptimization by **Re**ducing"), which says nothing
 * about why Paper Scout ranked the paper. The API has neither `matchOnLabel` (microsoft/vscode#83425)
 * nor item highlights (#83424); the extension host's quick pick sends every property given to its
 * `update` to the workbench's quick pick, which has `matchOnLabel`. With it off (and sorting and the
 * other matching off already) the workbench neither filters nor highlights. Where `update` is missing,
 * nothing changes and VS Code highlights as before; the UI test checks the labels stay plain.
 */
function withoutLabelHighlights(pick: vscode.QuickPick<Item>): void {
  const internal = pick as unknown as { update?: (properties: Record<string, unknown>) => void };
  if (typeof internal.update === 'function') internal.update({ matchOnLabel: false });
}

/**
 * A paper as a result: the readable title, its date (`n.d.` when unknown), upvotes and topics, and
 * `detail` (the matched part of the abstract) as readable text.
 */
function paperItem(paper: Paper, detail: string): PaperItem {
  const facts = [paperFacts(paper, 'date'), paper.topics.join(', ')].filter(Boolean);
  return {
    label: readableText(paper.title),
    description: facts.join(' · '),
    detail: readableText(detail),
    alwaysShow: true,
    buttons: [INSERT_BUTTON, COPY_BUTTON],
    paper,
  };
}

/** Why there are no results: indexing was cancelled (choose to try again) or failed (see the log). */
function indexProblemItems(problem: IndexProblem, retry: () => void, showLog: () => void): Item[] {
  return problem.cancelled
    ? [{ label: '$(debug-restart) Indexing Was Cancelled', description: 'choose to index the papers and search again', alwaysShow: true, action: retry, close: false }]
    : [{ label: '$(error) The Search Index Could Not Be Made', description: `${problem.message} (choose to show the log)`, alwaysShow: true, action: showLog, close: true }];
}

function noResultItems(query: string, topic: string | undefined, clearTopic: () => void): Item[] {
  const words = query.trim();
  const web = webSearchUrls(words);
  const items: Item[] = [
    { label: '$(info) No papers match', description: topic ? `"${words}" in ${topic}` : `"${words}"`, alwaysShow: true, action: () => undefined, close: false },
  ];
  if (topic) items.push({ label: '$(filter) Clear the Topic Filter', description: `search all topics for "${words}"`, alwaysShow: true, action: clearTopic, close: false });
  items.push(
    { label: '$(link-external) Search arXiv', description: words, alwaysShow: true, action: () => vscode.env.openExternal(vscode.Uri.parse(web.arxiv)), close: true },
    { label: '$(link-external) Search Hugging Face Papers', description: words, alwaysShow: true, action: () => vscode.env.openExternal(vscode.Uri.parse(web.huggingFace)), close: true },
  );
  return items;
}
