import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { formatCitation, CITATION_FORMATS, type CitationFormat } from '../core/citations/formats';
import { buildCorpus } from '../core/corpus/buildCorpus';
import { loadCorpus } from '../core/corpus/schema';
import { formatDiagnostic } from '../core/diagnostics';
import { PaperIndex } from '../core/search/paperIndex';
import { groupByTopic } from '../core/topics/groupByTopic';
import { DEFAULT_TOPICS } from '../core/topics/taxonomy';
import type { Corpus, Paper } from '../core/types';
import { parseArgs, UsageError } from './args';
import { HELP, commandHelp } from './help';

/** Exit codes: 0 success, 1 the request failed (not found, unreadable input), 2 the command was misused. */
function main(argv: string[]): number {
  const args = parseArgs(argv, new Set(['limit', 'format', 'topic', 'corpus']));
  const [command, ...rest] = args.positionals;
  if (!command || command === 'help') {
    process.stdout.write(rest[0] ? commandHelp(rest[0]) : HELP);
    return 0;
  }
  if (args.flags.has('help')) {
    process.stdout.write(commandHelp(command));
    return 0;
  }
  const json = args.flags.has('json');
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
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function readCorpus(flags: Map<string, string | true>): Corpus {
  const file = typeof flags.get('corpus') === 'string' ? (flags.get('corpus') as string) : join(__dirname, 'corpus.json');
  if (!existsSync(file)) throw new Error(`corpus file not found: ${file} (run "npm run build" first)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const { corpus, diagnostics } = loadCorpus(json, file);
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  return corpus;
}

function limitOf(flags: Map<string, string | true>): number {
  const raw = flags.get('limit');
  if (raw === undefined) return 10;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
  return limit;
}

function search(query: string, flags: Map<string, string | true>, json: boolean): number {
  if (!query.trim()) throw new UsageError('search needs a query, e.g. search "low-bit quantization"');
  const corpus = readCorpus(flags);
  const topic = typeof flags.get('topic') === 'string' ? (flags.get('topic') as string) : undefined;
  // Filters typed into the query (topic:, year:, ...) apply; what was not understood is said on stderr.
  const { results, problems } = PaperIndex.build(corpus.papers).find(query, { limit: limitOf(flags), topic });
  for (const problem of problems) process.stderr.write(`paper-scout: ${problem.text}: ${problem.message}\n`);
  if (json) {
    const rows = results.map(({ paper, score }) => ({ id: paper.id, title: paper.title, score: round(score), published: paper.published, topics: paper.topics }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (results.length === 0) {
    process.stdout.write(`No papers match "${query}".\n`);
    return 0;
  }
  results.forEach(({ paper, snippet }, index) => {
    process.stdout.write(`${index + 1}. ${paper.title}\n   ${paper.id} · ${paper.published ?? 'date unknown'} · ${paper.topics.join(', ')}\n   ${snippet}\n`);
  });
  return 0;
}

function findPaper(corpus: Corpus, idOrKey: string | undefined, command: string): Paper {
  if (!idOrKey) throw new UsageError(`${command} needs a paper id or citation key`);
  const paper = corpus.papers.find((candidate) => candidate.id === idOrKey || candidate.key === idOrKey);
  if (!paper) throw new Error(`no paper with id or key "${idOrKey}" (find one with: search "<words>")`);
  return paper;
}

function show(idOrKey: string | undefined, flags: Map<string, string | true>, json: boolean): number {
  const paper = findPaper(readCorpus(flags), idOrKey, 'show');
  if (json) {
    process.stdout.write(`${JSON.stringify(paper, null, 2)}\n`);
    return 0;
  }
  const byline = paper.organization ?? (paper.authorsCount !== null ? `${paper.authorsCount} authors` : 'authors unknown');
  const lines = [
    paper.title,
    `id: ${paper.id}   key: ${paper.key}`,
    `published: ${paper.published ?? 'unknown'}   upvotes: ${paper.upvotes ?? 'unknown'}   ${byline}`,
    `topics: ${paper.topics.join(', ')}`,
    '',
    paper.abstract,
    ...(paper.links.length > 0 ? ['', 'links:', ...paper.links.map((link) => `  ${link}`)] : []),
    '',
    `sources: ${paper.sources.join(', ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function topics(flags: Map<string, string | true>, json: boolean): number {
  const corpus = readCorpus(flags);
  const groups = groupByTopic(corpus.papers, corpus.topics);
  if (json) {
    const rows = groups.map(({ rule, papers }) => ({ name: rule.name, description: rule.description, icon: rule.icon, papers: papers.map((paper) => paper.id) }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  for (const { rule, papers } of groups) process.stdout.write(`${rule.name} (${papers.length})${rule.description ? ` — ${rule.description}` : ''}\n`);
  return 0;
}

function cite(idOrKey: string | undefined, flags: Map<string, string | true>): number {
  const paper = findPaper(readCorpus(flags), idOrKey, 'cite');
  const format = flags.get('format') ?? 'bibtex';
  const known = CITATION_FORMATS.map((entry) => entry.id as string);
  if (typeof format !== 'string' || !known.includes(format)) throw new UsageError(`--format must be one of: ${known.join(', ')}`);
  process.stdout.write(`${formatCitation(paper, format as CitationFormat)}\n`);
  return 0;
}

function parse(files: string[], json: boolean): number {
  if (files.length === 0) throw new UsageError('parse needs one or more page files');
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    for (const file of missing) process.stderr.write(`paper-scout: ${file}: no such file\n`);
    return 1;
  }
  const pages = files.map((file) => ({ file: basename(file), text: readFileSync(file, 'utf8') }));
  const { corpus, diagnostics } = buildCorpus(pages, DEFAULT_TOPICS);
  if (json) process.stdout.write(`${JSON.stringify({ papers: corpus.papers, diagnostics }, null, 2)}\n`);
  else {
    for (const paper of corpus.papers) process.stdout.write(`${paper.id}  ${paper.published ?? '----------'}  ${paper.title}\n`);
    process.stdout.write(`${corpus.papers.length} papers from ${files.length} file(s)\n`);
  }
  for (const diagnostic of diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (corpus.papers.length === 0) {
    process.stderr.write('paper-scout: no papers could be read from the given files\n');
    return 1;
  }
  return 0;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`paper-scout: ${error.message}\nRun "paper-scout --help" for usage.\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`paper-scout: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
