/**
 * "Paper Scout: Export Bibliography": the BibTeX entries of the papers cited in the active document
 * (or in the workspace) written to a `.bib` file the user picks, merged with what the file already
 * holds (see `core/citations/bibFile.ts` for the merge rules), and written atomically.
 *
 * What counts as cited is what the citation index reads (Find All References, the diagnostics and
 * "Cited in" read the same): the workspace scope reads the index, a document outside it is read by the
 * index's scanner. Where the entries go is checked before anything is read: a target outside the
 * workspace is written only when the user chose it in a file dialog, a symbolic link is followed only
 * after a warning that names the file it leads to, and exports to one file take turns, each reading
 * the file afresh (and once more just before writing) so no export's entries are lost to another's.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../commands/commandIds';
import { AtomicWriteError } from '../core/citations/atomicWrite';
import { describeMerge, mergeBibEntries, type BibMerge, type NewBibEntry } from '../core/citations/bibFile';
import { labelText } from '../core/citations/displayText';
import { formatCitation } from '../core/citations/formats';
import { textKind } from '../core/languages';
import type { CitationIndex } from '../core/references/citationIndex';
import type { KeyOccurrence } from '../core/references/keyOccurrences';
import { scanCitations } from '../core/references/scanCitations';
import { TaskQueues } from '../core/taskQueues';
import { fileSize } from '../storage/fileSize';
import { commentTrigger } from '../settings/settings';
import { askBibTarget, inWorkspace, type ChosenTarget } from './bibTarget';
import { baseName, realTarget, writeBibFile } from './bibWrite';
import type { PaperKeys } from './paperKeys';
import type { Paper } from '../core/types';

/** Arguments for running the command without its dialogs (tests, keybindings, other extensions). */
export interface ExportBibliographyOptions {
  /** Keys of the active document only, or of the workspace. Asked for when absent and a document is open. */
  scope?: 'document' | 'workspace';
  /** The document to read for the `document` scope (a URI or its string); default the active editor's. */
  document?: vscode.Uri | string;
  /**
   * The `.bib` file to write, inside the workspace; asked for when absent (an existing file is merged
   * into, never asked about overwriting). A file outside the workspace can only be chosen in the dialog.
   */
  target?: vscode.Uri | string;
  /**
   * The file (a URI string) that a target which is a symbolic link may be followed to: the warning
   * about the link offers it. A link leading anywhere else is not followed.
   */
  followLinkTo?: string;
}

/** What an export did, for the message and for callers. */
export interface ExportBibliographyResult extends Omit<BibMerge, 'text'> {
  /** The `.bib` file, as a URI string. */
  target: string;
  /** Whether the file was written (false when nothing changed). */
  written: boolean;
  /** Keys cited with LaTeX or pandoc syntax that are not Paper Scout papers. */
  unknown: string[];
  /** How many documents were read. */
  documents: number;
  /** How many of them cite at least one Paper Scout paper. */
  citingDocuments: number;
}

/** An export that wrote nothing because of where it was to write: why, in the words the user was shown. */
export interface ExportBibliographyRefusal {
  /** The target asked for, as a URI string. */
  target: string;
  written: false;
  refused: 'outside the workspace' | 'symbolic link' | 'too large';
  /** The message shown. */
  message: string;
  /** For a symbolic link the export could follow: the file it leads to (pass it as `followLinkTo`). */
  realTarget?: string;
}

/** Where the export finds the workspace's citations: the citation index (`WorkspaceCitations`). */
export interface CitationSource {
  /** The citation index with every edit scanned (built first when needed); undefined when cancelled. */
  citationIndexNow(isCancelled: () => boolean): Promise<CitationIndex | undefined>;
}

/** Documents that are not the user's writing (source control views, output, settings). */
const IGNORED_SCHEMES: ReadonlySet<string> = new Set(['git', 'output', 'vscode-userdata', 'vscode', 'debug', 'vscode-settings', 'walkThrough', 'vscode-scm']);

/** The largest `.bib` file merged into: a larger one is not read (it would be read whole, then rewritten). */
export const MAX_BIB_BYTES = 64 * 1024 * 1024;

/** How often the merge is made again when the file changes between reading it and writing it. */
const MERGE_ATTEMPTS = 3;

/** Exports to one file (by its real path) take turns. */
const exportsByFile = new TaskQueues();

/** A paper's entry under a key as the user's library has it (undefined when the library has none). */
export type LibraryEntryText = (paper: Paper, key: string) => Promise<string | undefined>;

