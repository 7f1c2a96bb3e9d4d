/**
 * The light bulb's "Cite a paper about this…" only where a citation would fit (`lightBulbPassage`): a
 * Markdown, LaTeX or text paragraph or a code comment with enough words, or a selection of a few words
 * (in code, inside a comment), in the languages Paper Scout serves; never on a blank line or in a
 * BibTeX database. It runs "Suggest Papers for This Passage" for that place. Off with
 * `paperScout.suggest.lightBulb`.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { lightBulbPassage } from '../core/passage/lightBulb';
import { servedLanguages } from '../core/languages';
import { suggestLightBulb } from '../settings/settings';
import { passageRequest } from './passageRequest';

/** Where the suggestion command is to look: a document and a range in it (plain numbers, so it travels as a command argument). */
export interface PassagePlace {
  uri: string;
  start: { line: number; character: number };
  end: { line: number; character: number };
}

const SERVED: ReadonlySet<string> = new Set(servedLanguages());

/** Offers "Cite a paper about this…" in prose and comments. */
export class CiteCodeActionProvider implements vscode.CodeActionProvider {
  /** The action's kind: a refactoring, which the light bulb lists (`refactor.cite`). */
  static readonly kind = vscode.CodeActionKind.Refactor.append('cite');
  static readonly providedCodeActionKinds = [CiteCodeActionProvider.kind];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] | undefined {
    if (context.only && !context.only.intersects(CiteCodeActionProvider.kind)) return undefined;
    if (!SERVED.has(document.languageId) || !suggestLightBulb(document)) return undefined;
    const cursor = range instanceof vscode.Selection ? range.active : range.start;
    if (!lightBulbPassage(passageRequest(document, cursor, range))) return undefined;
    const action = new vscode.CodeAction('Cite a paper about this…', CiteCodeActionProvider.kind);
    const place: PassagePlace = { uri: document.uri.toString(), start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
    action.command = { command: COMMANDS.suggestPapers, title: action.title, arguments: [place] };
    return [action];
  }
}
