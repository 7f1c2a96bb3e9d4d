// A stand-in for the `vscode` module that runs the real extension bundle in plain Node and records
// what it does to the workspace: files read, folders listed, file searches, watchers made. Enough of
// the API to activate Paper Scout and leave it running; anything else it touches is a no-op stub, and
// its name is recorded (`missing`), so the benchmark says when the fake no longer covers what the
// extension does. VS Code's file search runs outside the extension host, so `findFiles` runs in a
// worker thread here, and its work does not count as the host's.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the extension did to the workspace, counted by the fake. */
export interface HostRecord {
  /** Workspace files whose contents were read (`workspace.fs.readFile`, `openTextDocument`). */
  filesRead: string[];
  /** Workspace folders listed (`workspace.fs.readDirectory`). */
  foldersListed: number;
  /** `workspace.fs.stat` calls on workspace paths. */
  stats: number;
  /** `workspace.findFiles` calls (VS Code's file search), with their include patterns. */
  searches: string[];
  /** File system watchers made. */
  watchers: string[];
  /** Parts of the API the fake only stubs that the extension touched. */
  missing: Set<string>;
}

/** A URI: what the extension needs of `vscode.Uri` (file URIs through Node's URL, others parsed plainly). */
export class Uri {
  private constructor(readonly scheme: string, readonly authority: string, readonly path: string, readonly query = '', readonly fragment = '') {}

  static file(path: string): Uri {
    return new Uri('file', '', pathToFileURL(path).pathname.split('/').map(decodeURIComponent).join('/'));
  }

