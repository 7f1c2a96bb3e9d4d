import type { Paper } from '../types';
import { processTerm, tokenize } from './terms';
import type { Vocabulary } from './vocabulary';

/** An index term and how strongly it characterises some papers. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** How much a title word counts against an abstract word when picking telling terms. */
const TITLE_WEIGHT = 3;

/**
 * The terms that best characterise `papers` (tf-idf over title and abstract, title words counting
 * more), for "more like this" and pseudo-relevance feedback. Terms held by only one paper (nothing to
 * find) or by more than a fifth of the corpus (no signal) are left out, as is anything in `exclude`.
 * Weights are scaled so the best term weighs 1.
 */
export function tellingTerms(papers: readonly Paper[], vocabulary: Vocabulary, limit: number, exclude: ReadonlySet<string> = new Set()): WeightedTerm[] {
  const total = Math.max(vocabulary.papers, 1);
  const scores = new Map<string, number>();
  for (const paper of papers) {
    const counts = new Map<string, number>();
    const note = (text: string, weight: number): void => {
      for (const token of tokenize(text)) {
        const term = processTerm(token);
        if (term !== null && !exclude.has(term)) counts.set(term, (counts.get(term) ?? 0) + weight);
      }
    };
    note(paper.title, TITLE_WEIGHT);
    note(paper.abstract, 1);
    let length = 0;
    for (const count of counts.values()) length += count;
    for (const [term, count] of counts) {
      const papersWith = vocabulary.papersWithTerm(term);
      if (papersWith < 2 || papersWith > total / 5) continue;
      const idf = Math.log(total / papersWith);
      scores.set(term, (scores.get(term) ?? 0) + (count / Math.sqrt(length)) * idf);
    }
  }
  const best = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit);
  const top = best[0]?.[1] ?? 1;
  return best.map(([term, score]) => ({ term, weight: score / top }));
}
