// Build step: writes the prebuilt search index of the bundled corpus, MiniSearch's own JSON
// (dist/index.json) and the vocabulary beside it (dist/vocabulary.json), so the extension loads it
// with MiniSearch.loadJSON instead of building it on first search.
// Usage: node out/buildIndex.js <corpus.json> <index.json> <vocabulary.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { loadCorpus } from '../src/core/corpus/schema';
import { PaperIndex } from '../src/core/search/paperIndex';

const [corpusFile, indexFile, vocabularyFile] = process.argv.slice(2);
if (!corpusFile || !indexFile || !vocabularyFile) {
  console.error('usage: node out/buildIndex.js <corpus.json> <index.json> <vocabulary.json>');
  process.exit(2);
}
const { corpus, diagnostics } = loadCorpus(JSON.parse(readFileSync(corpusFile, 'utf8')), corpusFile);
if (diagnostics.length > 0) {
  console.error(`index build failed: ${corpusFile} has ${diagnostics.length} problem(s)`);
  process.exit(1);
}
const index = PaperIndex.build(corpus.papers);
const saved = index.save();
writeFileSync(indexFile, saved.index);
writeFileSync(vocabularyFile, saved.vocabulary);
const kb = (text: string): string => `${(text.length / 1024).toFixed(0)} KB`;
console.log(`index: ${corpus.papers.length} papers, ${index.vocabularySize} terms (${index.vocabulary.associatedTerms} with learned associations), ${kb(saved.index)} -> ${indexFile}, vocabulary ${kb(saved.vocabulary)} -> ${vocabularyFile}`);
