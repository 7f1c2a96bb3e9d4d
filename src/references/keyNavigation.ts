/**
 * Find All References, Go to Definition and document highlights on a citation key, in any document
 * the scanner reads (LaTeX, Markdown, code comments, `.bib`). References come from the workspace
 * index (every file that cites the key); the definition is the key's `.bib` entry (or `\bibitem`) when
 * the workspace has one, else the paper's own entry, whose opening shows the paper's panel.
 */
import * as vscode from 'vscode';
import type { KeyLocation } from '../core/references/citationIndex';
import type { KeyOccurrence } from '../core/references/keyOccurrences';
import type { PaperKeys } from '../citations/paperKeys';
import { keyRange, type DocumentCitations } from './documentCitations';
import type { PaperDefinitions } from './paperDefinitions';
import type { WorkspaceCitations } from './workspaceCitations';

/** The references, definition and highlight providers for citation keys. */
export class CitationKeyNavigation implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.DocumentHighlightProvider {
  constructor(
    private readonly workspace: WorkspaceCitations,
    private readonly documents: DocumentCitations,
    private readonly papers: PaperKeys,
    private readonly paperDefinitions: PaperDefinitions,
  ) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[] | undefined> {
    const found = this.documents.keyAt(document, position);
    if (!found) return undefined;
    const { key } = found.occurrence;
    const places = await this.workspacePlaces(document, key, token);
    if (!places) return undefined;
    return places
      .filter((place) => place.kind === 'citation' || context.includeDeclaration)
      .map((place) => new vscode.Location(place.uri, keyRange(place)));
  }

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.DefinitionLink[] | undefined> {
    const found = this.documents.keyAt(document, position);
    if (!found) return undefined;
    const { key } = found.occurrence;
    const places = await this.workspacePlaces(document, key, token);
    if (!places) return undefined;
    const definitions = places.filter((place) => place.kind === 'definition');
    if (definitions.length > 0) {
      return definitions.map((place) => ({ originSelectionRange: found.range, targetUri: place.uri, targetRange: keyRange(place) }));
    }
    const paper = this.papers.get(key);
    if (!paper) return undefined;
    const target = this.paperDefinitions.location(paper);
    return [{ originSelectionRange: found.range, targetUri: target.uri, targetRange: target.range }];
  }

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const found = this.documents.keyAt(document, position);
    if (!found) return undefined;
    const { key } = found.occurrence;
    return this.documents.occurrences(document)
      .filter((occurrence) => occurrence.key === key)
      .map((occurrence) => new vscode.DocumentHighlight(keyRange(occurrence), occurrence.kind === 'definition' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read));
  }

  /**
   * Every place `key` is cited or defined: from the citation index once it is built (with `document`'s own
   * places as it is now, indexed or not), or from `document` alone when the citation index is off. Undefined
   * when cancelled while the citation index was being built.
   */
  private async workspacePlaces(document: vscode.TextDocument, key: string, token: vscode.CancellationToken): Promise<Array<KeyOccurrence & { uri: vscode.Uri }> | undefined> {
    const own = this.documents.occurrences(document).filter((occurrence) => occurrence.key === key).map((occurrence) => ({ ...occurrence, uri: document.uri }));
    if (this.workspace.state === 'off') return own;
    await this.workspace.whenBuilt();
    if (token.isCancellationRequested) return undefined;
    this.workspace.flush();
    const self = document.uri.toString();
    const index = this.workspace.citationIndex;
    const elsewhere = [...index.citationsOf(key), ...index.definitionsOf(key)]
      .filter((location: KeyLocation) => location.file !== self)
      .map((location) => ({ ...location, uri: vscode.Uri.parse(location.file, true) }));
    return [...own, ...elsewhere].sort(byPlace);
  }
}

/** Orders places by file, then line and column. */
function byPlace(a: KeyOccurrence & { uri: vscode.Uri }, b: KeyOccurrence & { uri: vscode.Uri }): number {
  const fileA = a.uri.toString();
  const fileB = b.uri.toString();
  return fileA < fileB ? -1 : fileA > fileB ? 1 : a.line - b.line || a.column - b.column;
}
