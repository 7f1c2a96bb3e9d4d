/**
 * The cache of the indexes the search worker builds: a folder of the extension's global storage, read
 * and written through `vscode.workspace.fs` (so it works on every host), holding the newest few indexes.
 */
import * as vscode from 'vscode';
import type { SavedIndexBytes } from '../core/searchWorker/workerProtocol';
import type { IndexCache } from '../core/store/paperIndexLoader';

/** How many indexes the cache keeps (the newest written). */
const KEEP = 2;
/**
 * The largest file of a cached index read: the index of 100,000 papers is about 160 MB of JSON; a file
 * several times that is not one this version wrote, and is not read whole.
 */
export const MAX_CACHED_FILE_BYTES = 512 * 1024 * 1024;
const INDEX = '.index.json';
const VOCABULARY = '.vocabulary.json';

/**
 * Indexes kept under `folder` as `<key>.index.json` and `<key>.vocabulary.json`, each written under a
 * temporary name and renamed, so a half-written file is never read. `folder` names the extension's
 * version: its parent's other folders (older versions' indexes) are deleted on the first write.
 */
export class IndexCacheFolder implements IndexCache {
  private prunedVersions = false;
  /** Removals under way, by key: a read of the key waits for its removal. */
  private readonly removing = new Map<string, Promise<void>>();

  constructor(private readonly folder: vscode.Uri) {}

  /** The index kept under `key`; rejects, unread, when a file is over `MAX_CACHED_FILE_BYTES`. */
  async read(key: string): Promise<SavedIndexBytes | undefined> {
    await this.removing.get(key);
    try {
      const sizes = await Promise.all([this.sizeOf(`${key}${INDEX}`), this.sizeOf(`${key}${VOCABULARY}`)]);
      const largest = Math.max(sizes[0], sizes[1]);
      if (largest > MAX_CACHED_FILE_BYTES) throw new Error(`a file of ${Math.round(largest / 1048576)} MB, over the ${MAX_CACHED_FILE_BYTES / 1048576} MB a cached index may take`);
      const [index, vocabulary] = await Promise.all([this.readFile(`${key}${INDEX}`), this.readFile(`${key}${VOCABULARY}`)]);
      return { index, vocabulary };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  /** Deletes the files kept under `key` (those that are there). */
  remove(key: string): Promise<void> {
    const removal = (async () => {
      for (const name of [`${key}${INDEX}`, `${key}${VOCABULARY}`]) {
        await Promise.resolve(vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, name), { useTrash: false })).catch((error: unknown) => {
          if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
        });
      }
    })();
    const tracked = removal.finally(() => {
      if (this.removing.get(key) === tracked) this.removing.delete(key);
    });
    this.removing.set(key, tracked.catch(() => undefined));
    return tracked;
  }

  private async sizeOf(name: string): Promise<number> {
    return (await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.folder, name))).size;
  }

  async write(key: string, saved: SavedIndexBytes): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    await this.writeFile(`${key}${VOCABULARY}`, saved.vocabulary);
    await this.writeFile(`${key}${INDEX}`, saved.index);
    await this.prune(key);
  }

  private readFile(name: string): Promise<Uint8Array> {
    return Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.folder, name)));
  }

  private async writeFile(name: string, bytes: Uint8Array): Promise<void> {
    const target = vscode.Uri.joinPath(this.folder, name);
    const temporary = vscode.Uri.joinPath(this.folder, `${name}.${Date.now()}.tmp`);
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  }

  /** Deletes all but the newest `KEEP` indexes (never `key`'s), and other versions' folders. */
  private async prune(key: string): Promise<void> {
    const entries = await vscode.workspace.fs.readDirectory(this.folder);
    const written = new Map<string, number>();
    for (const [name, type] of entries) {
      if (type !== vscode.FileType.File || !name.endsWith(INDEX)) continue;
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(this.folder, name));
      written.set(name.slice(0, -INDEX.length), stat.mtime);
    }
    const old = [...written].filter(([other]) => other !== key).sort((a, b) => b[1] - a[1]).slice(KEEP - 1).map(([other]) => other);
    const stale = new Set(old);
    for (const [name] of entries) {
      const owner = name.replace(/\.(index|vocabulary)\.json(\.\d+\.tmp)?$/, '');
      if (stale.has(owner)) await vscode.workspace.fs.delete(vscode.Uri.joinPath(this.folder, name)).then(undefined, () => undefined);
    }
    if (this.prunedVersions) return;
    this.prunedVersions = true;
    const parent = vscode.Uri.joinPath(this.folder, '..');
    const version = this.folder.path.split('/').pop();
    for (const [name, type] of await vscode.workspace.fs.readDirectory(parent)) {
      if (type === vscode.FileType.Directory && name !== version) {
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(parent, name), { recursive: true }).then(undefined, () => undefined);
      }
    }
  }
}
