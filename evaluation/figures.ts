/**
 * Every quality figure of the search, one set after another, for the unit tests (which print them and
 * hold them to floors), the benchmark (which carries them in its JSON) and the tuning tool (which reads
 * the tuning halves only). Sets split at random before any tuning (`split.ts`) report a tuning and a
 * held-out half; the older sets, which earlier sessions tuned on whole, have no held-out half.
 */
import { PaperIndex, type SearchTuning } from '../src/core/search/paperIndex';
import type { Paper } from '../src/core/types';
import { HELD_OUT_PASSAGES } from './passage/heldOutPassages';
import { measure } from './passage/quality';
import { MORE_TUNING_PASSAGES } from './passage/moreTuningPassages';
import { TUNING_PASSAGES } from './passage/tuningPassages';
import { WRITERS_PASSAGES } from './passage/writersPassages';
import { KNOWN_ITEMS } from './search/knownItems';
import { rankFigures, relatedFigures, type SearchIds, typoFigures } from './search/measure';
import { DESCRIPTIONS, RELATED_PAIRS, TYPO_PAIRS } from './search/querySets';
import { TUNING_DESCRIPTIONS } from './search/tuningDescriptions';
import { type Voice, VOICED_DESCRIPTIONS } from './search/voicedDescriptions';
import { SPLIT_SEED, splitHalves } from './split';

/** Which halves to measure: the tuning tool asks for the tuning halves only. */
export type HalvesWanted = 'tuning' | 'both';

/** Figures of a ranked set: hit@1, MRR@10, hit@10; beside plain MiniSearch on the same index where measured. */
export interface RankedSetFigures {
  count: number;
  hitAt1: number;
  mrrAt10: number;
  hitAt10: number;
  plain?: { hitAt1: number; mrrAt10: number; hitAt10: number };
  /** MRR@10 per voice (voiced descriptions only). */
  byVoice?: Partial<Record<Voice, number>>;
  /** Lines for the queries whose paper did not rank first (tuning halves and tuned-on sets only). */
  misses?: string[];
}

/** Figures of a passage set: the suggestion's MRR@10 and hit@5, and pasting the passage into search. */
export interface PassageSetFigures {
  count: number;
  mrrAt10: number;
  hitAt5: number;
  baseline: { mrrAt10: number; hitAt5: number };
  /** Target keys not ranked first (tuning halves and tuned-on sets only). */
  misses?: string[];
}

/** A set measured by halves. */
export interface SplitFigures<T> {
  tuning: T;
  heldOut?: T;
}

