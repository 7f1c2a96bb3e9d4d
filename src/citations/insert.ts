import * as vscode from 'vscode';
import { clipAtWord, labelText } from '../core/citations/displayText';
import { formatCitation } from '../core/citations/formats';
import { textKind } from '../core/languages';
import { readableText } from '../core/citations/latexText';
import { AUTO_FORMAT, documentFormat } from '../core/insertion/documentStyle';
import { citationInDocument, placeCitation } from '../core/insertion/placement';
import type { Placement, PlacementMode } from '../core/insertion/placementRequest';
import type { Paper } from '../core/types';
import { availableFormats, findFormat, type AvailableFormat } from './formatRegistry';
import { documentWindow } from './passageRequest';
import { defaultFormatFor } from '../settings/settings';

/** How a citation is inserted. */
export interface InsertOptions {
  /** A format id (`bibtex`, `template:<name>`, `auto`); the language's default from the settings when absent. */
  format?: string;
  /** Ask for the format first (the panel's "Insert Citation"). */
  pickFormat?: boolean;
  /** Replace non-empty selections instead of inserting after them. */
  replaceSelection?: boolean;
  /** At the cursor (the default), or where a writer cites the passage at the cursor (Papers for This Passage). */
  placement?: PlacementMode;
}

/** What inserts and copies citations, as the panel, the commands and the pickers use it. */
export type CitationWriter = Pick<CitationInserter, 'insert' | 'copy' | 'focusTarget'>;