/**
 * Runs the export; resolves to what it did, or undefined when the user cancelled, nothing was cited, or
 * it failed (said why). A paper of the user's library is written as its `.bib` file has it
 * (`libraryEntry`), not made anew.
 */
export async function exportBibliography(papers: PaperKeys, citations: CitationSource, options: ExportBibliographyOptions = {}, libraryEntry?: LibraryEntryText): Promise<ExportBibliographyResult | ExportBibliographyRefusal | undefined> {
  if (papers.papers.length === 0) {
    void vscode.window.showWarningMessage('Paper Scout has no papers loaded yet, so there is nothing to export.');
    return undefined;
  }
  const documentUri = options.document ? toUri(options.document) : vscode.window.activeTextEditor?.document.uri;
  const scope = options.scope ?? (await pickScope(documentUri));
  if (!scope) return undefined;

  const isPaper = (key: string): boolean => papers.get(key) !== undefined;
  const cited = scope === 'document' ? await documentCitations(documentUri, isPaper) : await workspaceCitations(citations, isPaper);
  if (!cited) return undefined;
  const { keys, unknown, citingDocuments } = sortCitedKeys(cited, papers);
  const where = scope === 'document' ? `"${baseName(documentUri!)}"` : `${citingDocuments} workspace ${citingDocuments === 1 ? 'file' : 'files'}`;
  if (keys.length === 0) {
    const others = unknown.length > 0 ? ` (${unknown.length} other keys are cited, but none is a Paper Scout paper)` : '';
    const read = scope === 'document' ? where : `the ${cited.length} workspace ${cited.length === 1 ? 'file' : 'files'} read`;
    void vscode.window.showInformationMessage(`No Paper Scout citation keys found in ${read}${others}.`);
    return undefined;
  }

  const chosen: ChosenTarget | undefined = options.target ? { uri: toUri(options.target), chosenInDialog: false } : await askBibTarget(documentUri);
  if (!chosen) return undefined;
  const checked = await checkTarget(chosen, options);
  if (!checked) return undefined;
  if ('refused' in checked) return checked;
  const file = checked.real;
  return exportsByFile.run(file.toString(), async () => {
    // An old key (an alias) gets its entry under that key: the document cites it so.
    const entries = await Promise.all(keys.map(async (key) => ({ key, text: (await libraryEntry?.(papers.get(key)!, key)) ?? formatCitation(papers.citedAs(key)!, 'bibtex') })));
    const merged = await mergeIntoFile(chosen.uri, file, entries);
    if (!merged) return undefined;
    const result: ExportBibliographyResult = { ...merged, target: chosen.uri.toString(), unknown, documents: cited.length, citingDocuments };
    void announce(result, chosen.uri, where);
    return result;
  });
}

/** The keys one document (or file) cites, in order. */
interface CitingFile {
  keys: string[];
}

/** Known keys in order of first citation, other cited keys, and how many files cite a known key. */
function sortCitedKeys(files: readonly CitingFile[], papers: PaperKeys): { keys: string[]; unknown: string[]; citingDocuments: number } {
  const known = new Set<string>();
  const unknown = new Set<string>();
  let citingDocuments = 0;
  for (const file of files) {
    let cites = false;
    for (const key of file.keys) {
      if (papers.get(key)) {
        known.add(key);
        cites = true;
      } else unknown.add(key);
    }
    if (cites) citingDocuments++;
  }
  return { keys: [...known], unknown: [...unknown], citingDocuments };
}

/** The keys cited in `occurrences`, and those mentioned (a bare `@key` in Markdown that shows no citing) when `mentionCounts` says so. */
function citedKeys(occurrences: readonly KeyOccurrence[], mentionCounts: (key: string) => boolean): string[] {
  const keys: string[] = [];
  for (const occurrence of occurrences) if (occurrence.kind === 'citation' || (occurrence.kind === 'mention' && mentionCounts(occurrence.key))) keys.push(occurrence.key);
  return keys;
}

async function pickScope(documentUri: vscode.Uri | undefined): Promise<'document' | 'workspace' | undefined> {
  const hasWorkspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  if (!documentUri) {
    if (hasWorkspace) return 'workspace';
    void vscode.window.showInformationMessage('Open a document that cites papers, or a folder, to export a bibliography.');
    return undefined;
  }
  if (!hasWorkspace) return 'document';
  const picked = await vscode.window.showQuickPick([
    { label: 'Active Document', description: labelText(baseName(documentUri)), scope: 'document' as const },
    { label: 'Workspace', description: 'every file the citation index reads, and the open documents', scope: 'workspace' as const },
  ], { title: 'Export Bibliography', placeHolder: 'Export the papers cited in' });
  return picked?.scope;
}

