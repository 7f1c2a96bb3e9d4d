import * as vscode from 'vscode';
import type { CitationFormat } from '../core/citations/formats';
import type { PaperSort } from '../core/topics/groupByTopic';

/** Setting names, one place for the manifest's `contributes.configuration` and the code. */
export const SETTINGS = {
  section: 'paperScout',
  topics: 'paperScout.topics',
  sortBy: 'paperScout.sortBy',
  defaultFormat: 'paperScout.citation.defaultFormat',
  panelReuse: 'paperScout.panel.reuse',
  corpusSources: 'paperScout.corpus.sources',
  includeBundled: 'paperScout.corpus.includeBundled',
} as const;

const SORTS: readonly PaperSort[] = ['date', 'upvotes', 'title'];

/** The built-in per-language defaults; the setting's entries are laid over them. */
export const DEFAULT_FORMAT_BY_LANGUAGE: Readonly<Record<string, CitationFormat>> = {
  markdown: 'markdown',
  latex: 'latex',
  tex: 'latex',
  bibtex: 'bibtex',
  plaintext: 'plain',
  '*': 'comment',
};

function configuration(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS.section);
}

/** How papers are ordered under a topic. */
export function sortBy(): PaperSort {
  const value = configuration().get<string>('sortBy');
  return SORTS.includes(value as PaperSort) ? (value as PaperSort) : 'date';
}

/** Saves the sort order where it is set (workspace or folder settings), else in the user settings. */
export async function setSortBy(sort: PaperSort): Promise<void> {
  const inspected = configuration().inspect<string>('sortBy');
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await configuration().update('sortBy', sort, target);
}

/** The raw value of the user topics setting (validated by the store). */
export function userTopicsValue(): unknown {
  return configuration().get<unknown>('topics');
}

/** Whether one panel is reused for every paper (true) or each paper gets its own. */
export function reusePanel(): boolean {
  return configuration().get<boolean>('panel.reuse') !== false;
}

/**
 * The id of the citation format inserted into a document of `languageId`: the setting's entry for the
 * language, else its `*` entry, else the built-in default; `plain` with no document. Ids are built-in
 * formats or `template:<name>`; the inserter falls back to plain text for one it does not know.
 */
export function defaultFormatFor(languageId: string | undefined): string {
  const configured = configuration().get<Record<string, unknown>>('citation.defaultFormat') ?? {};
  const pick = (key: string): string | undefined => {
    const value = configured[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    return DEFAULT_FORMAT_BY_LANGUAGE[key];
  };
  if (languageId === undefined) return 'plain';
  return pick(languageId) ?? pick('*') ?? 'comment';
}

/** The user's own corpus files and folders (entries that are not strings are ignored). */
export function corpusSources(): string[] {
  const value = configuration().get<unknown>('corpus.sources');
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '') : [];
}

/** Whether the bundled papers are loaded alongside the user's own. */
export function includeBundled(): boolean {
  return configuration().get<boolean>('corpus.includeBundled') !== false;
}
