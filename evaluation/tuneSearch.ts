// Grid search of the search's association and passage settings on the TUNING halves only (not a test;
// run by hand). The held-out halves are never read here:
//   npx esbuild evaluation/tuneSearch.ts --bundle --platform=node --outfile=out/tuneSearch.js && node out/tuneSearch.js [--misses]
import { readFileSync } from 'node:fs';
import { DEFAULT_ASSOCIATION_OPTIONS, type AssociationOptions } from '../src/core/search/associations';
import { PaperIndex, type SearchTuning } from '../src/core/search/paperIndex';
import type { Paper } from '../src/core/types';
import { measure } from './passage/quality';
import { TUNING_PASSAGES } from './passage/tuningPassages';
import { WRITERS_PASSAGES } from './passage/writersPassages';
import { KNOWN_ITEMS } from './search/knownItems';
import { rankFigures, typoFigures } from './search/measure';
import { DESCRIPTIONS, TYPO_PAIRS } from './search/querySets';
import { VOICED_DESCRIPTIONS } from './search/voicedDescriptions';
import { splitHalves } from './split';

const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
const voiced = splitHalves(VOICED_DESCRIPTIONS).tuning;
const passages = splitHalves(WRITERS_PASSAGES).tuning;
const showMisses = process.argv.includes('--misses');

async function score(mining: AssociationOptions, tuning: Partial<SearchTuning>): Promise<number[]> {
  const index = PaperIndex.build(papers, mining);
  const search = (query: string, limit: number): string[] => index.search(query, { limit, tuning }).map((result) => result.paper.id);
  const v = rankFigures(papers, voiced, search);
  const d = rankFigures(papers, DESCRIPTIONS, search);
  const k = rankFigures(papers, KNOWN_ITEMS, search);
  const t = typoFigures(TYPO_PAIRS, search);
  const engine = { search: (query: string, options?: { limit?: number; wordWeights?: ReadonlyMap<string, number> }) => index.search(query, { ...options, tuning }) };
  const p = (await measure(engine, passages)).suggestion;
  const o = (await measure(engine, TUNING_PASSAGES)).suggestion;
  if (showMisses) {
    console.log(v.misses.join('\n'));
    console.log('old descriptions:', d.misses.join('; '));
    passages.forEach((passage, at) => p.ranks[at] !== 0 && console.log('passage', passage.target, p.ranks[at]));
    TUNING_PASSAGES.forEach((passage, at) => o.ranks[at] !== 0 && console.log('old passage', passage.target, o.ranks[at]));
  }
  return [v.mrrAt10, d.mrrAt10, k.mrrAt10, t.overlapAt5, p.mrr, o.mrr];
}

async function main(): Promise<void> {
  const rows: Array<{ label: string; figures: number[] }> = [];
  const grid: Array<[string, Partial<AssociationOptions>, Partial<SearchTuning>]> = [['associations off', {}, { associationWeight: 0 }]];
  const arg = process.argv.find((value) => value.startsWith('--only='));
  if (arg) grid.push(['chosen', ...(JSON.parse(arg.slice(7)) as [Partial<AssociationOptions>, Partial<SearchTuning>])]);
  else
    for (const maxShare of [0.1, 0.25, 0.5])
      for (const minScore of [0.1, 0.2, 0.3])
        for (const window of [4, 8])
          for (const associationWeight of [0.15, 0.3, 0.5])
            for (const maxAssociations of [4, 8, 16]) grid.push([JSON.stringify({ maxShare, minScore, window, associationWeight, maxAssociations }), { maxShare, minScore, window }, { associationWeight, maxAssociations }]);
  for (const [label, mining, tuning] of grid) rows.push({ label, figures: await score({ ...DEFAULT_ASSOCIATION_OPTIONS, ...mining }, tuning) });
  const total = (figures: number[]): number => figures.reduce((sum, value) => sum + value, 0);
  rows.sort((a, b) => total(b.figures) - total(a.figures));
  console.log('voiced  old-desc known  typos  passages old-pass  label');
  for (const row of rows.slice(0, 25)) console.log(row.figures.map((value) => value.toFixed(3)).join('  '), row.label);
  const off = rows.find((row) => row.label === 'associations off');
  if (off) console.log(off.figures.map((value) => value.toFixed(3)).join('  '), off.label);
}

void main();
