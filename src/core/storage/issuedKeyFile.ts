/**
 * The citation keys handed out to users' papers, kept in a JSON file (an object of keys by paper
 * identity) rather than in VS Code's `globalState`, which holds every value in memory and rewrites it
 * on each update. Pure: the file and the value `globalState` held before are passed in
 * (src/storage/issuedKeys.ts passes `workspace.fs` and the `Memento`).
 */
import { checkStoredValue } from './storedValueCheck';
import type { Logger } from '../events';
import { checkedIssuedKeys, issuedKeysSchema, MAX_REMEMBERED_KEYS, type IssuedKeyStore } from './issuedKeyStore';

/** The one file the keys are kept in. */
export interface KeyFileAccess {
  /** How messages name the file (its path). */
  readonly name: string;
  /** The file's size in bytes; undefined when there is no such file. */
  size(): Promise<number | undefined>;
  /** The file's bytes; undefined when there is no such file. Rejects when it exists but cannot be read. */
  read(): Promise<Uint8Array | undefined>;
  /** Replaces the file's content with `bytes` (creating it, and its folder, when missing). */
  write(bytes: Uint8Array): Promise<void>;
}

/** Where the keys were kept before the file: moved into the file once, when there is no file yet. */
export interface LegacyKeys {
  /** The value kept before, unchecked; undefined when there is none. */
  get(): unknown;
  /** Removes that value. */
  clear(): Promise<void>;
}

const WHAT = 'citation keys of your papers';

/**
 * The largest keys file read: `MAX_REMEMBERED_KEYS` keys with their paper identities (titles) take a
 * few dozen megabytes at most. A larger file is not one Paper Scout wrote, and is not read whole.
 */
export const MAX_KEY_FILE_BYTES = 64 * 1024 * 1024;

/**
 * An `IssuedKeyStore` over one JSON file. A file that cannot be read, is larger than any it writes, is
 * not JSON or not an object is logged (naming the file) and counts as no keys; an entry that is not a
 * citation key is logged and dropped alone; it never throws. Writes go one at a time,
 * in the order asked; a failed write is logged, and its keys are offered by `previous()` and written
 * again at the next load, so none is lost in the session.
 */
export class IssuedKeyFile implements IssuedKeyStore {
  private writes: Promise<unknown> = Promise.resolve();
  /** The keys of the last write, while it failed. */
  private unsaved: ReadonlyMap<string, string> | undefined;

  constructor(private readonly file: KeyFileAccess, private readonly log: Logger, private readonly legacy?: LegacyKeys) {}

  /** The keys handed out before: those of the file once the writes asked for are done. */
  async previous(): Promise<ReadonlyMap<string, string>> {
    await this.writes;
    const unsaved = this.unsaved;
    if (unsaved) {
      await this.write(unsaved);
      return unsaved;
    }
    let bytes: Uint8Array | undefined;
    try {
      const size = await this.file.size();
      if (size === undefined) return this.migrate();
      if (size > MAX_KEY_FILE_BYTES) {
        this.log.warn(`${this.file.name} is ${megabytes(size)} MB, more than the keys of ${MAX_REMEMBERED_KEYS.toLocaleString('en-US')} papers take (at most ${megabytes(MAX_KEY_FILE_BYTES)} MB); it is not read, the ${WHAT} start afresh, and it is replaced at the next save`);
        return new Map();
      }
      bytes = await this.file.read();
    } catch (error) {
      this.log.warn(`${this.file.name} could not be read (${messageOf(error)}); the ${WHAT} start afresh`);
      return new Map();
    }
    return bytes === undefined ? this.migrate() : this.parse(bytes);
  }

  /** Keeps `keys` in the file, after any write asked for before (a failure is logged). */
  save(keys: ReadonlyMap<string, string>): void {
    void this.write(keys);
  }

  private write(keys: ReadonlyMap<string, string>): Promise<boolean> {
    const written = this.writes.then(() => this.writeNow(keys));
    this.writes = written;
    return written;
  }

  private async writeNow(keys: ReadonlyMap<string, string>): Promise<boolean> {
    try {
      await this.file.write(new TextEncoder().encode(JSON.stringify(Object.fromEntries(keys))));
      this.unsaved = undefined;
      return true;
    } catch (error) {
      this.unsaved = keys;
      this.log.error(`could not save the ${WHAT} to ${this.file.name} (${messageOf(error)}); they are kept for this session and written again at the next load`);
      return false;
    }
  }

  private parse(bytes: Uint8Array): ReadonlyMap<string, string> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      this.log.warn(`${this.file.name} is not valid JSON (${messageOf(error)}); the ${WHAT} start afresh`);
      return new Map();
    }
    const checked = checkStoredValue(issuedKeysSchema, json, {});
    if (checked.ok) return this.keysOf(checked.value, this.file.name);
    this.log.warn(`${this.file.name} does not hold citation keys by paper (${checked.problem}); the ${WHAT} start afresh`);
    return new Map();
  }

  /** The entries that are keys; the others are dropped, with a warning naming `where` and the first of them. */
  private keysOf(stored: Readonly<Record<string, unknown>>, where: string): Map<string, string> {
    const { keys, dropped } = checkedIssuedKeys(stored);
    if (dropped.length > 0) {
      const [identity, value] = dropped[0];
      this.log.warn(`${where}: ${dropped.length} ${dropped.length === 1 ? 'entry is' : 'entries are'} not a citation key and ${dropped.length === 1 ? 'was' : 'were'} dropped (the first: ${JSON.stringify(identity).slice(0, 80)}: ${String(JSON.stringify(value)).slice(0, 40)}); ${dropped.length === 1 ? 'its paper gets' : 'their papers get'} a key afresh`);
    }
    return keys;
  }

  /** With no file yet: the keys kept before, written to the file, then removed from where they were. */
  private async migrate(): Promise<ReadonlyMap<string, string>> {
    const raw = this.legacy?.get();
    if (!this.legacy || raw === undefined) return new Map();
    const checked = checkStoredValue(issuedKeysSchema, raw, {});
    if (!checked.ok) {
      this.log.warn(`the ${WHAT} kept in globalState were not valid (${checked.problem}); dropped`);
      await this.clearLegacy();
      return new Map();
    }
    const keys = this.keysOf(checked.value, 'the keys kept in globalState');
    if (await this.write(keys)) {
      await this.clearLegacy();
      this.log.info(`moved ${keys.size} ${WHAT} from globalState to ${this.file.name}`);
    }
    return keys;
  }

  private async clearLegacy(): Promise<void> {
    try {
      await this.legacy?.clear();
    } catch (error) {
      this.log.warn(`could not remove the ${WHAT} from globalState (${messageOf(error)})`);
    }
  }
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
