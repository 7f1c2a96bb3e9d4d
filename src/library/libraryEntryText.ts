/**
 * A library paper's entry as the library has it, for writing into a `.bib` file (Export Bibliography):
 * read from its `.bib` file as the file is now, its own fields and key, never made anew.
 */
import * as vscode from 'vscode';
import { decodeUtf8 } from '../core/corpus/decode';
import { bibtexEntryText } from '../core/library/bibtexReader';
import type { LibraryRecord, Paper } from '../core/types';
import { resolveCorpusEntry } from '../store/corpusFiles';

/**
 * The BibTeX entry of `paper` under `key` as its library file holds it, or undefined when no `.bib` file
 * of the library defines that key for it (the paper's entry is then made from its fields).
 */
export async function libraryEntryText(paper: Paper, key: string): Promise<string | undefined> {
  const record = (paper.library ?? []).find((candidate) => candidate.key === key && /\.(?:bib|bibtex|biblatex)$/i.test(candidate.file));
  if (!record) return undefined;
  try {
    const decoded = decodeUtf8(await vscode.workspace.fs.readFile(libraryUri(record)), record.file);
    return bibtexEntryText(decoded.text, record.file, key);
  } catch {
    return undefined;
  }
}

/** The URI of a library record's file (its location is a URI string, or an absolute path). */
export function libraryUri(record: Pick<LibraryRecord, 'location'>): vscode.Uri {
  return resolveCorpusEntry(record.location) ?? vscode.Uri.file(record.location);
}
