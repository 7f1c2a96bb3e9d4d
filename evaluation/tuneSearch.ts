// Tuning tool for the search (not a test; run by hand). It reads the TUNING halves only: the held-out
// halves are never measured here, so nothing chosen with it can be fitted to them.
//   npx esbuild evaluation/tuneSearch.ts --bundle --platform=node --outfile=out/tuneSearch.js
//   node out/tuneSearch.js [--misses] [--grid | --variants=FILE] ['--only=[{mining options}, {search tuning}]']
// Without --grid it prints every tuning figure of the shipped settings (or of --only); with --grid it
// ranks a grid of association settings by the sum of the tuning figures; --variants=FILE ranks the
// variants a JSON file lists instead, each [label, {mining options}, {search tuning}].
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions } from '../src/core/search/associations';
import { PaperIndex, type SearchTuning } from '../src/core/search/paperIndex';
import type { Paper } from '../src/core/types';
import { formatFigures, qualityFigures, type QualityFigures } from './figures';

const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
const showMisses = process.argv.includes('--misses');

async function figuresWith(mining: Partial<AssociationOptions>, tuning: Partial<SearchTuning>): Promise<QualityFigures> {
  return qualityFigures(papers, PaperIndex.build(papers, { ...DEFAULT_ASSOCIATION_OPTIONS, ...mining }), 'tuning', tuning);
}

/** The tuning figures that matter, in one row: voiced (both tuning sets), old descriptions, known items, typos, related, both passage sets. */
function row(figures: QualityFigures): number[] {
  return [
    figures.voicedDescriptions.tuning.mrrAt10,
    figures.tuningDescriptions.mrrAt10,
    figures.descriptions.mrrAt10,
    figures.knownItems.mrrAt10,
    figures.typos.overlapAt5,
    figures.related.mrrAt10,
    figures.writersPassages.tuning.mrrAt10,
    figures.passages.tuning.mrrAt10,
    figures.moreTuningPassages.mrrAt10,
  ];
}

async function main(): Promise<void> {
  const arg = process.argv.find((value) => value.startsWith('--only='));
  const [mining, tuning] = arg ? (JSON.parse(arg.slice(7)) as [Partial<AssociationOptions>, Partial<SearchTuning>]) : [{}, {}];
  const variantsArg = process.argv.find((value) => value.startsWith('--variants='));
  if (!process.argv.includes('--grid') && !variantsArg) {
    const figures = await figuresWith(mining, tuning);
    for (const line of formatFigures(figures)) console.log(line);
    if (showMisses) {
      console.log(`\nvoiced (tuning) not first:\n  ${figures.voicedDescriptions.tuning.misses?.join('\n  ')}`);
      console.log(`\nvoiced, written later (tuning only) not first:\n  ${figures.tuningDescriptions.misses?.join('\n  ')}`);
      console.log(`old descriptions not first: ${figures.descriptions.misses?.join('; ')}`);
      console.log(`known items not first: ${figures.knownItems.misses?.join('; ')}`);
      console.log(`typos: ${figures.typos.differences?.join('; ')}`);
      console.log(`related misses: ${figures.related.misses?.join('; ')}`);
      console.log(`passages not first: ${[...(figures.writersPassages.tuning.misses ?? []), ...(figures.passages.tuning.misses ?? []), ...(figures.moreTuningPassages.misses ?? [])].join('; ')}`);
    }
    return;
  }
  const grid: Array<[string, Partial<AssociationOptions>, Partial<SearchTuning>]> = [['associations off', {}, { associationWeight: 0 }], ['shipped', {}, {}]];
  if (variantsArg) grid.push(...(JSON.parse(readFileSync(variantsArg.slice(11), 'utf8')) as typeof grid));
  else for (const minScore of [0.2, 0.3])
    for (const window of [4, 6, 8])
      for (const associationWeight of [0.15, 0.3, 0.5])
        for (const maxAssociations of [4, 8]) grid.push([JSON.stringify({ minScore, window, associationWeight, maxAssociations }), { minScore, window }, { associationWeight, maxAssociations }]);
  const rows: Array<{ label: string; figures: number[] }> = [];
  for (const [label, gridMining, gridTuning] of grid) rows.push({ label, figures: row(await figuresWith(gridMining, gridTuning)) });
  const total = (figures: number[]): number => figures.reduce((sum, value) => sum + value, 0);
  rows.sort((a, b) => total(b.figures) - total(a.figures));
  console.log('voiced  later   old-desc known  typos  related passages old-pass later-pass  label');
  for (const entry of rows.slice(0, 40)) console.log(entry.figures.map((value) => value.toFixed(3)).join('  '), entry.label);
  for (const label of ['associations off', 'shipped']) {
    const entry = rows.find((candidate) => candidate.label === label);
    if (entry) console.log(entry.figures.map((value) => value.toFixed(3)).join('  '), label);
  }
}

void main();