  static parse(value: string): Uri {
    const match = /^([a-zA-Z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(value);
    if (!match) throw new Error(`not a URI: ${value}`);
    return new Uri(match[1], match[2] ?? '', decodeURIComponent(match[3]), match[4] ?? '', match[5] ?? '');
  }

  static from(parts: { scheme: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(parts.scheme, parts.authority ?? '', parts.path ?? '', parts.query ?? '', parts.fragment ?? '');
  }

  static joinPath(base: Uri, ...segments: string[]): Uri {
    const joined = [base.path.replace(/\/+$/, ''), ...segments].join('/').replace(/\/+/g, '/');
    return base.with({ path: joined });
  }

  static isUri(value: unknown): value is Uri {
    return value instanceof Uri;
  }

  get fsPath(): string {
    return this.scheme === 'file' ? fileURLToPath(pathToFileURL(this.path)) : this.path;
  }

  with(change: { scheme?: string; authority?: string; path?: string; query?: string; fragment?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }

  toString(): string {
    const path = this.path.split('/').map(encodeURIComponent).join('/');
    return `${this.scheme}:${this.scheme === 'file' || this.authority ? `//${this.authority}` : ''}${path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }

  toJSON(): object {
    return { scheme: this.scheme, authority: this.authority, path: this.path };
  }
}

/** VS Code's event emitter, as extensions use it. */
export class EventEmitter<T> {
  private listeners = new Set<(value: T) => void>();
  readonly event = (listener: (value: T) => void, thisArg?: unknown, disposables?: Array<{ dispose(): void }>): Disposable => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.add(bound);
    const disposable = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(disposable);
    return disposable;
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}

export class Disposable {
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  static from(...disposables: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => disposables.forEach((disposable) => disposable.dispose()));
  }

  dispose(): void {
    this.onDispose();
  }
}

/** An event nothing fires (the editor's events: nothing is typed in the benchmark). */
function quietEvent(_listener: unknown, _thisArg?: unknown, disposables?: Array<{ dispose(): void }>): Disposable {
  const disposable = new Disposable();
  disposables?.push(disposable);
  return disposable;
}

class FileSystemError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }

  static FileNotFound(uri?: Uri): FileSystemError {
    return new FileSystemError(`file not found: ${uri?.toString() ?? ''}`, 'FileNotFound');
  }
}

const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

/** A text document held in memory, as VS Code holds an open editor's document. */
class TextDocument {
  readonly version = 1;
  readonly isClosed = false;
  readonly isUntitled = false;
  readonly isDirty = false;
  readonly eol = 1;
  private readonly lines: string[];

  constructor(readonly uri: Uri, readonly languageId: string, private readonly text: string) {
    this.lines = text.split('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  get fileName(): string {
    return this.uri.fsPath;
  }

  getText(range?: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  lineAt(line: number | { line: number }): { text: string; range: { end: { line: number; character: number } } } {
    const at = typeof line === 'number' ? line : line.line;
    return { text: this.lines[at], range: { end: { line: at, character: this.lines[at].length } } };
  }

  offsetAt(position: { line: number; character: number }): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset += this.lines[line].length + 1;
    return offset + position.character;
  }

  positionAt(offset: number): { line: number; character: number } {
    let line = 0;
    while (line < this.lines.length - 1 && offset > this.lines[line].length) offset -= this.lines[line++].length + 1;
    return { line, character: offset };
  }
}

/** Settings as VS Code reads them with nothing set: the defaults the manifest declares. */
function configurationDefaults(packageJson: { contributes: { configuration: Array<{ properties: Record<string, { default?: unknown }> }> } }): Map<string, unknown> {
  const defaults = new Map<string, unknown>([
    ['files.exclude', { '**/.git': true, '**/.svn': true, '**/.hg': true, '**/.DS_Store': true, '**/Thumbs.db': true }],
    ['search.exclude', { '**/node_modules': true, '**/bower_components': true, '**/*.code-search': true }],
  ]);
  for (const section of packageJson.contributes.configuration) for (const [key, value] of Object.entries(section.properties)) defaults.set(key, value.default);
  return defaults;
}

/**
 * Answers `**\/*.{a,b}` file searches over a folder in a worker thread (VS Code's search runs outside
 * the extension host), started before the extension is loaded so that starting it costs nothing measured.
 */
const SEARCH_WORKER = `
const { parentPort } = require('node:worker_threads');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');
parentPort.on('message', ({ id, root, endings, limit }) => {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (found.length >= limit) return;
      if (entry.isDirectory()) { if (entry.name !== 'node_modules' && entry.name !== '.git') walk(join(dir, entry.name)); }
      else if (endings.includes(entry.name.slice(entry.name.lastIndexOf('.') + 1).toLowerCase())) found.push(join(dir, entry.name));
    }
  };
  walk(root);
  parentPort.postMessage({ id, found });
});
`;

/**
 * The fake `vscode` module for a window with one workspace folder (`folder`) and the documents in
 * `openDocuments` open, loading an extension whose manifest is `packageJson`.
 */
export function fakeVscode(folder: string, packageJson: object, openDocuments: Array<{ path: string; languageId: string }>): { module: object; record: HostRecord } {
  const record: HostRecord = { filesRead: [], foldersListed: 0, stats: 0, searches: [], watchers: [], missing: new Set() };
  const search = new Worker(SEARCH_WORKER, { eval: true });
  search.unref();
  const searches = new Map<number, (paths: string[]) => void>();
  search.on('message', ({ id, found }: { id: number; found: string[] }) => searches.get(id)?.(found));
  const folderUri = Uri.file(folder);
  const workspaceFolder = { uri: folderUri, name: folderUri.path.slice(folderUri.path.lastIndexOf('/') + 1), index: 0 };
  const inWorkspace = (uri: Uri): boolean => uri.scheme === 'file' && (uri.path === folderUri.path || uri.path.startsWith(`${folderUri.path}/`));
  const defaults = configurationDefaults(packageJson as never);
  const documents = openDocuments.map((document) => new TextDocument(Uri.file(document.path), document.languageId, readFileSync(document.path, 'utf8')));
  const notFound = (error: unknown, uri: Uri): never => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw FileSystemError.FileNotFound(uri);
    throw error;
  };

  const fs = {
    async readFile(uri: Uri): Promise<Uint8Array> {
      if (inWorkspace(uri)) record.filesRead.push(uri.path);
      return readFile(uri.fsPath).catch((error: unknown) => notFound(error, uri));
    },
    async readDirectory(uri: Uri): Promise<Array<[string, number]>> {
      if (inWorkspace(uri)) record.foldersListed++;
      const entries = await readdir(uri.fsPath, { withFileTypes: true }).catch((error: unknown) => notFound(error, uri));
      return entries.map((entry) => [entry.name, entry.isSymbolicLink() ? FileType.SymbolicLink : entry.isDirectory() ? FileType.Directory : FileType.File]);
    },
    async stat(uri: Uri): Promise<{ type: number; size: number; mtime: number; ctime: number }> {
      if (inWorkspace(uri)) record.stats++;
      const info = await stat(uri.fsPath).catch((error: unknown) => notFound(error, uri));
      return { type: info.isDirectory() ? FileType.Directory : FileType.File, size: info.size, mtime: info.mtimeMs, ctime: info.ctimeMs };
    },
    async writeFile(uri: Uri, content: Uint8Array): Promise<void> {
      await writeFile(uri.fsPath, content);
    },
    async createDirectory(uri: Uri): Promise<void> {
      await mkdir(uri.fsPath, { recursive: true });
    },
    async delete(uri: Uri): Promise<void> {
      await rm(uri.fsPath, { recursive: true, force: true });
    },
    async rename(from: Uri, to: Uri): Promise<void> {
      await rename(from.fsPath, to.fsPath);
    },
  };

  const configuration = (section?: string): object => ({
    get: <T>(key: string, fallback?: T): T | undefined => {
      const full = section ? `${section}.${key}` : key;
      return defaults.has(full) ? (defaults.get(full) as T) : fallback;
    },
    has: (key: string): boolean => defaults.has(section ? `${section}.${key}` : key),
    inspect: (key: string): object => ({ key, defaultValue: defaults.get(section ? `${section}.${key}` : key) }),
    update: async (): Promise<void> => undefined,
  });

  const workspace = {
    fs,
    workspaceFolders: [workspaceFolder],
    name: workspaceFolder.name,
    isTrusted: true,
    textDocuments: documents,
    getWorkspaceFolder: (uri: Uri) => (inWorkspace(uri) ? workspaceFolder : undefined),
    asRelativePath: (target: Uri | string) => {
      const path = typeof target === 'string' ? target : target.path;
      return path.startsWith(`${folderUri.path}/`) ? path.slice(folderUri.path.length + 1) : path;
    },
    getConfiguration: configuration,
    findFiles: (include: { pattern: string } | string, _exclude?: unknown, maxResults = 10_000): Promise<Uri[]> => {
      const pattern = typeof include === 'string' ? include : include.pattern;
      record.searches.push(pattern);
      const endings = /^\*\*\/\*\.\{?([\w,]+)\}?$/.exec(pattern)?.[1].split(',');
      if (!endings) return Promise.reject(new Error(`the benchmark's file search takes **/*.{endings} only, not ${pattern}`));
      return new Promise((resolve) => {
        const id = record.searches.length;
        searches.set(id, (paths) => resolve(paths.map((path) => Uri.file(path))));
        search.postMessage({ id, root: folder, endings, limit: maxResults });
      });
    },
    createFileSystemWatcher: (pattern: { pattern: string } | string) => {
      record.watchers.push(typeof pattern === 'string' ? pattern : pattern.pattern);
      return { onDidCreate: quietEvent, onDidChange: quietEvent, onDidDelete: quietEvent, ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false, dispose: () => undefined };
    },
    openTextDocument: async (target: Uri) => {
      const open = documents.find((document) => document.uri.toString() === target.toString());
      if (open) return open;
      if (inWorkspace(target)) record.filesRead.push(target.path);
      return new TextDocument(target, 'plaintext', existsSync(target.fsPath) ? readFileSync(target.fsPath, 'utf8') : '');
    },
    registerTextDocumentContentProvider: () => new Disposable(),
    onDidOpenTextDocument: quietEvent,
    onDidCloseTextDocument: quietEvent,
    onDidChangeTextDocument: quietEvent,
    onDidSaveTextDocument: quietEvent,
    onDidChangeConfiguration: quietEvent,
    onDidChangeWorkspaceFolders: quietEvent,
    onDidGrantWorkspaceTrust: quietEvent,
    onDidCreateFiles: quietEvent,
    onDidDeleteFiles: quietEvent,
    onDidRenameFiles: quietEvent,
  };

  const window = {
    activeTextEditor: undefined,
    visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: quietEvent, close: async () => true },
    createOutputChannel: () => {
      const log = (): void => undefined;
      return { name: 'Paper Scout', info: log, warn: log, error: log, debug: log, trace: log, append: log, appendLine: log, show: log, hide: log, clear: log, replace: log, dispose: log, logLevel: 3, onDidChangeLogLevel: quietEvent };
    },
    createTreeView: () => ({ description: '', message: '', title: '', selection: [], visible: false, reveal: async () => undefined, onDidChangeSelection: quietEvent, onDidChangeVisibility: quietEvent, onDidExpandElement: quietEvent, onDidCollapseElement: quietEvent, dispose: () => undefined }),
    createStatusBarItem: () => ({ text: '', tooltip: '', command: undefined, name: '', backgroundColor: undefined, show: () => undefined, hide: () => undefined, dispose: () => undefined }),
    registerWebviewPanelSerializer: () => new Disposable(),
    registerFileDecorationProvider: () => new Disposable(),
    onDidChangeActiveTextEditor: quietEvent,
    onDidChangeVisibleTextEditors: quietEvent,
    onDidChangeTextEditorSelection: quietEvent,
    onDidChangeActiveColorTheme: quietEvent,
    showInformationMessage: async () => undefined,
    showWarningMessage: async () => undefined,
    showErrorMessage: async () => undefined,
    setStatusBarMessage: () => new Disposable(),
  };

  const provider = (): Disposable => new Disposable();
  const languages = {
    registerCompletionItemProvider: provider,
    registerHoverProvider: provider,
    registerCodeActionsProvider: provider,
    registerReferenceProvider: provider,
    registerDefinitionProvider: provider,
    registerDocumentHighlightProvider: provider,
    createDiagnosticCollection: () => ({ set: () => undefined, delete: () => undefined, clear: () => undefined, get: () => [], dispose: () => undefined }),
    getDiagnostics: () => [],
    onDidChangeDiagnostics: quietEvent,
  };

  class CodeActionKind {
    static readonly Empty = new CodeActionKind('');
    static readonly QuickFix = new CodeActionKind('quickfix');
    static readonly Refactor = new CodeActionKind('refactor');
    constructor(readonly value: string) {}
    append(part: string): CodeActionKind {
      return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
    }

    intersects(other: CodeActionKind): boolean {
      return this.value.startsWith(other.value) || other.value.startsWith(this.value);
    }

    contains(other: CodeActionKind): boolean {
      return other.value === this.value || other.value.startsWith(`${this.value}.`);
    }
  }

  class RelativePattern {
    readonly baseUri: Uri;
    constructor(base: Uri | { uri: Uri }, readonly pattern: string) {
      this.baseUri = base instanceof Uri ? base : base.uri;
    }
  }

  /** The value classes the extension makes (items, ranges, edits): they keep what they were given and do nothing more. */
  const plain = (name: string): unknown => ({ [name]: class { constructor(...args: unknown[]) { Object.assign(this, { args }); } } })[name];
  class Position {
    constructor(readonly line: number, readonly character: number) {}
    translate(lines = 0, characters = 0): Position {
      return new Position(this.line + lines, this.character + characters);
    }
  }
  class Range {
    readonly start: Position;
    readonly end: Position;
    constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
      this.start = typeof a === 'number' ? new Position(a, b as number) : a;
      this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
    }
  }
  class Selection extends Range {}

