// `npm run bench:scale-quality`: what the two-pass ranking of a large index (src/core/search/ranking.ts,
// `rankPlan`) costs in quality and buys in time. A synthetic corpus of N papers (bench/synthetic.ts: the
// real papers first, then recombinations of them that compete with them) is searched with the quality
// sets, whose targets are real papers, three ways: in one pass (no postings budget), in two passes
// without the rule that keeps terms most papers hold in the titles, and as shipped. Prints one JSON
// object: MRR@10 and hit@10 per set, and the p50/p95 of the bench queries, for each way.
//   node out/bench/scaleQuality.js [--papers 10000]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../src/core/corpus/schema';
import { PaperIndex, type SearchTuning } from '../src/core/search/paperIndex';
import { KNOWN_ITEMS } from '../evaluation/search/knownItems';
import { rankFigures } from '../evaluation/search/measure';
import { DESCRIPTIONS } from '../evaluation/search/querySets';
import { VOICED_DESCRIPTIONS } from '../evaluation/search/voicedDescriptions';
import { benchQueries } from './queries';
import { latency, round, timeQueries } from './stats';
import { syntheticCorpus } from './synthetic';

const args = process.argv.slice(2);
const at = args.indexOf('--papers');
const size = at >= 0 ? Number(args[at + 1]) : 10000;
const corpusFile = resolve('dist/corpus.json');
const { corpus } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
const index = PaperIndex.build(syntheticCorpus(corpus.papers, size));
const ways: Record<string, Partial<SearchTuning>> = {
  onePass: { postingsBudget: Number.POSITIVE_INFINITY },
  twoPassesAllFields: { titleOnlyShare: Number.POSITIVE_INFINITY },
  shipped: {},
};
const sets = { knownItems: KNOWN_ITEMS, descriptions: DESCRIPTIONS, voicedDescriptions: VOICED_DESCRIPTIONS };
const queries = benchQueries().map((query) => query.text);
const report: Record<string, unknown> = { papers: index.size };
for (const [way, tuning] of Object.entries(ways)) {
  const search = (query: string, limit: number): string[] => index.search(query, { limit, tuning }).map((result) => result.paper.id);
  const quality = Object.fromEntries(Object.entries(sets).map(([name, items]) => {
    // Targets are named among the real papers: the synthetic ones may share a title's start.
    const figures = rankFigures(corpus.papers, items, search);
    return [name, { mrrAt10: round(figures.mrrAt10, 3), hitAt10: round(figures.hitAt10, 3) }];
  }));
  report[way] = { ...quality, bench: latency(timeQueries(queries, 3, (query) => index.search(query, { tuning }))) };
}
process.stdout.write(`${JSON.stringify(report)}\n`);
