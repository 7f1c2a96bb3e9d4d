/**
 * Replacing a file's content so that a failure at any step leaves the original byte for byte: write a
 * temporary file beside the real target, then rename it over the target. Pure: the caller supplies the
 * file system (Node's `fs` in the Node extension host and the CLI, `workspace.fs` in the web host).
 */

/** What a file is, as far as writing it goes. */
export interface FileFacts {
  /** Permission bits (`0o644`), or null where the file system does not have them. */
  mode: number | null;
}

/** The file operations an atomic write needs, on paths of type `P` (strings, or VS Code URIs). */
export interface AtomicWriteHost<P> {
  /** The file a path stands for, symlinks followed (the path itself when it does not exist yet). */
  resolve(path: P): Promise<P>;
  /** Facts about an existing file, or null when there is none. */
  stat(path: P): Promise<FileFacts | null>;
  /** A path named `name` in the folder that holds `path`. */
  sibling(path: P, name: string): P;
  /** The last segment of a path, for messages and the temporary name. */
  baseName(path: P): string;
  /** Creates `path` (it does not exist) with `bytes`, flushed to disk, with `mode` when given. */
  create(path: P, bytes: Uint8Array, mode: number | null): Promise<void>;
  /** Moves `from` onto `to`, replacing it in one step where the file system can. */
  rename(from: P, to: P): Promise<void>;
  /** Removes a file. */
  remove(path: P): Promise<void>;
}

/** Why a file was not written, in words for the user: the message names the file. */
export class AtomicWriteError extends Error {
  constructor(message: string, readonly reason: 'read-only' | 'failed') {
    super(message);
    this.name = 'AtomicWriteError';
  }
}

/**
 * Writes `bytes` to `target` atomically: through a symlink to the file it points at (the link stays a
 * link), keeping the file's permission bits, refusing a file no one may write (mode without write bits)
 * with a message. The new content goes to a temporary file in the target's own folder first, so the
 * rename never crosses file systems. When any step fails the temporary file is removed and the target
 * keeps its content; should a host's rename delete the target before failing (VS Code's `workspace.fs`
 * renames by delete-then-move on some file systems), `original` is written back and the temporary file
 * is kept if even that fails, so no content is lost. Returns the file actually written.
 */
export async function writeFileAtomically<P>(host: AtomicWriteHost<P>, target: P, bytes: Uint8Array, original: Uint8Array | null): Promise<P> {
  const file = await host.resolve(target);
  const name = host.baseName(file);
  const facts = await host.stat(file);
  if (facts?.mode !== null && facts?.mode !== undefined && (facts.mode & 0o222) === 0) {
    throw new AtomicWriteError(`${name} is read-only; Paper Scout did not change it. Make it writable, or export to another file.`, 'read-only');
  }
  const temporary = host.sibling(file, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    await host.create(temporary, bytes, facts?.mode ?? null);
  } catch (error) {
    await host.remove(temporary).catch(() => undefined);
    throw new AtomicWriteError(`could not write beside ${name}: ${messageOf(error)}; ${name} is unchanged`, 'failed');
  }
  try {
    await host.rename(temporary, file);
    return file;
  } catch (error) {
    const stillThere = await host.stat(file).catch(() => null);
    if (stillThere !== null || original === null) {
      await host.remove(temporary).catch(() => undefined);
      throw new AtomicWriteError(`could not replace ${name}: ${messageOf(error)}; ${name} is unchanged`, 'failed');
    }
    try {
      await host.create(file, original, facts?.mode ?? null);
    } catch {
      throw new AtomicWriteError(`could not replace ${name} (${messageOf(error)}), and it could not be restored: the new content is in ${host.baseName(temporary)}`, 'failed');
    }
    await host.remove(temporary).catch(() => undefined);
    throw new AtomicWriteError(`could not replace ${name}: ${messageOf(error)}; its content was restored`, 'failed');
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