/**
 * Inserts and copies citations. Remembers the last text editor that had focus, so the paper panel
 * and the sidebar (which take focus from it) still insert where the user was writing, and gives that
 * editor the focus back once the citation is in.
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
   * Gives the editor an insert would go into the keyboard focus (brought back into view if a panel
   * covered it), or does nothing when there is none. A quick pick that chooses a paper to insert calls
   * it before it closes: see `SearchPickOptions.focusInsertTarget`.
   */
  async focusTarget(): Promise<void> {
    const editor = await this.targetEditor();
    if (editor) await focus(editor);
  }

  /**
   * Inserts the citation at every cursor of the target editor (or, for a passage, where a writer cites
   * it) as one undoable edit, then gives that editor the focus; with no editor, copies the citation and
   * says so. Resolves to true when the text went into a document.
   */
  async insert(paper: Paper, options: InsertOptions = {}): Promise<boolean> {
    const document = this.targetDocument();
    const format = options.format !== undefined ? resolveFormat(options.format, document, this.log)
      : options.pickFormat ? await pickFormat(document) : resolveFormat(defaultFormatFor(document?.languageId), document, this.log);
    if (!format) return false;
    const text = format.render(paper, { latex: document !== undefined && textKind(document.languageId) === 'latex' });
    const editor = await this.targetEditor();
    if (!editor) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`No editor is open: the ${format.label} citation of "${shortTitle(paper)}" was copied to the clipboard.`);
      return false;
    }
    const mode = options.placement ?? 'cursor';
    const placements = this.placements(editor, text, format.id, mode, options.replaceSelection === true);
    const edits = placements.filter((placement) => placement.kind === 'replace' || !placement.alreadyCited);
    if (edits.length === 0) {
      vscode.window.setStatusBarMessage(`$(check) ${paper.key} is cited there already`, 4000);
      await focus(editor);
      return true;
    }
    const applied = await editor.edit((builder) => {
      for (const edit of edits) {
        if (edit.kind === 'replace') builder.replace(edit.range, edit.text);
        else builder.insert(edit.position, edit.text);
      }
    });
    if (!applied) {
      this.log.warn(`inserting the citation of ${paper.id} into ${editor.document.uri.toString(true)} was not applied`);
      void vscode.window.showWarningMessage('Paper Scout could not insert the citation: the editor did not accept the edit.');
      return false;
    }
    // At the cursor, typing goes on after the citation; for a passage, where the writer was.
    const only = edits.length === 1 && editor.selections.length === 1 ? edits[0] : undefined;
    if (only && mode === 'cursor') {
      const start = only.kind === 'replace' ? only.range.start : only.position;
      const end = editor.document.positionAt(editor.document.offsetAt(start) + only.text.trimEnd().length);
      editor.selection = new vscode.Selection(end, end);
    }
    await focus(editor);
    return true;
  }

  /** Where the citation goes for each cursor of `editor` (one for a passage), and what is written there. */
  private placements(editor: vscode.TextEditor, text: string, formatId: string, mode: PlacementMode, replace: boolean): Edit[] {
    const { document } = editor;
    const selections = mode === 'passage' ? [editor.selection] : editor.selections;
    const edits: Edit[] = [];
    const seen = new Set<string>();
    for (const selection of selections) {
      if (replace && !selection.isEmpty) {
        const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
        edits.push({ kind: 'replace', range: selection, text: citationInDocument(text, formatId, document.languageId, before) });
        continue;
      }
      const at = mode === 'passage' ? selection.active : selection.end;
      const window = documentWindow(document, at);
      const placement = placeCitation({ text: window.text, languageId: document.languageId, cursor: window.cursor, citation: text, formatId, mode });
      const position = document.positionAt(window.base + placement.offset);
      const key = `${position.line}:${position.character}:${placement.text}`;
      if (seen.has(key)) continue; // two cursors that place it at the same spot: once is enough
      seen.add(key);
      edits.push({ kind: 'insert', position, ...placement });
    }
    return edits;
  }

  /**
   * Copies the citation. With a format the text is copied as the format reads; without, it is what
   * insertion would put in the target editor (plain text when there is none). Resolves to the text.
   */
  async copy(paper: Paper, formatId?: string): Promise<string> {
    const document = this.targetDocument();
    const format = resolveFormat(formatId ?? defaultFormatFor(document?.languageId), document, this.log);
    const text = formatId === undefined && document
      ? citationInDocument(format.render(paper, { latex: textKind(document.languageId) === 'latex' }), format.id, document.languageId)
      : format.render(paper);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(copy) Copied the ${format.label} citation of "${shortTitle(paper)}"`, 4000);
    return text;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** One edit of an insertion: text put at a place, or a selection replaced. */
type Edit = ({ kind: 'insert'; position: vscode.Position } & Placement) | { kind: 'replace'; range: vscode.Range; text: string };

/** Gives `editor` the keyboard focus (after a panel, the sidebar or a quick pick had it). */
async function focus(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, selection: editor.selection });
}

/**
 * The id of the format `auto` means for `document` (its own citation style), or `id` itself. With no
 * document, plain text.
 */
export function documentFormatId(id: string, document: vscode.TextDocument | undefined): string {
  if (id !== AUTO_FORMAT) return id;
  return document ? documentFormat(document.getText(), document.languageId) : 'plain';
}

/** Asks for a citation format (built-in or a user template), the document's default first. */
export async function pickFormat(document: vscode.TextDocument | undefined): Promise<AvailableFormat | undefined> {
  const configured = defaultFormatFor(document?.languageId);
  const preferred = documentFormatId(configured, document);
  const why = configured === AUTO_FORMAT ? 'this document\'s style' : `default${document ? ` for ${document.languageId}` : ''}`;
  const items = availableFormats()
    .sort((a, b) => Number(b.id === preferred) - Number(a.id === preferred))
    .map((format) => ({
      label: labelText(format.label),
      description: [format.template ? 'template' : '', format.id === preferred ? why : ''].filter(Boolean).join(' · ') || undefined,
      detail: labelText(format.description),
      format,
    }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Insert Citation As', placeHolder: 'Citation format' });
  return picked?.format;
}

/** The format with this id (`auto` resolved for `document`); an unknown id (a template since removed) falls back to plain text, logged. */
function resolveFormat(id: string, document: vscode.TextDocument | undefined, log: vscode.LogOutputChannel): AvailableFormat {
  const format = findFormat(documentFormatId(id, document));
  if (format) return format;
  log.warn(`unknown citation format "${id}"; using plain text`);
  return { id: 'plain', label: 'Plain text', description: '', template: false, render: (paper) => formatCitation(paper, 'plain') };
}

function shortTitle(paper: Paper): string {
  return clipAtWord(readableText(paper.title), 60);
}
