/**
 * Measures passage suggestion quality: MRR@10 and hit@5 over a set of passages, for the suggestion
 * and for the baseline of pasting the whole passage into search.
 */
import { suggestPapers, type PaperSearch } from '../../src/core/passage/suggest';
import { DEFAULT_WEIGHTING, type WeightTuning } from '../../src/core/passage/passageQuery';
import type { QualityPassage } from './tuningPassages';

/** The cursor marker in passage texts. */
export const CURSOR = '‸';

/** A passage's text without the marker, and the cursor (the marker's place, else the end). */
export function placeCursor(passage: QualityPassage): { text: string; cursor: number } {
  const at = passage.text.indexOf(CURSOR);
  return at < 0 ? { text: passage.text, cursor: passage.text.length } : { text: passage.text.replace(CURSOR, ''), cursor: at };
}

/** MRR@10 and hit@5 of one way of ranking, with each passage's rank (0-based, -1 beyond 10). */
export interface Quality {
  mrr: number;
  hitAt5: number;
  ranks: number[];
}

function summarize(ranks: number[]): Quality {
  const mrr = ranks.reduce((sum, rank) => sum + (rank >= 0 ? 1 / (rank + 1) : 0), 0) / ranks.length;
  const hitAt5 = ranks.filter((rank) => rank >= 0 && rank < 5).length / ranks.length;
  return { mrr, hitAt5, ranks };
}

/** The suggestion's and the baseline's quality on `passages`. */
export async function measure(engine: PaperSearch, passages: readonly QualityPassage[], tuning: WeightTuning = DEFAULT_WEIGHTING): Promise<{ suggestion: Quality; baseline: Quality }> {
  const suggestionRanks: number[] = [];
  const baselineRanks: number[] = [];
  for (const passage of passages) {
    const { text, cursor } = placeCursor(passage);
    const found = await suggestPapers(engine, { text, languageId: passage.languageId, cursor }, 10, tuning);
    if (!found) throw new Error(`no passage found at the cursor of "${passage.name}"`);
    suggestionRanks.push(found.results.findIndex((result) => result.paper.key === passage.target));
    // The baseline: the passage as written (the same paragraph or comment block), pasted into search.
    const pasted = text.slice(found.passage.start, found.passage.end);
    baselineRanks.push((await engine.search(pasted, { limit: 10 })).findIndex((result) => result.paper.key === passage.target));
  }
  return { suggestion: summarize(suggestionRanks), baseline: summarize(baselineRanks) };
}
