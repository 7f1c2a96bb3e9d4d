// The corpus file system over Node's `fs`, as VS Code's Node extension host shows the disk (its
// DiskFileSystemProvider): a link has its target's type with the link bit, a broken link the link bit
// alone, a link loop fails to stat (ELOOP) and is left out of folder listings, and anything but a file or
// folder (a FIFO, socket or device) has type unknown. The benchmark loads users' corpora through it, and
// the unit tests read special files on a real disk through it.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_TYPE, type CorpusFileSystem, type FileStat } from '../src/core/store/corpusFileReader';

/** The disk, for `readCorpusEntries` and `WatchedCorpusFiles`; locations are paths. */
export const nodeCorpusFiles: CorpusFileSystem<string> = {
  async stat(path): Promise<FileStat> {
    const link = await lstat(path);
    let target;
    try {
      target = await stat(path); // follows links; a loop throws ELOOP
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && link.isSymbolicLink()) return { type: FILE_TYPE.symbolicLink, size: link.size, mtime: link.mtimeMs };
      throw error;
    }
    const type = target.isFile() ? FILE_TYPE.file : target.isDirectory() ? FILE_TYPE.directory : FILE_TYPE.unknown;
    return { type: type | (link.isSymbolicLink() ? FILE_TYPE.symbolicLink : 0), size: target.size, mtime: target.mtimeMs };
  },
  async readDirectory(path): Promise<[string, number][]> {
    const children: [string, number][] = [];
    for (const child of await readdir(path, { withFileTypes: true })) {
      if (!child.isSymbolicLink()) children.push([child.name, child.isFile() ? FILE_TYPE.file : child.isDirectory() ? FILE_TYPE.directory : FILE_TYPE.unknown]);
      else {
        try {
          children.push([child.name, (await nodeCorpusFiles.stat(join(path, child.name))).type]);
        } catch { /* a link that cannot be followed is left out, as VS Code does */ }
      }
    }
    return children;
  },
  readFile: async (path) => readFile(path),
  child: (folder, name) => join(folder, name),
  display: (path) => path,
};
