import type { PaperSort } from '../paperOrder';
import type { Paper } from '../types';

/** A filter users can type into a query, as the quick pick lists it when `?` is typed. */
export interface QueryFilterInfo {
  name: string;
  /** How it is written. */
  syntax: string;
  description: string;
  example: string;
}

/** Every filter a query understands, in the order they are listed to users. */
export const QUERY_FILTERS: readonly QueryFilterInfo[] = [
  { name: 'topic', syntax: 'topic:<name>', description: 'Only papers in a topic: its name, the start of it, or its initials (quote names with spaces)', example: 'topic:quantization' },
  { name: 'year', syntax: 'year:<YYYY>', description: 'Only papers published in that year', example: 'year:2024' },
  { name: 'after', syntax: 'after:<YYYY[-MM[-DD]]>', description: 'Only papers published then or later', example: 'after:2024-06' },
  { name: 'before', syntax: 'before:<YYYY[-MM[-DD]]>', description: 'Only papers published before then', example: 'before:2023' },
  { name: 'upvotes', syntax: 'upvotes:>N (also >=, <, <=, =)', description: 'Only papers with that many Hugging Face upvotes', example: 'upvotes:>10' },
  { name: 'org', syntax: 'org:<name>', description: 'Only papers whose organisation contains the name', example: 'org:openbmb' },
  { name: 'sort', syntax: 'sort:date|upvotes|relevance', description: 'Order of the results (newest or most upvoted first)', example: 'sort:date' },
];

/** How results are ordered: by relevance, or in the one paper order (`comparePapers`). */
export type SortOrder = 'relevance' | Exclude<PaperSort, 'title'>;

/** The filters of a query, as typed (topics are matched against the corpus later). */
export interface QueryFilters {
  topics: string[];
  year?: number;
  /** Inclusive lower bound, "YYYY-MM-DD". */
  after?: string;
  /** Exclusive upper bound, "YYYY-MM-DD". */
  before?: string;
  upvotes?: { op: '>' | '>=' | '<' | '<=' | '='; value: number };
  org?: string;
  sort: SortOrder;
}

/** Something in a query that was not understood: the text as typed and why. */
export interface QueryProblem {
  text: string;
  message: string;
}

/** A query split into the words to search and the filters to apply. */
export interface ParsedQuery {
  /** The query without its filters; ends with a space where a filter ended it, so no word is taken as being typed. */
  text: string;
  filters: QueryFilters;
  /** True when any filter other than sort was given. */
  filtered: boolean;
  problems: QueryProblem[];
}

const FILTER_TOKEN = /(^|\s)([A-Za-z][A-Za-z_]+):("[^"]*"?|\S*)/g;
const KNOWN = new Set(QUERY_FILTERS.map((filter) => filter.name));

/**
 * Splits `name:value` filters out of a query. A known filter with a bad value, and any other
 * `name:value`, become problems and are not searched as words; `name:` with nothing after it is left
 * in the text (it is how titles read: "GaLore: Memory-Efficient...").
 */
export function parseQuery(input: string): ParsedQuery {
  const filters: QueryFilters = { topics: [], sort: 'relevance' };
  const problems: QueryProblem[] = [];
  let filtered = false;
  const text = input.replace(FILTER_TOKEN, (whole, space: string, rawName: string, rawValue: string) => {
    const name = rawName.toLowerCase();
    const value = rawValue.replace(/^"|"$/g, '').trim();
    if (!value) {
      if (KNOWN.has(name)) problems.push({ text: whole.trim(), message: `${name}: needs a value, e.g. ${example(name)}` });
      return KNOWN.has(name) ? `${space} ` : whole;
    }
    if (!KNOWN.has(name)) {
      problems.push({ text: whole.trim(), message: `unknown filter "${name}:" (known: ${[...KNOWN].join(', ')}; type ? to list them)` });
      return `${space} `;
    }
    const problem = applyFilter(filters, name, value);
    if (problem) problems.push({ text: whole.trim(), message: problem });
    else if (name !== 'sort') filtered = true;
    return `${space} `;
  });
  return { text, filters, filtered, problems };
}

