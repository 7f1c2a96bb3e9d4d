/**
 * An entry of the user's library as every reader (BibTeX, CSL-JSON, CSL YAML) hands it on: its key
 * and place, and its fields read into text, people, a date and identifiers. The values' rules are
 * here once: dates as far as known, months by number or name, DOIs and arXiv ids without their
 * prefixes, keywords split.
 */
import { isPublishedDate } from '../calendar';
import type { Diagnostic, PersonName } from '../types';

/** The formats a library file comes in. */
export type LibraryFormat = 'bibtex' | 'csl-json' | 'csl-yaml';

/** What a format is called in messages. */
export const FORMAT_NAMES: Readonly<Record<LibraryFormat, string>> = { bibtex: 'BibTeX', 'csl-json': 'CSL-JSON', 'csl-yaml': 'CSL YAML' };

/** One entry of a library file, read. */
export interface LibraryEntry {
  /** The key exactly as written. */
  key: string;
  /** The entry type as written (`article`, CSL `paper-conference`). */
  type: string;
  /** 1-based line where the entry starts. */
  line: number;
  /** 1-based column of the key on that line (1 when not known). */
  column?: number;
  /** A hash of the entry's text (`entryHash`): an entry whose hash is the same after its file changed did not change. */
  hash: string;
  /** Plain text (TeX and CSL markup already read). */
  title: string;
  abstract: string;
  authors: PersonName[];
  editors: PersonName[];
  moreAuthors: boolean;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD", or null. */
  published: string | null;
  venue: string | null;
  keywords: string[];
  doi: string | null;
  arxiv: string | null;
  url: string | null;
}

/** A library file read: its format, its entries in file order, and what was wrong with it. */
export interface LibraryFileRead {
  format: LibraryFormat;
  entries: LibraryEntry[];
  diagnostics: Diagnostic[];
  /** BibTeX: a hash of the file's `@string` definitions (entries read under other macros read differently). */
  macros?: string;
  /** Whether the text ends inside an entry or item, as a file caught half-written does. */
  truncated?: boolean;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['may', 5], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['oct', 10], ['nov', 11], ['dec', 12],
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['june', 6], ['july', 7], ['august', 8], ['sept', 9], ['september', 9],
  ['october', 10], ['november', 11], ['december', 12],
]);

/** A month as a number 1–12 from `12`, `dec`, `Dec.`, `December`; null when it is none of those. */
export function monthNumber(text: string): number | null {
  const value = text.trim().toLowerCase().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(value)) {
    const month = Number(value);
    return month >= 1 && month <= 12 ? month : null;
  }
  return MONTHS.get(value) ?? null;
}

/**
 * A date as far as it is known, from its parts: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a part that is
 * not a real day or month is dropped (with the parts after it), and a year outside 1900–2100 gives null.
 */
export function dateFromParts(year: number, month?: number | null, day?: number | null): string | null {
  const y = String(year).padStart(4, '0');
  if (!isPublishedDate(y)) return null;
  if (!month) return y;
  const ym = `${y}-${String(month).padStart(2, '0')}`;
  if (!isPublishedDate(ym)) return y;
  if (!day) return ym;
  const ymd = `${ym}-${String(day).padStart(2, '0')}`;
  return isPublishedDate(ymd) ? ymd : ym;
}

/**
 * An ISO 8601 date as biblatex's `date` and CSL's `raw` write it (`2021-06-17`, `2021-06`, `2021`,
 * `2021-06-17T10:00`, a range `2020/2021` whose start counts), as far as it is known; null otherwise.
 */
export function isoDateText(text: string): string | null {
  const match = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+Z?)?\s*(?:\/.*)?$/.exec(text);
  return match ? dateFromParts(Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null) : null;
}

/** The first four-digit year in a `year` field (`2021`, `2021a`, `{2021}`); null when there is none. */
export function yearOf(text: string): number | null {
  const match = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** A DOI without its resolver or `doi:` prefix (`https://doi.org/10.1/x` → `10.1/x`); null when it is not one. */
export function normalizeDoi(text: string): string | null {
  const value = text.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '');
  return /^10\.\d{3,9}\/\S+$/.test(value) ? value : null;
}

const NEW_ARXIV = /(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/;
const OLD_ARXIV = /(?<![\w-])([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?!\d)/;

/** An arXiv id without version from `1706.03762v5`, `arXiv:1706.03762`, `hep-th/9901001`; null when none. */
export function normalizeArxiv(text: string): string | null {
  const value = text.trim().replace(/^arxiv:\s*/i, '');
  return NEW_ARXIV.exec(value)?.[1] ?? OLD_ARXIV.exec(value)?.[1] ?? null;
}

/** The arXiv id an arXiv URL (`arxiv.org/abs/…`, `/pdf/…`) or an arXiv DOI (`10.48550/arXiv.…`) names; null otherwise. */
export function arxivFromLink(text: string): string | null {
  const url = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+)/i.exec(text);
  if (url) return normalizeArxiv(url[1].replace(/\.pdf$/i, ''));
  const doi = /^10\.48550\/arxiv\.(.+)$/i.exec(text.trim());
  return doi ? normalizeArxiv(doi[1]) : null;
}

/** An absolute http(s) URL without white space; null otherwise. */
export function normalizeUrl(text: string): string | null {
  const value = text.trim();
  return /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(value) ? value : null;
}

/** Keywords from a list separated by commas or semicolons, each trimmed, repeats dropped. */
export function splitKeywords(text: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const keyword = part.replace(/\s+/g, ' ').trim();
    if (keyword && !seen.has(keyword.toLowerCase())) {
      seen.add(keyword.toLowerCase());
      keywords.push(keyword);
    }
  }
  return keywords;
}
