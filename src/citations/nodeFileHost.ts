/**
 * The atomic-write host over Node's `fs`, for local files in the Node extension host: it follows a
 * symlink to the file it points at (the link stays a link), keeps the file's permission bits, and
 * flushes the new content to disk before the rename. Never in the web bundle (see `bibWrite.ts`).
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AtomicWriteHost, FileFacts } from '../core/citations/atomicWrite';

/** Node's `fs` as an `AtomicWriteHost` on file system paths. */
export const nodeFileHost: AtomicWriteHost<string> = {
  async resolve(path: string): Promise<string> {
    try {
      return await fs.realpath(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
      // A new file: where its folder really is (a linked folder may lead anywhere).
      try {
        return join(await fs.realpath(dirname(path)), basename(path));
      } catch (folderError) {
        if (isMissing(folderError)) return path;
        throw folderError;
      }
    }
  },

  async stat(path: string): Promise<FileFacts | null> {
    try {
      return { mode: (await fs.stat(path)).mode & 0o7777 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  },

  sibling: (path: string, name: string): string => join(dirname(path), name),

  baseName: (path: string): string => basename(path),

  async create(path: string, bytes: Uint8Array, mode: number | null): Promise<void> {
    // `wx`: never opens a file that is already there, so a stray link cannot redirect the write.
    const file = await fs.open(path, 'wx', mode ?? 0o666);
    try {
      await file.writeFile(bytes);
      await file.sync();
      // The process's umask trims the mode given to `open`; the original's bits are set exactly.
      if (mode !== null) await file.chmod(mode);
    } finally {
      await file.close();
    }
  },

  rename: (from: string, to: string): Promise<void> => fs.rename(from, to),

  remove: (path: string): Promise<void> => fs.unlink(path),
};

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
