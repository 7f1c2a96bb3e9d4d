/**
 * The citation keys handed out to papers of users' own corpus files, kept between sessions so that a
 * paper's key never moves (see `mergeUserSources`: its `issuedKeys` come back as `previousKeys`).
 * Pure: the extension keeps them in a file in its global storage (issuedKeyFile.ts, src/storage/issuedKeys.ts).
 */
import { isCitationKey } from '../citations/citationKey';
import * as z from '../zod';

/** Keys by paper identity (normalised title), as stored: a plain object; each entry is checked on its own (`checkedIssuedKeys`). */
export const issuedKeysSchema = z.record(z.string(), z.unknown());

/** The issued keys that are keys, by identity, and the entries that were not (left out). */
export interface CheckedIssuedKeys {
  keys: Map<string, string>;
  dropped: Array<[identity: string, value: unknown]>;
}

/**
 * The entries of a stored key object whose value is a citation key by the corpus schema's own rule
 * (`isCitationKey`) and whose identity is not empty. Any other entry (`}`, `,`, a line break, a space)
 * is dropped here, alone: reaching the paper, it would have made the corpus check drop the paper, on
 * every load, since the bad entry was saved again each time.
 */
export function checkedIssuedKeys(stored: Readonly<Record<string, unknown>>): CheckedIssuedKeys {
  const keys = new Map<string, string>();
  const dropped: CheckedIssuedKeys['dropped'] = [];
  for (const [identity, value] of Object.entries(stored)) {
    if (identity.length > 0 && typeof value === 'string' && isCitationKey(value)) keys.set(identity, value);
    else dropped.push([identity, value]);
  }
  return { keys, dropped };
}

/** Where the loader keeps the keys it handed out. */
export interface IssuedKeyStore {
  /** The keys handed out before, by paper identity. */
  previous(): Promise<ReadonlyMap<string, string>>;
  /** Keeps `keys` (all of them: the result of `rememberIssuedKeys`) for the next load. */
  save(keys: ReadonlyMap<string, string>): void;
}

/** How many keys are kept at most: past it, papers no longer loaded are forgotten first. */
export const MAX_REMEMBERED_KEYS = 100_000;

/**
 * The keys to keep after a merge that handed out `issued`: every key issued now, and the earlier keys
 * of papers not loaded this time (a file removed today and added back tomorrow gets its keys back),
 * unless that key now belongs to another paper (it must not come back to move that paper's key).
 * Past `limit`, only the keys issued now are kept. Linear in the number of keys.
 */
export function rememberIssuedKeys(previous: ReadonlyMap<string, string>, issued: ReadonlyMap<string, string>, limit = MAX_REMEMBERED_KEYS): Map<string, string> {
  const kept = new Map(issued);
  const taken = new Set(issued.values());
  for (const [identity, key] of previous) {
    if (kept.size >= limit) break;
    if (!kept.has(identity) && !taken.has(key)) {
      kept.set(identity, key);
      taken.add(key);
    }
  }
  return kept;
}

/** Whether two key maps hold the same keys for the same papers. */
export function sameKeys(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [identity, key] of a) if (b.get(identity) !== key) return false;
  return true;
}
