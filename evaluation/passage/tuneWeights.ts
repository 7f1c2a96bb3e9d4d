// Grid search of the passage weighting on the tuning passages only (not a test; run by hand):
//   npx esbuild evaluation/passage/tuneWeights.ts --bundle --platform=node --outfile=out/tuneWeights.js && node out/tuneWeights.js
// Prints the best settings by MRR@10 on the tuning set, and the held-out figures of the chosen one.
import { readFileSync } from 'node:fs';
import { PaperIndex } from '../../src/core/search/paperIndex';
import type { WeightTuning } from '../../src/core/passage/passageQuery';
import type { Paper } from '../../src/core/types';
import { HELD_OUT_PASSAGES } from './heldOutPassages';
import { measure } from './quality';
import { TUNING_PASSAGES } from './tuningPassages';

const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
const engine = PaperIndex.build(papers);
async function main(): Promise<void> {
  const rows: Array<{ tuning: WeightTuning; mrr: number; hit: number }> = [];
  for (const nearBoost of [0, 0.5, 1, 2, 3, 5])
    for (const decayWords of [4, 8, 12, 20, 40])
      for (const repeatBonus of [0, 0.25, 0.5])
        for (const maxWords of [12, 16, 24]) {
          const tuning = { nearBoost, decayWords, repeatBonus, maxWords };
          const { suggestion } = await measure(engine, TUNING_PASSAGES, tuning);
          rows.push({ tuning, mrr: suggestion.mrr, hit: suggestion.hitAt5 });
        }
  rows.sort((a, b) => b.mrr - a.mrr || b.hit - a.hit);
  for (const row of process.argv.includes("--all") ? rows : rows.slice(0, 15)) console.log(JSON.stringify(row.tuning), 'MRR@10', row.mrr.toFixed(3), 'hit@5', row.hit.toFixed(3));
  const best = rows[0].tuning;
  const heldOut = await measure(engine, HELD_OUT_PASSAGES, best);
  console.log('held-out with the best:', heldOut.suggestion.mrr.toFixed(3), heldOut.suggestion.hitAt5.toFixed(3), 'baseline', heldOut.baseline.mrr.toFixed(3), heldOut.baseline.hitAt5.toFixed(3));
}

void main();
