/**
 * Hovering a Paper Scout citation key (in `[@key]`, `\cite{key}`, after the comment trigger, or
 * written bare) shows the paper's card with a link that opens it in the paper panel. Old keys (a
 * paper's aliases) show the paper too.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { keyTokenAt } from '../core/citations/keyToken';
import { isDistinctiveKey } from '../core/citations/keyAliases';
import { citedWithSyntax } from './citationContext';
import { hoverCard } from './paperCard';
import type { PaperKeys } from './paperKeys';
import { commentTrigger, hoverEnabled } from '../settings/settings';

/** Shows the card of the paper whose key is under the mouse. */
export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly papers: PaperKeys) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!hoverEnabled(document)) return undefined;
    const line = document.lineAt(position.line).text;
    const token = keyTokenAt(line, position.character);
    if (!token) return undefined;
    const paper = this.papers.get(token.key);
    if (!paper) return undefined;
    // A key that is a plain word (`galore`) is a citation only inside citation syntax, not in prose.
    if (!isDistinctiveKey(token.key) && !citedWithSyntax(line, token, document.languageId, commentTrigger())) return undefined;
    const card = new vscode.MarkdownString(hoverCard(paper, token.key));
    card.isTrusted = { enabledCommands: [COMMANDS.openPaper] }; // the only command a card may run
    card.supportHtml = false;
    return new vscode.Hover(card, new vscode.Range(position.line, token.start, position.line, token.end));
  }
}
