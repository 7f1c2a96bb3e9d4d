import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readLibrarySteps, sourceKind } from '../../../src/core/library/libraryFile';
import type { LibraryEntry, LibraryFileRead } from '../../../src/core/library/libraryEntry';
import { runToEnd } from '../../../src/core/slices';

// Issue 19: the library readers on files shaped as Better BibTeX (BibTeX and biblatex flavours),
// JabRef, hand-editing, Zotero's CSL-JSON, Better CSL JSON and Pandoc's CSL YAML write them.

const FIXTURES = 'test/unit/library/fixtures';

function read(name: string): LibraryFileRead {
  const text = readFileSync(`${FIXTURES}/${name}`, 'utf8');
  const kind = sourceKind(name, text);
  assert.ok(kind === 'bibtex' || kind === 'csl-json' || kind === 'csl-yaml', `${name} is a library file`);
  return runToEnd(readLibrarySteps(text, name, kind));
}

function entry(file: LibraryFileRead, key: string): LibraryEntry {
  const found = file.entries.find((candidate) => candidate.key === key);
  assert.ok(found, `an entry "${key}"; found ${file.entries.map((candidate) => candidate.key).join(', ')}`);
  return found;
}

const names = (entry: LibraryEntry): string[] => entry.authors.map((person) => (person.given ? `${person.given} ${person.family}` : person.family));

describe('library: reading Better BibTeX exports', () => {
  it('reads the BibTeX flavour: protective braces, {\\L} accents, month macros, eprint with archiveprefix', () => {
    const file = read('betterbibtex.bib');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['vaswaniAttentionAllYou2017', 'dettmersQLoRAEfficientFinetuning2023', 'mullerGarciaTokenization2021']);
    const attention = entry(file, 'vaswaniAttentionAllYou2017');
    assert.equal(attention.title, 'Attention Is All You Need');
    assert.equal(attention.type, 'inproceedings');
    assert.equal(attention.line, 2);
    assert.equal(attention.published, '2017');
    assert.equal(attention.venue, 'Advances in Neural Information Processing Systems');
    assert.deepEqual(attention.keywords, ['transformers', 'attention']);
    assert.equal(names(attention)[6], 'Łukasz Kaiser');
    assert.equal(attention.authors.length, 8);
    assert.match(attention.abstract, /^The dominant sequence transduction models/);
    const qlora = entry(file, 'dettmersQLoRAEfficientFinetuning2023');
    assert.equal(qlora.title, 'QLoRA: Efficient Finetuning of Quantized LLMs');
    assert.equal(qlora.published, '2023-05');
    assert.equal(qlora.arxiv, '2305.14314');
    assert.equal(qlora.doi, '10.48550/arXiv.2305.14314');
  });

  it('reads accents as letters (García, not a dotless ı with an accent) and "and others" as more authors', () => {
    const muller = entry(read('betterbibtex.bib'), 'mullerGarciaTokenization2021');
    assert.equal(muller.title, 'Tokenization for Müller and García: A Case Study');
    assert.deepEqual(names(muller), ['Jörg Müller', 'María García', 'Jan Łukasiewicz']);
    assert.equal(muller.title.normalize('NFC'), muller.title);
    assert.equal(muller.moreAuthors, true);
    assert.equal(muller.published, '2021-12');
    assert.equal(muller.venue, 'Journal of Machine Learning Research');
  });

  it('reads the biblatex flavour: date, eprint with eprinttype, @online, eventtitle', () => {
    const file = read('betterbiblatex.bib');
    assert.deepEqual(file.diagnostics, []);
    const lora = entry(file, 'huLoRALowRankAdaptation2021');
    assert.equal(lora.type, 'online');
    assert.equal(lora.published, '2021-06-17');
    assert.equal(lora.arxiv, '2106.09685');
    assert.equal(lora.url, 'http://arxiv.org/abs/2106.09685');
    assert.deepEqual(lora.keywords, ['Computer Science - Computation and Language', 'PEFT']);
    const gptq = entry(file, 'frantarGPTQAccuratePostTraining2023');
    assert.equal(gptq.published, '2023');
    assert.equal(gptq.venue, 'The Eleventh International Conference on Learning Representations');
  });
});

