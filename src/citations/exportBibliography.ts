/**
 * "Paper Scout: Export Bibliography": the BibTeX entries of the papers cited in the active document
 * (or in the workspace) written to a `.bib` file the user picks, merged with what the file already
 * holds (see `core/citations/bibFile.ts` for the merge rules), and written atomically.
 */
import * as vscode from 'vscode';
import { AtomicWriteError } from '../core/citations/atomicWrite';
import { describeMerge, mergeBibEntries, type BibMerge } from '../core/citations/bibFile';
import { findCitedKeys, type CitedKeysOptions } from '../core/citations/citedKeys';
import { formatCitation } from '../core/citations/formats';
import { citationSyntax, citationSyntaxOfFile, LATEX_FILE_EXTENSIONS, MARKDOWN_FILE_EXTENSIONS, type CitationSyntax } from '../core/languages';
import { askBibTarget } from './bibTarget';
import { baseName, writeBibFile } from './bibWrite';
import type { Paper } from '../core/types';
import type { PaperKeys } from './paperKeys';
import { commentTrigger } from '../settings/settings';

/** Arguments for running the command without its dialogs (tests, keybindings, other extensions). */
export interface ExportBibliographyOptions {
  /** Keys of the active document only, or of the workspace. Asked for when absent and a document is open. */
  scope?: 'document' | 'workspace';
  /** The document to read for the `document` scope (a URI or its string); default the active editor's. */
  document?: vscode.Uri | string;
  /** The `.bib` file to write; asked for when absent (an existing file is merged into, never asked about overwriting). */
  target?: vscode.Uri | string;
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

/** Extensions of the source code files the workspace scope reads, besides Markdown and LaTeX. */
const CODE_FILE_EXTENSIONS = ['py', 'ipynb', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cu', 'java', 'kt',
  'scala', 'go', 'rs', 'swift', 'jl', 'r', 'R', 'm', 'rb', 'lua', 'sh', 'txt', 'rst', 'org', 'typ'];
/** Files the workspace scope reads: Markdown, LaTeX and source code. */
const WORKSPACE_GLOB = `**/*.{${[...MARKDOWN_FILE_EXTENSIONS, 'Rmd', ...LATEX_FILE_EXTENSIONS, ...CODE_FILE_EXTENSIONS].join(',')}}`;
const WORKSPACE_EXCLUDE = '**/{node_modules,.git,dist,out,build,target,.venv,venv,__pycache__,.tox,.mypy_cache}/**';
const MAX_WORKSPACE_FILES = 2000;
/** Documents that are not the user's writing (source control views, output, settings). */
const IGNORED_SCHEMES: ReadonlySet<string> = new Set(['git', 'output', 'vscode-userdata', 'vscode', 'debug', 'vscode-settings', 'walkThrough', 'vscode-scm']);
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A paper's entry under a key as the user's library has it (undefined when the library has none). */
export type LibraryEntryText = (paper: Paper, key: string) => Promise<string | undefined>;

/**
 * Runs the export; resolves to what it did, or undefined when the user cancelled or nothing was cited.
 * A paper of the user's library is written as its `.bib` file has it (`libraryEntry`), not made anew.
 */
export async function exportBibliography(papers: PaperKeys, options: ExportBibliographyOptions = {}, libraryEntry?: LibraryEntryText): Promise<ExportBibliographyResult | undefined> {
  if (papers.papers.length === 0) {
    void vscode.window.showWarningMessage('Paper Scout has no papers loaded yet, so there is nothing to export.');
    return undefined;
  }
  const documentUri = options.document ? toUri(options.document) : vscode.window.activeTextEditor?.document.uri;
  const scope = options.scope ?? (await pickScope(documentUri));
  if (!scope) return undefined;

  const texts = scope === 'document' ? await documentText(documentUri) : await workspaceTexts();
  if (!texts) return undefined;
  const known: string[] = [];
  const unknown: string[] = [];
  const trigger = commentTrigger();
  let citingDocuments = 0;
  for (const citing of texts) {
    const found = findCitedKeys(citing.text, papers.keys(), keyOptions(citing.syntax, trigger));
    if (found.known.length > 0) citingDocuments++;
    known.push(...found.known);
    unknown.push(...found.unknown);
  }
  const keys = [...new Set(known)];
  const unknownKeys = [...new Set(unknown)];
  const where = scope === 'document' ? `"${baseName(documentUri!)}"` : `${citingDocuments} workspace ${citingDocuments === 1 ? 'file' : 'files'}`;
  if (keys.length === 0) {
    const others = unknownKeys.length > 0 ? ` (${unknownKeys.length} other keys are cited, but none is a Paper Scout paper)` : '';
    const read = scope === 'document' ? where : `the ${texts.length} workspace ${texts.length === 1 ? 'file' : 'files'} read`;
    void vscode.window.showInformationMessage(`No Paper Scout citation keys found in ${read}${others}.`);
    return undefined;
  }

  const target = options.target ? toUri(options.target) : await askBibTarget(documentUri);
  if (!target) return undefined;
  const openTarget = vscode.workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
  if (openTarget?.isDirty) {
    void vscode.window.showWarningMessage(`${baseName(target)} has unsaved changes. Save or revert it, then export again.`);
    return undefined;
  }

  const existing = await readExisting(target);
  if (existing === undefined) return undefined;
  // An old key (an alias) gets its entry under that key: the document cites it so.
  const entries = await Promise.all(keys.map(async (key) => ({ key, text: (await libraryEntry?.(papers.get(key)!, key)) ?? formatCitation(papers.citedAs(key)!, 'bibtex') })));
  let merge: BibMerge;
  try {
    merge = mergeBibEntries(existing.text, entries);
  } catch (error) {
    void vscode.window.showErrorMessage(`Paper Scout did not change ${baseName(target)}: ${message(error)}.`);
    return undefined;
  }
  const written = existing.bytes === null || merge.text !== existing.text;
  if (written) {
    try {
      await writeBibFile(target, new TextEncoder().encode(merge.text), existing.bytes);
    } catch (error) {
      // An AtomicWriteError names the file and says what became of it; anything else gets the name here.
      const detail = error instanceof AtomicWriteError ? message(error) : `could not write ${baseName(target)} (${message(error)}); it is unchanged`;
      void vscode.window.showErrorMessage(`Paper Scout could not export the bibliography: ${detail.replace(/\.$/, '')}.`);
      return undefined;
    }
  }
  const { text: _text, ...counts } = merge;
  const result: ExportBibliographyResult = { ...counts, target: target.toString(), written, unknown: unknownKeys, documents: texts.length, citingDocuments };
  void announce(result, target, where);
  return result;
}

/** A text that may cite papers (a document's, or a workspace file's), with how its language cites. */
interface CitingText {
  text: string;
  syntax: CitationSyntax;
}

/** Which citation syntaxes count in a document: pandoc in Markdown, LaTeX in LaTeX, the trigger everywhere. */
function keyOptions(syntax: CitationSyntax, trigger: string): CitedKeysOptions {
  return { commentTrigger: trigger, pandoc: syntax === 'markdown', latex: syntax !== 'code' };
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
    { label: 'Active Document', description: baseName(documentUri), scope: 'document' as const },
    { label: 'Workspace', description: 'open documents and the Markdown, LaTeX and code files of the workspace', scope: 'workspace' as const },
  ], { title: 'Export Bibliography', placeHolder: 'Export the papers cited in' });
  return picked?.scope;
}

