import { readFileSync } from 'node:fs';
import { dateLabel } from '../core/citations/displayText';
import { formatCitation, CITATION_FORMATS, type CitationFormat } from '../core/citations/formats';
import { papersByKey } from '../core/citations/keyAliases';
import { buildCorpus } from '../core/corpus/buildCorpus';
import { readCorpusJson } from '../core/corpus/jsonPapers';
import { formatDiagnostic } from '../core/diagnostics';
import { PaperIndex } from '../core/search/paperIndex';
import { groupByTopic } from '../core/topics/groupByTopic';
import { DEFAULT_TOPICS } from '../core/topics/taxonomy';
import type { Corpus, Paper } from '../core/types';
import { bibtexEntryText } from '../core/library/bibtexReader';
import { authorsLabel } from '../core/library/libraryLabels';
import { parseArgs, positiveInteger, UsageError, type ParsedArgs } from './args';
import { libraryPapers, readCorpus as readCorpusFiles, readUserFiles } from './corpusFiles';
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

/** The corpus with the files of `--corpus` merged in (see `corpusFiles.ts`). */
function readCorpus(flags: Flags): Corpus {
  return readCorpusFiles(flags.corpus);
}

/** The corpus with `files` merged in, or the bundled one. */
function corpusFile(files: string[] | undefined): Corpus {
  return readCorpusFiles(files);
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
  const byline = paper.organization ?? (paper.authorsCount !== null ? `${paper.authorsCount} authors` : paper.authors ? '' : 'authors unknown');
  const named = authorsLabel(paper, 20);
  const identifiers = [paper.venue ? `venue: ${paper.venue}` : '', paper.doi ? `doi: ${paper.doi}` : '', paper.arxiv ? `arXiv: ${paper.arxiv}` : '', paper.url ? `url: ${paper.url}` : ''].filter(Boolean);
  const lines = [
    paper.title,
    ...(named ? [`by ${named}`] : []),
    `id: ${paper.id}   key: ${paper.key}${paper.aliases?.length ? `   also cited as: ${paper.aliases.join(', ')}` : ''}`,
    ...identifiers,
    ...(paper.library ?? []).map((record) => `in your library: ${record.file}:${record.line} @${record.type}{${record.key}}`),
    `published: ${dateLabel(paper.published)}   upvotes: ${paper.upvotes ?? 'unknown'}   ${byline}`,
    `topics: ${paper.topics.join(', ')}`,
    '',
    paper.abstract,
    ...(paper.links.length > 0 ? ['', 'links:', ...paper.links.map((link) => `  ${link}`)] : []),
    '',
    ...(paper.sources.length > 0 ? [`sources: ${paper.sources.join(', ')}`] : []),
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
  out(`${(format === 'bibtex' ? libraryEntry(paper, idOrKey as string) : undefined) ?? formatCitation(paper, format as CitationFormat)}\n`);
  return 0;
}

/** The paper's BibTeX entry as its library's `.bib` file has it (under the key asked for, else the paper's), if it has one. */
function libraryEntry(paper: Paper, asked: string): string | undefined {
  const key = (paper.library ?? []).some((record) => record.key === asked) ? asked : paper.key;
  const record = (paper.library ?? []).find((candidate) => candidate.key === key && /\.(?:bib|bibtex|biblatex)$/i.test(candidate.file));
  if (!record) return undefined;
  try {
    return bibtexEntryText(readFileSync(record.location, 'utf8'), record.file, key);
  } catch {
    return undefined;
  }
}

function parse(files: string[], json: boolean): number {
  if (files.length === 0) throw new UsageError('parse needs one or more page files or library files (.bib, CSL-JSON, CSL YAML)');
  const given = readUserFiles(files);
  const { corpus, diagnostics } = buildCorpus(given.pages, DEFAULT_TOPICS);
  const library = given.library.length > 0 ? libraryPapers(given.library) : { papers: [], diagnostics: [] };
  // Corpus JSON given to parse is read as it would be merged: its papers, checked.
  const fromJson = given.corpusJson.map((source) => readCorpusJson(source.text, source.file));
  const papers = [...corpus.papers, ...fromJson.flatMap((read) => read.corpus.papers), ...library.papers];
  const problems = [...given.diagnostics, ...diagnostics, ...fromJson.flatMap((read) => read.diagnostics), ...library.diagnostics];
  if (json) out(`${printableJson({ papers, diagnostics: problems })}\n`);
  else {
    for (const paper of papers) out(`${paper.library ? paper.key : paper.id}  ${dateLabel(paper.published).padEnd(10)}  ${paper.title}\n`);
    out(`${papers.length} papers from ${files.length - given.unreadable} file(s)\n`);
  }
  for (const diagnostic of problems) err(`${formatDiagnostic(diagnostic)}\n`);
  if (papers.length === 0) err('paper-scout: no papers could be read from the given files\n');
  return papers.length === 0 || given.unreadable > 0 ? 1 : 0;
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