describe('library: reading JabRef and hand-kept files', () => {
  it('reads JabRef entries, skipping its @Comment blocks, and finds the arXiv id a journal field names', () => {
    const file = read('jabref.bib');
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['Kingma2014', 'He2016']);
    assert.equal(entry(file, 'Kingma2014').arxiv, '1412.6980');
    const resnet = entry(file, 'He2016');
    assert.equal(resnet.type, 'InProceedings');
    assert.equal(resnet.published, '2016-06');
    assert.equal(resnet.venue, 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)');
    assert.equal(resnet.doi, '10.1109/CVPR.2016.90');
  });

  it('expands @string macros (with #), fills a crossref child from its parent (booktitle, date, editors)', () => {
    const file = read('handkept.bib');
    const brown = entry(file, 'brown2020language');
    assert.equal(brown.title, 'Language Models are Few-Shot Learners');
    assert.equal(brown.venue, 'Advances in Neural Information Processing Systems 33');
    assert.equal(brown.published, '2020-12');
    assert.equal(brown.editors.length, 5);
    assert.equal(brown.moreAuthors, true);
    assert.equal(entry(file, 'srivastava2014dropout').venue, 'Journal of Machine Learning Research');
    assert.equal(entry(file, 'paperscout').title, 'Paper Scout: papers in the editor');
    assert.deepEqual(names(entry(file, 'paperscout')), ['The Paper Scout Authors']);
    assert.equal(entry(file, 'paperscout').url, 'https://example.org/paper_scout');
    assert.equal(entry(file, 'paperscout').published, '2024-11');
  });

  it('costs a broken entry only itself (file, line and key named), keeps the first of two entries of one key, and skips % lines', () => {
    const file = read('handkept.bib');
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['neurips2020', 'brown2020language', 'srivastava2014dropout', 'paperscout']);
    const broken = file.diagnostics.find((diagnostic) => /broken2019/.test(diagnostic.message));
    assert.ok(broken, 'the broken entry is reported');
    assert.equal(broken.file, 'handkept.bib');
    assert.equal(broken.line, 21);
    assert.equal(broken.severity, 'error');
    assert.match(broken.message, /never closes.*reading goes on at line 25/);
    const twice = file.diagnostics.find((diagnostic) => /defined again/.test(diagnostic.message));
    assert.ok(twice);
    assert.equal(twice.line, 35);
    assert.equal(entry(file, 'srivastava2014dropout').title, 'Dropout: a simple way to prevent neural networks from overfitting');
    assert.equal(file.truncated, false);
  });
});

describe('library: reading CSL-JSON and CSL YAML', () => {
  it('tells CSL-JSON from corpus JSON by its shape', () => {
    assert.equal(sourceKind('refs.json', '\uFEFF  [{"id": "a"}]'), 'csl-json');
    assert.equal(sourceKind('refs.json', '{"version": 1, "papers": []}'), 'corpus-json');
    assert.equal(sourceKind('refs.bib', ''), 'bibtex');
    assert.equal(sourceKind('refs.yml', ''), 'csl-yaml');
    assert.equal(sourceKind('page.txt', '[x'), 'pages');
  });

  it('reads Zotero CSL-JSON: issued date-parts with a string year, container-title, the arXiv DOI', () => {
    const file = read('zotero.json');
    assert.deepEqual(file.diagnostics, []);
    const adam = file.entries[0];
    assert.equal(adam.key, 'http://zotero.org/users/local/abc123/items/X7K2PQ9A');
    assert.equal(adam.title, 'Adam: A Method for Stochastic Optimization');
    assert.equal(adam.published, '2017-01-29');
    assert.equal(adam.arxiv, '1412.6980');
    assert.equal(adam.line, 2);
    const bert = file.entries[1];
    assert.equal(bert.type, 'paper-conference');
    assert.equal(bert.published, '2019-06');
    assert.equal(bert.doi, '10.18653/v1/N19-1423');
    assert.deepEqual(names(bert), ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova']);
  });

  it('reads Better CSL JSON by citation-key; a bad item costs only itself, reported with its line and JSON path', () => {
    const file = read('betterCsl.json');
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['radfordLearningTransferableVisual2021']);
    const clip = file.entries[0];
    assert.deepEqual(names(clip), ['Alec Radford', 'Jong Wook Kim', 'OpenAI']);
    assert.deepEqual(clip.keywords, ['vision', 'multimodal']);
    assert.equal(clip.arxiv, '2103.00020');
    const messages = file.diagnostics.map((diagnostic) => `${diagnostic.line} ${diagnostic.path ?? ''} ${diagnostic.message}`);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0], /^3 +the item "noTitle2020" has no title/);
    assert.match(messages[1], /^4 +the item's id "bad item" cannot be a citation key/);
    assert.match(messages[2], /^5 \[3\]\.author /);
  });

  it("reads Pandoc's CSL YAML: references list, Markdown emphasis, particles, EDTF dates; a broken item costs only itself", () => {
    const file = read('pandoc.yaml');
    assert.deepEqual(file.entries.map((candidate) => candidate.key), ['knuth1984', 'vanderMaaten2008']);
    const knuth = file.entries[0];
    assert.equal(knuth.title, 'Literate programming');
    assert.equal(knuth.published, '1984');
    assert.equal(knuth.doi, '10.1093/comjnl/27.2.97');
    assert.equal(knuth.line, 3);
    const tsne = file.entries[1];
    assert.deepEqual(names(tsne), ['Laurens van der Maaten', 'Geoffrey Hinton']);
    assert.equal(tsne.published, '2008-11');
    assert.equal(file.diagnostics.length, 1);
    assert.equal(file.diagnostics[0].line, 30);
    assert.match(file.diagnostics[0].message, /item 3 is not valid YAML/);
  });

  it('reads CSL YAML written in flow style, and a YAML document that is a list', () => {
    const flow = runToEnd(readLibrarySteps('references: [{id: a1, type: book, title: "A Book", issued: 2001}]\n', 'flow.yaml', 'csl-yaml'));
    assert.deepEqual(flow.entries.map((candidate) => [candidate.key, candidate.published]), [['a1', '2001']]);
    const list = runToEnd(readLibrarySteps('- id: b2\n  title: B\n- id: c3\n  title: C\n', 'list.yaml', 'csl-yaml'));
    assert.deepEqual(list.entries.map((candidate) => candidate.key), ['b2', 'c3']);
  });
});
