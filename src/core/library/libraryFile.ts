/**
 * Which kind of source a user's file is, and reading a library file of any format. A file's name says
 * `.bib` (BibTeX, biblatex) and `.yaml`/`.yml` (CSL YAML); a `.json` file is told by its shape: a
 * top-level array is CSL-JSON, an object is Paper Scout's corpus JSON.
 */
import type { Progress } from '../slices';
import { readBibtexSteps } from './bibtexReader';
import { readCslJsonSteps, readCslYamlSteps } from './cslReader';
import type { LibraryFileRead, LibraryFormat } from './libraryEntry';

/** A user's source file: Daily Papers page dumps, corpus JSON, or a library in one of its formats. */
export type SourceKind = 'pages' | 'corpus-json' | LibraryFormat;

/** File names the library reads (a folder source picks these up, besides `.txt` and `.json`). */
export const LIBRARY_FILE = /\.(?:bib|bibtex|biblatex|ya?ml)$/i;

/** What kind of source `file` (its name) with this text is. */
export function sourceKind(file: string, text: string): SourceKind {
  if (/\.(?:bib|bibtex|biblatex)$/i.test(file)) return 'bibtex';
  if (/\.ya?ml$/i.test(file)) return 'csl-yaml';
  if (/\.json$/i.test(file)) return firstCharacter(text) === '[' ? 'csl-json' : 'corpus-json';
  return 'pages';
}

/** Whether a kind of source is a library (read as the user's own entries, keys kept). */
export function isLibraryKind(kind: SourceKind): kind is LibraryFormat {
  return kind === 'bibtex' || kind === 'csl-json' || kind === 'csl-yaml';
}

/**
 * Reads a library file of `format`, in steps; never throws (every problem is a diagnostic naming the
 * file). `previous`, an earlier read of the same file, lets unchanged entries be taken from it.
 */
export function readLibrarySteps(text: string, file: string, format: LibraryFormat, previous?: LibraryFileRead): Generator<Progress, LibraryFileRead> {
  switch (format) {
    case 'bibtex': return readBibtexSteps(text, file, previous);
    case 'csl-json': return readCslJsonSteps(text, file);
    case 'csl-yaml': return readCslYamlSteps(text, file);
  }
}

/** The first character that is not white space or a byte order mark. */
function firstCharacter(text: string): string {
  const match = /[^\s\uFEFF]/.exec(text.slice(0, 4096)) ?? /[^\s\uFEFF]/.exec(text);
  return match?.[0] ?? '';
}
