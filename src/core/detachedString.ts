/**
 * A copy of `text` that shares no memory with the string it was cut from. Engines make a substring (a
 * `slice`, a regular expression's match, a `split` part, a `trim`) a view into its parent when that is
 * cheaper: V8 does so from 13 characters on, and the view keeps the whole parent alive. Something kept
 * long that was cut from a large text (a library entry's key or DOI cut from its 14 MB `.bib` file)
 * therefore keeps that text, and, as each read keeps the unchanged entries of the read before, every
 * version of the file it was ever cut from (docs/library.md, "Memory across rewrites").
 *
 * Nothing in the language copies a string on demand, so this joins a character in front (a concatenation,
 * which an engine keeps as a pair of references) and cuts it off again: cutting a concatenation makes the
 * engine write its characters into one new flat string first, so the result refers to that copy (one
 * character longer than `text`) and not to the parent. Portable (Node, browsers) and linear in `text`.
 */
export function detachedString(text: string): string {
  return (` ${text}`).slice(1);
}
