/**
 * The citation features of the editor: citation templates, completion of citation keys, hovers over
 * them, and the bibliography export. `registerCitationFeatures` is the one call `activate()` makes.
 */
import * as vscode from 'vscode';
import { EXPORT_BIBLIOGRAPHY_COMMAND, exportBibliography, type ExportBibliographyOptions } from '../commands/exportBibliography';
import { TemplateSettingWatcher } from './citationFormats';
import { CitationCompletionProvider, triggerCharacters } from './completion';
import { CitationHoverProvider } from './hover';
import { PaperKeys, type PaperSource } from './paperKeys';
import { affects, commentTrigger, SETTINGS } from '../settings/settings';

export { availableFormats, findFormat, type AvailableFormat } from './citationFormats';
export type { PaperSource } from './paperKeys';

/**
 * Every document in any language and scheme (saved, untitled, remote, notebook cells): citations go
 * into prose and into code comments. The providers return nothing fast where no citation goes.
 */
const ALL_DOCUMENTS: vscode.DocumentSelector = '*';

/**
 * Registers completion, hover, the templates check and "Paper Scout: Export Bibliography" on the
 * papers of `store`. Everything registered is disposed with the extension.
 */
export function registerCitationFeatures(context: vscode.ExtensionContext, store: PaperSource, log?: vscode.LogOutputChannel): void {
  const papers = new PaperKeys(store);
  const completion = new CitationCompletionProvider(papers);
  let completionRegistration: vscode.Disposable | undefined;
  let registeredTrigger = '';
  const registerCompletion = (): void => {
    const trigger = commentTrigger();
    if (completionRegistration && trigger === registeredTrigger) return;
    completionRegistration?.dispose();
    registeredTrigger = trigger;
    completionRegistration = vscode.languages.registerCompletionItemProvider(ALL_DOCUMENTS, completion, ...triggerCharacters(trigger));
  };
  registerCompletion();
  context.subscriptions.push(
    new TemplateSettingWatcher(log),
    { dispose: () => completionRegistration?.dispose() },
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affects(event, SETTINGS.commentTrigger)) registerCompletion();
    }),
    vscode.languages.registerHoverProvider(ALL_DOCUMENTS, new CitationHoverProvider(papers)),
    vscode.commands.registerCommand(EXPORT_BIBLIOGRAPHY_COMMAND, (options?: ExportBibliographyOptions) =>
      exportBibliography(papers, isOptions(options) ? options : {})),
  );
}

/** Commands run from menus get a URI or nothing as their argument; only a plain object is options. */
function isOptions(value: unknown): value is ExportBibliographyOptions {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !Array.isArray(value);
}
