/**
 * Help with the filters of a query, as the search quick pick offers it: `?` lists the filters, a
 * filter typed with no value yet lists the values it takes (topics, sort orders), and the filters in
 * force read as a short line for the pick's title. Pure (no `vscode`).
 */
import { QUERY_FILTERS, type QueryFilters, type QueryProblem } from '../core/search/queryFilters';

/** Something the pick offers instead of results; choosing it makes the query `query`. */
export interface AssistEntry {
  label: string;
  /** A codicon name shown before the label. */
  icon?: string;
  description: string;
  detail?: string;
  /** The query once the entry is chosen. */
  query: string;
  /** True when the query is complete once chosen (a value), so the search runs; false when a value is still to be typed. */
  complete: boolean;
}

/** A topic the `topic:` filter can name: its name, icon and how many papers it holds. */
export interface TopicChoice {
  name: string;
  icon?: string;
  papers: number;
}

/** What the pick shows for a query: filter help, a filter's values, or search results. */
export type QueryAssist = { kind: 'filters'; entries: AssistEntry[] } | { kind: 'values'; filter: string; entries: AssistEntry[] } | { kind: 'search' };

/** The filters whose values the pick can list. */
const SORT_ORDERS: readonly { value: string; description: string }[] = [
  { value: 'relevance', description: 'best match first (the default)' },
  { value: 'date', description: 'newest first, undated last' },
  { value: 'upvotes', description: 'most upvoted first' },
];

/**
 * What to offer for `query`: the filter list when its last word is `?`; the values of `topic:` or
 * `sort:` when one ends the query with no value yet; else a search. `topics` are the topics in force
 * (read only when `topic:` is being typed).
 */
export function queryAssist(query: string, topics: () => readonly TopicChoice[]): QueryAssist {
  const last = /(^|\s)(\S*)$/.exec(query);
  const word = last?.[2] ?? '';
  const before = query.slice(0, query.length - word.length);
  if (word === '?') {
    return {
      kind: 'filters',
      entries: QUERY_FILTERS.map((filter) => ({
        label: filter.syntax,
        icon: 'filter',
        description: filter.description,
        detail: `e.g. ${filter.example}`,
        query: `${before}${filter.name}:`,
        complete: false,
      })),
    };
  }
  const filter = /^([A-Za-z]+):$/.exec(word)?.[1]?.toLowerCase();
  const choices = filter === 'topic' ? topics() : [];
  if (choices.length > 0) {
    return {
      kind: 'values',
      filter: 'topic',
      entries: choices.map((topic) => ({
        label: topic.name,
        icon: topic.icon || 'tag',
        description: `${topic.papers.toLocaleString('en-US')} ${topic.papers === 1 ? 'paper' : 'papers'}`,
        query: `${before}topic:${quoted(topic.name)} `,
        complete: true,
      })),
    };
  }
  if (filter === 'sort') {
    return { kind: 'values', filter, entries: SORT_ORDERS.map(({ value, description }) => ({ label: `sort:${value}`, icon: 'list-ordered', description, query: `${before}sort:${value} `, complete: true })) };
  }
  return { kind: 'search' };
}

/** A value as a filter takes it: quoted when it has spaces. */
function quoted(value: string): string {
  return /\s/.test(value) ? `"${value}"` : value;
}

/**
 * The filters in force, as a short line ("topic:peft · year:2024 · sorted by date"); '' when none. A
 * filter named among `problems` (`topic:zzz`, which names no topic) was not applied and is left out.
 */
export function describeFilters(filters: QueryFilters, problems: readonly QueryProblem[] = []): string {
  const refused = new Set(problems.map((problem) => problem.text.toLowerCase()));
  const parts = filters.topics.filter((topic) => !refused.has(`topic:${topic}`.toLowerCase())).map((topic) => `topic:${quoted(topic)}`);
  if (filters.year !== undefined) parts.push(`year:${filters.year}`);
  if (filters.after !== undefined) parts.push(`after:${filters.after}`);
  if (filters.before !== undefined) parts.push(`before:${filters.before}`);
  if (filters.upvotes) parts.push(`upvotes:${filters.upvotes.op}${filters.upvotes.value}`);
  if (filters.org !== undefined) parts.push(`org:${filters.org}`);
  if (filters.sort !== 'relevance') parts.push(`sorted by ${filters.sort}`);
  return parts.join(' · ');
}

/** The query with the text of a problem (an unknown filter or a bad value) replaced by `?`, to pick a filter instead. */
export function replaceWithHelp(query: string, problemText: string): string {
  const at = query.lastIndexOf(problemText);
  const without = at >= 0 ? `${query.slice(0, at)}${query.slice(at + problemText.length)}` : query;
  return `${without.replace(/\s+$/, '')} ?`.replace(/^\s+/, '');
}
