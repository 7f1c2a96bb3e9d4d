import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hoverCard, completionDetail } from '../../../src/citations/paperCard';
import { LIBRARY_KEY } from '../../../src/core/paper';
import { formatCitation, pandocKey } from '../../../src/core/citations/formats';
import { readableText } from '../../../src/core/citations/latexText';
import { bibtexEntryText, readBibtexSteps } from '../../../src/core/library/bibtexReader';
import { readCslJsonSteps, readCslYamlSteps } from '../../../src/core/library/cslReader';
import { LibraryFiles } from '../../../src/core/library/libraryFiles';
import { LibraryMerger } from '../../../src/core/library/libraryMerge';
import { libraryTopics } from '../../../src/core/library/libraryPapers';
import { checkPaper } from '../../../src/core/corpus/schema';
import { runToEnd } from '../../../src/core/slices';
import { compileTopics } from '../../../src/core/topics/assignTopics';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { parseBibFile } from '../../../src/core/citations/bibFile';
import type { Paper } from '../../../src/core/types';

// Issue 19, bad input: whatever a library file holds, reading it never throws, costs a malformed
// entry only itself, and nothing in a field can break a citation, a BibTeX entry or a view.

const topics = libraryTopics(compileTopics(DEFAULT_TOPICS).topics);

function papersOf(text: string, file = 'evil.bib'): Paper[] {
  const files = new LibraryFiles();
  const format = file.endsWith('.json') ? 'csl-json' : file.endsWith('.yaml') ? 'csl-yaml' : 'bibtex';
  runToEnd(files.updateSteps([{ file, location: file, text, format, origin: 'setting' }]));
  return runToEnd(new LibraryMerger().mergeSteps([], files.sources(), topics)).papers;
}

const PIECES = ['@article{', '@string{x = "y"}', '@comment{', '}', '{', '"', ',', ' = ', '#', 'title', 'author', ' and ', 'others', '\\"u', '{\\L}',
  '\\href{javascript:alert(1)}{x}', '<img src=x onerror=alert(1)>', '](command:paperScout.openPaper)', '\n', '%', '$', '\\', '@', 'key1', 'Ωmega', '\u0000', '\u001b[31m'];

describe('library: hostile files', () => {
  it('never throws on any text, and every paper it gives passes the paper schema with a key a citation can carry', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      for (const paper of papersOf(text)) {
        assert.ok(checkPaper(paper).ok, JSON.stringify(paper));
        assert.match(paper.key, LIBRARY_KEY);
      }
      runToEnd(readCslJsonSteps(`[${text}]`, 'evil.json'));
      runToEnd(readCslYamlSteps(`references:\n- ${text}`, 'evil.yaml'));
    }), { numRuns: 300 });
  });

  it('reads the entries after an entry whose brace never closes, even 5,000 of them in a row', () => {
    const broken = Array.from({ length: 5000 }, (_, at) => `@misc{bad${at},\n  title = {never closed ${at}\n`).join('');
    const read = runToEnd(readBibtexSteps(`${broken}@misc{good,\n  title = {Good}\n}\n`, 'broken.bib'));
    assert.deepEqual(read.entries.map((entry) => entry.key), ['good']);
    assert.equal(read.diagnostics.length, 5000);
    assert.match(read.diagnostics[4999].message, /"bad4999" never closes/);
  });

  it('reads a title of 100,000 nested braces and a field of a megabyte, keeping them within bounds', () => {
    const deep = `${'{'.repeat(100_000)}Deep${'}'.repeat(100_000)}`;
    const long = 'word '.repeat(200_000);
    const read = runToEnd(readBibtexSteps(`@misc{deep, title = {${deep}}}\n@misc{long, title = {Long}, abstract = {${long}}}\n`, 'big.bib'));
    assert.equal(read.entries[0].title, 'Deep');
    const papers = papersOf(`@misc{long, title = {Long}, abstract = {${long}}}\n`);
    assert.ok(papers[0].abstract.length <= 20_001);
  });

  it('keeps HTML, Markdown links and command links in fields as text in hovers and completion details', () => {
    const [paper] = papersOf('@misc{x1, title = {<img src=x onerror=alert(1)> [click](command:workbench.action.terminal.new)}, author = {{<script>alert(1)</script>}}, journal = {**bold** `code`}}\n');
    const card = hoverCard(paper);
    // Every `<` of the fields is escaped (`\<`), so no HTML; the only command link is the card's own.
    assert.ok(!/(^|[^\\])<(img|script)/.test(card), card);
    assert.ok(!card.includes('](command:workbench'), card);
    assert.deepEqual([...card.matchAll(/\]\((command:[^?)]*)/g)].map((match) => match[1]), ['command:paperScout.openPaper', 'command:paperScout.openPaper']);
    assert.ok(!completionDetail(paper).includes('\n'));
  });

  it('writes a library entry back with balanced braces, and keys that cannot break a citation', () => {
    const text = '@string{evil = "a } b { c"}\n@misc{k1, title = evil # {x}, note = {ok}}\n';
    const entry = bibtexEntryText(text, 'evil.bib', 'k1');
    assert.ok(entry);
    const file = parseBibFile(`${entry}\n`);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['k1']);
    for (const key of ['a;b', 'x[1]', 'semi@colon', 'ok:key/2']) {
      assert.match(pandocKey(key), key === 'ok:key/2' ? /^@ok:key\/2$/ : /^@\{.*\}$/);
    }
    const [paper] = papersOf('@misc{Key:with/Slash, title = {T}}\n');
    assert.equal(formatCitation(paper, 'latex'), '\\cite{Key:with/Slash}');
    assert.equal(readableText(paper.title), 'T');
  });
});
