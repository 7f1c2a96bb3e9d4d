import * as vscode from 'vscode';
import type { PaperSort } from '../core/topics/groupByTopic';
import type { Paper } from '../core/types';
import type { PaperScout } from '../paperScout';
import { findFormat, type ExportBibliographyOptions } from '../citations';
import { setSortBy, SORT_LABELS, sortBy } from '../settings/settings';

/**
 * The paper a command was given: a paper id, a Topics tree node, or an object with `id`/`paperId`
 * (as tests and other extensions pass). Undefined when there is none, and the command then asks with
 * the search.
 */
export function paperFromArgument(scout: PaperScout, argument: unknown): Paper | undefined {
  if (typeof argument === 'string') return scout.store.paper(argument);
  if (argument && typeof argument === 'object') {
    const record = argument as Record<string, unknown>;
    if (record.kind === 'paper' && record.paper && typeof record.paper === 'object') {
      const id = (record.paper as Record<string, unknown>).id;
      return typeof id === 'string' ? scout.store.paper(id) : undefined;
    }
    const id = record.paperId ?? record.id;
    if (typeof id === 'string') return scout.store.paper(id);
  }
  return undefined;
}

function topicFromArgument(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (argument && typeof argument === 'object') {
    const record = argument as { kind?: unknown; rule?: { name?: unknown }; topic?: unknown };
    if (record.kind === 'topic' && typeof record.rule?.name === 'string') return record.rule.name;
    if (typeof record.topic === 'string') return record.topic;
  }
  return undefined;
}

/** A format id given to a command (`bibtex`, `template:Short`), if it names a format on offer. */
function formatArgument(argument: unknown): string | undefined {
  return typeof argument === 'string' ? findFormat(argument)?.id : undefined;
}

/** The editor's selected text, squeezed to one line, for a search. */
function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const selection = editor.selections.find((candidate) => !candidate.isEmpty);
  const range = selection ?? editor.document.getWordRangeAtPosition(editor.selection.active);
  return range ? editor.document.getText(range).replace(/\s+/g, ' ').trim().slice(0, 200) : '';
}

/** Commands run from menus get a URI or nothing as their argument; only a plain object is export options. */
function isExportOptions(value: unknown): value is ExportBibliographyOptions {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}

/** Registers every Paper Scout command. */
export function registerCommands(scout: PaperScout): vscode.Disposable[] {
  const register = (id: string, run: (...args: unknown[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        scout.log.error(`${id} failed: ${error instanceof Error ? error.stack ?? message : message}`);
        void vscode.window.showErrorMessage(`Paper Scout: ${message}`, 'Show Log').then((choice) => { if (choice) scout.log.show(); });
        return undefined;
      }
    });

  return [
    register('paperScout.search', (argument) => {
      const options = typeof argument === 'string' ? { query: argument } : (argument && typeof argument === 'object' ? argument as { query?: string; topic?: string } : {});
      return scout.search({ query: typeof options.query === 'string' ? options.query : undefined, topic: typeof options.topic === 'string' ? options.topic : undefined });
    }),
    register('paperScout.searchInTopic', (argument) => scout.search({ topic: topicFromArgument(argument) })),
    register('paperScout.searchSelection', () => scout.search({ query: selectedText() })),
    register('paperScout.openPaper', (argument) => {
      const paper = paperFromArgument(scout, argument);
      if (paper) return scout.openPaper(paper.id);
      if (typeof argument === 'string') return scout.openPaper(argument); // says that the id is unknown
      return scout.search({ intent: 'open' });
    }),
    register('paperScout.insertCitation', (argument, format) => {
      const paper = paperFromArgument(scout, argument);
      const chosen = formatArgument(format);
      return paper ? scout.insertCitation(paper, { format: chosen }) : scout.search({ intent: 'insert', format: chosen });
    }),
    register('paperScout.replaceSelectionWithCitation', (argument, format) => {
      const paper = paperFromArgument(scout, argument);
      const chosen = formatArgument(format);
      return paper
        ? scout.insertCitation(paper, { format: chosen, replaceSelection: true })
        : scout.search({ intent: 'replace', format: chosen, query: selectedText() });
    }),
    register('paperScout.copyCitation', (argument, format) => {
      const paper = paperFromArgument(scout, argument);
      const chosen = formatArgument(format);
      return paper ? scout.citations.copy(paper, chosen) : scout.search({ intent: 'copy', format: chosen });
    }),
    register('paperScout.revealPaper', (argument) => {
      const paper = paperFromArgument(scout, argument);
      return paper ? scout.revealPaper(paper.id) : scout.search({ intent: 'reveal' });
    }),
    register('paperScout.revealTopic', (argument) => {
      const topic = topicFromArgument(argument);
      return topic ? scout.revealTopic(topic) : undefined;
    }),
    register('paperScout.changeSort', async (argument) => {
      let sort = typeof argument === 'string' && argument in SORT_LABELS ? (argument as PaperSort) : undefined;
      if (!sort) {
        const current = sortBy();
        const items = (Object.keys(SORT_LABELS) as PaperSort[]).map((id) => ({
          label: { date: 'Date', upvotes: 'Upvotes', title: 'Title' }[id],
          description: `${SORT_LABELS[id]}${id === current ? ' (current)' : ''}`,
          id,
        }));
        sort = (await vscode.window.showQuickPick(items, { title: 'Sort Papers By', placeHolder: 'How papers are ordered under each topic' }))?.id;
      }
      if (sort) await setSortBy(sort);
    }),
    register('paperScout.reload', () => scout.load()),
    register('paperScout.showLog', () => scout.log.show()),
    register('paperScout.clearRecentSearches', async () => {
      await scout.recentSearches.clear();
      vscode.window.setStatusBarMessage('Paper Scout: recent searches cleared', 3000);
    }),
    register('paperScout.exportBibliography', (options) => scout.citations.exportBibliography(isExportOptions(options) ? options : {})),
  ];
}
