import type { Paper, TopicRule } from '../types';
import { OTHER_TOPIC } from './taxonomy';

/** How papers are ordered under a topic. */
export type PaperSort = 'date' | 'upvotes' | 'title';

/** A topic with its papers, as the sidebar and the CLI show it. */
export interface TopicGroup {
  rule: TopicRule;
  papers: Paper[];
}

/**
 * Papers grouped by topic in taxonomy order (then any topic the papers name that the rules do not, then
 * "Other"), each group sorted: newest first with undated papers last, most upvoted first, or by title.
 * Topics with no papers are kept, so a user's new topic shows up even before it matches anything.
 */
export function groupByTopic(papers: readonly Paper[], rules: readonly TopicRule[], sort: PaperSort = 'date'): TopicGroup[] {
  const groups = new Map<string, TopicGroup>();
  for (const rule of rules) groups.set(rule.name, { rule, papers: [] });
  for (const paper of papers) {
    for (const topic of paper.topics) {
      let group = groups.get(topic);
      if (!group) {
        group = { rule: topic === OTHER_TOPIC.name ? OTHER_TOPIC : { name: topic, icon: 'tag', description: '', terms: [] }, papers: [] };
        groups.set(topic, group);
      }
      group.papers.push(paper);
    }
  }
  const other = groups.get(OTHER_TOPIC.name);
  groups.delete(OTHER_TOPIC.name);
  const ordered = [...groups.values()];
  if (other && other.papers.length > 0) ordered.push(other);
  for (const group of ordered) group.papers.sort(comparePapers(sort));
  return ordered;
}

/** A comparator for `sort`; ties fall back to title so the order is stable. */
export function comparePapers(sort: PaperSort): (a: Paper, b: Paper) => number {
  const byTitle = (a: Paper, b: Paper): number => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
  switch (sort) {
    case 'title':
      return byTitle;
    case 'upvotes':
      return (a, b) => (b.upvotes ?? -1) - (a.upvotes ?? -1) || byTitle(a, b);
    case 'date':
      return (a, b) => {
        if (a.published === b.published) return byTitle(a, b);
        if (a.published === null) return 1;
        if (b.published === null) return -1;
        return a.published < b.published ? 1 : -1;
      };
  }
}