/**
 * The keys one document cites, as the citation index's scanner reads them in its text as it stands
 * (unsaved edits included), whether or not the index holds the document.
 */
async function documentCitations(uri: vscode.Uri | undefined, isPaper: (key: string) => boolean): Promise<CitingFile[] | undefined> {
  if (!uri) {
    void vscode.window.showInformationMessage('Open a document that cites papers to export its bibliography.');
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  return [{ keys: citedKeys(scanCitations(document.getText(), document.languageId, { commentTrigger: commentTrigger() }), isPaper) }];
}

/** The keys cited in the workspace: every file of the citation index, and open documents it does not hold. */
async function workspaceCitations(citations: CitationSource, isPaper: (key: string) => boolean): Promise<CitingFile[] | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Paper Scout: collecting citations', cancellable: true },
    async (_progress, token) => {
      const index = await citations.citationIndexNow(() => token.isCancellationRequested);
      if (!index || token.isCancellationRequested) return undefined;
      const files: CitingFile[] = index.fileNames().map((file) => ({ keys: citedKeys(index.occurrencesIn(file), (key) => index.mentionsCount(key)) }));
      const trigger = commentTrigger();
      for (const document of vscode.workspace.textDocuments) {
        const id = document.uri.toString();
        if (document.isClosed || index.hasFile(id) || IGNORED_SCHEMES.has(document.uri.scheme) || textKind(document.languageId) === 'bibtex') continue;
        files.push({ keys: citedKeys(scanCitations(document.getText(), document.languageId, { commentTrigger: trigger }), isPaper) });
      }
      return files;
    },
  );
}

/**
 * The file to write, once the target passes the checks: in the workspace unless chosen in a dialog,
 * not a link unless the caller accepts where it leads, not over the size limit. A refusal is shown
 * (a link's with a button to export into the file it leads to) and returned; undefined when the
 * target could not be looked at (said why).
 */
async function checkTarget(chosen: ChosenTarget, options: ExportBibliographyOptions): Promise<{ real: vscode.Uri } | ExportBibliographyRefusal | undefined> {
  const target = chosen.uri;
  const name = baseName(target);
  if (!chosen.chosenInDialog && !inWorkspace(target)) {
    const message = `Paper Scout did not export to ${shown(target)}: it is outside the workspace. To export there, choose the file with "Other .bib File…" in Export Bibliography.`;
    void vscode.window.showErrorMessage(message);
    return { target: target.toString(), written: false, refused: 'outside the workspace', message };
  }
  let real: vscode.Uri;
  try {
    real = await realTarget(target);
  } catch (error) {
    if (error instanceof AtomicWriteError) {
      const message = `Paper Scout did not export to ${name}: ${error.message}`;
      void vscode.window.showWarningMessage(message);
      return { target: target.toString(), written: false, refused: 'symbolic link', message };
    }
    void vscode.window.showErrorMessage(`Paper Scout could not look at ${name}: ${messageOf(error)}`);
    return undefined;
  }
  if (real.toString() !== target.toString() && options.followLinkTo !== real.toString()) {
    const outside = inWorkspace(real) ? '' : ', outside the workspace';
    const message = `${name} is a symbolic link to ${shown(real)}${outside}. Paper Scout exported nothing: export into ${shown(real)}?`;
    const action = `Export to ${baseName(real)}`;
    void vscode.window.showWarningMessage(message, action).then((choice) => {
      if (choice === action) void vscode.commands.executeCommand(COMMANDS.exportBibliography, { ...withoutDialogs(options, target), followLinkTo: real.toString() });
    });
    return { target: target.toString(), written: false, refused: 'symbolic link', message, realTarget: real.toString() };
  }
  const size = await fileSize(real).catch(() => undefined); // one that cannot be looked at is said so when read
  if (size !== undefined && size > MAX_BIB_BYTES) {
    const message = `Paper Scout did not export to ${name}: it is ${megabytes(size)} MB, and Paper Scout merges into .bib files of up to ${megabytes(MAX_BIB_BYTES)} MB. Export to another file.`;
    void vscode.window.showErrorMessage(message);
    return { target: target.toString(), written: false, refused: 'too large', message };
  }
  return { real };
}

