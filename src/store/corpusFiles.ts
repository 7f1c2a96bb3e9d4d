/**
 * The user's corpus files (setting `paperScout.corpus.sources`): reads the files and folders it lists
 * through `vscode.workspace.fs`, and watches them, so the store reloads when one changes.
 */
import * as vscode from 'vscode';
import type { CorpusFileReader, CorpusFileTexts } from '../core/store/corpusLoader';
import type { Diagnostic } from '../core/types';

/** Files larger than this are refused with a message rather than read into the extension host. */
const MAX_CORPUS_FILE_BYTES = 64 * 1024 * 1024;
const CORPUS_FILE = /\.(txt|json)$/i;

/**
 * Reads the corpus files the setting lists and watches them: `onDidChange` fires once after a burst of
 * changes (an editor saving, a folder being copied in). What is watched is what the last `read` named.
 */
export class CorpusFiles implements CorpusFileReader, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when a watched file or folder changed (debounced). */
  readonly onDidChange = this.changeEmitter.event;
  private watchers: vscode.FileSystemWatcher[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** The setting's key, for diagnostics that name the entry (`paperScout.corpus.sources[1]`). */
    private readonly settingKey: string,
    private readonly delayMs = 300,
  ) {}

  /** Reads the files `entries` name and watches them (and the ones that do not exist yet). */
  async read(entries: readonly string[]): Promise<CorpusFileTexts> {
    const { texts, watch } = await readCorpusFiles(entries, this.settingKey);
    this.watch(watch);
    return texts;
  }

  private watch(uris: readonly vscode.Uri[]): void {
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
      this.changeEmitter.fire();
    }, this.delayMs);
  }

  private disposeWatchers(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposeWatchers();
    this.changeEmitter.dispose();
  }
}

/**
 * Reads the files and folders of the corpus setting: page dumps (`.txt`) and corpus JSON (`.json`); a
 * folder contributes such files directly inside it. Relative paths start at the first workspace
 * folder. Never throws: a missing, unreadable, binary or oversized file becomes a diagnostic naming
 * the setting entry and the file. Also says what to watch (including files that do not exist yet).
 */
export async function readCorpusFiles(entries: readonly string[], settingKey: string): Promise<{ texts: CorpusFileTexts; watch: vscode.Uri[] }> {
  const texts: CorpusFileTexts = { files: [], diagnostics: [] };
  const watch: vscode.Uri[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `${settingKey}[${index}]`;
    const uri = resolveCorpusEntry(entry);
    if (!uri) {
      texts.diagnostics.push(problem(where, `"${entry}" is a relative path, but no folder is open to resolve it against`));
      continue;
    }
    watch.push(uri);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      texts.diagnostics.push(problem(display(uri), `file not found (from ${where})`));
      continue;
    }
    if (stat.type & vscode.FileType.Directory) {
      const children = await vscode.workspace.fs.readDirectory(uri).then((items) => items, () => [] as [string, vscode.FileType][]);
      const files = children.filter(([name, type]) => type & vscode.FileType.File && CORPUS_FILE.test(name)).map(([name]) => name).sort();
      if (files.length === 0) texts.diagnostics.push(problem(display(uri), `no .txt or .json files in this folder (from ${where})`, 'warning'));
      for (const name of files) await readOne(vscode.Uri.joinPath(uri, name), texts);
    } else {
      await readOne(uri, texts);
    }
  }
  return { texts, watch };
}

async function readOne(uri: vscode.Uri, texts: CorpusFileTexts): Promise<void> {
  const file = display(uri);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CORPUS_FILE_BYTES) {
      texts.diagnostics.push(problem(file, `the file is ${(stat.size / 1048576).toFixed(0)} MB; Paper Scout reads corpus files up to ${MAX_CORPUS_FILE_BYTES / 1048576} MB`));
      return;
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.includes(0)) {
      texts.diagnostics.push(problem(file, 'the file is binary (it contains NUL bytes), not a page dump or corpus JSON'));
      return;
    }
    texts.files.push({ file, text: new TextDecoder('utf-8').decode(bytes) });
  } catch (error) {
    texts.diagnostics.push(problem(file, `could not be read (${error instanceof Error ? error.message : String(error)})`));
  }
}

/** An absolute path, a URI with a scheme, or a path relative to the first workspace folder. */
export function resolveCorpusEntry(entry: string): vscode.Uri | undefined {
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
