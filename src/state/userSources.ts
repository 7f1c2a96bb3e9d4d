import * as vscode from 'vscode';
import type { UserSource } from '../core/corpus/userCorpus';
import type { Diagnostic } from '../core/types';

/** Files larger than this are refused with a message rather than read into the extension host. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;
const SOURCE_FILE = /\.(txt|json)$/i;

/** What the user's corpus setting pointed at: the files read, what went wrong, and what to watch. */
export interface ReadSources {
  sources: UserSource[];
  diagnostics: Diagnostic[];
  /** Files and folders to watch for changes (including ones that do not exist yet). */
  watch: vscode.Uri[];
}

/**
 * Reads the files and folders named in the corpus setting: page dumps (`.txt`) and corpus JSON
 * (`.json`); a folder contributes the such files directly inside it. Relative paths are taken from the
 * first workspace folder. Never throws: a missing, unreadable, binary or oversized file becomes a
 * diagnostic naming the setting entry and the file.
 */
export async function readUserSources(entries: readonly string[], setting: string): Promise<ReadSources> {
  const result: ReadSources = { sources: [], diagnostics: [], watch: [] };
  for (const [index, entry] of entries.entries()) {
    const where = `${setting}[${index}]`;
    const uri = resolveSource(entry);
    if (!uri) {
      result.diagnostics.push(problem(where, `"${entry}" is a relative path, but no folder is open to resolve it against`));
      continue;
    }
    result.watch.push(uri);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      result.diagnostics.push(problem(display(uri), `file not found (from ${where})`));
      continue;
    }
    if (stat.type & vscode.FileType.Directory) {
      const children = await vscode.workspace.fs.readDirectory(uri).then((items) => items, () => [] as [string, vscode.FileType][]);
      const files = children.filter(([name, type]) => type & vscode.FileType.File && SOURCE_FILE.test(name)).map(([name]) => name).sort();
      if (files.length === 0) result.diagnostics.push(problem(display(uri), `no .txt or .json files in this folder (from ${where})`, 'warning'));
      for (const name of files) await readOne(vscode.Uri.joinPath(uri, name), result);
    } else {
      await readOne(uri, result);
    }
  }
  return result;
}

async function readOne(uri: vscode.Uri, result: ReadSources): Promise<void> {
  const file = display(uri);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_SOURCE_BYTES) {
      result.diagnostics.push(problem(file, `the file is ${(stat.size / 1048576).toFixed(0)} MB; Paper Scout reads corpus files up to ${MAX_SOURCE_BYTES / 1048576} MB`));
      return;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.includes(0)) {
      result.diagnostics.push(problem(file, 'the file is binary (it contains NUL bytes), not a page dump or corpus JSON'));
      return;
    }
    result.sources.push({ file, text: new TextDecoder('utf-8').decode(bytes) });
  } catch (error) {
    result.diagnostics.push(problem(file, `could not be read (${error instanceof Error ? error.message : String(error)})`));
  }
}

/** An absolute path, a URI with a scheme, or a path relative to the first workspace folder. */
export function resolveSource(entry: string): vscode.Uri | undefined {
  const trimmed = entry.trim();
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed)) return vscode.Uri.parse(trimmed);
  if (trimmed.startsWith('/') || /^[a-z]:[\\/]/i.test(trimmed)) return vscode.Uri.file(trimmed);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, trimmed) : undefined;
}

function display(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

function problem(file: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { file, line: null, message, severity };
}

/**
 * Watches the user's corpus files and folders and calls `onChange` once after a burst of changes
 * (an editor saving, a folder being copied in).
 */
export class SourceWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly onChange: () => void, private readonly delayMs = 300) {}

  /** Replaces what is watched. */
  watch(uris: readonly vscode.Uri[]): void {
    this.disposeWatchers();
    for (const uri of uris) {
      const folder = vscode.Uri.joinPath(uri, '..');
      const name = uri.path.split('/').pop() ?? '';
      // The entry itself (file or folder, created, changed or deleted) and, for a folder, what is in it.
      for (const pattern of [new vscode.RelativePattern(folder, name), new vscode.RelativePattern(uri, '*.{txt,json}')]) {
        const watcher = vscode.workspace.createFileSystemWatcher(pattern);
        watcher.onDidChange(() => this.schedule());
        watcher.onDidCreate(() => this.schedule());
        watcher.onDidDelete(() => this.schedule());
        this.watchers.push(watcher);
      }
    }
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.onChange();
    }, this.delayMs);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposeWatchers();
  }
}