async function documentText(uri: vscode.Uri | undefined): Promise<CitingText[] | undefined> {
  if (!uri) {
    void vscode.window.showInformationMessage('Open a document that cites papers to export its bibliography.');
    return undefined;
  }
  const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  return [{ text: document.getText(), syntax: citationSyntax(document.languageId) }];
}

/** The open documents (unsaved text included) and the workspace's files, bounded in number and size. */
async function workspaceTexts(): Promise<CitingText[] | undefined> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Paper Scout: collecting citations', cancellable: true },
    async (_progress, token) => {
      const texts: CitingText[] = [];
      const seen = new Set<string>();
      for (const document of vscode.workspace.textDocuments) {
        if (document.isClosed || IGNORED_SCHEMES.has(document.uri.scheme) || document.languageId === 'bibtex') continue;
        seen.add(document.uri.toString());
        texts.push({ text: document.getText(), syntax: citationSyntax(document.languageId) });
      }
      let files: vscode.Uri[] = [];
      try {
        files = await vscode.workspace.findFiles(WORKSPACE_GLOB, WORKSPACE_EXCLUDE, MAX_WORKSPACE_FILES, token);
      } catch {
        // No file search in this host (some web hosts): the open documents are all there is.
      }
      for (const file of files) {
        if (token.isCancellationRequested) return undefined;
        if (seen.has(file.toString())) continue;
        seen.add(file.toString());
        try {
          const bytes = await vscode.workspace.fs.readFile(file);
          if (bytes.byteLength > MAX_FILE_BYTES) continue;
          texts.push({ text: new TextDecoder().decode(bytes), syntax: citationSyntaxOfFile(file.path) });
        } catch {
          // Unreadable files cite nothing.
        }
      }
      return token.isCancellationRequested ? undefined : texts;
    },
  );
}

/**
 * The target's current text and bytes (`bytes: null`, empty text, when it does not exist yet);
 * undefined (after saying why) when it cannot be read or is not UTF-8, since rewriting it could change
 * bytes of entries Paper Scout did not write.
 */
async function readExisting(target: vscode.Uri): Promise<{ text: string; bytes: Uint8Array | null } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(target);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { text: '', bytes: null };
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      return { text: '', bytes: null };
    }
    void vscode.window.showErrorMessage(`Paper Scout could not read ${baseName(target)}: ${message(error)}`);
    return undefined;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), bytes };
  } catch {
    void vscode.window.showErrorMessage(`Paper Scout did not change ${baseName(target)}: it is not UTF-8 text, and rewriting it could alter your entries.`);
    return undefined;
  }
}

/** Says what the export did: every key counted once, edits kept named, and an offer to open the file. */
async function announce(result: ExportBibliographyResult, target: vscode.Uri, where: string): Promise<void> {
  const name = baseName(target);
  const others = result.unknown.length > 0 ? ` ${result.unknown.length} other cited ${result.unknown.length === 1 ? 'key is not a Paper Scout paper and was' : 'keys are not Paper Scout papers and were'} left alone.` : '';
  const headline = result.written ? `Exported the papers cited in ${where} to ${name}` : `${name} is already up to date with the papers cited in ${where}`;
  const choice = await vscode.window.showInformationMessage(`${headline}: ${describeMerge(result)}.${others}`, 'Open File');
  if (choice) await vscode.window.showTextDocument(target);
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.parse(value) : value;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
