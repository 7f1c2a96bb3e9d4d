/**
 * Citations, the one feature folder for them: the format registry (built-in formats and the user's
 * templates), insertion and copying, completion of citation keys (ordered by the passage around the
 * cursor), hovers over them, papers suggested for a passage (its quick pick and light bulb), and the
 * bibliography export. `Citations` is what the rest of the extension holds; it registers the editor
 * providers and the templates check, and hands its inserter (insert, copy) to the commands and the panel.
 */
import * as vscode from 'vscode';
import { servedLanguages } from '../core/languages';
import { affects, commentTrigger, SETTINGS } from '../settings/settings';
import { CiteCodeActionProvider } from './citeCodeAction';
import { CitationCompletionProvider, triggerCharacters, type CompletionIndex, type DocumentBibliographies } from './completion';
import { exportBibliography, type CitationSource, type ExportBibliographyOptions, type ExportBibliographyRefusal, type ExportBibliographyResult, type LibraryEntryText } from './exportBibliography';
import { TemplateSettingWatcher } from './formatRegistry';
import { CitationHoverProvider } from './hover';
import { CitationInserter } from './insert';
import { PaperKeys, type PaperList } from './paperKeys';

export { availableFormats, findFormat, type AvailableFormat } from './formatRegistry';
export type { CitationSource, ExportBibliographyOptions, ExportBibliographyRefusal, ExportBibliographyResult } from './exportBibliography';
export type { CitationWriter, InsertOptions } from './insert';
export type { PaperList } from './paperKeys';
export type { PassagePlace } from './citeCodeAction';
export { passageRequest } from './passageRequest';
export { showSuggestPick, type SuggestionsShown } from './suggestPick';

/**
 * Every document in any language and scheme (saved, untitled, remote, notebook cells): citations go
 * into prose and into code comments. The providers return nothing fast where no citation goes.
 */
const ALL_DOCUMENTS: vscode.DocumentSelector = '*';

/**
 * Every document too, as completion registers: a pattern that matches every path ranks with a
 * language's own providers, above VS Code's word-based suggestions (registered for `*`), which VS Code
 * then leaves out wherever Paper Scout offers papers, so no "quantized" or "Quantizing" turns up among
 * the keys. Where no citation goes the provider answers nothing and the words come as usual.
 */
const ALL_DOCUMENTS_ABOVE_WORDS: vscode.DocumentSelector = { pattern: '**' };

/** The citation features on the papers of one store; everything it registers is disposed with it. */
export class Citations implements vscode.Disposable {
  private readonly keys: PaperKeys;
  /** Inserts and copies citations: the panel, the commands and the pickers use it directly. */
  readonly inserter: CitationInserter;
  private readonly disposables: vscode.Disposable[] = [];
  private completionRegistration: vscode.Disposable | undefined;
  private registeredTrigger = '';

  /**
   * `citationSource`: where the bibliography export finds the workspace's citations (the citation index);
   * `index`: the search index completion ranks papers with (by what is typed, or by the passage around
   * the cursor); `library`: the bibliographies documents declare (their keys complete first) and the
   * library's own entries (exported as the library has them).
   */
  constructor(store: PaperList, log: vscode.LogOutputChannel, private readonly citationSource: CitationSource, index?: CompletionIndex,
    private readonly library?: { bibliographiesOf: DocumentBibliographies; entryText: LibraryEntryText }) {
    this.keys = new PaperKeys(store);
    this.inserter = new CitationInserter(log);
    const completion = new CitationCompletionProvider(this.keys, index, library?.bibliographiesOf);
    this.registerCompletion(completion);
    this.disposables.push(
      this.inserter,
      new TemplateSettingWatcher(log),
      { dispose: () => { this.completionRegistration?.dispose(); } },
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, SETTINGS.commentTrigger)) this.registerCompletion(completion);
      }),
      vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new CitationHoverProvider(this.keys)),
      vscode.languages.registerCodeActionsProvider(servedLanguages().map((language) => ({ language })), new CiteCodeActionProvider(), { providedCodeActionKinds: CiteCodeActionProvider.providedCodeActionKinds }),
    );
  }

  /** Writes the papers cited in a document or the workspace to a `.bib` file (asks what it is not told). */
  exportBibliography(options: ExportBibliographyOptions = {}): Promise<ExportBibliographyResult | ExportBibliographyRefusal | undefined> {
    return exportBibliography(this.keys, this.citationSource, options, this.library?.entryText);
  }

  /** Registers completion with the trigger characters of the current comment trigger (again when it changes). */
  private registerCompletion(completion: CitationCompletionProvider): void {
    const trigger = commentTrigger();
    if (this.completionRegistration && trigger === this.registeredTrigger) return;
    this.completionRegistration?.dispose();
    this.registeredTrigger = trigger;
    this.completionRegistration = vscode.languages.registerCompletionItemProvider(ALL_DOCUMENTS_ABOVE_WORDS, completion, ...triggerCharacters(trigger));
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
