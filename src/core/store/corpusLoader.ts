/**
 * Reads the papers: the bundled corpus file (validated) and the user's corpus files merged into it.
 * The file readers are passed in, so the loader runs (and is tested) without VS Code.
 */
import { loadCorpus } from '../corpus/schema';
import { mergeUserSources, type UserSource } from '../corpus/userCorpus';
import { formatDiagnostic } from '../diagnostics';
import { DEFAULT_TOPICS } from '../topics/taxonomy';
import type { Diagnostic, Paper, TopicRule } from '../types';
import type { Logger } from './events';
import { rememberIssuedKeys, sameKeys, type IssuedKeyStore } from './issuedKeys';

/** The bundled corpus file (dist/corpus.json). */
export interface BundledCorpusFile {
  /** How diagnostics name the file. */
  readonly name: string;
  read(): Promise<Uint8Array>;
}

/** The texts of the user's corpus files, and what went wrong reading the entries that name them. */
export interface CorpusFileTexts {
  files: UserSource[];
  diagnostics: Diagnostic[];
}

/** Reads the files and folders the user's corpus setting lists. Never throws. */
export interface CorpusFileReader {
  read(entries: readonly string[]): Promise<CorpusFileTexts>;
}

/** What to load. */
export interface CorpusRequest {
  includeBundled: boolean;
  /** The entries of the user's corpus setting (files and folders). */
  entries: readonly string[];
}

/** The papers read, and the problems met on the way. */
export interface LoadedCorpus {
  /** The bundled papers as shipped (empty when they are turned off). */
  bundled: Paper[];
  /** The topic rules the bundled corpus was made with. */
  bundledTopics: TopicRule[];
  /** The bundled papers with the user's merged in: `bundled` itself when there are no user files. */
  papers: Paper[];
  /** Problems in the bundled corpus file. */
  corpusProblems: Diagnostic[];
  /** Problems in the user's corpus files. */
  fileProblems: Diagnostic[];
}

/** Loads the bundled corpus and the user's corpus files. */
export class CorpusLoader {
  constructor(
    private readonly bundledFile: BundledCorpusFile,
    private readonly userFiles: CorpusFileReader,
    private readonly log: Logger,
    /** Where the keys given to the user's papers are kept, so they never move between loads. */
    private readonly issuedKeys?: IssuedKeyStore,
  ) {}

  /**
   * Reads what `request` asks for. Rejects only when the bundled corpus cannot be used (unreadable,
   * not JSON, or no valid paper in it); a bad user file costs only itself, as a diagnostic.
   */
  async load(request: CorpusRequest): Promise<LoadedCorpus> {
    const { bundled, bundledTopics, corpusProblems } = request.includeBundled
      ? await this.loadBundled()
      : { bundled: [], bundledTopics: DEFAULT_TOPICS, corpusProblems: [] };
    const read = await this.userFiles.read(request.entries);
    if (request.entries.length === 0) return { bundled, bundledTopics, papers: bundled, corpusProblems, fileProblems: read.diagnostics };
    const previousKeys = await this.issuedKeys?.previous();
    const merged = mergeUserSources(bundled, read.files, bundledTopics, { previousKeys });
    if (this.issuedKeys && previousKeys) {
      const remembered = rememberIssuedKeys(previousKeys, merged.issuedKeys);
      if (!sameKeys(remembered, previousKeys)) this.issuedKeys.save(remembered);
    }
    const fileProblems = [...read.diagnostics, ...merged.diagnostics];
    for (const diagnostic of fileProblems) this.log.warn(formatDiagnostic(diagnostic));
    this.log.info(`your corpus files: ${read.files.length} read, ${merged.papers.length - bundled.length} new papers, ${fileProblems.length} problem(s)`);
    return { bundled, bundledTopics, papers: merged.papers, corpusProblems, fileProblems };
  }

  private async loadBundled(): Promise<Pick<LoadedCorpus, 'bundled' | 'bundledTopics' | 'corpusProblems'>> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await this.bundledFile.read()));
    } catch (error) {
      throw new Error(`${this.bundledFile.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { corpus, diagnostics } = loadCorpus(json, this.bundledFile.name);
    for (const diagnostic of diagnostics) this.log.warn(formatDiagnostic(diagnostic));
    if (corpus.papers.length === 0 && diagnostics.length > 0) {
      throw new Error(`the corpus file has no valid papers (${formatDiagnostic(diagnostics[0])})`);
    }
    return { bundled: corpus.papers, bundledTopics: corpus.topics.length > 0 ? corpus.topics : DEFAULT_TOPICS, corpusProblems: diagnostics };
  }
}
