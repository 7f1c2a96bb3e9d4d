/**
 * The library the workspace holds: its `.bib` files, and the bibliographies open documents declare
 * (`\bibliography{refs}`, `\addbibresource{refs.bib}`, Pandoc `bibliography:`), wherever they resolve.
 * They are read through `workspace.fs` (so the web host works too), handed to the store as library
 * files, and watched: a file that changes is read again alone. Nothing is looked for before a LaTeX,
 * Markdown or BibTeX document is open or Paper Scout's papers are shown: most windows cite nothing.
 * The setting `paperScout.library.workspaceBibFiles` turns it all off.
 */
import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/corpus/decode';
import { declaredBibliographies } from '../core/library/declaredBibliographies';
import { sourceKind } from '../core/library/libraryFile';
import type { LibraryOrigin, LibraryRemoval, LibraryText } from '../core/library/libraryFiles';
import type { LibraryFormat } from '../core/library/libraryEntry';
import { MAX_LIBRARY_FILE_BYTES } from '../core/store/corpusFileReader';
import type { PaperStore } from '../core/store/paperStore';
import { textKind } from '../core/languages';
import { affects, SETTINGS, workspaceLibraryEnabled } from '../settings/settings';
import { pathFilterFor, relativeTo, walkFolder } from '../references/workspaceFiles';

/** At most this many `.bib` files of the workspace are read. */
const MAX_WORKSPACE_BIB_FILES = 200;
/** How long after the last edit a document's declared bibliographies are looked at again. */
const DECLARATION_DELAY_MS = 500;

/** The workspace's library files, read and watched for the store. */
export class WorkspaceLibrary implements vscode.Disposable {
  private started = false;
  /** Library files read, by URI string, with their origin. */
  private readonly read = new Map<string, LibraryOrigin>();
  /** The bibliographies each document declares, by the document's URI string: URI strings. */
  private readonly declared = new Map<string, string[]>();
  private readonly watchers = new Map<string, vscode.Disposable>();
  private workspaceWatcher: vscode.FileSystemWatcher | undefined;
  private readonly pending = new Map<string, vscode.TextDocument>();
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: PaperStore, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.documentOpened(document)),
      vscode.workspace.onDidChangeTextDocument((event) => { if (event.contentChanges.length > 0 && this.started) this.schedule(event.document); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => { if (this.started) void this.restart(); }),
      vscode.workspace.onDidChangeConfiguration((event) => { if (affects(event, SETTINGS.workspaceLibrary)) void this.restart(); }),
    );
    if (vscode.workspace.textDocuments.some((document) => citesPapers(document))) this.start();
  }

  /** Starts reading the workspace's library, once (the store asks when its papers are shown). */
  start(): void {
    if (this.started || !workspaceLibraryEnabled()) return;
    this.started = true;
    void this.scanWorkspace().catch((error: unknown) => this.log.error(`your library in the workspace: ${messageOf(error)}`));
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  /** The library files (URI strings) `document` declares, as far as they were found. */
  bibliographiesOf(document: vscode.TextDocument): string[] {
    const declared = this.declared.get(document.uri.toString());
    if (declared) return declared;
    if (!this.started || !citesPapers(document)) return [];
    this.flushDocument(document);
    return this.declared.get(document.uri.toString()) ?? [];
  }

  /** Forgets everything read and starts again with the settings and folders in force. */
  private async restart(): Promise<void> {
    const removed = [...this.read.keys()].flatMap(removalsOf);
    this.stop();
    if (removed.length > 0) await this.store.updateLibrary([], removed);
    if (workspaceLibraryEnabled() && vscode.workspace.textDocuments.some((document) => citesPapers(document))) this.start();
  }

  private stop(): void {
    this.started = false;
    this.read.clear();
    this.declared.clear();
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.workspaceWatcher?.dispose();
    this.workspaceWatcher = undefined;
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    this.pending.clear();
  }

  private documentOpened(document: vscode.TextDocument): void {
    if (!citesPapers(document)) return;
    if (!this.started) this.start();
    else this.schedule(document);
  }

  /** Lists and reads the `.bib` files of every workspace folder, and watches for more. */
  private async scanWorkspace(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.bib');
    this.workspaceWatcher = watcher;
    watcher.onDidCreate((uri) => void this.readFiles([uri], 'workspace'));
    watcher.onDidChange((uri) => void this.readFiles([uri], 'workspace'));
    watcher.onDidDelete((uri) => this.fileDeleted(uri));
    const files: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) files.push(...(await bibFilesOf(folder)));
    if (!this.started || this.workspaceWatcher !== watcher) return;
    if (files.length > MAX_WORKSPACE_BIB_FILES) this.log.warn(`your library in the workspace: ${files.length} .bib files found; the first ${MAX_WORKSPACE_BIB_FILES} are read`);
    await this.readFiles(files.slice(0, MAX_WORKSPACE_BIB_FILES), 'workspace');
  }

  /** Reads library files and hands them to the store; one that cannot be read is said in the log. */
  private async readFiles(uris: readonly vscode.Uri[], origin: LibraryOrigin): Promise<void> {
    if (!this.started) return;
    const texts: LibraryText[] = [];
    for (const uri of uris) {
      // A file the workspace and a document both name is the workspace's (the store counts it so either way).
      const known = this.read.get(uri.toString());
      const as = known === 'workspace' ? known : origin;
      const text = await readLibraryFile(uri, as, this.log);
      if (!text) continue;
      this.read.set(text.location, as);
      texts.push(text);
    }
    if (texts.length > 0 && this.started) await this.store.updateLibrary(texts, [], (location) => void this.readFiles([vscode.Uri.parse(location, true)], this.read.get(location) ?? origin));
  }

  private fileDeleted(uri: vscode.Uri): void {
    const location = uri.toString();
    if (!this.read.delete(location)) return;
    void this.store.updateLibrary([], removalsOf(location));
  }

  private schedule(document: vscode.TextDocument): void {
    if (!citesPapers(document) || textKind(document.languageId) === 'bibtex') return;
    this.pending.set(document.uri.toString(), document);
    this.pendingTimer ??= setTimeout(() => {
      this.pendingTimer = undefined;
      const documents = [...this.pending.values()];
      this.pending.clear();
      for (const pending of documents) this.flushDocument(pending);
    }, DECLARATION_DELAY_MS);
  }

  /** Looks at what `document` declares now; reads and watches the bibliographies new to the library. */
  private flushDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const kind = textKind(document.languageId);
    if (kind !== 'latex' && kind !== 'markdown') return;
    const uris = declaredBibliographies(document.getText(), kind).map((path) => resolvePath(path, document.uri)).filter((uri): uri is vscode.Uri => uri !== undefined);
    this.declared.set(document.uri.toString(), uris.map((uri) => uri.toString()));
    const fresh = uris.filter((uri) => !this.read.has(uri.toString()) && !this.watchers.has(uri.toString()));
    for (const uri of fresh) this.watch(uri);
    if (fresh.length > 0) void this.readFiles(fresh, 'document');
  }

  /** Watches one declared bibliography (it may be outside the workspace). */
  private watch(uri: vscode.Uri): void {
    const name = uri.path.split('/').pop() ?? '';
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), name));
    watcher.onDidCreate(() => void this.readFiles([uri], this.read.get(uri.toString()) ?? 'document'));
    watcher.onDidChange(() => void this.readFiles([uri], this.read.get(uri.toString()) ?? 'document'));
    watcher.onDidDelete(() => this.fileDeleted(uri));
    this.watchers.set(uri.toString(), watcher);
  }

  dispose(): void {
    this.stop();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * What to tell the store when this class no longer names a file: gone for the workspace and the
 * documents alike (one it read for a document first and for the workspace later is named by both),
 * while the setting, if it names the file too, keeps it.
 */
function removalsOf(location: string): LibraryRemoval[] {
  return [{ location, origin: 'workspace' }, { location, origin: 'document' }];
}

/** Whether a document is of a kind that cites papers or holds a library: LaTeX, Markdown, BibTeX. */
function citesPapers(document: vscode.TextDocument): boolean {
  const kind = textKind(document.languageId);
  return kind === 'latex' || kind === 'markdown' || kind === 'bibtex';
}

/** A path a document declares, against the document's folder (absolute paths and URIs as they are). */
function resolvePath(path: string, document: vscode.Uri): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return vscode.Uri.parse(path, true);
  if (path.startsWith('/') || /^[a-z]:[\\/]/i.test(path)) return vscode.Uri.file(path);
  if (path.startsWith('~')) return undefined;
  if (document.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, path) : undefined;
  }
  return vscode.Uri.joinPath(document, '..', path);
}

