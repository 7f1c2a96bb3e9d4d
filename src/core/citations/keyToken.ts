/**
 * The word under a position that may be a Paper Scout key or a key of the user's library, for the
 * hover over a key: a hover names the paper of any key the mouse rests on, in citation syntax or
 * written bare (the hover decides).
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

/** Characters a key of the user's library can hold (as `LIBRARY_KEY`), less `;` `[` `]` `@`, which end a pandoc key. */
const LIBRARY_KEY_TOKEN = /[^\s"#%'(),={}\\~;[\]@]+/g;

/** How far into a line a key is looked for: a minified file's one line is not read whole on each hover. */
const LIBRARY_KEY_REACH = 10_000;

/**
 * The run of characters at `character` in `line` that could be a key of the user's library (which may
 * hold `:`, `-`, `/` or `.`: `DBLP:conf/nips/X17`), without trailing punctuation (`[@doe:2020.]`), or null.
 */
export function libraryKeyAt(line: string, character: number): KeyToken | null {
  for (const match of line.slice(0, LIBRARY_KEY_REACH).matchAll(LIBRARY_KEY_TOKEN)) {
    const key = match[0].replace(/[.:/+?!-]+$/, '');
    const start = match.index;
    const end = start + key.length;
    if (key && character >= start && character <= end) return { key, start, end };
    if (start > character) break;
  }
  return null;
}