  const api: Record<string, unknown> = {
    version: '1.99.0',
    RelativePattern,
    Position,
    Range,
    Selection,
    ...Object.fromEntries(['ThemeIcon', 'ThemeColor', 'TreeItem', 'MarkdownString', 'Location', 'CompletionList', 'CompletionItem', 'WorkspaceEdit', 'Hover',
      'DocumentHighlight', 'Diagnostic', 'CodeAction', 'TabInputText'].map((name) => [name, plain(name)])),
    InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
    Uri,
    EventEmitter,
    Disposable,
    FileSystemError,
    FileType,
    CodeActionKind,
    workspace,
    window,
    languages,
    commands: { registerCommand: () => new Disposable(), executeCommand: async () => undefined, getCommands: async () => [] },
    env: { uiKind: 1, language: 'en', appName: 'Benchmark', clipboard: { writeText: async () => undefined, readText: async () => '' }, openExternal: async () => true },
    extensions: { getExtension: () => undefined, all: [], onDidChange: quietEvent },
    UIKind: { Desktop: 1, Web: 2 },
    ExtensionMode: { Production: 1, Development: 2, Test: 3 },
    ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
    CompletionItemKind: { Reference: 17, Text: 0 },
    DocumentHighlightKind: { Text: 0, Read: 1, Write: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    FilePermission: { Readonly: 1 },
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  };
  return { module: stubbed(api, 'vscode', record.missing), record };
}

/**
 * `target` with every property it lacks answered by a stub (a class that can be made, called, and
 * read further), whose path is added to `missing`. Never a thenable: awaiting a stub must not hang.
 */
function stubbed(target: Record<string, unknown>, path: string, missing: Set<string>): object {
  return new Proxy(target, {
    get(object, name) {
      // `then`: awaiting the module must not hang; `__esModule`: what a bundler's module wrapper asks.
      if (typeof name === 'symbol' || name === 'then' || name === '__esModule') return Reflect.get(object, name);
      if (name in object) return object[name];
      missing.add(`${path}.${name}`);
      return stub(`${path}.${name}`, missing);
    },
  });
}

function stub(path: string, missing: Set<string>): unknown {
  const fn = function stubbedApi(): unknown {
    return stubbed({ dispose: () => undefined }, `${path}()`, missing);
  };
  return new Proxy(fn, {
    construct: () => stubbed({}, `new ${path}`, missing),
    get(object, name) {
      if (typeof name === 'symbol' || name === 'then' || name === 'prototype') return Reflect.get(object, name);
      missing.add(`${path}.${name}`);
      return stub(`${path}.${name}`, missing);
    },
  });
}