/** The `.bib` files of a folder: VS Code's file search where there is one, else a walk (VS Code for the Web). */
async function bibFilesOf(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const filter = pathFilterFor(folder);
  try {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.bib'), '**/{node_modules,.git}/**', MAX_WORKSPACE_BIB_FILES + 1);
    const kept = found.filter((uri) => {
      const path = relativeTo(folder, uri);
      return path !== undefined && filter.includesFile(path);
    });
    if (kept.length > 0) return kept.sort((a, b) => (a.path < b.path ? -1 : 1));
  } catch {
    // No file search for this file system: walk it.
  }
  const walked = await walkFolder(folder, folder.uri, filter, () => false);
  return walked.files.filter((file) => /\.bib$/i.test(file.relativePath)).map((file) => vscode.Uri.parse(file.id, true));
}

/** A library file's text, or undefined (said in the log) when it cannot be read, is too large or is binary. */
async function readLibraryFile(uri: vscode.Uri, origin: LibraryOrigin, log: vscode.LogOutputChannel): Promise<LibraryText | undefined> {
  const file = vscode.workspace.asRelativePath(uri, true);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_LIBRARY_FILE_BYTES) {
      log.warn(`${file}: ${(stat.size / 1048576).toFixed(0)} MB; Paper Scout reads library files up to ${MAX_LIBRARY_FILE_BYTES / 1048576} MB`);
      return undefined;
    }
    const decoded = decodeUtf8(await vscode.workspace.fs.readFile(uri), file);
    for (const diagnostic of decoded.diagnostics) log.warn(`${file}:${diagnostic.line ?? ''}: ${diagnostic.message}`);
    if (decoded.text.includes('\u0000')) {
      log.warn(`${file}: the file is binary (it contains NUL bytes), not a library`);
      return undefined;
    }
    const kind = sourceKind(uri.path, decoded.text);
    const format: LibraryFormat = kind === 'csl-json' || kind === 'csl-yaml' ? kind : 'bibtex';
    if (kind === 'corpus-json' || kind === 'pages') log.info(`${file}: read as BibTeX (its name does not say .bib, .json or .yaml)`);
    return { file, location: uri.toString(), text: decoded.text, format, origin };
  } catch (error) {
    if (origin === 'document') log.info(`${file}: a document's bibliography that cannot be read (${messageOf(error)})`);
    else log.warn(`${file}: cannot be read (${messageOf(error)})`);
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
