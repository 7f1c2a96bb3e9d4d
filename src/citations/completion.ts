/**
 * Papers as completion items where a citation goes: after `@` in Markdown (pandoc), in the braces of
 * `\cite{`, `\citep{`, `\parencite{`, ... in LaTeX, and after the comment trigger (`@cite:`) in a code
 * comment. Label: the key; detail: title and year; documentation: an abstract excerpt (resolved
 * lazily); filtering also matches title words.
 */
import * as vscode from 'vscode';
import type { Paper } from '../core/types';
import { commentCitationAt } from '../core/citations/commentContext';
import { citationContextAt, type CitationContext } from './citationContext';
import { passageSortText, type PaperSearchSource } from './completionOrder';
import { findFormat } from './formatRegistry';
import { completionDetail, completionDocumentation, completionFilterText } from './paperCard';
import type { PaperKeys } from './paperKeys';
import { commentFormat, commentTrigger, completionEnabled } from '../settings/settings';

/** A completion item that remembers its paper, so its documentation can be filled in on resolve. */
class PaperCompletionItem extends vscode.CompletionItem {
  constructor(readonly paper: Paper, label: string) {
    super(label, vscode.CompletionItemKind.Reference);
  }
}

/** Offers the store's papers as citation completions. */
export class CitationCompletionProvider implements vscode.CompletionItemProvider<PaperCompletionItem> {
  /** `search`: the index that orders papers by the passage when nothing of the key is typed yet. */
  constructor(private readonly papers: PaperKeys, private readonly search?: PaperSearchSource) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList<PaperCompletionItem> | undefined {
    if (!completionEnabled(document)) return undefined;
    const linePrefix = document.lineAt(position.line).text.slice(0, position.character);
    const context = citationContextAt(linePrefix, document.languageId, commentTrigger());
    if (!context) return undefined;
    if (context.kind === 'pandoc' && insideFencedCode(document, position.line)) return undefined;
    const papers = this.papers.papers;
    if (papers.length === 0) return undefined;
    const insert = inserter(context, linePrefix, document.languageId);
    if (!insert) return undefined;
    const range = new vscode.Range(position.line, insert.start, position.line, position.character);
    const nothingTyped = context.typed === '' || context.typed === '@';
    const sortText = nothingTyped && this.search ? passageSortText(document, position, papers, this.search) : undefined;
    const items = papers.flatMap((paper) => {
      // One paper whose text cannot be rendered is left out of the list; the others are still offered.
      try {
        const item = new PaperCompletionItem(paper, paper.key);
        item.detail = completionDetail(paper);
        item.filterText = completionFilterText(paper, insert.filterPrefix);
        item.insertText = insert.text(paper);
        item.range = range;
        if (sortText) item.sortText = sortText(paper);
        return [item];
      } catch {
        return [];
      }
    });
    return new vscode.CompletionList(items, false);
  }

  resolveCompletionItem(item: PaperCompletionItem): PaperCompletionItem {
    const documentation = new vscode.MarkdownString(completionDocumentation(item.paper));
    documentation.isTrusted = false;
    documentation.supportHtml = false;
    item.documentation = documentation;
    return item;
  }
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
        : { start: context.start, filterPrefix: '@', text: (paper) => `[@${paper.key}]` };
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
