import * as vscode from 'vscode';
import { clipAtWord, labelText } from '../core/citations/displayText';
import { Debouncer } from '../core/debounce';
import { firstInOrder } from '../core/firstInOrder';
import { comparePapers } from '../core/paperOrder';
import { parseQuery, type QueryProblem } from '../core/search/queryFilters';
import type { SearchOutcome } from '../core/search/paperIndex';
import { cutAtRelevance } from '../core/search/relevanceCutoff';
import type { Paper } from '../core/types';
import type { PaperStore } from '../core/store/paperStore';
import { LiveSearch } from './liveSearch';
import { watchQuickPick } from './openQuickPick';
import { PickWork } from './pickWork';
import { describeFilters, queryAssist, replaceWithHelp, type TopicChoice } from './queryAssist';
import {
  assistItems, CLEAR_RECENT_BUTTON, COPY_BUTTON, indexingItem, indexProblemItems, INSERT_BUTTON, type Item, moreResultsItem,
  noResultItems, paperItem, problemItems, recentItem, REMOVE_RECENT_BUTTON, resultItem, separator,
} from './searchItems';

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
  /** Called once the pick is open, with a way to type into it (for the test hooks). */
  onDidOpen?(pick: OpenSearchPick): void;
  /** Whether Enter on a paper inserts it (`onAccept` inserts), so `focusInsertTarget` runs first. */
  acceptInserts?: boolean;
  /**
   * For a choice that inserts (Enter when `acceptInserts`, the Insert button): gives the editor the
   * citation goes into the focus while the pick is still open. The pick then closes because it lost
   * the focus, and gives it back to nothing. Closed by `hide()` instead, it gives the focus back to what
   * was behind it, and when that is a webview (the paper panel) the webview takes it a moment later,
   * after the insert had focused the editor: the writer's cursor was left in the panel.
   */
  focusInsertTarget?: () => PromiseLike<unknown>;
}

/** What a search pick put on show, for the query typed ('' before anything is). */
export interface SearchItemsShown {
  query: string;
  /** How many items. */
  items: number;
  /** What they are: the first papers and recent searches, results, filter help, a filter's values, the index being made, or why there are none. */
  kind: 'initial' | 'results' | 'filters' | 'values' | 'indexing' | 'problem';
  /** The items' labels, in order (separators left out). */
  labels: string[];
  /** The separators' labels, in order (lines that name what follows, or say that nothing matched). */
  separators: string[];
  /** The pick's title. */
  title: string;
}

/** An open search pick as the test hooks drive it. */
export interface OpenSearchPick {
  /** Sets the text as typing it would. */
  type(value: string): void;
  readonly value: string;
}

/** Where the search keeps the queries whose results were used (src/storage/recentSearches.ts). */
export interface RecentSearchList {
  /** Newest first. */
  list(): readonly string[];
  add(query: string): Promise<unknown>;
  remove(query: string): Promise<unknown>;
  clear(): Promise<unknown>;
}

const RESULT_LIMIT = 50;
/** How much of the abstract a paper listed before anything is typed shows (one line of the pick). */
const ABSTRACT_DETAIL = 240;
/** The quiet time after a keystroke before the query is searched, and the longest typing may put it off. */
const DEBOUNCE_MS = 25;
const DEBOUNCE_MAX_WAIT_MS = 150;
const FILTER_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: 'Filter by Topic' };
const CLEAR_FILTER_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter-filled'), tooltip: 'Clear Topic Filter' };
const PLACEHOLDER = 'Search papers by title, abstract, topic or key; type ? for filters (topic:, year:, after:, sort:, ...)';

/**
 * The live paper search: a quick pick whose items are replaced on every keystroke by the index's
 * ranking, with filters typed into the query (`?` lists them). Resolves when it closes. Every item is
 * `alwaysShow`, so VS Code hides none; as for any quick pick (the public API cannot turn it off), VS Code
 * highlights the typed text in the titles and lists the papers whose title holds it first, the rest
 * after them in the index's order.
 */
