import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { CitationIndex } from '../../../src/core/references/citationIndex';
import { decodeText, readIntoCitationIndex, updateDocument, type WorkspaceFile } from '../../../src/core/references/citationIndexBuild';
import { keySearchText, nearestKeys } from '../../../src/core/references/nearestKey';
import { enabledPatterns, PathFilter } from '../../../src/core/references/pathFilter';
import type { Paper } from '../../../src/core/types';

const where = (locations: Array<{ file: string; line: number; column: number }>): string[] => locations.map(({ file, line, column }) => `${file}:${line}:${column}`);

describe('workspace citation index', () => {
  it('answers by key: citations, definitions and counts across files of every kind', () => {
    const index = new CitationIndex();
    index.updateFile('thesis.tex', 'Intro \\cite{awq2023, galore_nd}.\n\\citep{awq2023}', 'latex');
    index.updateFile('notes.md', 'As [@awq2023] shows, and @mykey.', 'markdown');
    index.updateFile('train.py', 'x = 1  # @cite:galore_nd\n', 'python');
    index.updateFile('refs.bib', '@misc{mykey,\n title={Mine}}', 'bibtex');
    assert.deepEqual(where(index.citationsOf('awq2023')), ['thesis.tex:1:13', 'thesis.tex:2:8', 'notes.md:1:6']);
    assert.equal(index.citationCount('awq2023'), 3);
    assert.equal(index.citationCount('galore_nd'), 2);
    assert.deepEqual(where(index.definitionsOf('mykey')), ['refs.bib:1:7']);
    assert.deepEqual(index.keys(), ['awq2023', 'galore_nd', 'mykey']);
    assert.equal(index.fileCount, 4);
  });

  it('updates one file at a time: an edit replaces its citations, a removal forgets them', () => {
    const index = new CitationIndex();
    index.updateFile('a.md', '[@one] [@two]', 'markdown');
    index.updateFile('b.md', '[@two]', 'markdown');
    const before = index.version;
    index.updateFile('a.md', '[@three]', 'markdown');
    assert.ok(index.version > before);
    assert.deepEqual(index.citationsOf('one'), []);
    assert.deepEqual(where(index.citationsOf('two')), ['b.md:1:3']);
    assert.deepEqual(where(index.citationsOf('three')), ['a.md:1:3']);
    index.removeFile('b.md');
    assert.deepEqual(index.keys(), ['three']);
    assert.deepEqual(index.fileNames(), ['a.md']);
  });

  it('lists unknown citations: keys no paper has and no indexed .bib defines', () => {
    const index = new CitationIndex();
    index.updateFile('paper.tex', '\\cite{awq2023,awq2032,mine,missing}', 'latex');
    index.updateFile('mine.bib', '@article{mine, title={x}}', 'bibtex');
    const known = new Set(['awq2023']);
    assert.deepEqual(
      index.unknownCitations((key) => known.has(key)).map((location) => location.key),
      ['awq2032', 'missing'],
    );
  });

  it('answers every question about a key as a recount of its places would, through any sequence of updates and removals', () => {
    // e.md never cites with brackets: its bare keys are mentions, which count as citations of a known
    // key (k6, a paper's) or of one an indexed file defines (which an update elsewhere may change).
    const fileNames = ['a.md', 'b.tex', 'c.bib', 'd.py', 'e.md'];
    const texts: Readonly<Record<string, fc.Arbitrary<string>>> = {
      'a.md': fc.array(fc.constantFrom('[@k1]', '@k2', '[@k3; @k1]', 'text'), { maxLength: 6 }).map((parts) => parts.join(' ')),
      'b.tex': fc.array(fc.constantFrom('\\cite{k1}', '\\cite{k2,k3}', '\\bibitem{k4}', 'x'), { maxLength: 6 }).map((parts) => parts.join(' ')),
      'c.bib': fc.array(fc.constantFrom('@misc{k1,}', '@misc{k3,}', '@misc{k5,}'), { maxLength: 3 }).map((parts) => parts.join('\n')),
      'd.py': fc.array(fc.constantFrom('# @cite:k2', '# @cite:k5', 'x = 1'), { maxLength: 4 }).map((parts) => parts.join('\n')),
      'e.md': fc.array(fc.constantFrom('@k1', '@k5', '@k6', '@k7', 'thanks'), { maxLength: 5 }).map((parts) => parts.join(' ')),
    };
    const language: Readonly<Record<string, string>> = { 'a.md': 'markdown', 'b.tex': 'latex', 'c.bib': 'bibtex', 'd.py': 'python', 'e.md': 'markdown' };
    const operation = fc.constantFrom(...fileNames).chain((file) => fc.oneof(texts[file].map((text) => ({ file, text })), fc.constant({ file, text: null })));
    fc.assert(fc.property(fc.array(operation, { maxLength: 20 }), (operations) => {
      const index = new CitationIndex({ isKnown: (key) => key === 'k6' });
      for (const { file, text } of operations) {
        if (text === null) index.removeFile(file);
        else index.updateFile(file, text, language[file]);
      }
      const all = index.fileNames().flatMap((file) => index.occurrencesIn(file).map((occurrence) => ({ ...occurrence, file })));
      const definedKeys = new Set(all.filter((occurrence) => occurrence.kind === 'definition').map((occurrence) => occurrence.key));
      const cites = (occurrence: { key: string; kind: string }): boolean => occurrence.kind === 'citation'
        || (occurrence.kind === 'mention' && (occurrence.key === 'k6' || definedKeys.has(occurrence.key)));
      for (const key of ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']) {
        const cited = all.filter((occurrence) => occurrence.key === key && cites(occurrence));
        const defined = all.filter((occurrence) => occurrence.key === key && occurrence.kind === 'definition');
        assert.equal(index.citationCount(key), cited.length);
        assert.equal(index.isDefined(key), defined.length > 0);
        assert.deepEqual(where(index.citationsOf(key)).sort(), where(cited).sort());
        assert.ok(index.citationsOf(key).every((location) => location.kind === 'citation'));
        assert.equal(index.definitionsOf(key).length, defined.length);
      }
      assert.deepEqual(index.definedKeys().sort(), [...definedKeys].sort());
      assert.deepEqual(index.citedKeys().sort(), [...new Set(all.filter(cites).map((occurrence) => occurrence.key))].sort());
      assert.deepEqual(where(index.allCitations()), where(all.filter(cites)));
      assert.deepEqual(index.keys(), [...new Set(all.map((occurrence) => occurrence.key))].sort());
    }), { numRuns: 500 });
  });

  it('keeps a document out of the citation index when it grows past the size limit', () => {
    const index = new CitationIndex();
    assert.equal(updateDocument(index, 'a.md', '[@k]', 'markdown', 100), true);
    assert.equal(updateDocument(index, 'a.md', `[@k] ${'x'.repeat(200)}`, 'markdown', 100), false);
    assert.equal(index.hasFile('a.md'), false);
  });

  it('uses the configured comment trigger', () => {
    const index = new CitationIndex({ commentTrigger: 'ref:' });
    index.updateFile('a.ts', '// ref:awq2023 and @cite:nope', 'typescript');
    assert.deepEqual(index.keys(), ['awq2023']);
  });
});

