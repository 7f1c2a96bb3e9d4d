import { QUERY_FILTERS } from '../core/search/queryFilters';
import { REFS_HELP } from './refs';
import { SUGGEST_HELP } from './suggest';

/** The CLI's usage text, one section per command. */
const COMMANDS: Record<string, string> = {
  search: `paper-scout search <query> [--limit N] [--topic NAME] [--json]
  Search the bundled papers. Prints the best matches with a snippet of the abstract.
  The query may hold filters: ${QUERY_FILTERS.map((filter) => filter.example).join(' ')}.
  --limit N     at most N results (default 10)
  --topic NAME  only papers in this topic (see "topics")
  --json        an array of {id, title, score, published, topics}, best first
`,
  show: `paper-scout show <id|key> [--json]
  Print one paper: title, date, upvotes, authors, topics, abstract, links and source pages.
  --json        the paper as stored in the corpus
`,
  topics: `paper-scout topics [--json]
  List the topics with their paper counts.
  --json        an array of {name, description, icon, papers: [ids]}
`,
  cite: `paper-scout cite <id|key> [--format FORMAT]
  Print a citation. FORMAT: bibtex (default), biblatex, csl-json, markdown, plain, pandoc, latex, comment.
`,
  parse: `paper-scout parse <file>... [--json]
  Read your own files and print the papers found: Hugging Face "Daily Papers" page dumps (.txt),
  corpus JSON, and your library: BibTeX/biblatex (.bib), CSL-JSON (.json holding an array) and CSL
  YAML (.yaml, .yml). Library entries keep their keys. Problems go to stderr as "file:line: message";
  text that is not UTF-8 is reported with its line. A file that is missing, unreadable or not a
  regular file (a directory, FIFO or device) is named and skipped, the others are still read. Exits 1
  when a file could not be read or no paper could be read.
  --json        {papers, diagnostics}
`,
  suggest: SUGGEST_HELP,
  refs: REFS_HELP,
};

export const HELP = `Paper Scout: look up machine-learning papers from the terminal.

Usage: node dist/cli.js <command> [options]

${Object.values(COMMANDS).join('\n')}
Every command that reads the corpus also takes --corpus FILE, more than once if you like: a corpus JSON
file replaces the bundled dist/corpus.json (the first one; others are merged in, as are page dumps), and
a library file (.bib, CSL-JSON, CSL YAML) is merged over it, its entries searchable, shown and cited by
their own keys: search "author:vaswani attention" --corpus refs.bib --corpus zotero.json.
`;

/** Help for one command, or the whole help when the command is unknown. */
export function commandHelp(command: string): string {
  // Own properties only: `help toString` must not find Object.prototype.toString.
  return Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : HELP;
}
