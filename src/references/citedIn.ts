/**
 * Where each paper is cited, for the views: the places of a key for the paper panel's "Cited in"
 * section (and opening one of them), and the number of places per paper for the Topics tree, which
 * hears of a change only when some paper's number changed.
 */
import * as vscode from 'vscode';
import type { PaperKeys } from '../citations/paperKeys';
import type { Paper } from '../core/types';
import type { CitationPlaceView, CitedInView } from '../shared/panelProtocol';
import type { WorkspaceCitations } from './workspaceCitations';

/** The panel lists at most this many places; it says how many there are in all. */
export const MAX_LISTED_PLACES = 300;

/** A paper as far as citing it goes: its key and its old keys. */
type CitedPaper = Pick<Paper, 'key' | 'aliases'>;

/** Every key that cites `paper`: its key, then its old keys (a document may still cite those). */
function keysOf(paper: CitedPaper): string[] {
  return [paper.key, ...(paper.aliases ?? [])];
}

/** The citing places of papers, for the paper panel. */
export class CitedIn {
  /** Fires when the citation index changed (a paper's places may have). */
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly workspace: WorkspaceCitations) {
    this.onDidChange = workspace.onDidChange;
  }

  /** Where `paper` is cited, by its key or an old key, by file and line. */
  view(paper: CitedPaper): CitedInView {
    const state = this.workspace.state;
    if (state === 'off') return { state, places: [], total: 0 };
    this.workspace.flush();
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const places: CitationPlaceView[] = keysOf(paper).flatMap((key) => this.workspace.citationIndex.citationsOf(key)).map((location) => {
      const uri = vscode.Uri.parse(location.file, true);
      return { uri: location.file, file: uri.scheme === 'untitled' ? uri.path : vscode.workspace.asRelativePath(uri, multiRoot), line: location.line, column: location.column };
    });
    places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return { state, places: places.slice(0, MAX_LISTED_PLACES), total: places.length };
  }

  /** Builds the index of a workspace where nothing showed it cites, as the panel's button asks. */
  find(): Promise<void> {
    return this.workspace.ensureStarted('the paper panel');
  }

  /**
   * Opens the place in an editor, the key selected, beside `besideColumn` (the panel's column) when
   * that is the first. False when `paper` is no longer cited there (the file changed since).
   */
  async open(paper: CitedPaper, place: { uri: string; line: number; column: number }, besideColumn?: vscode.ViewColumn): Promise<boolean> {
    this.workspace.flush();
    const isPlace = (location: { file: string; line: number; column: number }): boolean => location.file === place.uri && location.line === place.line && location.column === place.column;
    const key = keysOf(paper).find((candidate) => this.workspace.citationIndex.citationsOf(candidate).some(isPlace));
    if (key === undefined) return false;
    const start = new vscode.Position(place.line - 1, place.column - 1);
    const selection = new vscode.Range(start, start.translate(0, key.length));
    const viewColumn = besideColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(place.uri, true), { selection, viewColumn });
    return true;
  }
}

/** The number of places citing each paper, for the Topics tree. */
export class CitationCounts implements vscode.Disposable {
  private counts = new Map<string, number>();
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the number of some paper changed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  constructor(private readonly workspace: WorkspaceCitations, private readonly papers: PaperKeys, papersChanged: vscode.Event<void>) {
    this.disposables.push(workspace.onDidChange(() => this.recount()), papersChanged(() => this.recount()));
  }

  /** How many places in the workspace cite the paper with this key, by it or an old key (0 while the citation index is off). */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  private recount(): void {
    const counts = new Map<string, number>();
    const index = this.workspace.citationIndex;
    // An index that holds no file counts nothing: the papers are not even asked for (nor read, in a window that cites nothing).
    if (this.workspace.state !== 'off' && index.fileCount > 0) {
      for (const paper of this.papers.papers) {
        let count = 0;
        for (const key of keysOf(paper)) count += index.citationCount(key);
        if (count > 0) counts.set(paper.key, count);
      }
    }
    const changed = counts.size !== this.counts.size || [...counts].some(([key, count]) => this.counts.get(key) !== count);
    this.counts = counts;
    if (changed) this.changeEmitter.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