/** Sets one filter; returns what is wrong with its value, if anything. */
function applyFilter(filters: QueryFilters, name: string, value: string): string | undefined {
  switch (name) {
    case 'topic':
      filters.topics.push(value);
      return undefined;
    case 'year':
      if (!/^\d{4}$/.test(value)) return `year: takes a year such as ${example(name)}`;
      filters.year = Number(value);
      return undefined;
    case 'after':
    case 'before': {
      const date = dateStart(value);
      if (!date) return `${name}: takes a date YYYY, YYYY-MM or YYYY-MM-DD, e.g. ${example(name)}`;
      filters[name] = date;
      return undefined;
    }
    case 'upvotes': {
      const match = /^(>=|<=|>|<|=)?(\d{1,9})$/.exec(value);
      if (!match) return `upvotes: takes a count with an optional comparison, e.g. ${example(name)}`;
      filters.upvotes = { op: (match[1] ?? '>=') as NonNullable<QueryFilters['upvotes']>['op'], value: Number(match[2]) };
      return undefined;
    }
    case 'org':
      filters.org = value.toLowerCase();
      return undefined;
    default: {
      const order = value.toLowerCase();
      if (order !== 'date' && order !== 'upvotes' && order !== 'relevance') return 'sort: takes date, upvotes or relevance';
      filters.sort = order;
      return undefined;
    }
  }
}

/** The first day of a YYYY, YYYY-MM or YYYY-MM-DD date, as "YYYY-MM-DD"; undefined when it is not a real date. */
function dateStart(value: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month = '01', day = '01'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return `${year}-${month}-${day}`;
}

function example(name: string): string {
  return QUERY_FILTERS.find((filter) => filter.name === name)?.example ?? '';
}

/**
 * The topic names each `topic:` value stands for: names that start with the value or whose initials
 * it is ("peft" for Parameter-Efficient Fine-Tuning), ignoring case and punctuation. A value that
 * names no topic becomes a problem.
 */
export function resolveTopics(values: readonly string[], topics: readonly string[]): { groups: Set<string>[]; problems: QueryProblem[] } {
  const groups: Set<string>[] = [];
  const problems: QueryProblem[] = [];
  for (const value of values) {
    const wanted = squash(value);
    const matched = new Set(topics.filter((topic) => squash(topic).startsWith(wanted) || initials(topic) === wanted || topic.toLowerCase() === value.toLowerCase()));
    if (matched.size === 0) problems.push({ text: `topic:${value}`, message: `no topic matches "${value}" (topics: ${topics.join(', ')})` });
    else groups.push(matched);
  }
  return { groups, problems };
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function initials(topic: string): string {
  return topic
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => word[0])
    .join('');
}

/** Whether a paper passes every filter (each topic group is one topic: filter; a paper must be in one topic of every group). */
export function passesFilters(paper: Paper, filters: QueryFilters, topicGroups: readonly Set<string>[]): boolean {
  for (const group of topicGroups) if (!paper.topics.some((topic) => group.has(topic))) return false;
  if (filters.year !== undefined && (paper.published === null || Number(paper.published.slice(0, 4)) !== filters.year)) return false;
  if (filters.after !== undefined && (paper.published === null || paper.published < filters.after)) return false;
  if (filters.before !== undefined && (paper.published === null || paper.published >= filters.before)) return false;
  if (filters.upvotes && (paper.upvotes === null || !compare(paper.upvotes, filters.upvotes.op, filters.upvotes.value))) return false;
  if (filters.org !== undefined && !(paper.organization ?? '').toLowerCase().includes(filters.org)) return false;
  return true;
}

function compare(count: number, op: NonNullable<QueryFilters['upvotes']>['op'], value: number): boolean {
  if (op === '>') return count > value;
  if (op === '>=') return count >= value;
  if (op === '<') return count < value;
  if (op === '<=') return count <= value;
  return count === value;
}
