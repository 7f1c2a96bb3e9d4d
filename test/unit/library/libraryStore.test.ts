import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatCitation } from '../../../src/core/citations/formats';
import { LibraryMerger } from '../../../src/core/library/libraryMerge';
import { libraryTopics } from '../../../src/core/library/libraryPapers';
import { LibraryFiles, type LibraryRemoval, type LibraryText } from '../../../src/core/library/libraryFiles';
import { PaperIndex } from '../../../src/core/search/paperIndex';
import { runToEnd } from '../../../src/core/slices';
import { threadEngine, type SearchEngine } from '../../../src/core/store/searchEngine';
import { compileTopics } from '../../../src/core/topics/assignTopics';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import type { Paper } from '../../../src/core/types';
import { bundledCorpus, testStore } from '../store/fakes';

// Issue 19: the library merged over the bundled papers (one paper, several sources; keys kept), and
// kept current in the store: a changed entry is searchable again with the index updated in place,
// and a file caught half-written never empties the library.

const FIXTURES = 'test/unit/library/fixtures';
const topics = libraryTopics(compileTopics(DEFAULT_TOPICS).topics);

function text(name: string, content = readFileSync(`${FIXTURES}/${name}`, 'utf8'), origin: LibraryText['origin'] = 'setting'): LibraryText {
  const format = name.endsWith('.bib') ? 'bibtex' : name.endsWith('.json') ? 'csl-json' : 'csl-yaml';
  return { file: name, location: `file:///lib/${name}`, text: content, format, origin };
}

