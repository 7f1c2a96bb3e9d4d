// The part of the benchmark that must run in a fresh Node process, one measurement per process:
//   floor <corpus.json>                      read + JSON.parse only
//   activate <corpus.json>                   what activation does: read, parse, check the shape (the build validated the papers)
//   first <corpus.json> <index.json|-> <vocabulary.json|-> <q>   process start to the first results (loading or building the index)
// Prints one JSON object on stdout.
import { readFileSync } from 'node:fs';
import { trustedCorpus } from '../../src/core/corpus/schema';
import { PaperIndex } from '../../src/core/search/paperIndex';
import type { Paper } from '../../src/core/types';
import { heapMB } from '../stats';

const processReadyMs = performance.now();
const [mode, ...args] = process.argv.slice(2);

function print(value: object): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

function loadIndex(indexFile: string, vocabularyFile: string, papers: readonly Paper[]): { index: PaperIndex; mode: 'loaded' | 'built' } {
  if (indexFile === '-') return { index: PaperIndex.build(papers), mode: 'built' };
  return { index: PaperIndex.load({ index: readFileSync(indexFile, 'utf8'), vocabulary: readFileSync(vocabularyFile, 'utf8') }, papers), mode: 'loaded' };
}

switch (mode) {
  case 'floor': {
    const start = performance.now();
    const json = JSON.parse(readFileSync(args[0], 'utf8')) as { papers: unknown[] };
    print({ floorMs: performance.now() - start, papers: json.papers.length });
    break;
  }
  case 'activate': {
    const start = performance.now();
    const corpus = trustedCorpus(JSON.parse(readFileSync(args[0], 'utf8')), args[0]);
    print({ activateMs: performance.now() - start, processReadyMs, papers: corpus.papers.length, diagnostics: 0 });
    break;
  }
  case 'first': {
    const corpus = trustedCorpus(JSON.parse(readFileSync(args[0], 'utf8')), args[0]);
    const readyStart = performance.now();
    const { index, mode: indexMode } = loadIndex(args[1], args[2], corpus.papers);
    const indexReadyMs = performance.now() - readyStart;
    const results = index.search(args[3]);
    const firstQueryMs = performance.now();
    print({ firstQueryMs, indexReadyMs, indexMode, processReadyMs, results: results.length, heapMB: heapMB() });
    break;
  }
  default:
    process.stderr.write(`unknown mode ${mode}\n`);
    process.exit(2);
}
