/**
 * The items of the search quick pick: papers, remembered searches, the filter help, the filter
 * problems of a query, the index being made, and what to do when nothing matches.
 */
import * as vscode from 'vscode';
import { labelText, paperFacts } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import { webSearchUrls } from '../core/citations/urls';
import type { QueryProblem } from '../core/search/queryFilters';
import type { SearchResult } from '../core/search/paperIndex';
import type { IndexProgress } from '../core/store/indexService';
import type { Paper } from '../core/types';
import type { IndexProblem } from './liveSearch';
import type { AssistEntry } from './queryAssist';

/** A paper; Enter does what the search was opened for. */
export type PaperItem = vscode.QuickPickItem & { paper: Paper };
/** A non-paper item; `close` says whether choosing it closes the search. */
export type ActionItem = vscode.QuickPickItem & { action: () => unknown; close: boolean };
/** A remembered search; choosing it runs the search again. */
export type RecentItem = vscode.QuickPickItem & { recentQuery: string };
/** A filter or a filter's value; choosing it puts it into the query. */
export type AssistItem = vscode.QuickPickItem & { assist: AssistEntry };
/** A line that names the items below it. */
export type SeparatorItem = vscode.QuickPickItem & { kind: vscode.QuickPickItemKind.Separator };
/** Anything the search pick shows. */
export type Item = PaperItem | ActionItem | RecentItem | AssistItem | SeparatorItem;

/** The buttons of a paper: insert or copy its citation. */
export const INSERT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert Citation' };
export const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy Citation' };
/** The buttons of a remembered search: forget it, or forget them all. */
export const REMOVE_RECENT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Remove from Recent Searches' };
export const CLEAR_RECENT_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('clear-all'), tooltip: 'Clear Recent Searches' };

/** A separator labelled `label`. */
export function separator(label: string): SeparatorItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/** A remembered search, shown as typed. */
export function recentItem(query: string): RecentItem {
  return { label: labelText(query), iconPath: new vscode.ThemeIcon('history'), alwaysShow: true, buttons: [REMOVE_RECENT_BUTTON, CLEAR_RECENT_BUTTON], recentQuery: query };
}

/** A search result: the paper with the matched part of its abstract. */
export function resultItem(result: SearchResult): PaperItem {
  return paperItem(result.paper, result.snippet);
}

/**
 * A paper as a result: the readable title, its date (`n.d.` when unknown), upvotes and topics, and
 * `detail` (the matched part of the abstract) as readable text.
 */
export function paperItem(paper: Paper, detail: string): PaperItem {
  const facts = [paperFacts(paper, 'date'), paper.topics.join(', ')].filter(Boolean);
  return {
    label: labelText(readableText(paper.title)),
    description: labelText(facts.join(' · ')),
    detail: labelText(readableText(detail)),
    alwaysShow: true,
    buttons: [INSERT_BUTTON, COPY_BUTTON],
    paper,
  };
}

/** The filters (after `?`) or the values of `filter`, under a separator saying which. */
export function assistItems(kind: 'filters' | 'values', entries: readonly AssistEntry[], filter?: string): Item[] {
  return [
    separator(kind === 'filters' ? 'Filters' : `${filter}:`),
    ...entries.map((entry): AssistItem => ({ label: `${entry.icon ? `$(${entry.icon}) ` : ''}${labelText(entry.label)}`, description: labelText(entry.description), detail: entry.detail && labelText(entry.detail), alwaysShow: true, assist: entry })),
  ];
}

/** What in the query was not understood, one item each; choosing one replaces it with the filter list. */
export function problemItems(problems: readonly QueryProblem[], help: (problem: QueryProblem) => void): ActionItem[] {
  return problems.map((problem) => ({
    label: `$(warning) Not searched: ${labelText(problem.text)}`,
    description: 'choose to pick a filter instead',
    detail: labelText(problem.message),
    alwaysShow: true,
    action: () => help(problem),
    close: false,
  }));
}

/** The index is being made: for how many papers, how far it is; results follow once it is there. */
export function indexingItem(progress: IndexProgress): ActionItem {
  const papers = progress.papers.toLocaleString('en-US');
  return {
    label: `$(sync~spin) Indexing ${papers} papers…`,
    description: progress.percent > 0 ? `${progress.percent}% · results appear when it is done` : 'results appear when it is done',
    alwaysShow: true,
    action: () => undefined,
    close: false,
  };
}

/** Why there are no results: indexing was cancelled (choose to try again) or failed (see the log). */
export function indexProblemItems(problem: IndexProblem, retry: () => void, showLog: () => void): Item[] {
  return problem.cancelled
    ? [{ label: '$(debug-restart) Indexing Was Cancelled', description: 'choose to index the papers and search again', alwaysShow: true, action: retry, close: false }]
    : [{ label: '$(error) The Search Index Could Not Be Made', description: `${problem.message} (choose to show the log)`, alwaysShow: true, action: showLog, close: true }];
}

/** Choosing it shows the results held back where relevance fell off (see `cutAtRelevance`). */
export function moreResultsItem(count: number, showMore: () => void): ActionItem {
  return {
    label: `$(ellipsis) Show ${count} More ${count === 1 ? 'Result' : 'Results'}`,
    description: 'less relevant',
    alwaysShow: true,
    action: showMore,
    close: false,
  };
}

/**
 * Nothing matched: a row that says so (first: VS Code lists it first too, as its label holds the words typed), then what
 * can be done: clear the topic filter, search arXiv or Hugging Face Papers for the words typed (never
 * for the filters, which those sites do not know; with no words, no web search).
 */
export function noResultItems(words: string, topic: string | undefined, clearTopic: () => void): Item[] {
  const text = words.trim();
  const label = `$(info) No papers match${text ? ` "${labelText(text)}"` : ' these filters'}${topic ? ` in ${labelText(topic)}` : ''}`;
  // A row, not a separator: VS Code drops a quick pick's separators while text is typed, and there always is here.
  const items: Item[] = [{ label, alwaysShow: true, action: () => undefined, close: false }];
  if (topic) items.push({ label: '$(filter) Clear the Topic Filter', description: text ? `search all topics for "${labelText(text)}"` : 'search all topics', alwaysShow: true, action: clearTopic, close: false });
  if (text) {
    const web = webSearchUrls(text);
    items.push(
      { label: '$(link-external) Search arXiv', description: labelText(text), alwaysShow: true, action: () => vscode.env.openExternal(vscode.Uri.parse(web.arxiv)), close: true },
      { label: '$(link-external) Search Hugging Face Papers', description: labelText(text), alwaysShow: true, action: () => vscode.env.openExternal(vscode.Uri.parse(web.huggingFace)), close: true },
    );
  }
  return items;
}