function merge(base: readonly Paper[], texts: LibraryText[]): { papers: Paper[]; diagnostics: string[] } {
  const files = new LibraryFiles();
  runToEnd(files.replaceOriginSteps('setting', texts));
  const merged = runToEnd(new LibraryMerger().mergeSteps(base, files.sources(), topics));
  return { papers: merged.papers, diagnostics: merged.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.line}: ${diagnostic.message}`) };
}

const bundled = bundledCorpus().papers;

describe('library: merged over the other papers', () => {
  it('makes each entry a paper with its own key, authors, venue, identifiers and the entry it came from', () => {
    const { papers } = merge([], [text('betterbibtex.bib')]);
    const qlora = papers.find((paper) => paper.key === 'dettmersQLoRAEfficientFinetuning2023');
    assert.ok(qlora);
    assert.equal(qlora.id, 'dettmersqloraefficientfinetuning2023');
    assert.deepEqual(qlora.authors?.[0], { family: 'Dettmers', given: 'Tim' });
    assert.equal(qlora.arxiv, '2305.14314');
    assert.ok(qlora.links.includes('https://arxiv.org/abs/2305.14314'));
    assert.ok(qlora.links.includes('https://doi.org/10.48550/arXiv.2305.14314'));
    assert.deepEqual(qlora.library, [{ file: 'betterbibtex.bib', location: 'file:///lib/betterbibtex.bib', key: 'dettmersQLoRAEfficientFinetuning2023', line: 16, column: 7, type: 'misc' }]);
    assert.ok(qlora.topics.includes('Quantization'), `a keyword that names a topic gives it: ${qlora.topics.join(', ')}`);
  });

  it('shows a library entry and a bundled paper of the same title once, with the library key and the old key as an alias', () => {
    const known = bundled[0];
    const entry = `@article{myKey2024,\n  title = {${known.title.replace(/[{}$\\]/g, '')}},\n  author = {Doe, Jane},\n  year = {2024}\n}\n`;
    const { papers } = merge(bundled, [text('mine.bib', entry)]);
    assert.equal(papers.length, bundled.length, 'no second copy');
    const merged = papers.find((paper) => paper.id === known.id);
    assert.ok(merged);
    assert.equal(merged.key, 'myKey2024');
    assert.ok(merged.aliases?.includes(known.key), 'the bundled key still cites it');
    assert.equal(merged.library?.[0].file, 'mine.bib');
    assert.equal(merged.abstract, known.abstract);
  });

  it('dedupes entries of two files by arXiv id and DOI: one paper listing both entries, the second key an alias', () => {
    const zotero = text('zotero.json');
    const jabref = text('jabref.bib');
    const { papers } = merge([], [jabref, zotero]);
    const adam = papers.filter((paper) => paper.arxiv === '1412.6980');
    assert.equal(adam.length, 1, 'Adam once');
    assert.equal(adam[0].key, 'Kingma2014');
    assert.deepEqual(adam[0].library?.map((record) => record.file), ['jabref.bib', 'zotero.json']);
    assert.ok(adam[0].aliases?.includes('http://zotero.org/users/local/abc123/items/X7K2PQ9A'));
  });

  it('reports a key two files define, keeps the first, and takes a bundled key a library entry defines from the bundled paper', () => {
    const taken = bundled[1];
    const first = text('a.bib', '@misc{shared2020, title = {The First Paper}, year = 2020}\n');
    const second = text('b.bib', `@misc{shared2020, title = {Another Paper}, year = 2021}\n@misc{${taken.key}, title = {Not the bundled paper at all}, year = 2019}\n`);
    const { papers, diagnostics } = merge(bundled, [first, second]);
    assert.ok(diagnostics.some((line) => /^b\.bib:1: the key "shared2020" is defined again \(first in a\.bib:1\)/.test(line)), diagnostics.join('\n'));
    assert.equal(papers.filter((paper) => paper.key === 'shared2020').length, 1);
    assert.equal(papers.find((paper) => paper.key === 'shared2020')?.title, 'The First Paper');
    assert.equal(papers.find((paper) => paper.key === taken.key)?.title, 'Not the bundled paper at all');
    assert.equal(papers.find((paper) => paper.id === taken.id)?.key, `${taken.key}_2`);
    assert.equal(new Set(papers.map((paper) => paper.key)).size, papers.length, 'keys stay unique');
  });

  it('hands its data to every citation format: a CSL-JSON paper\'s BibTeX entry names its authors, type, venue and DOI', () => {
    const { papers } = merge([], [text('zotero.json')]);
    const adam = papers.find((paper) => paper.title.startsWith('Adam'));
    assert.ok(adam);
    const bibtex = formatCitation(adam, 'bibtex');
    assert.match(bibtex, /^@article\{/);
    assert.match(bibtex, /author = \{Kingma, Diederik P\. and Ba, Jimmy\}/);
    assert.match(bibtex, /doi = \{10\.48550\/arXiv\.1412\.6980\}/);
    assert.match(formatCitation(adam, 'plain'), /^Kingma, D\. P\., Ba, J\. \(2017\)\. Adam/);
    assert.match(formatCitation(adam, 'csl-json'), /"family": "Kingma"/);
  });

  it('gives back the same paper objects for entries that did not change, and new ones only for those that did', () => {
    const merger = new LibraryMerger();
    const files = new LibraryFiles();
    const before = readFileSync(`${FIXTURES}/betterbibtex.bib`, 'utf8');
    runToEnd(files.replaceOriginSteps('setting', [text('betterbibtex.bib', before)]));
    const first = runToEnd(merger.mergeSteps(bundled, files.sources(), topics)).papers;
    const after = before.replace('Attention Is {{All}} You {{Need}}', 'Attention Is {{Still}} All You {{Need}}');
    runToEnd(files.replaceOriginSteps('setting', [text('betterbibtex.bib', after)]));
    const second = runToEnd(merger.mergeSteps(bundled, files.sources(), topics)).papers;
    const changed = second.filter((paper, at) => paper !== first[at]);
    assert.deepEqual(changed.map((paper) => paper.key), ['vaswaniAttentionAllYou2017']);
    assert.equal(changed[0].title, 'Attention Is Still All You Need');
  });
});

describe('library: kept current in the store', function () {
  this.timeout(120000);

  it('makes a changed entry searchable by updating the index in place, answering meanwhile, and keeps a half-written file\'s papers', async () => {
    let builds = 0;
    const { store, settings, log } = testStore({ loadIndex: async (request) => { builds++; return threadEngine(PaperIndex.build(request.papers)); } });
    settings.bundled = true;
    await store.load();
    const engine: SearchEngine = await store.index.ready();
    const bib = readFileSync(`${FIXTURES}/betterbibtex.bib`, 'utf8');
    await store.updateLibrary([text('refs.bib', bib, 'workspace')]);
    assert.equal(store.index.current(), engine, 'three new papers go into the index in force');
    assert.equal(builds, 1);
    const byAuthor = await engine.search('author:vaswani');
    assert.deepEqual(byAuthor.map((result) => result.paper.key), ['vaswaniAttentionAllYou2017']);
    assert.equal(store.libraryPapers, 3);

    const edited = bib.replace('Attention Is {{All}} You {{Need}}', 'Attention Is {{Quite}} Enough');
    const updating = store.updateLibrary([text('refs.bib', edited, 'workspace')]);
    // The index in force still answers while the file is read and merged.
    assert.equal((await engine.search('author:vaswani')).length, 1);
    await updating;
    assert.equal(store.index.current(), engine, 'the same index, updated in place');
    assert.equal(builds, 1);
    const found = await engine.search('quite enough');
    assert.equal(found[0]?.paper.key, 'vaswaniAttentionAllYou2017');
    assert.equal((await engine.search('author:vaswani'))[0].paper.title, 'Attention Is Quite Enough');

    // An auto-export caught mid-write: empty, then cut inside an entry.
    await store.updateLibrary([text('refs.bib', '', 'workspace')]);
    assert.equal(store.libraryPapers, 3, 'an empty file does not empty the library');
    await store.updateLibrary([text('refs.bib', edited.slice(0, edited.indexOf('@misc')) + '@misc{dettmersQLoRA,\n  title = {QLo', 'workspace')]);
    assert.equal(store.libraryPapers, 3, 'a file cut inside an entry does not lose the papers after it');
    assert.ok(log.lines.some((line) => /refs\.bib: looks half-written \(it ends inside an entry\); the 3 entries read before are kept/.test(line)), log.lines.join('\n'));
    assert.equal((await engine.search('author:dettmers'))[0]?.paper.key, 'dettmersQLoRAEfficientFinetuning2023');
    store.dispose();
  });

  it('counts a file the setting and the workspace both name as the setting\'s, whichever read it last, so its keys keep their rank', async () => {
    // An auto-export in the setting that lies in the workspace too, and the project's refs.bib with the same paper (same DOI) under another key.
    const { store, settings, files } = testStore({ loadIndex: async (request) => threadEngine(PaperIndex.build(request.papers)) });
    const entry = (key: string, title: string): string => `@article{${key},\n  title = {${title}},\n  author = {Doe, Jane},\n  doi = {10.5555/okapi.2019},\n  year = {2019}\n}\n`;
    const zotero = `${entry('autoOkapi2019', 'Okapi Retrieval')}\n@misc{autoZebra2017,\n  title = {Zebra Attention},\n  year = {2017}\n}\n`;
    files.texts.set('zotero.bib', zotero);
    settings.entries = ['zotero.bib'];
    await store.load();
    const workspace = (name: string, content: string): LibraryText => ({ file: name, location: name, text: content, format: 'bibtex', origin: 'workspace' });
    await store.updateLibrary([workspace('refs.bib', entry('garciaOkapi2019', 'Okapi Retrieval'))]);
    const keyOfOkapi = (): string | undefined => store.papers.find((paper) => paper.doi === '10.5555/okapi.2019')?.key;
    assert.equal(keyOfOkapi(), 'autoOkapi2019', 'the setting\'s file comes first');
    // The workspace's watcher reads the rewritten export before the setting's does, and after it.
    const rewritten = zotero.replace('Zebra Attention', 'Quagga Attention');
    await store.updateLibrary([workspace('zotero.bib', rewritten)]);
    assert.equal(keyOfOkapi(), 'autoOkapi2019', 'still the setting\'s file, read by the workspace\'s watcher');
    assert.ok(store.papers.some((paper) => paper.key === 'autoZebra2017' && paper.title === 'Quagga Attention'));
    files.texts.set('zotero.bib', rewritten);
    await store.filesChanged(['zotero.bib']);
    assert.equal(keyOfOkapi(), 'autoOkapi2019');
    assert.deepEqual(store.papers.find((paper) => paper.key === 'autoOkapi2019')?.aliases, ['garciaOkapi2019']);
    // The workspace no longer names it: the setting still does.
    await store.updateLibrary([], [{ location: 'zotero.bib', origin: 'workspace' }]);
    assert.equal(keyOfOkapi(), 'autoOkapi2019');
    store.dispose();
  });

  it('forgets a file a document and then the workspace named once both let go of it, and keeps one the setting still names', async () => {
    const { store, settings, files } = testStore();
    files.texts.set('zotero.bib', '@misc{settingKey2020,\n  title = {Setting Paper},\n  year = {2020}\n}\n');
    settings.entries = ['zotero.bib'];
    await store.load();
    const named = (location: string, origin: LibraryText['origin'], key: string): LibraryText => ({ file: location, location, text: `@misc{${key},\n  title = {${key} Paper},\n  year = {2021}\n}\n`, format: 'bibtex', origin });
    await store.updateLibrary([named('refs.bib', 'document', 'docKey2021')]);
    await store.updateLibrary([named('refs.bib', 'workspace', 'docKey2021')]);
    await store.updateLibrary([named('zotero.bib', 'workspace', 'settingKey2020')]);
    const keys = (): string[] => store.papers.map((paper) => paper.key).filter((key) => key === 'docKey2021' || key === 'settingKey2020').sort();
    assert.deepEqual(keys(), ['docKey2021', 'settingKey2020']);
    const gone = (location: string): LibraryRemoval[] => [{ location, origin: 'workspace' }, { location, origin: 'document' }];
    await store.updateLibrary([], [...gone('refs.bib'), ...gone('zotero.bib')]);
    assert.deepEqual(keys(), ['settingKey2020'], 'the document\'s file is gone; the setting still names its own');
    store.dispose();
  });

  it('reads a .bib and a CSL-JSON file of the corpus setting as the library, saying which format each is', async () => {
    const { store, settings, files, log } = testStore();
    files.texts.set('refs.bib', readFileSync(`${FIXTURES}/jabref.bib`, 'utf8'));
    files.texts.set('items.json', readFileSync(`${FIXTURES}/betterCsl.json`, 'utf8'));
    settings.entries = ['refs.bib', 'items.json'];
    await store.load();
    assert.ok(store.papers.some((paper) => paper.key === 'He2016'));
    assert.ok(store.papers.some((paper) => paper.key === 'radfordLearningTransferableVisual2021'));
    assert.ok(log.lines.some((line) => line === 'info: items.json: read as CSL-JSON, 1 entry, 3 problems'), log.lines.join('\n'));
    assert.ok(log.lines.some((line) => line === 'info: refs.bib: read as BibTeX, 2 entries'), log.lines.join('\n'));
    assert.ok(store.corpusFileProblems.some((problem) => problem.file === 'items.json' && problem.line === 4));
    store.dispose();
  });
});
