/**
 * `paper-scout refs <folder>`: every citation in a folder's LaTeX, Markdown, code and `.bib` files,
 * found with the same scanner and index as the extension's workspace index; `--strict` makes unknown
 * keys fail a CI run.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CitationIndex, type KeyLocation } from '../core/references/citationIndex';
import { DEFAULT_MAX_FILE_BYTES, readIntoCitationIndex, type WorkspaceFile } from '../core/references/citationIndexBuild';
import { PathFilter } from '../core/references/pathFilter';
import type { Corpus } from '../core/types';
import { parseCommandArgs, positiveInteger, UsageError } from './args';
import { err, out, printableJson } from './output';

/** The command's help text. */
export const REFS_HELP = `paper-scout refs <folder> [--json] [--strict]
  List every citation in the folder's LaTeX (\\cite, \\citep, \\textcite, ...), Markdown ([@key]; a bare
  @key only in a file that cites, or for a known key, so "thanks @octocat" is none), code comments
  (@cite:key) and .bib files, with file, line and column. A key is known when a paper has it or a .bib
  entry (or \\bibitem) in the folder defines it. node_modules and .git are skipped, symbolic links
  are not followed, and files over the size limit are skipped with a warning.
  --json          {"citations": [{key, file, line, column, known}]}; file relative to the folder
                  with '/', line and column 1-based (column in UTF-16 units, as editors count)
  --strict        exit 1 when any key is unknown
  --exclude GLOB  also skip files and folders matching GLOB (repeatable), e.g. --exclude 'drafts/**'
  --max-size N    skip files over N bytes (default ${DEFAULT_MAX_FILE_BYTES})
  --trigger T     the code-comment citation trigger (default @cite:)
`;

const OPTIONS = {
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    exclude: { type: 'string', multiple: true },
    'max-size': { type: 'string' },
    trigger: { type: 'string' },
    corpus: { type: 'string', multiple: true },
  } as const;

/** One row of `refs --json`. */
export interface CitationRow {
  key: string;
  file: string;
  line: number;
  column: number;
  known: boolean;
}

/**
 * Runs `refs` with the arguments after the command name. Misuse and a missing folder throw at once;
 * the scan itself resolves to the exit code and never rejects (a failure is reported, exit code 1).
 */
export function runRefs(argv: readonly string[], readCorpus: (files: string[] | undefined) => Corpus): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [folder, ...extra] = positionals;
  if (!folder || extra.length > 0) throw new UsageError('refs needs exactly one folder, e.g. refs thesis/');
  const maxFileBytes = positiveInteger(values['max-size'], '--max-size') ?? DEFAULT_MAX_FILE_BYTES;
  let isFolder: boolean;
  try {
    isFolder = lstatSync(folder).isDirectory();
  } catch {
    throw new Error(`${folder}: no such folder`);
  }
  if (!isFolder) throw new Error(`${folder}: not a folder`);
  // A paper's old keys (aliases) still cite it, so documents written with them stay valid.
  const paperKeys = new Set(readCorpus(values.corpus).papers.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]));
  const filter = new PathFilter(values.exclude ?? []);
  for (const { pattern, problem } of filter.problems) err(`paper-scout: --exclude ${pattern.slice(0, 80)}: not used (${problem})\n`);
  const files = listFiles(folder, filter);
  return report(folder, files, paperKeys, { maxFileBytes, trigger: values.trigger, json: values.json === true, strict: values.strict === true }).catch((error: Error) => {
    err(`paper-scout: ${error.message}\n`);
    return 1;
  });
}

/** Indexes `files` and prints their citations; resolves to the exit code. */
async function report(folder: string, files: WorkspaceFile[], paperKeys: ReadonlySet<string>, options: { maxFileBytes: number; trigger?: string; json: boolean; strict: boolean }): Promise<number> {
  const index = new CitationIndex({ commentTrigger: options.trigger, isKnown: (key) => paperKeys.has(key) });
  const result = await readIntoCitationIndex(index, files, { maxFileBytes: options.maxFileBytes, read: (file) => readFile(join(folder, file.relativePath)) });
  for (const skipped of result.skipped) err(`paper-scout: ${skipped.id}: skipped (${skipped.reason}${skipped.detail ? `: ${skipped.detail}` : ''})\n`);
  const rows = index.allCitations().map((location: KeyLocation): CitationRow => {
    const known = paperKeys.has(location.key) || index.isDefined(location.key);
    return { key: location.key, file: location.file, line: location.line, column: location.column, known };
  });
  const unknown = [...new Set(rows.filter((row) => !row.known).map((row) => row.key))];
  if (options.json) out(`${printableJson({ citations: rows })}\n`);
  else {
    for (const row of rows) out(`${row.file}:${row.line}:${row.column}  ${row.key}${row.known ? '' : '  (unknown)'}\n`);
    const keys = new Set(rows.map((row) => row.key)).size;
    out(`${rows.length} citations of ${keys} keys in ${result.filesRead} files; ${unknown.length} unknown${unknown.length ? `: ${unknown.join(', ')}` : ''}\n`);
  }
  if (options.strict && unknown.length > 0) {
    err(`paper-scout: ${unknown.length} unknown citation key(s): ${unknown.join(', ')}\n`);
    return 1;
  }
  return 0;
}


/**
 * The files under `folder` the citation index reads, sorted by relative path: regular files only (symbolic
 * links, sockets, pipes and devices are never opened), skipped folders not entered.
 */
function listFiles(folder: string, filter: PathFilter): WorkspaceFile[] {
  const files: WorkspaceFile[] = [];
  const walk = (relative: string): void => {
    const entries = readdirSync(join(folder, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!filter.skipsFolder(path)) walk(path);
      } else if (entry.isFile() && filter.includesFile(path)) {
        files.push({ id: path, relativePath: path, size: lstatSync(join(folder, path)).size });
      }
    }
  };
  walk('');
  return files;
}
