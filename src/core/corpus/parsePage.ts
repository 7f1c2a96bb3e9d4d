import type { Diagnostic } from '../types';
import { inferYear, isoDate, parseSiteDate, type SiteDate } from './dates';
import { extractLinks } from './links';
import { splitBlocks, unreadableTextReason, type Block } from './pageText';

/** A paper as read off one page, before merging and topic assignment. */
export interface PagePaper {
  title: string;
  abstract: string;
  published: string | null;
  upvotes: number | null;
  authorsCount: number | null;
  organization: string | null;
  links: string[];
  sources: string[];
  /** Line of the title in its page. */
  line: number;
}

/** What one page dump yields: the papers that could be read, and what was skipped and why. */
export interface PageParseResult {
  papers: PagePaper[];
  diagnostics: Diagnostic[];
}

const CHROME = new Set([
  'new',
  'Get trending papers in your email inbox!',
  'Subscribe',
  'Daily Papers',
  'byAK and the research community',
]);

const MAX_TITLE_LENGTH = 400;

interface Metadata {
  month: number;
  day: number;
  year: number | null;
  upvotes: number;
  authorsCount: number | null;
  organization: string | null;
}

/**
 * Parses one Hugging Face "Daily Papers" page dump. Never throws: what cannot be read becomes a
 * diagnostic naming the file and line, and every paper that could be read is returned.
 */
export function parsePage(text: string, file: string): PageParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (line: number | null, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    diagnostics.push({ file, line, message, severity });
  };
  const unreadable = unreadableTextReason(text);
  if (unreadable) {
    report(null, unreadable);
    return { papers: [], diagnostics };
  }

  const blocks = splitBlocks(text);
  let index = 0;
  while (index < blocks.length && blocks[index].lines.length === 1 && CHROME.has(blocks[index].lines[0].trim())) index++;
  let pageDate: SiteDate | null = null;
  if (index < blocks.length && blocks[index].lines.length === 1) {
    const date = parseSiteDate(blocks[index].lines[0]);
    if (date && date.year === null) {
      pageDate = date;
      index++;
    }
  }

  const entries: { title: Block; abstract: Block; meta: Metadata | null }[] = [];
  while (index < blocks.length) {
    const title = blocks[index];
    if (isMetadataLike(title)) {
      report(title.line, 'metadata block without a paper before it (skipped)');
      index++;
      continue;
    }
    if (!isTitleLike(title)) {
      report(title.line, `expected a paper title, found ${describe(title)} (skipped)`);
      index++;
      continue;
    }
    const abstract = blocks[index + 1];
    const titleText = title.lines[0].trim();
    if (!abstract || isMetadataLike(abstract) || (isTitleLike(abstract) && isAbstractLike(blocks[index + 2]))) {
      report(title.line, `title "${clip(titleText)}" has no abstract (skipped)`);
      index += abstract && isMetadataLike(abstract) ? 2 : 1;
      continue;
    }
    index += 2;
    let meta: Metadata | null = null;
    const next = blocks[index];
    if (next && isMetadataLike(next)) {
      index++;
      const parsed = parseMetadata(next);
      if (typeof parsed === 'string') report(next.line, `unreadable metadata block: ${parsed}; date, upvotes and authors left unknown`, 'warning');
      else meta = parsed;
    }
    entries.push({ title, abstract, meta });
  }

  const explicitYears = entries.flatMap((entry) => (entry.meta?.year ? [entry.meta.year] : []));
  const captureYear = explicitYears.length > 0 ? Math.max(...explicitYears) + 1 : null;
  const papers = entries.map(({ title, abstract, meta }): PagePaper => {
    const abstractText = abstract.lines.map((line) => line.trim()).join(' ');
    const titleText = title.lines[0].trim();
    const year = meta ? inferYear(meta, pageDate, captureYear) : null;
    return {
      title: titleText,
      abstract: abstractText,
      published: meta && year !== null ? isoDate(year, meta.month, meta.day) : null,
      upvotes: meta ? meta.upvotes : null,
      authorsCount: meta ? meta.authorsCount : null,
      organization: meta ? meta.organization : null,
      links: extractLinks(`${titleText} ${abstractText}`),
      sources: [file],
      line: title.line,
    };
  });
  if (papers.length === 0 && diagnostics.length === 0) report(null, 'no papers found: the file is not a Daily Papers page dump');
  return { papers, diagnostics };
}

function isMetadataLike(block: Block | undefined): boolean {
  return !!block && block.lines.some((line) => line.trim() === '·' || line.trim().startsWith('•'));
}

/** Titles are one line; abstracts on the site run to a thousand characters or more. */
function isTitleLike(block: Block | undefined): boolean {
  return !!block && block.lines.length === 1 && block.lines[0].trim().length <= MAX_TITLE_LENGTH;
}

function isAbstractLike(block: Block | undefined): boolean {
  return !!block && !isMetadataLike(block) && !isTitleLike(block);
}

/** Reads the three-line block `  • N authors` (or an organisation) / `·` / `Mon D[, YYYY][ upvotes]`. */
function parseMetadata(block: Block): Metadata | string {
  const lines = block.lines.map((line) => line.trim());
  if (lines.length !== 3 || lines[1] !== '·') return `expected 3 lines (authors or organisation, "·", date), found ${lines.length}`;
  let authorsCount: number | null = null;
  let organization: string | null = null;
  const authors = /^•\s*(\d+)\s+authors?$/.exec(lines[0]);
  if (authors) authorsCount = Number(authors[1]);
  else if (lines[0].startsWith('•')) return `cannot read the author line "${clip(lines[0])}"`;
  else organization = organizationName(lines[0]);
  const dateMatch = /^([A-Za-z]+ \d{1,2}(?:, \d{4})?)(?: (\d+))?$/.exec(lines[2]);
  const date = dateMatch ? parseSiteDate(dateMatch[1]) : null;
  if (!dateMatch || !date) return `cannot read the date "${clip(lines[2])}"`;
  return { ...date, upvotes: dateMatch[2] ? Number(dateMatch[2]) : 0, authorsCount, organization };
}

/** The site prints an organisation as its handle then its name (`openbmb OpenBMB`): keep the name. */
function organizationName(line: string): string {
  const [handle, ...rest] = line.split(/\s+/);
  const name = rest.join(' ');
  return name && handle.toLowerCase() === name.toLowerCase().replace(/\s+/g, '') ? name : line;
}

function describe(block: Block): string {
  return block.lines.length > 1 ? `a block of ${block.lines.length} lines` : `"${clip(block.lines[0])}"`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
