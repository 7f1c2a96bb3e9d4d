// Records how pandoc itself reads citation keys, for test/unit/citations/keyReaders.test.ts: every key
// of the bundled corpus (keys and old keys) and some shapes a key must not take, each in the places a
// citation stands (bracketed, with a locator, in-text, before punctuation, braced), one paragraph each,
// read by `pandoc -f markdown -t json`. Writes test/fixtures/pandoc/citations.json.
// Usage: npm run build, then node scripts/pandocCitations.mjs (needs pandoc on the PATH; apt-get install pandoc).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const corpus = JSON.parse(readFileSync(join(root, 'dist', 'corpus.json'), 'utf8'));
const keys = [...new Set(corpus.papers.flatMap((paper) => [paper.key, ...(paper.aliases ?? [])]))].sort();
/** Shapes a key must not take: pandoc cuts each short. */
const broken = ['liger-', 'liger:', 'a::b', 'a--b', 'a-_b', 'x_:y', 'doe:2020.', 'a.b.'];
const contexts = [(key) => `[@${key}]`, (key) => `[see @${key}, p. 4]`, (key) => `@${key} says so.`, (key) => `As @${key}.`, (key) => `[@${key}; @other]`, (key) => `[-@${key}]`, (key) => `[@{${key}}]`];
const cases = [...keys, ...broken].flatMap((key) => contexts.map((context) => ({ key, text: context(key) })));
const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
const ast = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: cases.map((entry) => entry.text).join('\n\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
if (ast.blocks.length !== cases.length) throw new Error(`pandoc made ${ast.blocks.length} paragraphs of ${cases.length} cases`);

/** The citation ids of a block, in order. */
function citedIn(node, found = []) {
  if (Array.isArray(node)) for (const item of node) citedIn(item, found);
  else if (node && typeof node === 'object') {
    if (node.t === 'Cite') for (const citation of node.c[0]) found.push(citation.citationId);
    for (const value of Object.values(node)) citedIn(value, found);
  }
  return found;
}

// One reading a line: [the text, the key written in it, the keys pandoc read in it].
const readings = cases.map(({ key, text }, at) => JSON.stringify([text, key, citedIn(ast.blocks[at])]));
writeFileSync(join(root, 'test', 'fixtures', 'pandoc', 'citations.json'), `{"pandoc": ${JSON.stringify(version)}, "readings": [\n${readings.join(',\n')}\n]}\n`);
console.log(`${readings.length} readings by ${version}`);
