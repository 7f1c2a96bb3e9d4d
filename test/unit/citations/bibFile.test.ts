import assert from 'node:assert/strict';
import { parse } from '@retorquere/bibtex-parser';
import { describeMerge, entryHash, markerLine, mergeBibEntries, PAPER_SCOUT_MARKER, parseBibFile } from '../../../src/core/citations/bibFile';
import { formatCitation } from '../../../src/core/citations/formats';
import { AWQ, INFLLM, S2FT } from './fixtures';

/** A user's file: a comment, a string macro, their own entries (one in parentheses), odd spacing. */
const FOREIGN = [
  '% My bibliography -- do not reformat',
  '@string{ neurips = "Advances in Neural Information Processing Systems" }',
  '',
  '@article{vaswani2017,',
  '  title     = {Attention Is All You Need},',
  '  author    = {Vaswani, Ashish and others},',
  '  journal   = neurips,',
  '  year      = 2017,',
  '  note      = "quoted, with {braces, and a \\{ pair \\}}"',
  '}',
  '@Book( knuth1984 , title = "The {\\TeX}book (second)", year = 1984 )',
  '',
  '@comment{ an old note with @misc{inside, x = {y}} }',
].join('\n') + '\n';

const entry = (paper: typeof AWQ): { key: string; text: string } => ({ key: paper.key, text: formatCitation(paper, 'bibtex') });

describe('parseBibFile', () => {
  it('finds entries, their keys, and keyless @string and @comment entries', () => {
    const file = parseBibFile(FOREIGN);
    assert.deepEqual(file.problems, []);
    assert.deepEqual(file.entries.map((e) => [e.type, e.key, e.ours]), [
      ['string', null, false], ['article', 'vaswani2017', false], ['Book', 'knuth1984', false], ['comment', null, false],
    ]);
    assert.equal(FOREIGN.slice(file.entries[1].start, file.entries[1].end).split('\n').pop(), '}');
    assert.ok(FOREIGN.slice(file.entries[2].start, file.entries[2].end).endsWith('year = 1984 )'));
  });

  it('ignores @ on % comment lines and in loose text', () => {
    const file = parseBibFile('% contact me@misc{x,\nnot an entry: a@b.c\n@misc{real, title={T}}\n');
    assert.deepEqual(file.entries.map((e) => e.key), ['real']);
  });

  it('marks entries directly under the marker line as Paper Scout\'s', () => {
    const text = `${PAPER_SCOUT_MARKER}\n@misc{a, title={A}}\n\n${PAPER_SCOUT_MARKER}\n\n@misc{b, title={B}}\n@misc{c, title={C}}\n`;
    assert.deepEqual(parseBibFile(text).entries.map((e) => [e.key, e.ours]), [['a', true], ['b', false], ['c', false]]);
  });

  it('reports an entry that never closes', () => {
    const file = parseBibFile('@misc{ok, title={x}}\n\n@article{broken,\n  title = {unclosed\n');
    assert.deepEqual(file.problems, [{ line: 3, message: 'the @article entry starting here never closes (unbalanced braces)' }]);
  });
});

