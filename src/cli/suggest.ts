/**
 * `paper-scout suggest <file>`: papers about the passage at a place in a file (the paragraph or
 * comment block there), best first, as the extension's "Suggest Papers for This Passage" finds them.
 */
import { readFileSync, statSync } from 'node:fs';
import { dateLabel } from '../core/citations/displayText';
import { matchedWords, suggestPapers } from '../core/passage/suggest';
import { decodeText } from '../core/references/citationIndexBuild';
import { PaperIndex } from '../core/search/paperIndex';
import { languageIdForPath } from '../core/languages';
import { LineStarts } from '../core/sourceText/lineStarts';
import type { Corpus } from '../core/types';
import { parseCommandArgs, positiveInteger, SHARED_OPTIONS, UsageError } from './args';
import { out, printableJson } from './output';

/** The command's help text. */
export const SUGGEST_HELP = `paper-scout suggest <file> [--line N] [--column C] [--limit K] [--json]
  Suggest papers for the passage at a place in a file: the paragraph (Markdown, LaTeX, text) or the
  comment block (code) there, read without code, math, markup and citations, words near the place
  weighing more. The place is the end of the file unless --line is given.
  --line N        1-based line of the cursor (default: the last line)
  --column C      1-based column (UTF-16 units) on that line (default: the line's end)
  --limit K       at most K papers (default 10)
  --language ID   read the file as this VS Code language id (default: from the file name)
  --trigger T     the code-comment citation trigger (default @cite:)
  --json          an array of {id, title, score, published, topics}, best first (as search --json)
`;

const OPTIONS = {
  ...SHARED_OPTIONS,
  line: { type: 'string' },
  column: { type: 'string' },
  language: { type: 'string' },
  trigger: { type: 'string' },
} as const;

/** Files larger than this are not read: a passage never needs more, and the CLI stays quick. */
const MAX_SUGGEST_FILE_BYTES = 16 * 1024 * 1024;

/** Runs `suggest` with the arguments after the command name; returns the exit code. */
export async function runSuggest(argv: readonly string[], readCorpus: (file: string | undefined) => Corpus): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('suggest needs exactly one file, e.g. suggest notes.md --line 12');
  const limit = positiveInteger(values.limit, '--limit') ?? 10;
  const line = positiveInteger(values.line, '--line');
  const column = positiveInteger(values.column, '--column');
  if (column !== undefined && line === undefined) throw new UsageError('--column needs --line');
  const text = readTextFile(file);
  const lines = new LineStarts(text);
  const cursor = line === undefined ? text.length : lines.offset(line, column ?? Number.MAX_SAFE_INTEGER);
  const languageId = values.language ?? languageIdForPath(file) ?? 'plaintext';
  const engine = PaperIndex.build(readCorpus(values.corpus).papers);
  const found = await suggestPapers(engine, { text, languageId, cursor, commentTrigger: values.trigger }, limit);
  const results = found?.results ?? [];
  if (values.json) {
    const rows = results.map(({ paper, score }) => ({ id: paper.id, title: paper.title, score: Math.round(score * 1000) / 1000, published: paper.published, topics: paper.topics }));
    out(`${printableJson(rows)}\n`);
    return 0;
  }
  const where = `${file}:${lines.position(cursor).line}`;
  if (!found || found.query.words.length === 0) {
    out(`No prose near ${where} (${languageId}): put the cursor in a paragraph or a comment.\n`);
    return 0;
  }
  const start = lines.position(found.passage.start).line;
  const end = lines.position(found.passage.end).line;
  out(`Passage: ${file}:${start}${end > start ? `-${end}` : ''} (${found.passage.kind}); words: ${(found.keyWords.length > 0 ? found.keyWords : found.query.words).slice(0, 8).join(', ')}\n`);
  if (results.length === 0) out('No papers match this passage.\n');
  results.forEach((result, index) => {
    const { paper, snippet } = result;
    out(`${index + 1}. ${paper.title}\n   ${paper.key} · ${dateLabel(paper.published)} · matched: ${matchedWords(result, found.query).join(', ')}\n   ${snippet}\n`);
  });
  return 0;
}



/** A regular file's text; a clear error for a missing, special, binary or too large file. */
function readTextFile(file: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error(`${file}: not a regular file`);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file` : (error as Error).message, { cause: error });
  }
  if (size > MAX_SUGGEST_FILE_BYTES) throw new Error(`${file}: ${size} bytes, larger than the ${MAX_SUGGEST_FILE_BYTES}-byte limit`);
  const text = decodeText(readFileSync(file));
  if (text === null) throw new Error(`${file}: a binary file, not text`);
  return text;
}
