import type * as vscode from 'vscode';
import { issuedKeysSchema, type IssuedKeyStore } from '../core/store/issuedKeys';
import { StoredValue } from './storedValue';

/**
 * The citation keys given to the papers of the user's corpus files, kept in `globalState` so a key a
 * document cites stays with its paper across sessions, whatever files are added, removed or
 * reordered. Per machine (not registered with `setKeysForSync`): the corpus files are this machine's.
 */
export class IssuedKeys implements IssuedKeyStore {
  /** The `globalState` key. */
  static readonly key = 'issuedCitationKeys';
  private readonly stored: StoredValue<Record<string, string>>;

  constructor(globalState: vscode.Memento, log: vscode.LogOutputChannel) {
    this.stored = new StoredValue(globalState, IssuedKeys.key, issuedKeysSchema, {}, 'citation keys of your papers', log);
  }

  /** The keys handed out before, by paper identity. */
  previous(): ReadonlyMap<string, string> {
    return new Map(Object.entries(this.stored.get()));
  }

  /** Keeps `keys` for the next load (asynchronously; a failure is logged by `StoredValue`). */
  save(keys: ReadonlyMap<string, string>): void {
    void this.stored.set(Object.fromEntries(keys));
  }
}
