import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dateLabel } from '../core/citations/displayText';
import { formatCitation, CITATION_FORMATS, type CitationFormat } from '../core/citations/formats';
import { papersByKey } from '../core/citations/keyAliases';
import { buildCorpus, type PageSource } from '../core/corpus/buildCorpus';
import { decodeUtf8 } from '../core/corpus/decode';
import { loadCorpus } from '../core/corpus/schema';
import { formatDiagnostic } from '../core/diagnostics';
import { PaperIndex } from '../core/search/paperIndex';
import { groupByTopic } from '../core/topics/groupByTopic';
import { DEFAULT_TOPICS } from '../core/topics/taxonomy';
import type { Corpus, Diagnostic, Paper } from '../core/types';
import { parseArgs, positiveInteger, UsageError, type ParsedArgs } from './args';
import { HELP, commandHelp } from './help';
import { err, out, printableJson, quietOnClosedPipes } from './output';
import { runRefs } from './refs';
import { runSuggest } from './suggest';

type Flags = ParsedArgs['flags'];

/** Exit codes: 0 success, 1 the request failed (not found, unreadable input), 2 the command was misused. */
async function main(argv: string[]): Promise<number> {
  // suggest and refs have options of their own: they get the arguments after the command name.
  if ((argv[0] === 'suggest' || argv[0] === 'refs') && argv.some((arg) => arg === '--help' || arg === '-h')) {
    out(commandHelp(argv[0]));
    return 0;
  }
  if (argv[0] === 'suggest') return runSuggest(argv.slice(1), corpusFile);
  if (argv[0] === 'refs') return runRefs(argv.slice(1), corpusFile);
  const args = parseArgs(argv);
  const [command, ...rest] = args.positionals;
  if (!command || command === 'help') {
    out(rest[0] ? commandHelp(rest[0]) : HELP);
    return 0;
  }
  if (args.flags.help) {
    out(commandHelp(command));
    return 0;
  }
  const json = args.flags.json === true;
  switch (command) {
    case 'search':
      return search(rest.join(' '), args.flags, json);
    case 'show':
      return show(rest[0], args.flags, json);
    case 'topics':
      return topics(args.flags, json);
    case 'cite':
      return cite(rest[0], args.flags);
    case 'parse':
      return parse(rest, json);
    case 'suggest':
    case 'refs':
      throw new UsageError(`${command} must come first, e.g. ${command} --help`);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function readCorpus(flags: Flags): Corpus {
  const file = flags.corpus ?? join(__dirname, 'corpus.json');
  if (!existsSync(file)) throw new Error(`corpus file not found: ${file} (run "npm run build" first)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const { corpus, diagnostics } = loadCorpus(json, file);
  for (const diagnostic of diagnostics) err(`${formatDiagnostic(diagnostic)}\n`);
  return corpus;
}

/** The corpus in `file`, or the bundled one. */
function corpusFile(file: string | undefined): Corpus {
  return readCorpus({ corpus: file });
}

function limitOf(flags: Flags): number {
  return positiveInteger(flags.limit, '--limit') ?? 10;
}

function search(query: string, flags: Flags, json: boolean): number {
  if (!query.trim()) throw new UsageError('search needs a query, e.g. search "low-bit quantization"');
  const corpus = readCorpus(flags);
  const topic = flags.topic;
  // Filters typed into the query (topic:, year:, ...) apply; what was not understood is said on stderr.
  const { results, problems } = PaperIndex.build(corpus.papers).find(query, { limit: limitOf(flags), topic });
  for (const problem of problems) err(`paper-scout: ${problem.text}: ${problem.message}\n`);
  if (json) {
    const rows = results.map(({ paper, score }) => ({ id: paper.id, title: paper.title, score: round(score), published: paper.published, topics: paper.topics }));
    out(`${printableJson(rows)}\n`);
    return 0;
  }
  if (results.length === 0) {
    out(`No papers match "${query}".\n`);
    return 0;
  }
  results.forEach(({ paper, snippet }, index) => {
    out(`${index + 1}. ${paper.title}\n   ${paper.id} · ${dateLabel(paper.published)} · ${paper.topics.join(', ')}\n   ${snippet}\n`);
  });
  return 0;
}

function findPaper(corpus: Corpus, idOrKey: string | undefined, command: string): Paper {
  if (!idOrKey) throw new UsageError(`${command} needs a paper id or citation key`);
  // A key may be an old one (an alias): it still names its paper.
  const paper = corpus.papers.find((candidate) => candidate.id === idOrKey) ?? papersByKey(corpus.papers).get(idOrKey);
  if (!paper) throw new Error(`no paper with id or key "${idOrKey}" (find one with: search "<words>")`);
  return paper;
}

function show(idOrKey: string | undefined, flags: Flags, json: boolean): number {
  const paper = findPaper(readCorpus(flags), idOrKey, 'show');
  if (json) {
    out(`${printableJson(paper)}\n`);
    return 0;
  }
  const byline = paper.organization ?? (paper.authorsCount !== null ? `${paper.authorsCount} authors` : 'authors unknown');
  const lines = [
    paper.title,
    `id: ${paper.id}   key: ${paper.key}`,
    `published: ${dateLabel(paper.published)}   upvotes: ${paper.upvotes ?? 'unknown'}   ${byline}`,
    `topics: ${paper.topics.join(', ')}`,
    '',
    paper.abstract,
    ...(paper.links.length > 0 ? ['', 'links:', ...paper.links.map((link) => `  ${link}`)] : []),
    '',
    `sources: ${paper.sources.join(', ')}`,
  ];
  out(`${lines.join('\n')}\n`);
  return 0;
}

function topics(flags: Flags, json: boolean): number {
  const corpus = readCorpus(flags);
  const groups = groupByTopic(corpus.papers, corpus.topics);
  if (json) {
    const rows = groups.map(({ rule, papers }) => ({ name: rule.name, description: rule.description, icon: rule.icon, papers: papers.map((paper) => paper.id) }));
    out(`${printableJson(rows)}\n`);
    return 0;
  }
  for (const { rule, papers } of groups) out(`${rule.name} (${papers.length})${rule.description ? ` — ${rule.description}` : ''}\n`);
  return 0;
}

function cite(idOrKey: string | undefined, flags: Flags): number {
  const paper = findPaper(readCorpus(flags), idOrKey, 'cite');
  const format = flags.format ?? 'bibtex';
  const known = CITATION_FORMATS.map((entry) => entry.id as string);
  if (typeof format !== 'string' || !known.includes(format)) throw new UsageError(`--format must be one of: ${known.join(', ')}`);
  out(`${formatCitation(paper, format as CitationFormat)}\n`);
  return 0;
}

function parse(files: string[], json: boolean): number {
  if (files.length === 0) throw new UsageError('parse needs one or more page files');
  const pages: PageSource[] = [];
  const readProblems: Diagnostic[] = [];
  let unreadable = 0;
  for (const file of files) {
    const read = readPage(file);
    if (typeof read === 'string') {
      err(`paper-scout: ${file}: ${read}\n`);
      unreadable++;
      continue;
    }
    pages.push({ file: basename(file), text: read.text });
    for (const diagnostic of read.diagnostics) readProblems.push(diagnostic);
  }
  const { corpus, diagnostics } = buildCorpus(pages, DEFAULT_TOPICS);
  const problems = [...readProblems, ...diagnostics];
  if (json) out(`${printableJson({ papers: corpus.papers, diagnostics: problems })}\n`);
  else {
    for (const paper of corpus.papers) out(`${paper.id}  ${dateLabel(paper.published).padEnd(10)}  ${paper.title}\n`);
    out(`${corpus.papers.length} papers from ${pages.length} file(s)\n`);
  }
  for (const diagnostic of problems) err(`${formatDiagnostic(diagnostic)}\n`);
  if (corpus.papers.length === 0) err('paper-scout: no papers could be read from the given files\n');
  return corpus.papers.length === 0 || unreadable > 0 ? 1 : 0;
}

/**
 * A page file's text and decoding problems, or why it cannot be read. Only regular files are opened:
 * a FIFO would block forever, a device could be endless, a directory is not a page.
 */
function readPage(file: string): { text: string; diagnostics: Diagnostic[] } | string {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return `not a regular file (${stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a named pipe' : stat.isSocket() ? 'a socket' : 'a device'}); give page dumps (.txt)`;
    return decodeUtf8(readFileSync(file), basename(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'too many symbolic links (a link loop?)';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

quietOnClosedPipes();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      err(`paper-scout: ${error.message}\nRun "paper-scout --help" for usage.\n`);
      process.exitCode = 2;
    } else {
      err(`paper-scout: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  },
);
