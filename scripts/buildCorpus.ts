// Build step: parses the bundled page dumps into the corpus file the extension ships (with the old keys
// of media/corpus/legacyKeys.json as aliases), and fails the build if the pages yield diagnostics or the
// result does not validate against the schema.
// Usage: node out/buildCorpus.js <pages dir> <out file>
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseLegacyKeys } from '../src/core/citations/keyAliases';
import { buildCorpus } from '../src/core/corpus/buildCorpus';
import { loadCorpus } from '../src/core/corpus/schema';
import { formatDiagnostic } from '../src/core/diagnostics';
import { DEFAULT_TOPICS } from '../src/core/topics/taxonomy';

const [pagesDir, outFile] = process.argv.slice(2);
const files = readdirSync(pagesDir).filter((name) => name.endsWith('.txt')).sort();
const pages = files.map((file) => ({ file, text: readFileSync(join(pagesDir, file), 'utf8') }));
// The keys of an earlier key rule, kept as aliases so documents that cite them still resolve.
const legacyKeys = parseLegacyKeys(JSON.parse(readFileSync(join(pagesDir, '..', 'legacyKeys.json'), 'utf8')));
const { corpus, diagnostics } = buildCorpus(pages, DEFAULT_TOPICS, { legacyKeys });
const check = loadCorpus(JSON.parse(JSON.stringify(corpus)), outFile);
const problems = [...diagnostics, ...check.diagnostics];
if (problems.length > 0 || check.corpus.papers.length !== corpus.papers.length) {
  for (const problem of problems) console.error(formatDiagnostic(problem));
  console.error(`corpus build failed: ${problems.length} problem(s) in ${pagesDir}`);
  process.exit(1);
}
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(corpus)}\n`);
console.log(`corpus: ${corpus.papers.length} papers from ${files.length} pages -> ${outFile}`);