/** All the figures. */
export interface QualityFigures {
  splitSeed: number;
  voicedDescriptions: SplitFigures<RankedSetFigures>;
  /** Descriptions in the same voices written later, for tuning only (the held-out half stays the one held out). */
  tuningDescriptions: RankedSetFigures;
  /** Passages written with the voiced descriptions, split the same way. */
  writersPassages: SplitFigures<PassageSetFigures>;
  /** The first passage sets: one tuned on, one written later to check it. */
  passages: SplitFigures<PassageSetFigures>;
  /** Passages of the same kinds written later, for tuning only. */
  moreTuningPassages: PassageSetFigures;
  /** Older sets without a held-out half (tuned on whole by earlier sessions). */
  knownItems: RankedSetFigures;
  descriptions: RankedSetFigures;
  /** Pairs whose top five differ, and related pairs missed (left out of the bench JSON). */
  typos: { count: number; overlapAt5: number; sameFirst: number; differences?: string[] };
  related: { count: number; recallAt5: number; mrrAt10: number; misses?: string[] };
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** Measures every set on `index` (built from `papers`), searched with `tuning` over the defaults. */
export async function qualityFigures(papers: readonly Paper[], index: PaperIndex, halves: HalvesWanted, tuning?: Partial<SearchTuning>): Promise<QualityFigures> {
  const search: SearchIds = (query, limit) => index.search(query, { limit, tuning }).map((result) => result.paper.id);
  const plain: SearchIds = (query, limit) => index.plainSearch(query, limit).map((result) => result.paper.id);
  const ranked = (items: typeof DESCRIPTIONS, withMisses: boolean, withPlain = false): RankedSetFigures => {
    const ours = rankFigures(papers, items, search);
    const figures: RankedSetFigures = { count: ours.count, hitAt1: round3(ours.hitAt1), mrrAt10: round3(ours.mrrAt10), hitAt10: round3(ours.hitAt10) };
    if (withPlain) {
      const theirs = rankFigures(papers, items, plain);
      figures.plain = { hitAt1: round3(theirs.hitAt1), mrrAt10: round3(theirs.mrrAt10), hitAt10: round3(theirs.hitAt10) };
    }
    if (withMisses) figures.misses = ours.misses;
    return figures;
  };
  const voiced = (items: typeof VOICED_DESCRIPTIONS, withMisses: boolean): RankedSetFigures => {
    const figures = ranked(items, withMisses, true);
    figures.byVoice = {};
    for (const voice of [...new Set(items.map((item) => item.voice))].sort()) figures.byVoice[voice] = round3(rankFigures(papers, items.filter((item) => item.voice === voice), search).mrrAt10);
    return figures;
  };
  const engine = { search: (query: string, options?: { limit?: number; wordWeights?: ReadonlyMap<string, number> }) => index.search(query, { ...options, tuning }) };
  const passages = async (items: typeof WRITERS_PASSAGES, withMisses: boolean): Promise<PassageSetFigures> => {
    const { suggestion, baseline } = await measure(engine, items);
    const figures: PassageSetFigures = {
      count: items.length,
      mrrAt10: round3(suggestion.mrr),
      hitAt5: round3(suggestion.hitAt5),
      baseline: { mrrAt10: round3(baseline.mrr), hitAt5: round3(baseline.hitAt5) },
    };
    if (withMisses) figures.misses = items.flatMap((item, at) => (suggestion.ranks[at] === 0 ? [] : [`${item.target} (rank ${rankText(suggestion.ranks[at])})`]));
    return figures;
  };
  const voicedHalves = splitHalves(VOICED_DESCRIPTIONS);
  const writersHalves = splitHalves(WRITERS_PASSAGES);
  const both = halves === 'both';
  const typos = typoFigures(TYPO_PAIRS, search);
  const related = relatedFigures(papers, RELATED_PAIRS, (id, limit) => index.related(id, limit).map((result) => result.paper.id));
  return {
    splitSeed: SPLIT_SEED,
    voicedDescriptions: { tuning: voiced(voicedHalves.tuning, true), ...(both ? { heldOut: voiced(voicedHalves.heldOut, false) } : {}) },
    tuningDescriptions: voiced(TUNING_DESCRIPTIONS, true),
    writersPassages: { tuning: await passages(writersHalves.tuning, true), ...(both ? { heldOut: await passages(writersHalves.heldOut, false) } : {}) },
    passages: { tuning: await passages(TUNING_PASSAGES, true), ...(both ? { heldOut: await passages(HELD_OUT_PASSAGES, false) } : {}) },
    moreTuningPassages: await passages(MORE_TUNING_PASSAGES, true),
    knownItems: ranked(KNOWN_ITEMS, true),
    descriptions: ranked(DESCRIPTIONS, true),
    typos: { count: typos.count, overlapAt5: round3(typos.overlapAt5), sameFirst: round3(typos.sameFirst), differences: typos.differences },
    related: { count: related.count, recallAt5: round3(related.recallAt5), mrrAt10: round3(related.mrrAt10), misses: related.misses },
  };
}

/** `qualityFigures` on a fresh index of `papers` with the shipped settings. */
export async function shippedQualityFigures(papers: readonly Paper[]): Promise<QualityFigures> {
  return qualityFigures(papers, PaperIndex.build(papers), 'both');
}

function rankText(rank: number): string {
  return rank < 0 ? '>10' : String(rank + 1);
}

const fixed = (value: number): string => value.toFixed(3);

/** The figures as lines for a person, without the miss lists. */
export function formatFigures(figures: QualityFigures): string[] {
  const rankedLine = (name: string, set: RankedSetFigures): string => {
    const plain = set.plain ? `; plain MiniSearch ${fixed(set.plain.hitAt1)} / ${fixed(set.plain.mrrAt10)} / ${fixed(set.plain.hitAt10)}` : '';
    const voices = set.byVoice ? `; MRR@10 by voice: ${Object.entries(set.byVoice).map(([voice, value]) => `${voice} ${fixed(value)}`).join(', ')}` : '';
    return `${name} (${set.count}): hit@1 ${fixed(set.hitAt1)}, MRR@10 ${fixed(set.mrrAt10)}, hit@10 ${fixed(set.hitAt10)}${plain}${voices}`;
  };
  const passageLine = (name: string, set: PassageSetFigures): string =>
    `${name} (${set.count}): MRR@10 ${fixed(set.mrrAt10)}, hit@5 ${fixed(set.hitAt5)}; whole passage pasted into search ${fixed(set.baseline.mrrAt10)} / ${fixed(set.baseline.hitAt5)}`;
  const lines = [rankedLine('voiced descriptions, tuning half', figures.voicedDescriptions.tuning)];
  if (figures.voicedDescriptions.heldOut) lines.push(rankedLine('voiced descriptions, HELD-OUT half', figures.voicedDescriptions.heldOut));
  lines.push(rankedLine('voiced descriptions written later, tuning only', figures.tuningDescriptions));
  lines.push(passageLine("writers' passages, tuning half", figures.writersPassages.tuning));
  if (figures.writersPassages.heldOut) lines.push(passageLine("writers' passages, HELD-OUT half", figures.writersPassages.heldOut));
  lines.push(passageLine('first passages, tuning set', figures.passages.tuning));
  if (figures.passages.heldOut) lines.push(passageLine('first passages, HELD-OUT set', figures.passages.heldOut));
  lines.push(passageLine('passages written later, tuning only', figures.moreTuningPassages));
  lines.push(rankedLine('known items (tuned on whole)', figures.knownItems));
  lines.push(rankedLine('descriptions (tuned on whole)', figures.descriptions));
  lines.push(`typo pairs (${figures.typos.count}, tuned on whole): overlap@5 ${fixed(figures.typos.overlapAt5)}, same first result ${fixed(figures.typos.sameFirst)}`);
  lines.push(`related pairs (${figures.related.count}, tuned on whole): recall@5 ${fixed(figures.related.recallAt5)}, MRR@10 ${fixed(figures.related.mrrAt10)}`);
  return lines;
}
