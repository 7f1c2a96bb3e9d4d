/**
 * Papers as completion items where a citation goes: after `[@` (or `@` and the start of a key) in
 * Markdown (pandoc), in the braces of `\cite{`, `\citep{`, `\parencite{`, ... in LaTeX, and after the
 * comment trigger (`@cite:`) in a code comment; nowhere else. Each row: the key, with a readable label
 * (short title, year, first author where known); detail: title and year; documentation: an abstract
 * excerpt (resolved lazily). With nothing typed yet the papers about the passage come first; once
 * something is typed the search engine's `complete()` ranks the papers (keys, short names and title
 * words all match), at most 50, best first, one row each, and the list is marked incomplete so VS Code
 * asks again as typing goes on.
 */
import * as vscode from 'vscode';
import type { SearchEngine } from '../core/store/indexService';
import type { Paper } from '../core/types';
import { commentCitationAt } from '../core/citations/commentContext';
import { citationContextAt, type CitationContext } from './citationContext';
import { passageSortText } from './completionOrder';
import { pandocKey } from '../core/citations/formats';
import { findFormat } from './formatRegistry';
import { completionDetail, completionDocumentation, completionFilterText, completionLabel } from './paperCard';
import { firstInOrder } from '../core/firstInOrder';
import type { PaperKeys } from './paperKeys';
import { commentFormat, commentTrigger, completionEnabled } from '../settings/settings';

/** A completion item that remembers its paper, so its documentation can be filled in on resolve. */
class PaperCompletionItem extends vscode.CompletionItem {
  constructor(readonly paper: Paper) {
    super(completionLabel(paper), vscode.CompletionItemKind.Reference);
  }
}

/** The search index as completion needs it (the store's `IndexService` is one). */
export interface CompletionIndex {
  current(): SearchEngine | undefined;
  ready(): Promise<SearchEngine>;
}

/** At most this many papers are offered at a time; the list is asked for again as the key grows. */
const COMPLETION_LIMIT = 50;
/** How long completion waits for an index being made before it offers the papers whose key starts with what was typed. */
const INDEX_WAIT_MS = 300;

/** The library files (URI strings) a document declares as its bibliographies: their keys come first. */
export type DocumentBibliographies = (document: vscode.TextDocument) => readonly string[];

/**
 * Offers the store's papers as citation completions. Every list is marked incomplete, so VS Code asks
 * again with each character typed and the engine ranks the whole key as it grows (`[@qlora` typed in
 * one go finds `lqlora`, which VS Code's own filter of an earlier list would have dropped).
 */
export class CitationCompletionProvider implements vscode.CompletionItemProvider<PaperCompletionItem> {
  /**
   * `index`: ranks papers by what is typed, or by the passage around the cursor when nothing is typed
   * yet; `bibliographies`: the papers of the bibliographies a document declares come before the rest.
   */
  constructor(private readonly papers: PaperKeys, private readonly index?: CompletionIndex, private readonly bibliographies?: DocumentBibliographies) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<vscode.CompletionList<PaperCompletionItem> | undefined> {
    if (!completionEnabled(document)) return undefined;
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    const context = citationContextAt(linePrefix, document.languageId, commentTrigger());
    if (!context) return undefined;
    if (context.kind === 'pandoc' && insideFencedCode(document, position.line)) return undefined;
    let papers = this.papers.papers;
    if (papers.length === 0) {
      // The first citation typed in a window may come before the papers were read: they are read now.
      await this.papers.whenLoaded();
      if (token?.isCancellationRequested) return undefined;
      papers = this.papers.papers;
    }
    if (papers.length === 0) return undefined;
    const insert = inserter(context, linePrefix, document.languageId);
    if (!insert) return undefined;
    const range = new vscode.Range(position.line, insert.start, position.line, position.character);
    const typed = (context.kind === 'pandoc' && !context.bracketed ? context.typed.slice(1) : context.typed).trim();
    const declared = new Set(this.bibliographies?.(document) ?? []);
    const ownFirst = (paper: Paper): boolean => (paper.library ?? []).some((record) => declared.has(record.location));
    const ranked = typed ? await this.rankedPapers(typed, papers) : await this.passagePapers(document, position, papers, declared.size > 0 ? ownFirst : undefined);
    if (token?.isCancellationRequested) return undefined;
    // The document's own bibliography first, each part in the engine's order.
    const ordered = declared.size > 0 ? [...ranked.filter(ownFirst), ...ranked.filter((paper) => !ownFirst(paper))] : ranked;
    return rankedList(ordered, linePrefix.slice(insert.start), insert, range);
  }

  /**
   * The papers for `typed`, best first: from the engine's `complete()`; while the index is still being
   * made (a large corpus), the papers whose key starts with what was typed.
   */
  private async rankedPapers(typed: string, papers: readonly Paper[]): Promise<Paper[]> {
    const engine = this.index ? this.index.current() ?? (await readyWithin(this.index, INDEX_WAIT_MS)) : undefined;
    if (engine) {
      try {
        return (await engine.complete(typed, COMPLETION_LIMIT)).map((result) => result.paper);
      } catch { /* the engine went away (the papers changed): fall back to the keys */ }
    }
    const lower = typed.toLowerCase();
    const found: Paper[] = [];
    for (const paper of papers) {
      if (found.length >= COMPLETION_LIMIT) break;
      if (paper.key.toLowerCase().startsWith(lower) || paper.aliases?.some((alias) => alias.startsWith(lower))) found.push(paper);
    }
    return found;
  }

