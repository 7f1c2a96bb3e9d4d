/**
 * Aliases: other keys that still cite a paper (the keys of an earlier key rule, keys users' files gave
 * it), and looking papers up by key or alias. Pure; completion, hover and export resolve keys here.
 */
import { citationKeySchema } from '../paper';
import { runToEnd } from '../slices';
import type { Paper } from '../types';
import * as z from '../zod';

/**
 * The aliases each paper keeps, from those it wants (`wanted[i]` for the paper with key `keys[i]` and
 * identity `identities[i]`). An alias is dropped when it is a paper's key, belongs to another paper in
 * `reserved` (key → identity), or is wanted by two papers: a key never cites two papers. Order-free.
 */
export function keyAliases(
  wanted: readonly (readonly string[])[],
  keys: readonly string[],
  reserved: ReadonlyMap<string, string> | undefined,
  identities: readonly string[],
): string[][] {
  return runToEnd(keyAliasesSteps(wanted, keys, reserved, identities));
}

/** Papers handled between two steps of `keyAliasesSteps`. */
const STEP = 2000;

/** `keyAliases` in steps of a few thousand papers, so 100,000 new papers never hold the thread for long. */
export function* keyAliasesSteps(
  wanted: readonly (readonly string[])[],
  keys: readonly string[],
  reserved: ReadonlyMap<string, string> | undefined,
  identities: readonly string[],
): Generator<void, string[][]> {
  const wantedBy = new Map<string, number>();
  for (const [index, aliases] of wanted.entries()) {
    for (const alias of new Set(aliases)) wantedBy.set(alias, wantedBy.has(alias) ? -1 : index);
    if (index % STEP === STEP - 1) yield;
  }
  // Only keys that are wanted as aliases need checking against the papers' keys.
  const primary = new Set<string>();
  for (const [index, key] of keys.entries()) {
    if (wantedBy.has(key)) primary.add(key);
    if (index % STEP === STEP - 1) yield;
  }
  const result: string[][] = [];
  for (const [index, aliases] of wanted.entries()) {
    // Most papers want none: they cost no sets or sorts.
    result.push(aliases.length === 0 ? [] : [...new Set(aliases)].filter((alias) => {
      const owner = reserved?.get(alias);
      return !primary.has(alias) && wantedBy.get(alias) === index && (owner === undefined || owner === identities[index]);
    }).sort());
    if (index % STEP === STEP - 1) yield;
  }
  return result;
}

/** Papers by every key that cites them: their keys, then aliases that are no paper's key. */
export function papersByKey<T extends Pick<Paper, 'key' | 'aliases'>>(papers: readonly T[]): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const paper of papers) if (!byKey.has(paper.key)) byKey.set(paper.key, paper);
  for (const paper of papers) {
    for (const alias of paper.aliases ?? []) if (!byKey.has(alias)) byKey.set(alias, paper);
  }
  return byKey;
}

/**
 * The paper as cited by `key` (its key or one of its aliases): the same paper with `key` as its key, so
 * an export writes the entry under the key the document cites (`\cite{galore_nd}` needs `@misc{galore_nd,`).
 */
export function paperCitedAs<T extends Pick<Paper, 'key'>>(paper: T, key: string): T {
  return paper.key === key ? paper : { ...paper, key };
}

/**
 * True when a key written as a bare word in prose or code can be taken for a citation: it holds a digit
 * or an underscore (`awq2023`, `galore_b`, `low_rank_matrix`). A key that is one plain word (`galore`,
 * the key of an undated paper) counts only inside citation syntax, or every "galore" would be a citation.
 */
export function isDistinctiveKey(key: string): boolean {
  return /[\d_]/.test(key);
}

const legacyKeysSchema = z.object({
  description: z.optional(z.string()),
  keys: z.record(citationKeySchema, z.string().check(z.minLength(1))),
});

/**
 * Reads the frozen list of old keys (`media/corpus/legacyKeys.json`: `{ "keys": { "<old key>":
 * "<normalised title>" } }`) into key → identity. Throws with zod's message when the file is malformed.
 */
export function parseLegacyKeys(json: unknown): Map<string, string> {
  const parsed = legacyKeysSchema.parse(json);
  return new Map(Object.entries(parsed.keys));
}
