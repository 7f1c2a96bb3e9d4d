import { comparePapers, type PaperSort } from '../paperOrder';
import type { Paper, TopicRule } from '../types';
import { OTHER_TOPIC } from './taxonomy';

/** A topic with its papers, as the sidebar and the CLI show it. */
export interface TopicGroup {
  rule: TopicRule;
  papers: Paper[];
}

/**
 * Papers grouped by topic in taxonomy order (then any topic the papers name that the rules do not, then
 * "Other"), each group sorted by `comparePapers`: newest first with undated papers last, most upvoted first, or by title.
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
