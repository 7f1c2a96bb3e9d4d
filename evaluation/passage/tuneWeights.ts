// Grid search of the passage weighting on the TUNING passages only (the first set and the tuning half
// of the writers' passages; not a test; run by hand). The held-out passages are never read here:
//   npx esbuild evaluation/passage/tuneWeights.ts --bundle --platform=node --outfile=out/tuneWeights.js && node out/tuneWeights.js [--all]
import { readFileSync } from 'node:fs';
import { PaperIndex } from '../../src/core/search/paperIndex';
import type { WeightTuning } from '../../src/core/passage/passageQuery';
import type { Paper } from '../../src/core/types';
import { splitHalves } from '../split';
import { measure } from './quality';
import { TUNING_PASSAGES } from './tuningPassages';
import { WRITERS_PASSAGES } from './writersPassages';

const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
const engine = PaperIndex.build(papers);
const passages = [...TUNING_PASSAGES, ...splitHalves(WRITERS_PASSAGES).tuning];
async function main(): Promise<void> {
  const rows: Array<{ tuning: WeightTuning; mrr: number; hit: number }> = [];
  for (const nearBoost of [1, 2, 3])
    for (const decayWords of [6, 12, 20])
      for (const sentenceBoost of [0, 0.5, 1, 2])
        for (const repeatBonus of [0.25])
          for (const maxWords of [16, 24]) {
            const tuning = { nearBoost, decayWords, sentenceBoost, repeatBonus, maxWords };
            const { suggestion } = await measure(engine, passages, tuning);
            rows.push({ tuning, mrr: suggestion.mrr, hit: suggestion.hitAt5 });
          }
  rows.sort((a, b) => b.mrr - a.mrr || b.hit - a.hit);
  for (const row of process.argv.includes('--all') ? rows : rows.slice(0, 15)) console.log(JSON.stringify(row.tuning), 'MRR@10', row.mrr.toFixed(3), 'hit@5', row.hit.toFixed(3));
}

void main();
