/**
 * The word under a position that may be a Paper Scout key, for the hover over a key: a hover names
 * the paper of any key the mouse rests on, in citation syntax or written bare (the hover decides).
 */

/** A word of a line that may be a citation key, with its start and end columns. */
export interface KeyToken {
  key: string;
  start: number;
  end: number;
}

/** A word that can be a Paper Scout key: ASCII letters, digits and `_`. */
const KEY_TOKEN = /[A-Za-z0-9_]+/g;

/**
 * The word at `character` in `line` that could be a Paper Scout key (letters, digits and `_`),
 * or null when the position is not on such a word. A position just after the word's last character
 * counts, as VS Code's word ranges do.
 */
export function keyTokenAt(line: string, character: number): KeyToken | null {
  for (const match of line.matchAll(KEY_TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (character >= start && character <= end) return { key: match[0], start, end };
    if (start > character) break;
  }
  return null;
}
