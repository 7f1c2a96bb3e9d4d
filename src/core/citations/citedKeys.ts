/**
 * Finding citation keys in documents: LaTeX `\cite{...}` commands, pandoc `[@key]` citations, the
 * code-comment trigger (`@cite:key`) and bare Paper Scout keys. Pure; the export command and the
 * hover feed it document text.
 */
import { escapeRegExp } from '../regex';
import { isDistinctiveKey } from './keyAliases';

/** The keys a text cites, in order of first appearance, each once. */
export interface CitedKeys {
  /** Keys of known papers: cited with LaTeX, pandoc or trigger syntax, or written bare. */
  known: string[];
  /** Keys cited with LaTeX, pandoc or trigger syntax that are not known papers (other bibliographies). */
  unknown: string[];
}

/** What `findCitedKeys` looks for besides LaTeX and pandoc citations. */
export interface CitedKeysOptions {
  /** The code-comment trigger (`@cite:`); a key right after it counts as cited. */
  commentTrigger?: string;
  /**
   * Count a known key written as a bare word (`see awq2023`) as cited. Default true. Only keys with a
   * digit or `_` count bare (see `isDistinctiveKey`): `galore` in prose is a word, not a citation.
   */
  bareKeys?: boolean;
  /** Read pandoc citations (`[@key]`, `@key`); off for code, where `@` starts decorators. Default true. */
  pandoc?: boolean;
  /** Read LaTeX citation commands (`\cite{key}`). Default true. */
  latex?: boolean;
}

/**
 * A LaTeX citation command with its optional arguments, up to the opening brace of the keys: `\cite{`,
 * `\citep[p.~3]{`, `\parencite*[see][]{`, `\autocite{`, `\textcite{`, `\footcite{`, `\nocite{`, and the
 * other natbib and biblatex `...cite...` commands.
 */
const LATEX_CITE = /\\[A-Za-z]*cite[A-Za-z]*\*?\s*(?:\[[^\]\n]*\]\s*){0,2}\{([^{}]*)\}/g;

/**
 * A pandoc citation key: `@` not preceded by a word character (so e-mail addresses do not count),
 * then a key as pandoc reads it (letters, digits and `_`, with single internal punctuation), or the
 * `@{key}` form.
 */
const PANDOC_CITE = /(?<![\p{L}\p{N}_@.])@(?:\{([^{}\s]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&+?<>~/-](?=[\p{L}\p{N}_]))*))/gu;

/** A word that can be a Paper Scout key: lowercase ASCII letters, digits and `_`. */
const KEY_TOKEN = /[A-Za-z0-9_]+/g;

/**
 * The citation keys in `text`. A key counts when it is inside a LaTeX citation command, a pandoc
 * citation (`[@key]`, `@key`, `@{key}`), right after the comment trigger, or (for keys in `knownKeys`,
 * with `bareKeys` on) anywhere as a whole word. Known keys come back in `known`, the others that
 * were cited with explicit syntax in `unknown`; both in order of first appearance.
 */
export function findCitedKeys(text: string, knownKeys: ReadonlySet<string>, options: CitedKeysOptions = {}): CitedKeys {
  const found: { key: string; at: number }[] = [];
  if (options.latex !== false) {
    for (const match of text.matchAll(LATEX_CITE)) {
      let offset = match.index + match[0].length - 1 - match[1].length;
      for (const part of match[1].split(',')) {
        const key = part.trim();
        if (key.length > 0 && !/\s/.test(key)) found.push({ key, at: offset + part.indexOf(key) });
        offset += part.length + 1;
      }
    }
  }
  const triggerSpans: [number, number][] = [];
  const trigger = options.commentTrigger?.trim();
  if (trigger) {
    const afterTrigger = new RegExp(`${escapeRegExp(trigger)}([A-Za-z0-9_][A-Za-z0-9_:.-]*[A-Za-z0-9_]|[A-Za-z0-9_])`, 'g');
    for (const match of text.matchAll(afterTrigger)) {
      found.push({ key: match[1], at: match.index + trigger.length });
      triggerSpans.push([match.index, match.index + match[0].length]);
    }
  }
  if (options.pandoc !== false) {
    for (const match of text.matchAll(PANDOC_CITE)) {
      // `@cite:key` is the trigger's, not a pandoc key `cite:key`.
      if (triggerSpans.some(([start, end]) => match.index >= start && match.index < end)) continue;
      found.push({ key: match[1] ?? match[2], at: match.index + 1 });
    }
  }
  if (options.bareKeys !== false) {
    for (const match of text.matchAll(KEY_TOKEN)) {
      if (knownKeys.has(match[0]) && isDistinctiveKey(match[0])) found.push({ key: match[0], at: match.index });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const known: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const { key } of found) {
    if (seen.has(key)) continue;
    seen.add(key);
    (knownKeys.has(key) ? known : unknown).push(key);
  }
  return { known, unknown };
}

/** A word of a line that may be a citation key, with its start and end columns. */
export interface KeyToken {
  key: string;
  start: number;
  end: number;
}

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
