import * as vscode from 'vscode';
import { formatCitation } from '../core/citations/formats';
import { textKind } from '../core/languages';
import { clipAtWord, labelText } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import type { Paper } from '../core/types';
import { availableFormats, findFormat, type AvailableFormat } from './formatRegistry';
import { defaultFormatFor } from '../settings/settings';
import { citationForLanguage, planInsertion } from './citationText';

/** How a citation is inserted. */
export interface InsertOptions {
  /** A format id (`bibtex`, `template:<name>`); the language's default from the settings when absent. */
  format?: string;
  /** Ask for the format first (the panel's "Insert Citation"). */
  pickFormat?: boolean;
  /** Replace non-empty selections instead of inserting after them. */
  replaceSelection?: boolean;
}

/**
 * Inserts and copies citations. Remembers the last text editor that had focus, so the paper panel
 * and the sidebar (which take focus from it) still insert where the user was writing.
 */
export class CitationInserter implements vscode.Disposable {
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  /** The last editor's cursors, kept because its TextEditor object dies when a panel covers it. */
  private lastSelections: readonly vscode.Selection[] = vscode.window.activeTextEditor?.selections ?? [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly log: vscode.LogOutputChannel) {
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!editor) return;
      this.lastEditor = editor;
      this.lastSelections = editor.selections;
    }, undefined, this.disposables);
    vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === this.lastEditor) this.lastSelections = event.selections;
    }, undefined, this.disposables);
  }

  /** The document a citation goes to: the active editor's, else the last text editor's while it is open. */
  private targetDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && !active.document.isClosed) return active.document;
    const last = this.lastEditor?.document;
    return last && !last.isClosed ? last : undefined;
  }

  /**
   * The editor to insert into: the active one; else the last text editor, brought back into view with
   * its cursors when a panel (Paper Scout's own, say) has covered it in the same group.
   */
  private async targetEditor(): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    if (active && !active.document.isClosed) return active;
    const last = this.lastEditor;
    if (!last || last.document.isClosed) return undefined;
    if (vscode.window.visibleTextEditors.includes(last)) return last;
    const selections = this.lastSelections;
    const shown = await vscode.window.showTextDocument(last.document, { viewColumn: last.viewColumn, preserveFocus: false });
    const valid = selections.filter((selection) => shown.document.validateRange(selection).isEqual(selection));
    if (valid.length > 0) shown.selections = valid;
    return shown;
  }

  /**
   * Inserts the citation at every cursor of the target editor as one undoable edit; with no editor,
   * copies it and says so. Resolves to true when the text went into a document.
   */
  async insert(paper: Paper, options: InsertOptions = {}): Promise<boolean> {
    const languageId = this.targetDocument()?.languageId;
    const format = options.format !== undefined ? resolveFormat(options.format, this.log)
      : options.pickFormat ? await pickFormat(languageId) : resolveFormat(defaultFormatFor(languageId), this.log);
    if (!format) return false;
    const text = format.render(paper, { latex: languageId !== undefined && textKind(languageId) === 'latex' });
    const editor = await this.targetEditor();
    if (!editor) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`No editor is open: the ${format.label} citation of "${shortTitle(paper)}" was copied to the clipboard.`);
      return false;
    }
    const { document } = editor;
    const seen = new Set<string>();
    const applied = await editor.edit((builder) => {
      for (const selection of editor.selections) {
        // What the line holds before the cursor decides whether the citation joins a comment there.
        const at = options.replaceSelection && !selection.isEmpty ? selection.start : selection.end;
        const lineText = document.lineAt(at.line).text;
        const citation = citationForLanguage(text, format.id, document.languageId, lineText.slice(0, at.character));
        if (options.replaceSelection && !selection.isEmpty) {
          builder.replace(selection, citation.text);
          continue;
        }
        const plan = planInsertion(citation, lineText, at.line, at.character);
        const key = `${plan.line}:${plan.character}`;
        if (seen.has(key)) continue; // two cursors on one line: one comment above it is enough
        seen.add(key);
        builder.insert(new vscode.Position(plan.line, plan.character), plan.text);
      }
    });
    if (!applied) {
      this.log.warn(`inserting the citation of ${paper.id} into ${editor.document.uri.toString(true)} was not applied`);
      void vscode.window.showWarningMessage('Paper Scout could not insert the citation: the editor did not accept the edit.');
      return false;
    }
    if (editor !== vscode.window.activeTextEditor) {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    return true;
  }

  /**
   * Copies the citation. With a format the text is copied as the format reads; without, it is what
   * insertion would put in the target editor (plain text when there is none). Resolves to the text.
   */
  async copy(paper: Paper, formatId?: string): Promise<string> {
    const languageId = this.targetDocument()?.languageId;
    const format = resolveFormat(formatId ?? defaultFormatFor(languageId), this.log) ?? builtIn('plain');
    const text = formatId === undefined && languageId
      ? citationForLanguage(format.render(paper, { latex: textKind(languageId) === 'latex' }), format.id, languageId).text
      : format.render(paper);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(copy) Copied the ${format.label} citation of "${shortTitle(paper)}"`, 4000);
    return text;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Asks for a citation format (built-in or a user template), the language's default first. */
export async function pickFormat(languageId: string | undefined): Promise<AvailableFormat | undefined> {
  const preferred = defaultFormatFor(languageId);
  const items = availableFormats()
    .sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred))
    .map((format) => ({
      label: labelText(format.label),
      description: [format.template ? 'template' : '', format.id === preferred ? `default${languageId ? ` for ${languageId}` : ''}` : ''].filter(Boolean).join(' · ') || undefined,
      detail: labelText(format.description),
      format,
    }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Insert Citation As', placeHolder: 'Citation format' });
  return picked?.format;
}

/** The format with this id; an unknown id (a template since removed) falls back to plain text, logged. */
function resolveFormat(id: string, log: vscode.LogOutputChannel): AvailableFormat {
  const format = findFormat(id);
  if (format) return format;
  log.warn(`unknown citation format "${id}"; using plain text`);
  return builtIn('plain');
}

function builtIn(id: 'plain'): AvailableFormat {
  return { id, label: 'Plain text', description: '', template: false, render: (paper) => formatCitation(paper, id) };
}

function shortTitle(paper: Paper): string {
  return clipAtWord(readableText(paper.title), 60);
}
