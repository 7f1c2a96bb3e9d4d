/** What the citation scanner finds. */

/** Where a key stands in a text, before line and column are worked out. */
export interface KeySpan {
  key: string;
  /** UTF-16 offset of the key's first character (after `@`, `{` or the trigger). */
  offset: number;
  /** A citation of the key, or its definition (a `.bib` entry, a `\bibitem`). */
  kind: 'citation' | 'definition';
}

/**
 * A key found in a text, with its place: `line` and `column` are 1-based and the column counts UTF-16
 * code units, so VS Code's `Position` is `(line - 1, column - 1)` and the key's range ends at
 * `column - 1 + key.length`.
 */
export interface KeyOccurrence {
  key: string;
  kind: 'citation' | 'definition';
  line: number;
  column: number;
}