describe('path filter (files.exclude, search.exclude)', () => {
  it('takes the enabled patterns of exclude settings, not false ones or sibling conditions', () => {
    assert.deepEqual(
      enabledPatterns({ '**/.git': true, '**/out': false, '**/*.js': { when: '$(basename).ts' } }, { '**/build': true, '**/.git': true }),
      ['**/.git', '**/build'],
    );
  });

  it('reads known kinds of files, skips node_modules, .git and excluded folders and files', () => {
    const filter = new PathFilter(['**/build', 'drafts/*.md', '**/*.{tmp,bak}']);
    assert.equal(filter.includesFile('thesis/main.tex'), true);
    assert.equal(filter.includesFile('.hidden/notes.md'), true);
    assert.equal(filter.includesFile('src/model.py'), true);
    assert.equal(filter.includesFile('figure.png'), false, 'not a kind Paper Scout reads');
    assert.equal(filter.includesFile('node_modules/pkg/readme.md'), false);
    assert.equal(filter.includesFile('a/.git/notes.md'), false);
    assert.equal(filter.includesFile('out/build/x.tex'), false, 'inside an excluded folder');
    assert.equal(filter.includesFile('drafts/old.md'), false);
    assert.equal(filter.includesFile('drafts/sub/old.md'), true, '* does not cross folders');
    assert.equal(filter.skipsFolder('src/node_modules'), true);
  });
});

