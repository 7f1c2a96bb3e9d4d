import * as vscode from 'vscode';

/**
 * The size in bytes of the file at `uri` (through `workspace.fs`, so on every host), or undefined when
 * there is no such file; other failures reject. Read before a file is, so a file too large is never read.
 */
export async function fileSize(uri: vscode.Uri): Promise<number | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).size;
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
