// Only citations are citations (issue 20): in Markdown a bare @key is a pandoc citation only where the
// document shows it cites, or where the key is known. Checked on documents shaped like the Markdown
// people write: a package README, a CHANGELOG, pandoc papers and notes (fixtures/markdown/).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CitationIndex } from '../../../src/core/references/citationIndex';
import { scanCitations } from '../../../src/core/references/scanCitations';
import { resolveMentions } from '../../../src/core/references/keyOccurrences';
import { runCli } from '../cli/runCli';

const FIXTURES = resolve('test/unit/references/fixtures/markdown');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** `kind:key@line:column` of every occurrence the scanner reports. */
function occurrences(text: string, languageId = 'markdown'): string[] {
  return scanCitations(text, languageId).map(({ key, kind, line, column }) => `${kind}:${key}@${line}:${column}`);
}

/** The keys of the citations only (mentions and definitions left out). */
function citedKeys(text: string, languageId = 'markdown'): string[] {
  return scanCitations(text, languageId).filter((occurrence) => occurrence.kind === 'citation').map((occurrence) => occurrence.key);
}

describe('the Markdown rule: only citations are citations', () => {
  it('finds no citation in a package README: scoped packages, decorators, mentions, linked handles, e-mail addresses', () => {
    const readme = fixture('package-readme.md');
    assert.deepEqual(citedKeys(readme), []);
    // Bare handles are kept as mentions (a known key would count), never package names or linked handles.
    const mentions = scanCitations(readme, 'markdown').filter((occurrence) => occurrence.kind === 'mention').map((occurrence) => occurrence.key);
    assert.deepEqual(mentions, ['sindresorhus', 'octocat', 'jane-doe', 'bob_smith', 'acme', 'acme']);
    assert.ok(!mentions.some((key) => key.includes('/')), 'no package name');
  });

  it('finds no citation in a CHANGELOG: linked handles, reference-style links, version bumps', () => {
    const changelog = fixture('CHANGELOG.md');
    assert.deepEqual(citedKeys(changelog), []);
    assert.deepEqual(scanCitations(changelog, 'markdown').filter((occurrence) => occurrence.kind === 'mention').map((occurrence) => occurrence.key), ['jane-doe', 'bob_smith']);
  });

  it('finds every citation of a pandoc paper with a bibliography, in-text ones included, and no cross-reference or address', () => {
    assert.deepEqual(occurrences(fixture('pandoc-paper.md')), [
      'citation:vaswani2017@12:32',
      'citation:hu2021lora@13:3',
      'citation:dettmers2023qlora@13:16',
      'citation:frantar2022gptq@13:82',
      'citation:lin2023:awq@14:3',
      'citation:awq2023@14:61',
    ]);
  });

  it("reads the front matter's references: as definitions, and the document as citing", () => {
    assert.deepEqual(occurrences(fixture('pandoc-references.md')), [
      'definition:doe2020@4:9',
      'definition:roe_2021@8:10',
      'citation:doe2020@13:11',
      'citation:roe_2021@13:39',
    ]);
  });

  it('takes one bracketed citation as the sign that bare keys elsewhere in the file cite too', () => {
    assert.deepEqual(citedKeys(fixture('bracket-notes.md')), ['hu2021lora', 'dettmers2023qlora', 'someone']);
  });

  it('counts a bare @key in a file with no sign of citing only when the key is known', () => {
    const notes = fixture('plain-notes.md');
    assert.deepEqual(citedKeys(notes), []);
    const known = new Set(['awq2023', 'mykey']);
    const resolved = resolveMentions(scanCitations(notes, 'markdown'), (key) => known.has(key));
    assert.deepEqual(resolved.map(({ key, kind }) => `${kind}:${key}`), ['citation:awq2023', 'citation:mykey']);
  });

  it('takes each kind of sign: citation metadata in the front matter, a raw \\cite, a bracket', () => {
    const body = '\nAs @smith2020 shows, thanks @octocat.\n';
    assert.deepEqual(citedKeys(body), []);
    for (const metadata of ['bibliography: refs.bib', 'bibliography:\n  - a.bib\n  - b.json', 'references: []', 'nocite: |\n  @*', 'csl: ieee.csl']) {
      assert.deepEqual(citedKeys(`---\ntitle: x\n${metadata}\n---\n${body}`), ['smith2020', 'octocat'], metadata);
    }
    assert.deepEqual(citedKeys(`---\ntitle: bibliography\nabstract: "references: none"\n---\n${body}`), [], 'only a top-level key counts');
    assert.deepEqual(citedKeys(`${body}\nNot front matter:\n---\nbibliography: refs.bib\n---\n`), [], 'front matter starts the file');
    assert.deepEqual(citedKeys(`${body}See \\citep{jones2019}.`), ['smith2020', 'octocat', 'jones2019']);
    assert.deepEqual(citedKeys(`${body}See [-@jones2019].`), ['smith2020', 'octocat', 'jones2019']);
  });

  it('never counts links, link definitions, package names or cross-references as signs or citations', () => {
    const body = 'As @smith2020 shows.\n';
    for (const notASign of [
      'By [@alice](https://github.com/alice).',
      'By [@alice][a].\n\n[a]: https://github.com/alice',
      'By [@alice].\n\n[@Alice]: https://github.com/alice',
      'Needs [@types/node].',
      'See [@fig-loss] and [@tbl:results].',
      '`[@inline]` and\n\n```\n[@fenced]\n```',
      '[@unclosed and\n\nthe paragraph ends] here',
    ]) {
      assert.deepEqual(citedKeys(`${notASign}\n\n${body}`), [], notASign);
    }
    assert.deepEqual(citedKeys('Cited [@doe2020] and @types/node and @{10.1000/xyz}'), ['doe2020', '10.1000/xyz'], 'a bare package name is never a citation; a braced key may hold /');
    assert.deepEqual(citedKeys('Cited [@a; @10.1145/3292500]'), ['a', '10.1145/3292500'], 'in brackets a key may hold /');
  });

  it("finds fences as CommonMark does: a line opening with ```code``` is a code span, and a closing fence has nothing after it", () => {
    const text = '```error TS2424: a message``` was printed.\n\n```ts\n@Injectable()\n```ts\n@Component()\n```\nCited [@after] and @bare.\n';
    assert.deepEqual(occurrences(text), ['citation:after@8:9', 'citation:bare@8:21']);
  });

  it('reads nested brackets by the innermost pair: a citation inside a link text is no citation', () => {
    assert.deepEqual(citedKeys('[see [@a]] and [text [@b](https://x.org)] and [[@c]](https://y.org)'), ['a']);
  });

  it('applies the same rule to Quarto, R Markdown and the other Markdown dialects', () => {
    for (const languageId of ['quarto', 'rmd', 'mdx', 'pandoc']) {
      assert.deepEqual(citedKeys(fixture('package-readme.md'), languageId), [], languageId);
      assert.deepEqual(citedKeys(fixture('pandoc-paper.md'), languageId).length, 6, languageId);
    }
  });

  it('gives the same answer in the citation index: known mentions cite, unknown ones do not, and none is unknown', () => {
    const papers = new Set(['awq2023']);
    const index = new CitationIndex({ isKnown: (key) => papers.has(key) });
    index.updateFile('README.md', fixture('package-readme.md'), 'markdown');
    index.updateFile('CHANGELOG.md', fixture('CHANGELOG.md'), 'markdown');
    index.updateFile('notes.md', fixture('plain-notes.md'), 'markdown');
    assert.deepEqual(index.allCitations().map(({ file, key }) => `${file}:${key}`), ['notes.md:awq2023']);
    assert.deepEqual(index.unknownCitations((key) => papers.has(key)), []);
    assert.equal(index.citationCount('octocat'), 0);
    // A .bib entry makes a mention of its key a citation, and removing the .bib takes it back.
    index.updateFile('refs.bib', '@misc{mykey, title={Ours}}', 'bibtex');
    assert.deepEqual(index.citationsOf('mykey').map(({ file, kind }) => `${file}:${kind}`), ['notes.md:citation']);
    assert.equal(index.citationCount('mykey'), 1);
    index.removeFile('refs.bib');
    assert.deepEqual(index.citationsOf('mykey'), []);
  });

  it('gives the same answer in `paper-scout refs`: nothing in a README and a CHANGELOG, everything in a pandoc paper', () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-scout-markdown-rule-'));
    try {
      for (const name of ['package-readme.md', 'CHANGELOG.md']) writeFileSync(join(dir, name), fixture(name));
      const quiet = runCli('refs', dir, '--json', '--strict');
      assert.equal(quiet.code, 0, quiet.stderr);
      assert.deepEqual(JSON.parse(quiet.stdout).citations, []);
      writeFileSync(join(dir, 'paper.md'), fixture('pandoc-paper.md'));
      const paper = runCli('refs', dir, '--json');
      const rows = JSON.parse(paper.stdout).citations as Array<{ key: string; file: string; known: boolean }>;
      assert.deepEqual(rows.map((row) => row.key), ['vaswani2017', 'hu2021lora', 'dettmers2023qlora', 'frantar2022gptq', 'lin2023:awq', 'awq2023']);
      assert.ok(rows.every((row) => row.file === 'paper.md'));
      assert.equal(rows.find((row) => row.key === 'awq2023')?.known, true, 'a bundled paper');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