describe('reading files into the citation index (sliced, cancellable)', () => {
  const files = (count: number): WorkspaceFile[] => Array.from({ length: count }, (_, i) => ({ id: `f${i}.md`, relativePath: `notes/f${i}.md` }));

  it('reads every file, reports skipped ones by reason, and never awaits a file twice', async () => {
    const index = new CitationIndex();
    const list: WorkspaceFile[] = [
      ...files(20),
      { id: 'big.md', relativePath: 'big.md', size: 5000 },
      { id: 'bad.md', relativePath: 'bad.md' },
      { id: 'bin.tex', relativePath: 'bin.tex' },
      { id: 'skip.md', relativePath: 'node_modules/skip.md' },
    ];
    const reads: string[] = [];
    const result = await readIntoCitationIndex(index, list, {
      maxFileBytes: 1000,
      filter: new PathFilter(),
      read: async (file) => {
        reads.push(file.id);
        if (file.id === 'bad.md') throw new Error('EACCES');
        if (file.id === 'bin.tex') return new Uint8Array([92, 99, 105, 116, 101, 0, 1]);
        return new TextEncoder().encode(`[@key${file.id.replace(/\D/g, '')}]`);
      },
    });
    assert.equal(result.filesRead, 20);
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.skipped.map(({ id, reason }) => `${id}:${reason}`).sort(), ['bad.md:unreadable', 'big.md:too large', 'bin.tex:binary', 'skip.md:excluded']);
    assert.equal(new Set(reads).size, reads.length);
    assert.ok(!reads.includes('big.md'), 'a file known to be too large is not read');
    assert.deepEqual(where(index.citationsOf('key7')), ['f7.md:1:3']);
  });

  it('a file whose scan throws costs only that file: the files after it are indexed', async () => {
    /** An index whose scan of one file fails, as a scanner bug on some hostile text would. */
    class FailingIndex extends CitationIndex {
      override updateFile(file: string, text: string, languageId: string): ReturnType<CitationIndex['updateFile']> {
        if (file === 'f3.md') throw new RangeError('Maximum call stack size exceeded');
        return super.updateFile(file, text, languageId);
      }
    }
    const index = new FailingIndex();
    const result = await readIntoCitationIndex(index, files(8), { read: async (file) => `[@key${file.id.replace(/\D/g, '')}]` });
    assert.equal(result.filesRead, 7);
    assert.deepEqual(result.skipped, [{ id: 'f3.md', reason: 'failed', detail: 'could not be scanned: Maximum call stack size exceeded' }]);
    assert.deepEqual(where(index.citationsOf('key7')), ['f7.md:1:3']);
    assert.equal(index.hasFile('f3.md'), false);
    assert.deepEqual(updateDocument(index, 'f3.md', '[@x]', 'markdown'), { id: 'f3.md', reason: 'failed', detail: 'could not be scanned: Maximum call stack size exceeded' });
  });

  it('asks the size of a file of unknown size first, and skips it unread when it is over the limit', async () => {
    const index = new CitationIndex();
    const reads: string[] = [];
    const sizes: Readonly<Record<string, number>> = { 'small.md': 10, 'huge.md': 50_000 };
    const result = await readIntoCitationIndex(index, [{ id: 'small.md', relativePath: 'small.md' }, { id: 'huge.md', relativePath: 'huge.md' }], {
      maxFileBytes: 1000,
      sizeOf: async (file) => sizes[file.id],
      read: async (file) => {
        reads.push(file.id);
        return '[@small]';
      },
    });
    assert.deepEqual(reads, ['small.md']);
    assert.deepEqual(result.skipped, [{ id: 'huge.md', reason: 'too large', detail: '50000 bytes, over the limit of 1000' }]);
    assert.deepEqual(where(index.citationsOf('small')), ['small.md:1:3']);
  });

  it('gives the event loop back while it works, and stops when cancelled', async () => {
    const index = new CitationIndex();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let cancel = false;
    const slow = 'As [@a] and [@b] show. '.repeat(1500);
    const result = await readIntoCitationIndex(index, files(400), {
      sliceMs: 2,
      read: async () => slow,
      onProgress: (done) => {
        if (done >= 100) cancel = true;
      },
      isCancelled: () => cancel,
    });
    clearInterval(timer);
    assert.equal(result.cancelled, true);
    assert.ok(result.filesRead >= 100 && result.filesRead < 400, `read ${result.filesRead}`);
    assert.ok(ticks > 0, 'timers ran while indexing');
  });

  it('decodes UTF-8 and treats bytes with NUL as binary', () => {
    assert.equal(decodeText(new TextEncoder().encode('é [@k]')), 'é [@k]');
    assert.equal(decodeText(new Uint8Array([65, 0, 66])), null);
  });
});

describe('nearest known key', () => {
  const papers = (JSON.parse(readFileSync('dist/corpus.json', 'utf8')) as { papers: Paper[] }).papers;
  const nearest = (key: string): string | undefined => nearestKeys(key, papers)[0]?.key;

  it('finds the key meant by a typo, a wrong year, or words of the title', () => {
    assert.equal(nearest('awq2032'), 'awq2023');
    assert.equal(nearest('galore2024'), 'galore');
    assert.equal(nearest('slicegpt2024'), 'slicegpt');
    assert.equal(nearest('vptq2025'), 'vptq2024');
    assert.equal(nearest('monarchMatrices'), 'monarch');
  });

  it('searches for the words of an unknown key', () => {
    assert.equal(keySearchText('lora_vs_full'), 'lora full');
    assert.equal(keySearchText('monarchMatrices2024'), 'monarch matrices');
    assert.equal(keySearchText('x1'), 'x1');
  });

  it('suggests nothing for a key unlike any paper', () => {
    assert.deepEqual(nearestKeys('zzqx', papers), []);
    assert.deepEqual(nearestKeys('', papers), []);
  });
});
