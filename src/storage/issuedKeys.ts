import * as vscode from 'vscode';
import { IssuedKeyFile } from '../core/storage/issuedKeyFile';
import { fileSize } from './fileSize';

/** What of the extension's context the keys need: the global storage folder, and `globalState` they move out of. */
export type KeyStorage = Pick<vscode.ExtensionContext, 'globalState' | 'globalStorageUri'>;

/**
 * The citation keys given to the papers of the user's corpus files, kept in `issued-citation-keys.json`
 * in the extension's global storage folder (through `workspace.fs`, so every host can), so a key a
 * document cites stays with its paper across sessions, whatever files are added, removed or reordered.
 * Per machine, like the corpus files. Keys an earlier version kept in `globalState` move into the file.
 */
export class IssuedKeys extends IssuedKeyFile {
  /** The `globalState` key the keys were kept under before the file. */
  static readonly key = 'issuedCitationKeys';
  /** The file's name in the global storage folder. */
  static readonly fileName = 'issued-citation-keys.json';

  constructor(storage: KeyStorage, log: vscode.LogOutputChannel) {
    const folder = storage.globalStorageUri;
    const file = IssuedKeys.fileIn(folder);
    const name = file.scheme === 'file' ? file.fsPath : file.toString(true);
    super({ name, size: () => fileSize(file), read: () => readIfThere(file), write: (bytes) => replaceFile(folder, file, bytes, log) }, log, {
      get: () => storage.globalState.get<unknown>(IssuedKeys.key),
      clear: async () => { await storage.globalState.update(IssuedKeys.key, undefined); },
    });
  }

  /** The file the keys are kept in, in the global storage folder `globalStorageUri`. */
  static fileIn(globalStorageUri: vscode.Uri): vscode.Uri {
    return vscode.Uri.joinPath(globalStorageUri, IssuedKeys.fileName);
  }
}

async function readIfThere(file: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(file);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Writes a temporary file beside `file` and renames it over `file`, so a reader never sees half a file;
 * where the rename fails, writes `file` in place.
 */
async function replaceFile(folder: vscode.Uri, file: vscode.Uri, bytes: Uint8Array, log: vscode.LogOutputChannel): Promise<void> {
  await vscode.workspace.fs.createDirectory(folder);
  const temporary = vscode.Uri.joinPath(folder, `.${IssuedKeys.fileName}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, bytes);
    await vscode.workspace.fs.rename(temporary, file, { overwrite: true });
  } catch (error) {
    log.warn(`could not replace ${file.toString(true)} by renaming (${error instanceof Error ? error.message : String(error)}); writing it in place`);
    await vscode.workspace.fs.writeFile(file, bytes);
    await Promise.resolve(vscode.workspace.fs.delete(temporary, { useTrash: false })).catch(() => undefined);
  }
}