export function showSearchPick(store: PaperStore, options: SearchPickOptions): Promise<void> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.placeholder = PLACEHOLDER;
  let topic = options.topic;
  /** The query whose results are on show ('' for the newest papers). */
  let shownQuery = '';
  /** Remembers the query when one of its results is used. */
  const remember = (): void => {
    if (shownQuery) void options.recent?.add(shownQuery);
  };

  const updateChrome = (filters = ''): void => {
    pick.title = `${options.title ?? 'Search Papers'}${topic ? ` in ${topic}` : ''}${filters ? ` · ${filters}` : ''}`;
    pick.buttons = [topic ? CLEAR_FILTER_BUTTON : FILTER_BUTTON];
  };

  /** What the results on show are (query, topic, papers, problems), to leave them be when the same come again. */
  let shownOutcome = '';
  /** Puts `items` on show for `query` and says so. */
  const show = (query: string, kind: SearchItemsShown['kind'], items: Item[]): void => {
    pick.items = items;
    shownOutcome = '';
    const isSeparator = (item: Item): boolean => item.kind === vscode.QuickPickItemKind.Separator;
    const labels = items.filter((item) => !isSeparator(item)).map((item) => item.label);
    const separators = items.filter(isSeparator).map((item) => item.label);
    options.onDidShowItems?.({ query, items: labels.length, kind, labels, separators, title: pick.title ?? '' });
  };

  const retype = (value: string): void => {
    pick.value = value;
    schedule();
  };
  const helpFor = (problem: QueryProblem): void => retype(replaceWithHelp(pick.value, problem.text));

  /** The query whose held-back results the user asked to see. */
  let expandedQuery: string | undefined;
  const showOutcome = (query: string, outcome: SearchOutcome): void => {
    // The same answer again (the value echoed back, the index remade) keeps the row the user moved to.
    const expanded = expandedQuery === query;
    const same = JSON.stringify([query, topic, expanded, outcome.results.map((result) => result.paper.id), outcome.problems.map((problem) => problem.text)]);
    if (same === shownOutcome && pick.items.length > 0) return;
    shownQuery = outcome.results.length > 0 ? query : '';
    updateChrome(describeFilters(outcome.filters, outcome.problems));
    const problems = problemItems(outcome.problems, helpFor);
    // The list ends where relevance falls off; the rest is one choice away.
    const { shown, more } = expanded ? { shown: outcome.results, more: [] } : cutAtRelevance(outcome.results);
    const papers = shown.map(resultItem);
    const showMore = (): void => {
      expandedQuery = query;
      showOutcome(query, outcome);
      const first = pick.items.find((item) => 'paper' in item && item.paper.id === more[0]?.paper.id);
      if (first) pick.activeItems = [first];
    };
    const withMore = more.length > 0 ? [...papers, moreResultsItem(more.length, showMore)] : papers;
    const words = parseQuery(query).text.trim();
    const results = papers.length > 0 || problems.length > 0 ? withMore : noResultItems(words, topic, () => { topic = undefined; updateChrome(); void update(); });
    show(query, 'results', problems.length > 0 && results.length > 0 ? [...problems, separator('Papers'), ...results] : [...problems, ...results]);
    shownOutcome = same;
    // The problems stay in sight above the papers, but Enter takes the first paper.
    if (problems.length > 0 && papers.length > 0) pick.activeItems = [papers[0]];
  };

  const live = new LiveSearch(store.index, {
    setBusy: (busy) => { pick.busy = busy; },
    showIndexing: (query, progress) => {
      shownQuery = '';
      show(query, 'indexing', [indexingItem(progress)]);
    },
    showResults: showOutcome,
    showIndexProblem: (query, problem) => {
      shownQuery = '';
      show(query, 'problem', indexProblemItems(problem, () => void update(), () => { options.showLog(); }));
    },
  });

  const update = async (): Promise<void> => {
    const query = pick.value;
    if (!query.trim()) {
      live.cancel();
      shownQuery = '';
      updateChrome();
      show('', 'initial', initialItems(store, topic, options.recent?.list() ?? []));
      return;
    }
    const assist = queryAssist(query, () => topicChoices(store));
    if (assist.kind !== 'search') {
      live.cancel();
      shownQuery = '';
      show(query, assist.kind, assistItems(assist.kind, assist.entries, assist.kind === 'values' ? assist.filter : undefined));
      return;
    }
    await live.search(query, { limit: RESULT_LIMIT, topic });
  };

  const typing = new Debouncer(() => void update(), DEBOUNCE_MS, DEBOUNCE_MAX_WAIT_MS);
  const schedule = (): void => typing.trigger();

  /** What the items' choices started: the search settles once it has. */
  const work = new PickWork(new Promise<void>((resolve) => { const once = pick.onDidHide(() => { once.dispose(); resolve(); }); }));

  /** Closes the pick and runs `action` once it has closed; an insert's editor gets the focus first (see `focusInsertTarget`). */
  const closeAndRun = (action: () => unknown, inserts: boolean): void => {
    const focusTarget = inserts ? options.focusInsertTarget : undefined;
    if (focusTarget) {
      work.run(async () => {
        try {
          await focusTarget();
        } finally {
          pick.hide(); // when no editor took the focus, the pick is still open
        }
      });
    } else {
      pick.hide();
    }
    work.runOnceHidden(action);
  };

  return new Promise((resolve, reject) => {
    const disposables: vscode.Disposable[] = [
      live,
      pick.onDidChangeValue(schedule),
      watchQuickPick(pick),
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (!item) return;
        if ('paper' in item) {
          remember();
          closeAndRun(() => options.onAccept(item.paper), options.acceptInserts === true);
        } else if ('recentQuery' in item) {
          retype(item.recentQuery);
        } else if ('assist' in item) {
          retype(item.assist.query);
        } else if ('action' in item) {
          if (item.close) {
            pick.hide();
            work.runOnceHidden(() => item.action());
          } else {
            work.run(() => item.action());
          }
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
          closeAndRun(() => options.onInsert(item.paper), true);
        } else if (button === COPY_BUTTON) {
          remember();
          work.run(() => options.onCopy(item.paper));
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
          typing.dispose();
          for (const disposable of disposables) disposable.dispose();
          pick.dispose();
          work.settled().then(resolve, reject);
        }, 0);
      }),
    ];
    updateChrome();
    pick.value = options.query ?? '';
    pick.show();
    options.onDidOpen?.({
      type: retype,
      get value() { return pick.value; },
    });
    void update();
  });
}

let pickingTopic = false;

/** The topics in force, with their icons and paper counts. */
function topicChoices(store: PaperStore): TopicChoice[] {
  const counts = new Map<string, number>();
  for (const paper of store.papers) for (const topic of paper.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return store.rules.map((rule) => ({ name: rule.name, icon: rule.icon, papers: counts.get(rule.name) ?? 0 }));
}

/** Asks for a topic to filter by. */
async function pickTopic(store: PaperStore): Promise<string | undefined> {
  pickingTopic = true;
  try {
    const items = topicChoices(store).map((topic) => ({ label: `$(${topic.icon || 'tag'}) ${labelText(topic.name)}`, description: String(topic.papers), name: topic.name }));
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
  const newest = firstInOrder(store.papers, comparePapers('date'), RESULT_LIMIT, (paper) => !topic || paper.topics.includes(topic)).map((paper) => paperItem(paper, clipAtWord(paper.abstract, ABSTRACT_DETAIL)));
  if (recent.length === 0) return newest;
  return [
    separator('Recent searches'),
    ...recent.map(recentItem),
    ...(newest.length > 0 ? [separator('Newest papers'), ...newest] : []),
  ];
}
