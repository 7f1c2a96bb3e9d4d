import { runToEnd, type Progress } from '../slices';
import type { Diagnostic } from '../types';
import { cleanText } from '../cleanText';
import { isCalendarDate, isoDate } from '../calendar';
import { inferYear, parseSiteDate, type SiteDate } from './dates';
import { extractLinks } from './links';
import { splitBlocks, unreadableTextReason, type Block } from './pageText';
import { clip, readRecords } from './records';

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

interface Metadata {
  month: number;
  day: number;
  year: number | null;
  upvotes: number;
  authorsCount: number | null;
  organization: string | null;
  line: number;
}

/**
 * Parses one Hugging Face "Daily Papers" page dump. Never throws: what cannot be read becomes a
 * diagnostic naming the file and line, and every paper that could be read is returned. Control
 * characters are removed before anything is read (see `cleanText`); the work is linear in the text.
 */
export function parsePage(text: string, file: string): PageParseResult {
  return runToEnd(parsePageSteps(text, file));
}

/**
 * `parsePage` in steps, for `runInSlices`: one after each pass over the whole text, then one per paper
 * (progress in characters of the text, the passes counting for the first half).
 */
export function* parsePageSteps(text: string, file: string): Generator<Progress, PageParseResult> {
  const diagnostics: Diagnostic[] = [];
  const total = text.length;
  const report = (line: number | null, message: string, severity: Diagnostic['severity'] = 'error'): void => {
    diagnostics.push({ file, line, message, severity });
  };
  const unreadable = unreadableTextReason(text);
  if (unreadable) {
    report(null, unreadable);
    return { papers: [], diagnostics };
  }

  yield { done: total / 8, total };
  const cleaned = cleanText(text, { multiline: true });
  yield { done: total / 4, total };
  const blocks = splitBlocks(cleaned);
  yield { done: (total * 3) / 8, total };
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

  const records = readRecords(blocks.slice(index), report);
  yield { done: total / 2, total };
  const entries = records.map(({ title, abstract, meta }) => {
    if (!meta) return { title, abstract, meta: null };
    const parsed = parseMetadata(meta);
    if (typeof parsed !== 'string') return { title, abstract, meta: parsed };
    report(meta.line, `unreadable metadata block: ${parsed}; date, upvotes and authors left unknown`, 'warning');
    return { title, abstract, meta: null };
  });

  // A loop, not Math.max(...years): spreading a page's worth of years overflows the stack.
  let latestYear: number | null = null;
  for (const { meta } of entries) if (meta?.year && (latestYear === null || meta.year > latestYear)) latestYear = meta.year;
  const captureYear = latestYear === null ? null : latestYear + 1;
  const papers: PagePaper[] = [];
  for (const [at, { title, abstract, meta }] of entries.entries()) {
    const abstractText = abstract.lines.map((line) => line.trim()).join(' ');
    const titleText = title.lines[0].trim();
    papers.push({
      title: titleText,
      abstract: abstractText,
      published: meta ? publishedDate(meta, pageDate, captureYear, report) : null,
      upvotes: meta ? meta.upvotes : null,
      authorsCount: meta ? meta.authorsCount : null,
      organization: meta ? meta.organization : null,
      links: extractLinks(`${titleText} ${abstractText}`),
      sources: [file],
      line: title.line,
    });
    yield { done: total / 2 + (total * (at + 1)) / (2 * entries.length), total };
  }
  if (papers.length === 0 && diagnostics.length === 0) report(null, 'no papers found: the file is not a Daily Papers page dump');
  return { papers, diagnostics };
}

/** The paper's date, or null (with a warning) when the year the page implies has no such day. */
function publishedDate(meta: Metadata, pageDate: SiteDate | null, captureYear: number | null, report: (line: number, message: string, severity: 'warning') => void): string | null {
  const year = inferYear(meta, pageDate, captureYear);
  if (year === null) return null;
  if (!isCalendarDate(year, meta.month, meta.day)) {
    report(meta.line, `the yearless date ${isoDate(year, meta.month, meta.day).slice(5)} would fall in ${year}, which has no such day or is outside 1900-2100; date left unknown`, 'warning');
    return null;
  }
  return isoDate(year, meta.month, meta.day);
}

/** Reads the three-line block `  • N authors` (or an organisation) / `·` / `Mon D[, YYYY][ upvotes]`. */
function parseMetadata(block: Block): Metadata | string {
  const lines = block.lines.map((line) => line.trim());
  if (lines.length !== 3 || lines[1] !== '·') return `expected 3 lines (authors or organisation, "·", date), found ${lines.length}`;
  let authorsCount: number | null = null;
  let organization: string | null = null;
  const authors = /^•\s*(\d{1,9})\s+authors?$/.exec(lines[0]);
  if (authors) authorsCount = Number(authors[1]);
  else if (lines[0].startsWith('•')) return `cannot read the author line "${clip(lines[0])}"`;
  else organization = organizationName(lines[0]);
  if (authorsCount === 0) return 'a paper has at least one author, found "0 authors"';
  const dateMatch = /^([A-Za-z]+ \d{1,2}(?:, \d{4})?)(?: (\d+))?$/.exec(lines[2]);
  const date = dateMatch ? parseSiteDate(dateMatch[1]) : null;
  if (!dateMatch || !date) return `cannot read the date "${clip(lines[2])}" (a day of the calendar, years 1900-2100)`;
  const upvotes = dateMatch[2] ? Number(dateMatch[2]) : 0;
  if (!Number.isSafeInteger(upvotes)) return `the upvote count "${clip(dateMatch[2])}" is too large`;
  return { ...date, upvotes, authorsCount, organization, line: block.line };
}

/** The site prints an organisation as its handle then its name (`openbmb OpenBMB`): keep the name. */
function organizationName(line: string): string {
  const [handle, ...rest] = line.split(/\s+/);
  const name = rest.join(' ');
  return name && handle.toLowerCase() === name.toLowerCase().replace(/\s+/g, '') ? name : line;
}