  /**
   * With nothing typed yet: the papers about the passage around the cursor first, then the others,
   * the keys it cites already last; the store's first papers while the index is being made. With
   * `ownFirst`, the papers of the document's own bibliography come before all others.
   */
  private async passagePapers(document: vscode.TextDocument, position: vscode.Position, papers: readonly Paper[], ownFirst?: (paper: Paper) => boolean): Promise<Paper[]> {
    const sortText = this.index ? await passageSortText(document, position, papers, this.index) : undefined;
    if (!sortText && !ownFirst) return papers.slice(0, COMPLETION_LIMIT);
    const own = (paper: Paper): number => (ownFirst?.(paper) ? 0 : 1);
    return firstInOrder(papers, (a, b) => own(a) - own(b) || (sortText ? sortText(a).localeCompare(sortText(b)) : 0), COMPLETION_LIMIT);
  }

  resolveCompletionItem(item: PaperCompletionItem): PaperCompletionItem {
    const documentation = new vscode.MarkdownString(completionDocumentation(item.paper));
    documentation.isTrusted = false;
    documentation.supportHtml = false;
    item.documentation = documentation;
    return item;
  }
}

/**
 * Ranked papers as an incomplete list in their order, one row per paper: `sortText` numbers them, and
 * `filterText` starts with exactly the text they replace, so VS Code's own filter scores every item
 * alike and keeps them all (a title-word match would otherwise be dropped or sorted down), then the key
 * and title follow for its filtering of the next keystroke until the list is asked for again.
 */
function rankedList(papers: readonly Paper[], replaced: string, insert: Inserter, range: vscode.Range): vscode.CompletionList<PaperCompletionItem> {
  const width = String(papers.length).length;
  const seen = new Set<string>();
  const items: PaperCompletionItem[] = [];
  for (const paper of papers) {
    if (seen.has(paper.id)) continue;
    seen.add(paper.id);
    // One paper whose text cannot be rendered is left out of the list; the others are still offered.
    try {
      const item = new PaperCompletionItem(paper);
      item.detail = completionDetail(paper);
      item.sortText = String(items.length).padStart(width, '0');
      item.filterText = `${replaced} ${completionFilterText(paper, insert.filterPrefix)}`;
      item.insertText = insert.text(paper);
      item.range = range;
      items.push(item);
    } catch { /* left out */ }
  }
  if (items.length > 0) items[0].preselect = true;
  return new vscode.CompletionList(items, true);
}

/** The index when it is made within `ms`; undefined when it is not there by then (it goes on being made). */
function readyWithin(index: CompletionIndex, ms: number): Promise<SearchEngine | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    index.ready().then((engine) => { clearTimeout(timer); resolve(engine); }, () => { clearTimeout(timer); resolve(undefined); });
  });
}

/** Where an item's text starts, what it inserts, and what precedes the key in the replaced text. */
interface Inserter {
  start: number;
  filterPrefix: string;
  text(paper: Paper): string;
}

/**
 * What completing in `context` (found in `linePrefix`, the line up to the cursor, of a document in
 * `languageId`) inserts: the key, `[@key]`, or the comment format chosen in the settings.
 */
function inserter(context: CitationContext, linePrefix: string, languageId: string): Inserter | undefined {
  switch (context.kind) {
    case 'latex':
      return { start: context.start, filterPrefix: '', text: (paper) => paper.key };
    case 'pandoc':
      return context.bracketed
        ? { start: context.start, filterPrefix: '', text: (paper) => paper.key }
        : { start: context.start, filterPrefix: '@', text: (paper) => `[${pandocKey(paper.key)}]` };
    case 'comment': {
      const formatId = commentFormat();
      if (formatId === 'key') return { start: context.start, filterPrefix: '', text: (paper) => paper.key };
      const format = findFormat(formatId);
      if (!format) return { start: context.start, filterPrefix: '', text: (paper) => paper.key };
      // The citation replaces the trigger and joins the comment it is in: one line, no second marker.
      return {
        start: context.triggerStart,
        filterPrefix: commentTrigger(),
        text: (paper) => commentCitationAt(format.render(paper), languageId, linePrefix.slice(0, context.triggerStart)).text,
      };
    }
  }
}

/** True when `line` is inside a fenced code block (``` or ~~~) of a Markdown document. */
function insideFencedCode(document: vscode.TextDocument, line: number): boolean {
  let fence: string | null = null;
  // Documents with more lines than this are checked only near the cursor.
  for (let index = Math.max(0, line - 5000); index < line; index++) {
    const match = /^\s{0,3}(`{3,}|~{3,})/.exec(document.lineAt(index).text);
    if (!match) continue;
    if (fence === null) fence = match[1];
    else if (match[1][0] === fence[0] && match[1].length >= fence.length) fence = null;
  }
  return fence !== null;
}

/** The characters that open the completion list by themselves: `@`, `{`, `,` and the trigger's last one. */
export function triggerCharacters(trigger: string): string[] {
  const characters = new Set(['@', '{', ',']);
  const last = trigger.trim().slice(-1);
  if (last) characters.add(last);
  return [...characters];
}
