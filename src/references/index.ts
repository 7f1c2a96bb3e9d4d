/**
 * Citations across the workspace, the one feature folder for them: the citation index, kept
 * current in the background (`WorkspaceCitations`), Find All References, Go to Definition and highlights on a key, the
 * unknown-key diagnostics with their quick fixes, and what the panel ("Cited in") and the Topics tree
 * (counts) show. `References` is what the rest of the extension holds; everything it registers is
 * disposed with it, the citation index build included.
 */
import * as vscode from 'vscode';
import { PaperKeys, type PaperList } from '../citations/paperKeys';
import { servedLanguages } from '../core/languages';
import { CitationCounts, CitedIn } from './citedIn';
import { DocumentCitations } from './documentCitations';
import { CitationKeyNavigation } from './keyNavigation';
import { PaperDefinitions } from './paperDefinitions';
import { UnknownKeyDiagnostics, UnknownKeyFixes } from './unknownKeys';
import { WorkspaceCitations } from './workspaceCitations';

export type { KeyPlace } from './unknownKeys';
export type { WorkspaceCitationsState } from './workspaceCitations';

/**
 * Every document the scanner may read: files, untitled and virtual documents alike. A pattern, not
 * `'*'`: VS Code registers its word-based highlights for `'*'` when the first editor opens, and of two
 * providers whose selectors match alike the later one is asked first, so with `'*'` the word
 * highlights would hide the key's. A matching pattern ranks above `'*'`.
 */
const ALL_DOCUMENTS: vscode.DocumentSelector = { pattern: '**' };

/**
 * Documents of the languages Paper Scout serves, for the providers that put entries in the editor's
 * context menu (Go to Definition, Find All References, Peek): none in JSON, YAML or other data files.
 * A language selector ranks above `'*'` too.
 */
const SERVED_DOCUMENTS: vscode.DocumentSelector = servedLanguages().map((language) => ({ language }));

/** The workspace citation features over the papers of one store. */
export class References implements vscode.Disposable {
  /** The citation index: every citation in the workspace, kept current in the background. */
  readonly workspace: WorkspaceCitations;
  /** Where each paper is cited, for the paper panel. */
  readonly citedIn: CitedIn;
  /** How often each paper is cited, for the Topics tree. */
  readonly counts: CitationCounts;
  /** The unknown-key diagnostics. */
  readonly unknownKeys: UnknownKeyDiagnostics;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(store: PaperList, log: vscode.LogOutputChannel, openPaper: (id: string) => Promise<unknown>) {
    const papers = new PaperKeys(store);
    this.workspace = new WorkspaceCitations(log, (key) => papers.get(key) !== undefined);
    const documents = new DocumentCitations(() => this.workspace.maxFileBytes, (key) => papers.get(key) !== undefined || this.workspace.citationIndex.isDefined(key));
    const definitions = new PaperDefinitions(papers, openPaper);
    const navigation = new CitationKeyNavigation(this.workspace, documents, papers, definitions);
    this.citedIn = new CitedIn(this.workspace);
    this.counts = new CitationCounts(this.workspace, papers, store.onDidChange);
    this.unknownKeys = new UnknownKeyDiagnostics(this.workspace, documents, papers, store.onDidChange);
    this.disposables.push(
      this.workspace,
      documents,
      definitions,
      this.counts,
      this.unknownKeys,
      vscode.languages.registerReferenceProvider(SERVED_DOCUMENTS, navigation),
      vscode.languages.registerDefinitionProvider(SERVED_DOCUMENTS, navigation),
      vscode.languages.registerDocumentHighlightProvider(SERVED_DOCUMENTS, navigation),
      vscode.languages.registerCodeActionsProvider(ALL_DOCUMENTS, new UnknownKeyFixes(this.workspace, papers), { providedCodeActionKinds: UnknownKeyFixes.providedCodeActionKinds }),
    );
    this.workspace.restartSoon(); // after activation: the look for a citing document or a LaTeX or BibTeX file
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