/** The options of an export as the link warning runs it again: the same scope and document, the target named. */
function withoutDialogs(options: ExportBibliographyOptions, target: vscode.Uri): ExportBibliographyOptions {
  return { scope: options.scope, document: options.document?.toString() ?? vscode.window.activeTextEditor?.document.uri.toString(), target: target.toString() };
}

/**
 * Merges `entries` into `file` (the real file behind `target`) and writes it: read, merge,
 * and read again just before writing; when the file changed meanwhile (another program wrote it), the
 * merge is made again from what it now holds. Undefined (after saying why) when it could not.
 */
async function mergeIntoFile(target: vscode.Uri, file: vscode.Uri, entries: readonly NewBibEntry[]): Promise<Omit<ExportBibliographyResult, 'target' | 'unknown' | 'documents' | 'citingDocuments'> | undefined> {
  const name = baseName(target);
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    if (hasUnsavedChanges(target) || hasUnsavedChanges(file)) {
      void vscode.window.showWarningMessage(`${name} has unsaved changes. Save or revert it, then export again.`);
      return undefined;
    }
    const existing = await readExisting(file, name);
    if (existing === undefined) return undefined;
    let merge: BibMerge;
    try {
      merge = mergeBibEntries(existing.text, entries);
    } catch (error) {
      void vscode.window.showErrorMessage(`Paper Scout did not change ${name}: ${messageOf(error)}.`);
      return undefined;
    }
    const { text, ...counts } = merge;
    const written = existing.bytes === null || text !== existing.text;
    if (!written) return { ...counts, written };
    const now = await readExisting(file, name, true);
    if (now === undefined) return undefined;
    if (!sameBytes(now.bytes, existing.bytes)) continue;
    try {
      await writeBibFile(file, new TextEncoder().encode(text), existing.bytes);
    } catch (error) {
      // An AtomicWriteError names the file and says what became of it; anything else gets the name here.
      const detail = error instanceof AtomicWriteError ? messageOf(error) : `could not write ${name} (${messageOf(error)}); it is unchanged`;
      void vscode.window.showErrorMessage(`Paper Scout could not export the bibliography: ${detail.replace(/\.$/, '')}.`);
      return undefined;
    }
    return { ...counts, written };
  }
  void vscode.window.showErrorMessage(`Paper Scout did not change ${name}: it kept changing while the export read it. Export again when nothing else is writing it.`);
  return undefined;
}

function hasUnsavedChanges(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((document) => document.isDirty && document.uri.toString() === uri.toString());
}

/**
 * The target's current text and bytes (`bytes: null`, empty text, when it does not exist yet);
 * undefined (after saying why, unless `quiet`) when it cannot be read or is not UTF-8, since rewriting
 * it could change bytes of entries Paper Scout did not write.
 */
async function readExisting(file: vscode.Uri, name: string, quiet = false): Promise<{ text: string; bytes: Uint8Array | null } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { text: '', bytes: null };
    if ((await fileSize(file).catch(() => undefined)) === undefined) return { text: '', bytes: null };
    if (!quiet) void vscode.window.showErrorMessage(`Paper Scout could not read ${name}: ${messageOf(error)}`);
    return undefined;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), bytes };
  } catch {
    if (!quiet) void vscode.window.showErrorMessage(`Paper Scout did not change ${name}: it is not UTF-8 text, and rewriting it could alter your entries.`);
    return undefined;
  }
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.byteLength !== b.byteLength) return false;
  for (let at = 0; at < a.byteLength; at++) if (a[at] !== b[at]) return false;
  return true;
}

/** Says what the export did: every key counted once, edits kept named, and an offer to open the file. */
async function announce(result: ExportBibliographyResult, target: vscode.Uri, where: string): Promise<void> {
  const name = baseName(target);
  const others = result.unknown.length > 0 ? ` ${result.unknown.length} other cited ${result.unknown.length === 1 ? 'key is not a Paper Scout paper and was' : 'keys are not Paper Scout papers and were'} left alone.` : '';
  const headline = result.written ? `Exported the papers cited in ${where} to ${name}` : `${name} is already up to date with the papers cited in ${where}`;
  const choice = await vscode.window.showInformationMessage(`${headline}: ${describeMerge(result)}.${others}`, 'Open File');
  if (choice) await vscode.window.showTextDocument(target);
}

/** A file as messages name it: its path for a local file, else the URI. */
function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.parse(value) : value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
