// Build step: writes the prebuilt search index of the bundled corpus (dist/index.bin), so the
// extension loads it in a few milliseconds instead of building it on first search.
// Usage: node out/buildIndex.js <corpus.json> <index.bin>
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../src/core/corpus/schema';
import { PaperIndex } from '../src/core/search/paperIndex';

const [corpusFile, outFile] = process.argv.slice(2);
const { corpus, diagnostics } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
if (diagnostics.length > 0) {
  console.error(`index build failed: ${corpusFile} has ${diagnostics.length} problem(s)`);
  process.exit(1);
}
const bytes = PaperIndex.build(corpus.papers).serialize();
writeFileSync(outFile, bytes);
console.log(`index: ${corpus.papers.length} papers, ${(bytes.byteLength / 1024).toFixed(0)} KB -> ${outFile}`);
