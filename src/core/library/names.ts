/**
 * Name lists as BibTeX writes them (`Vaswani, Ashish and M{\"u}ller, J{\"o}rg and others`) read into
 * people, by BibTeX's own rules: names are separated by `and` outside braces; a name is
 * `First von Last`, `von Last, First` or `von Last, Jr, First`; a name wholly in braces
 * (`{World Health Organization}`) is one name, never split; `others` at the end means "et al.". One
 * pass over the list: linear in its length at any depth of braces.
 */
import type { PersonName } from '../types';
import { texToText } from './texText';

/** People read from a name list, and whether it ended with `and others`. */
export interface NameList {
  names: PersonName[];
  more: boolean;
}

/** A name list's people; empty names (`and and`) are skipped. */
export function parseNameList(value: string): NameList {
  const names: PersonName[] = [];
  let more = false;
  for (const part of splitTopLevel(value, isAndAt)) {
    const raw = part.trim();
    if (!raw) continue;
    if (raw.toLowerCase() === 'others') {
      more = true;
      continue;
    }
    const name = parseName(raw);
    if (name) names.push(name);
  }
  return { names, more };
}

/** One name as a person: the family name (with its `von` part and `Jr`), and the given names. */
export function parseName(raw: string): PersonName | null {
  const parts = splitTopLevel(raw, (text, at) => (text[at] === ',' ? 1 : 0)).map((part) => part.trim());
  if (parts.length === 1) {
    const words = splitTopLevel(raw, (text, at) => (/\s/.test(text[at]) ? 1 : 0)).filter((word) => word.length > 0);
    if (words.length === 0) return null;
    if (words.length === 1) return person(words[0]);
    // First von Last: the von part starts at the first word (not the last) that begins in lower case.
    let von = words.findIndex((word, at) => at < words.length - 1 && startsLowercase(word));
    if (von < 0) von = words.length - 1;
    return person(words.slice(von).join(' '), words.slice(0, von).join(' '));
  }
  // von Last, First   or   von Last, Jr, First
  const family = parts.length >= 3 ? `${parts[0]} ${parts[1]}` : parts[0];
  const given = parts.length >= 3 ? parts.slice(2).join(', ') : parts[1];
  return family ? person(family, given) : given ? person(given) : null;
}

/** A person from TeX parts; null when the family name reads as nothing. */
function person(familyTex: string, givenTex = ''): PersonName | null {
  const family = texToText(familyTex);
  const given = texToText(givenTex);
  if (!family) return given ? { family: given } : null;
  return given ? { family, given } : { family };
}

/** Whether a word starts with a lower-case letter, its braces and accent commands aside (`de`, `{\'e}mile` does not count). */
function startsLowercase(word: string): boolean {
  // A word that starts with a brace is protected: BibTeX takes its case from the first letter at depth 0.
  if (word.startsWith('{')) return false;
  const letter = /\p{L}/u.exec(word);
  return letter !== null && letter[0] === letter[0].toLowerCase() && letter[0] !== letter[0].toUpperCase();
}

/** `and` as a separator: white space, `and` (any case), white space; returns the separator's length. */
function isAndAt(text: string, at: number): number {
  if (!/\s/.test(text[at])) return 0;
  const word = text.slice(at + 1, at + 4);
  if (word.toLowerCase() !== 'and' || !/\s/.test(text[at + 4] ?? '')) return 0;
  return 5;
}

/** `text` split where `separatorAt` finds a separator outside braces (it returns the separator's length, or 0). */
function splitTopLevel(text: string, separatorAt: (text: string, at: number) => number): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '\\' && depth === 0) {
      at++; // `\,` or `\ ` is not a separator
      continue;
    }
    if (depth !== 0) continue;
    const length = separatorAt(text, at);
    if (length > 0) {
      parts.push(text.slice(from, at));
      from = at + length;
      at = from - 1;
    }
  }
  parts.push(text.slice(from));
  return parts;
}
