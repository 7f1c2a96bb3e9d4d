/**
 * Writing the exported `.bib` file atomically (see `core/citations/atomicWrite.ts`) through the file
 * system each host has: Node's `fs` for local files in the Node extension host (symlinks followed,
 * permission bits kept, content flushed before the rename), `vscode.workspace.fs` everywhere else
 * (the web worker host, remote and virtual file systems).
 */
import * as vscode from 'vscode';
import { AtomicWriteError, writeFileAtomically, type AtomicWriteHost, type FileFacts } from '../core/citations/atomicWrite';

/** Which bundle this is: set by the build (esbuild `define`), so the web bundle holds no Node code. */
declare const PAPER_SCOUT_HOST: 'node' | 'web';

/**
 * Replaces `target`'s content with `bytes` so that a failure leaves the original (`original`, the
 * bytes read before, or null for a new file) in place. Rejects with an `AtomicWriteError` whose
 * message names the file and says what happened to it.
 */
export async function writeBibFile(target: vscode.Uri, bytes: Uint8Array, original: Uint8Array | null): Promise<void> {
  if (target.scheme === 'file' && PAPER_SCOUT_HOST === 'node') {
    // Required here only, so the web bundle never reaches node:fs, and the web host's type check never reads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the line above
    const { nodeFileHost } = require('./nodeFileHost') as { nodeFileHost: AtomicWriteHost<string> };
    await writeFileAtomically(nodeFileHost, target.fsPath, bytes, original);
    return;
  }
  await writeFileAtomically(workspaceFileHost, target, bytes, original);
}

/**
 * The file `target` really is: through symbolic links (its own, and its folders') in the Node host,
 * where they can be read; `target` itself on other file systems, where `workspace.fs` cannot read a
 * link, so a link is refused there (an `AtomicWriteError` saying so) rather than followed unseen.
 */
export async function realTarget(target: vscode.Uri): Promise<vscode.Uri> {
  if (target.scheme === 'file' && PAPER_SCOUT_HOST === 'node') {
    // As in writeBibFile: required here only, and typed without naming the module, so the web host never reads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the line above
    const { nodeFileHost } = require('./nodeFileHost') as { nodeFileHost: AtomicWriteHost<string> };
    return vscode.Uri.file(await nodeFileHost.resolve(target.fsPath));
  }
  return workspaceFileHost.resolve(target);
}

/** `vscode.workspace.fs` as an `AtomicWriteHost` on URIs. It cannot read links, so it refuses to replace one. */
const workspaceFileHost: AtomicWriteHost<vscode.Uri> = {
  async resolve(uri: vscode.Uri): Promise<vscode.Uri> {
    const stat = await statOrNull(uri);
    if (stat && (stat.type & vscode.FileType.SymbolicLink) !== 0) {
      throw new AtomicWriteError(`${baseName(uri)} is a symbolic link, which Paper Scout cannot follow on this file system; it did not change it. Export to the file it points at.`, 'failed');
    }
    return uri;
  },

  async stat(uri: vscode.Uri): Promise<FileFacts | null> {
    const stat = await statOrNull(uri);
    if (!stat) return null;
    return { mode: ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0 ? 0o444 : null };
  },

  sibling: (uri: vscode.Uri, name: string): vscode.Uri => vscode.Uri.joinPath(uri, '..', name),

  baseName,

  async create(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(uri, bytes);
  },

  async rename(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.rename(from, to, { overwrite: true });
  },

  async remove(uri: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  },
};

async function statOrNull(uri: vscode.Uri): Promise<vscode.FileStat | null> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
    throw error;
  }
}

/** The last segment of a URI's path. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}
