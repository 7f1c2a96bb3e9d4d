/** What the citation scanner finds. */

/**
 * What a key's occurrence is: a citation of the key; its definition (a `.bib` entry, a `\bibitem`, an
 * `id:` under `references:` in Markdown front matter); or a mention, a bare `@key` in a Markdown
 * document that shows no sign of citing, which is a citation only when the key is known (a paper's key,
 * or one a workspace bibliography defines) and otherwise no citation at all ("thanks @octocat").
 */
export type KeyKind = 'citation' | 'definition' | 'mention';

/** Where a key stands in a text, before line and column are worked out. */
export interface KeySpan {
  key: string;
  /** UTF-16 offset of the key's first character (after `@`, `{` or the trigger). */
  offset: number;
  kind: KeyKind;
}

/**
 * A key found in a text, with its place: `line` and `column` are 1-based and the column counts UTF-16
 * code units, so VS Code's `Position` is `(line - 1, column - 1)` and the key's range ends at
 * `column - 1 + key.length`.
 */
export interface KeyOccurrence {
  key: string;
  kind: KeyKind;
  line: number;
  column: number;
}

/**
 * The occurrences that are citations or definitions, given which keys are known: a mention of a
 * known key becomes a citation, a mention of any other key is dropped. Returns `occurrences` itself
 * when it holds no mention.
 */
export function resolveMentions<T extends { key: string; kind: KeyKind }>(occurrences: readonly T[], isKnown: (key: string) => boolean): readonly T[] {
  if (!occurrences.some((occurrence) => occurrence.kind === 'mention')) return occurrences;
  const resolved: T[] = [];
  for (const occurrence of occurrences) {
    if (occurrence.kind !== 'mention') resolved.push(occurrence);
    else if (isKnown(occurrence.key)) resolved.push({ ...occurrence, kind: 'citation' });
  }
  return resolved;
}
