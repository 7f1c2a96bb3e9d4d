/**
 * The definition of a paper's key when no `.bib` file in the workspace has it: the paper's own BibTeX
 * entry, as a read-only document of the `paper-scout` scheme. Peek Definition and the Ctrl+hover
 * preview show the entry; Go to Definition, which opens it in an editor, gets the paper's panel
 * instead (the entry's editor is closed again at once).
 */
import * as vscode from 'vscode';
import { formatCitation } from '../core/citations/formats';
import { readableTitle } from '../core/citations/latexText';
import type { Paper } from '../core/types';
import type { PaperKeys } from '../citations/paperKeys';
import { resolveCorpusEntry } from '../store/corpusFiles';

/** The URI scheme of a paper's entry. */
export const PAPER_SCHEME = 'paper-scout';

/** Serves the papers' entries and turns the opening of one in an editor into the paper's panel. */
export class PaperDefinitions implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly papers: PaperKeys, private readonly openPaper: (id: string) => Promise<unknown>) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(PAPER_SCHEME, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.uri.scheme === PAPER_SCHEME) void this.showPanelFor(editor.document.uri);
      }),
    );
  }

  /**
   * Where `paper`'s key is defined: the entry of the user's library that gives the paper its key (the
   * line of that entry in its file), else Paper Scout's own entry for it.
   */
  location(paper: Paper): vscode.Location {
    const record = paper.library?.find((candidate) => candidate.key === paper.key) ?? paper.library?.[0];
    if (record) {
      const line = Math.max(0, record.line - 1);
      const column = Math.max(0, (record.column ?? 1) - 1);
      const end = record.column ? column + record.key.length : 0;
      return new vscode.Location(resolveCorpusEntry(record.location) ?? vscode.Uri.file(record.location), new vscode.Range(line, column, line, end));
    }
    const uri = entryUri(paper.key);
    const lines = entryText(paper).split('\n');
    const line = lines.findIndex((text) => text.startsWith('@'));
    const column = Math.max(0, lines[line]?.indexOf(`{${paper.key}`) + 1);
    return new vscode.Location(uri, new vscode.Range(line, column, line, column + paper.key.length));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const paper = this.papers.get(keyOf(uri));
    return paper ? entryText(paper) : `% Paper Scout has no paper with the key "${keyOf(uri)}".\n`;
  }

  /** Opens the paper's panel and closes the editor that showed its entry. */
  private async showPanelFor(uri: vscode.Uri): Promise<void> {
    const paper = this.papers.get(keyOf(uri));
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    await vscode.window.tabGroups.close(tabs, true);
    if (paper) await this.openPaper(paper.id);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function entryUri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PAPER_SCHEME, path: `/${encodeURIComponent(key)}.bib` });
}

function keyOf(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.bib$/, ''));
}

/** A comment naming the paper, then its BibTeX entry. */
function entryText(paper: Paper): string {
  return `% ${readableTitle(paper.title).replace(/\s+/g, ' ')}\n% (Paper Scout's entry for this paper; Go to Definition opens its panel.)\n${formatCitation(paper, 'bibtex')}\n`;
}
