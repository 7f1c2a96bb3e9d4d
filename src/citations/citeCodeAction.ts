/**
 * The light bulb's "Cite a paper about this…" where the cursor is in prose worth a citation: a
 * Markdown, LaTeX or text paragraph, a code comment, or a selection with words in it. It runs "Suggest
 * Papers for This Passage" for that place. Off with `paperScout.suggest.lightBulb`.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { passageQueryAt } from '../core/passage/suggest';
import { suggestLightBulb } from '../settings/settings';
import { passageRequest } from './passageRequest';

/** Where the suggestion command is to look: a document and a range in it (plain numbers, so it travels as a command argument). */
export interface PassagePlace {
  uri: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Offers "Cite a paper about this…" in prose and comments. */
export class CiteCodeActionProvider implements vscode.CodeActionProvider {
  /** The action's kind: a refactoring, which the light bulb lists (`refactor.cite`). */
  static readonly kind = vscode.CodeActionKind.Refactor.append('cite');
  static readonly providedCodeActionKinds = [CiteCodeActionProvider.kind];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] | undefined {
    if (context.only && !context.only.intersects(CiteCodeActionProvider.kind)) return undefined;
    if (!suggestLightBulb(document)) return undefined;
    const cursor = range instanceof vscode.Selection ? range.active : range.start;
    const request = passageRequest(document, cursor, range);
    const found = passageQueryAt(request);
    if (!found || found.query.words.length === 0) return undefined;
    // Outside a selection the cursor must be in the passage itself, not in code below a comment.
    const { passage } = found;
    if (passage.kind !== 'selection' && (request.cursor < passage.start || request.cursor > passage.end)) return undefined;
    const action = new vscode.CodeAction('Cite a paper about this…', CiteCodeActionProvider.kind);
    const place: PassagePlace = { uri: document.uri.toString(), start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
    action.command = { command: COMMANDS.suggestPapers, title: action.title, arguments: [place] };
    return [action];
  }
}
