/**
 * The papers the CLI works with: the bundled corpus (or the corpus JSON given with `--corpus`), with
 * the user's files given with `--corpus` (once or more) merged in as the extension merges them: page
 * dumps and further corpus JSON as corpora, `.bib`, CSL-JSON and CSL YAML as the library (keys kept).
 * Problems go to stderr as `file:line: message`; a file that cannot be read is named and skipped.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { decodeUtf8 } from '../core/corpus/decode';
import { readCorpusJson } from '../core/corpus/jsonPapers';
import { mergeUserSources, type UserSource } from '../core/corpus/userCorpus';
import { formatDiagnostic } from '../core/diagnostics';
import { isLibraryKind, sourceKind } from '../core/library/libraryFile';
import { LibraryFiles, type LibraryText } from '../core/library/libraryFiles';
import { LibraryMerger } from '../core/library/libraryMerge';
import { libraryTopics } from '../core/library/libraryPapers';
import { runToEnd } from '../core/slices';
import { compileTopics } from '../core/topics/assignTopics';
import { DEFAULT_TOPICS } from '../core/topics/taxonomy';
import type { Corpus, Diagnostic, Paper } from '../core/types';
import { err } from './output';

/** Files larger than this are not read (the extension's limit for library and JSON files). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The text of a file the user gave, decoded, or why it cannot be read. */
function readUserFile(file: string): { text: string; diagnostics: Diagnostic[] } | string {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return `not a regular file (${stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device'})`;
    if (stat.size > MAX_FILE_BYTES) return `the file is ${(stat.size / 1048576).toFixed(0)} MB; Paper Scout reads files up to ${MAX_FILE_BYTES / 1048576} MB`;
    const decoded = decodeUtf8(readFileSync(file), file);
    return decoded.text.includes('\u0000') ? 'the file is binary (it contains NUL bytes)' : decoded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'too many symbolic links (a link loop?)';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
}

/** The user's files, read and sorted: corpus JSON, page dumps and library files, with the problems met. */
interface UserFiles {
  corpusJson: UserSource[];
  pages: UserSource[];
  library: LibraryText[];
  diagnostics: Diagnostic[];
  /** How many files could not be read at all. */
  unreadable: number;
}

/** Reads the files given, each by its kind (see `sourceKind`); a file that cannot be read is reported and skipped. */
export function readUserFiles(files: readonly string[]): UserFiles {
  const read: UserFiles = { corpusJson: [], pages: [], library: [], diagnostics: [], unreadable: 0 };
  for (const file of files) {
    const content = readUserFile(file);
    if (typeof content === 'string') {
      err(`paper-scout: ${file}: ${content}\n`);
      read.unreadable++;
      continue;
    }
    for (const diagnostic of content.diagnostics) read.diagnostics.push(diagnostic);
    const kind = sourceKind(file, content.text);
    if (isLibraryKind(kind)) read.library.push({ file, location: resolve(file), text: content.text, format: kind, origin: 'setting' });
    else if (kind === 'corpus-json') read.corpusJson.push({ file, text: content.text });
    else read.pages.push({ file: basename(file), text: content.text });
  }
  return read;
}

/** The papers of library files alone, each entry a paper with its own key, and what was wrong. */
export function libraryPapers(texts: readonly LibraryText[], base: readonly Paper[] = [], rules = DEFAULT_TOPICS): { papers: Paper[]; diagnostics: Diagnostic[] } {
  const library = new LibraryFiles();
  runToEnd(library.replaceOriginSteps('setting', texts));
  const merged = runToEnd(new LibraryMerger().mergeSteps(base, library.sources(), libraryTopics(compileTopics(rules).topics)));
  return { papers: merged.papers, diagnostics: [...library.diagnostics(), ...merged.diagnostics] };
}

/**
 * The corpus the commands search: the first corpus JSON given (else the bundled `corpus.json` beside
 * the CLI), the other corpus JSON and page dumps merged in, then the library files merged over it.
 * Problems are printed to stderr.
 */
export function readCorpus(files: readonly string[] | undefined): Corpus {
  const given = readUserFiles(files ?? []);
  const [first, ...otherJson] = given.corpusJson;
  const base = first ? corpusFromJson(first) : bundledCorpus();
  const diagnostics = [...given.diagnostics];
  let papers = base.papers;
  const sources = [...otherJson, ...given.pages];
  if (sources.length > 0) {
    const merged = mergeUserSources(papers, sources, base.topics.length > 0 ? base.topics : DEFAULT_TOPICS);
    papers = merged.papers;
    diagnostics.push(...merged.diagnostics);
  }
  if (given.library.length > 0) {
    const merged = libraryPapers(given.library, papers, base.topics.length > 0 ? base.topics : DEFAULT_TOPICS);
    papers = merged.papers;
    diagnostics.push(...merged.diagnostics);
  }
  for (const diagnostic of diagnostics) err(`${formatDiagnostic(diagnostic)}\n`);
  if (given.unreadable > 0 && given.corpusJson.length + given.pages.length + given.library.length === 0 && (files ?? []).length > 0) {
    throw new Error('none of the files given with --corpus could be read');
  }
  return { version: 1, topics: base.topics, papers };
}

function corpusFromJson(source: UserSource): Corpus {
  const { corpus, diagnostics } = readCorpusJson(source.text, source.file);
  for (const diagnostic of diagnostics) err(`${formatDiagnostic(diagnostic)}\n`);
  if (corpus.papers.length === 0 && diagnostics.length > 0) throw new Error(`${source.file}: no valid papers (${diagnostics[0].message})`);
  return corpus;
}

function bundledCorpus(): Corpus {
  const file = join(__dirname, 'corpus.json');
  if (!existsSync(file)) throw new Error(`corpus file not found: ${file} (run "npm run build" first)`);
  return corpusFromJson({ file, text: readFileSync(file, 'utf8') });
}