describe('mergeBibEntries', () => {
  it('writes a new file: each entry under the marker, separated by blank lines', () => {
    const merged = mergeBibEntries('', [entry(AWQ), entry(S2FT)]);
    const [awq, s2ft] = [formatCitation(AWQ, 'bibtex'), formatCitation(S2FT, 'bibtex')];
    assert.equal(merged.text, `${markerLine(awq)}\n${awq}\n\n${markerLine(s2ft)}\n${s2ft}\n`);
    assert.match(markerLine(awq), /^% paper-scout [0-9a-f]{16}$/);
    assert.deepEqual([merged.added, merged.updated, merged.unchanged, merged.keptEdits, merged.keptTheirs], [['awq2023', 's2ft'], [], [], [], []]);
  });

  it('appends to a foreign file and keeps every byte of it', () => {
    const merged = mergeBibEntries(FOREIGN, [entry(AWQ)]);
    assert.ok(merged.text.startsWith(FOREIGN));
    assert.equal(merged.text.slice(FOREIGN.length), `\n${markerLine(formatCitation(AWQ, 'bibtex'))}\n${formatCitation(AWQ, 'bibtex')}\n`);
    const parsed = parse(merged.text, { raw: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.entries.map((e) => e.key), ['vaswani2017', 'knuth1984', 'awq2023']);
  });

  it('adds a blank line after a file that ends without a line break', () => {
    const merged = mergeBibEntries('@misc{x, title={X}}', [entry(AWQ)]);
    assert.ok(merged.text.startsWith(`@misc{x, title={X}}\n\n${PAPER_SCOUT_MARKER} ${entryHash(formatCitation(AWQ, 'bibtex'))}\n@misc{awq2023,`));
  });

  it('never duplicates a key the user already has, whatever its case, and keeps their entry', () => {
    const theirs = '@inproceedings{AWQ2023,\n  title = {AWQ, my way},\n}\n';
    const merged = mergeBibEntries(theirs, [entry(AWQ), entry(S2FT)]);
    assert.deepEqual(merged.keptTheirs, ['awq2023']);
    assert.deepEqual(merged.added, ['s2ft']);
    assert.ok(merged.text.startsWith(theirs));
    assert.equal(merged.text.match(/awq2023,/gi)?.length, 1);
  });

  it('replaces its own entries in place, leaves unchanged ones and its entries for other keys alone', () => {
    const first = mergeBibEntries(FOREIGN, [entry(AWQ), entry(S2FT), entry(INFLLM)]).text;
    const renamed = { ...AWQ, title: 'AWQ: a retitled paper', topics: [] };
    const second = mergeBibEntries(first, [entry(renamed), entry(S2FT)]);
    assert.deepEqual([second.added, second.updated, second.unchanged, second.keptEdits, second.keptTheirs], [[], ['awq2023'], ['s2ft'], [], []]);
    const [before, after] = [formatCitation(AWQ, 'bibtex'), formatCitation(renamed, 'bibtex')];
    assert.equal(second.text, first.replace(`${markerLine(before)}\n${before}`, `${markerLine(after)}\n${after}`));
    assert.ok(second.text.includes(formatCitation(INFLLM, 'bibtex')), 'an entry for a key not exported this time is kept');
    assert.ok(second.text.startsWith(FOREIGN));
  });

  it('is idempotent: merging the same entries again changes nothing', () => {
    const once = mergeBibEntries(FOREIGN, [entry(AWQ), entry(S2FT)]).text;
    const twice = mergeBibEntries(once, [entry(AWQ), entry(S2FT)]);
    assert.equal(twice.text, once);
    assert.deepEqual(twice.unchanged, ['awq2023', 's2ft']);
  });

  it('keeps CRLF line endings and writes its entries with them', () => {
    const crlf = FOREIGN.replace(/\n/g, '\r\n');
    const merged = mergeBibEntries(crlf, [entry(AWQ)]);
    assert.ok(merged.text.startsWith(crlf));
    assert.ok(!/[^\r]\n/.test(merged.text), 'every line break is CRLF');
    assert.deepEqual(mergeBibEntries(merged.text, [entry(AWQ)]).unchanged, ['awq2023']);
  });

  it('keeps a byte-order mark and text before the first entry', () => {
    const text = '\uFEFFPreamble text\n@misc{x, title={X}}\n';
    assert.ok(mergeBibEntries(text, [entry(AWQ)]).text.startsWith(text));
  });

  it('lets the user\'s entry win over a marked one for the same key', () => {
    const text = `${PAPER_SCOUT_MARKER}\n@misc{awq2023, title={old}}\n\n@article{awq2023, title={mine}}\n`;
    const merged = mergeBibEntries(text, [entry(AWQ)]);
    assert.deepEqual(merged.keptTheirs, ['awq2023']);
    assert.equal(merged.text, text);
  });

  it('refuses to merge into a file with an entry that never closes', () => {
    assert.throws(() => mergeBibEntries('@article{broken,\n title = {x\n', [entry(AWQ)]), /line 1: the @article entry starting here never closes/);
  });

  it('keeps an entry the user changed since Paper Scout wrote it, and says so', () => {
    const first = mergeBibEntries(FOREIGN, [entry(AWQ), entry(S2FT), entry(INFLLM)]).text;
    const edited = first.replace('@misc{awq2023,\n', '@misc{awq2023,\n  author = {Lin, Ji and Tang, Jiaming and others},\n');
    const renamed = { ...AWQ, title: 'AWQ: a retitled paper' };
    const second = mergeBibEntries(edited, [entry(renamed), entry(S2FT), entry({ ...INFLLM, published: '2025-10-01' })]);
    assert.deepEqual([second.added, second.updated, second.unchanged, second.keptEdits, second.keptTheirs], [[], ['infllmv2_2025'], ['s2ft'], ['awq2023'], []]);
    assert.ok(second.text.includes('author = {Lin, Ji and Tang, Jiaming and others}'), 'the user\'s author list is kept');
    assert.ok(!second.text.includes('a retitled paper'));
    assert.equal(describeMerge(second), '1 updated, 1 unchanged, 1 kept with your edits (awq2023)');
    const crlf = mergeBibEntries(first.replace(/\n/g, '\r\n'), [entry(renamed)]);
    assert.deepEqual(crlf.updated, ['awq2023'], 'line endings changed by an editor are not an edit');
  });

  it('keeps an entry under an old marker without a hash unless it is exactly what would be written', () => {
    const old = `${PAPER_SCOUT_MARKER}\n${formatCitation(AWQ, 'bibtex')}\n`;
    assert.deepEqual(mergeBibEntries(old, [entry(AWQ)]).unchanged, ['awq2023']);
    const changed = mergeBibEntries(old, [entry({ ...AWQ, title: 'New title' })]);
    assert.deepEqual(changed.keptEdits, ['awq2023']);
    assert.equal(changed.text, old);
  });

  it('describes what it did, counting each key once', () => {
    const merge = { added: ['a', 'b'], updated: [], unchanged: ['c'], keptEdits: [], keptTheirs: ['d', 'e', 'f', 'g'] };
    assert.equal(describeMerge(merge), '2 added, 1 unchanged, 4 already in the file as you wrote them (d, e, f, …)');
    assert.equal(describeMerge({ added: [], updated: [], unchanged: [], keptEdits: [], keptTheirs: [] }), 'nothing to write');
  });

  it('writes each key once when the list repeats it', () => {
    assert.deepEqual(mergeBibEntries('', [entry(AWQ), entry(AWQ)]).added, ['awq2023']);
  });
});
