/**
 * How the UI names a library paper's people and where it is: "Vaswani et al.", "Ashish Vaswani, Noam
 * Shazeer and 6 others", "in your library (refs.bib)". Plain text: each view escapes it its own way.
 */
import { authorsShort } from '../citations/citationFacts';
import type { LibraryRecord, Paper, PersonName } from '../types';

/** A person as written in prose: given names, then the family name. */
export function personLabel(person: PersonName): string {
  return person.given ? `${person.given} ${person.family}` : person.family;
}

/** "Vaswani", "Vaswani and Shazeer", "Vaswani et al."; "" without authors (editors stand in for them). */
export function shortAuthors(paper: Pick<Paper, 'authors' | 'editors' | 'moreAuthors'>): string {
  const people = paper.authors && paper.authors.length > 0 ? paper.authors : paper.editors ?? [];
  return authorsShort({ authors: people, moreAuthors: paper.moreAuthors === true });
}

/**
 * The authors in full, up to `max` of them: "Ashish Vaswani, Noam Shazeer and Niki Parmar", "Ashish
 * Vaswani, Noam Shazeer and 6 others", "… et al." for `and others`; editors with "(eds.)" when there
 * are no authors. "" when the paper names nobody.
 */
export function authorsLabel(paper: Pick<Paper, 'authors' | 'editors' | 'moreAuthors'>, max = 3): string {
  const editors = !paper.authors?.length;
  const people = editors ? paper.editors ?? [] : paper.authors ?? [];
  if (people.length === 0) return '';
  const names = people.slice(0, max).map(personLabel);
  const rest = people.length - names.length;
  let text: string;
  if (rest > 0) text = `${names.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
  else if (paper.moreAuthors) text = `${names.join(', ')} et al.`;
  else text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return editors ? `${text} (${people.length === 1 ? 'ed.' : 'eds.'})` : text;
}

/** A library file's name without its folders. */
export function libraryFileName(record: Pick<LibraryRecord, 'file'>): string {
  return record.file.split(/[\\/]/).pop() || record.file;
}

/** "in your library (refs.bib)", "in your library (refs.bib, zotero.json)"; "" for a paper not in it. */
export function libraryNote(paper: Pick<Paper, 'library'>): string {
  const files = [...new Set((paper.library ?? []).map(libraryFileName))];
  return files.length > 0 ? `in your library (${files.join(', ')})` : '';
}
