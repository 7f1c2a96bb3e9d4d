import assert from 'node:assert/strict';
import fc from 'fast-check';
import { entryHash } from '../../../src/core/citations/bibFile';
import { bibtexReadCounts, readBibSourceSteps, readBibtexSteps } from '../../../src/core/library/bibtexReader';
import { paperChanges } from '../../../src/core/store/paperStore';
import type { Paper } from '../../../src/core/types';
import type { LibraryFileRead } from '../../../src/core/library/libraryEntry';
import { runToEnd } from '../../../src/core/slices';

// Issue 19, one changed entry: a `.bib` file read again with its last read reads only the entries whose
// text is new (or whose macros now mean something else), and always gives what reading it whole gives.

function full(text: string): LibraryFileRead {
  return runToEnd(readBibtexSteps(text, 'refs.bib'));
}

function again(text: string, previous: LibraryFileRead): LibraryFileRead {
  return runToEnd(readBibtexSteps(text, 'refs.bib', previous));
}

function article(at: number, title = `Paper number ${at} on sparse attention`): string {
  return `@article{key${at},\n  title = {${title}},\n  author = {M{\\"u}ller, Jan and Smith, Ana},\n  journal = {Journal of {{Machine Learning}}},\n  year = {2021},\n  month = jun,\n  abstract = {An abstract with an @ sign, {braces} and 100\\% of it ${at}.}\n}\n`;
}

/** Reads whole and again from `previous` agree: same entries, problems, macros and truncation. */
function assertSameAsFull(text: string, previous: LibraryFileRead): LibraryFileRead {
  const incremental = again(text, previous);
  assert.deepEqual(incremental, full(text));
  return incremental;
}

describe('library: reading a changed .bib file again', () => {
  it('reads only the one entry that changed, keeps the others as the same objects, and gives what a whole read gives', () => {
    const entries = Array.from({ length: 200 }, (_, at) => article(at));
    const first = full(entries.join('\n'));
    assert.deepEqual(bibtexReadCounts(first), { parsed: 200, converted: 200 });
    const changed = [...entries];
    changed[77] = article(77, 'A title the user just edited');
    const text = changed.join('\n');
    const second = assertSameAsFull(text, first);
    assert.deepEqual(bibtexReadCounts(second), { parsed: 1, converted: 1 });
    assert.equal(second.entries[77].title, 'A title the user just edited');
    for (const [at, entry] of second.entries.entries()) if (at !== 77) assert.equal(entry, first.entries[at], `entry ${at} was made again`);
    // Unchanged text read again: nothing is read, and every entry is the last read's.
    const third = assertSameAsFull(text, second);
    assert.deepEqual(bibtexReadCounts(third), { parsed: 0, converted: 0 });
    assert.ok(third.entries.every((entry, at) => entry === second.entries[at]));
  });

  it('moves the lines of the entries after an inserted one without reading them again', () => {
    const entries = Array.from({ length: 50 }, (_, at) => article(at));
    const first = full(entries.join('\n'));
    const inserted = [...entries.slice(0, 10), '% a note\n@misc{new,\n  title = {Inserted}\n}\n', ...entries.slice(10)].join('\n');
    const second = assertSameAsFull(inserted, first);
    assert.deepEqual(bibtexReadCounts(second), { parsed: 1, converted: 1 });
    assert.equal(second.entries[11].line, first.entries[10].line + 5);
  });

  it('reads again the entries that use a macro whose definition changed, and only those', () => {
    const plain = Array.from({ length: 20 }, (_, at) => `@misc{plain${at}, title = {Plain ${at}}, year = 2020}\n`).join('');
    const using = Array.from({ length: 5 }, (_, at) => `@misc{uses${at}, title = {Uses ${at}}, journal = venue, year = 2020}\n`).join('');
    const first = full(`@string{venue = {Old Venue}}\n${plain}${using}`);
    assert.equal(first.entries[20].venue, 'Old Venue');
    const second = assertSameAsFull(`@string{venue = {New Venue}}\n${plain}${using}`, first);
    assert.deepEqual(bibtexReadCounts(second), { parsed: 5, converted: 5 });
    assert.equal(second.entries[20].venue, 'New Venue');
    // A macro defined only after the entries that use it does not apply to them (BibTeX reads in order).
    const after = assertSameAsFull(`${plain}${using}@string{venue = {New Venue}}\n`, second);
    assert.equal(after.entries[20].venue, null);
    assert.match(after.diagnostics.map((diagnostic) => diagnostic.message).join('\n'), /uses the macro "venue", which no @string before it defines/);
    // Redefining a month macro reaches the entries that use the month.
    const months = full('@misc{m, title = {M}, year = 2020, month = jun}\n');
    assert.equal(months.entries[0].published, '2020-06');
    assert.equal(assertSameAsFull('@string{jun = {March}}\n@misc{m, title = {M}, year = 2020, month = jun}\n', months).entries[0].published, '2020-03');
  });

  it('makes a crossref child anew from its parent as it is now, though the child did not change', () => {
    const child = '@inproceedings{child, crossref = {parent}, title = {Child}, author = {Doe, Jane}}\n';
    const first = full(`@proceedings{parent, title = {Proceedings of Old}, year = 2019}\n${child}`);
    assert.equal(first.entries[1].venue, 'Proceedings of Old');
    const second = assertSameAsFull(`@proceedings{parent, title = {Proceedings of New}, year = 2019}\n${child}`, first);
    assert.equal(second.entries[1].venue, 'Proceedings of New');
    assert.equal(second.entries[1].published, '2019');
    // The parent read again; the child's own text is read again for its fields (it is made anew each time).
    assert.equal(bibtexReadCounts(second)?.converted, 2);
    // The parent unchanged and the child unchanged: the child is still made from the parent's fields, read again.
    const third = assertSameAsFull(`@proceedings{parent, title = {Proceedings of New}, year = 2019}\n${child}\n% edited`, second);
    assert.equal(bibtexReadCounts(third)?.parsed, 0);
    assert.equal(third.entries[1].venue, 'Proceedings of New');
    // The parent gone: the child is reported and keeps its own fields.
    const orphan = assertSameAsFull(child, third);
    assert.equal(orphan.entries[0].venue, null);
  });

  it('keeps the problems of unchanged entries (a bad year) when another entry changes', () => {
    const text = (title: string): string => `@misc{a, title = {${title}}}\n@misc{b, title = {B}, year = {sometime}}\n@misc{c, title = {C}, journal = nomacro}\n@misc{d}\n`;
    const first = full(text('A'));
    assert.equal(first.diagnostics.length, 3);
    const second = assertSameAsFull(text('A2'), first);
    assert.deepEqual(bibtexReadCounts(second), { parsed: 1, converted: 1 });
  });

  /** A `.bib` file as parts (one entry or line each), with entries that use macros, crossrefs, comments and broken ones. */
  const part = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('Attention', 'Sparse {BERT}', 'M{\\"u}ller\'s net', 'A @ sign', '$\\alpha$-nets'), fc.integer({ min: 0, max: 4 }))
      .map(([key, title, shape]) => [
        `@article{k${key},\n  title = {${title}},\n  year = 2021\n}\n`,
        `@article{k${key}, title = {${title}}, journal = ven${key % 3}, month = jun}\n`,
        `@inproceedings{k${key}, crossref = {k${(key + 1) % 31}}, title = {${title}}}\n`,
        `@misc{k${key}, title = "${title}", year = {19${key}}, month = may}\n`,
        `@book{k${key},\n  title = {${title}} # " vol " # ven${key % 3},\n  author = {Doe, J. and others}\n}\n`,
      ][shape]),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('Venue A', 'Venue B', '{NeurIPS}')).map(([at, value]) => `@string{ven${at} = {${value}}}\n`),
    fc.constantFrom('@string{jun = {March}}\n', '% @misc{hidden, title = {Hidden}}\n', '@comment{ anything { here } }\n', '@misc{broken, title = {never closed\n', 'stray text @ here\n', '@preamble{"x"}\n', '@misc{nokey}\n', '}\n'),
  );
  const edit = fc.tuple(fc.constantFrom('replace', 'insert', 'delete', 'swap', 'cut'), fc.nat(), fc.nat(), part);

  function edited(parts: readonly string[], [kind, at, other, replacement]: [string, number, number, string]): string[] {
    const next = [...parts];
    const where = parts.length === 0 ? 0 : at % parts.length;
    if (kind === 'replace' && next.length > 0) next[where] = replacement;
    else if (kind === 'insert') next.splice(where, 0, replacement);
    else if (kind === 'delete') next.splice(where, 1);
    else if (kind === 'swap' && next.length > 1) [next[where], next[other % parts.length]] = [next[other % parts.length], next[where]];
    else if (kind === 'cut' && next.length > 0) next[where] = next[where].slice(0, Math.max(1, next[where].length - 1 - (other % 20)));
    return next;
  }

  it('gives what a whole read gives, for any file and any edits to it, read after read', () => {
    fc.assert(fc.property(fc.array(part, { maxLength: 40 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
      let parts = start;
      let read = full(parts.join(''));
      for (const change of edits) {
        parts = edited(parts, change);
        const text = parts.join('');
        read = assertSameAsFull(text, read);
        const counts = bibtexReadCounts(read);
        assert.ok(counts && counts.parsed <= parts.length, `${counts?.parsed} entries read of ${parts.length} parts`);
      }
    }), { numRuns: 300 });
  });

  it('stays linear on hostile files read again: 80,000 entries of one line, broken entries and @ everywhere', () => {
    const entry = (at: number): string => `@a{k${at},title={@${at} @x{y}}} @ stray`;
    const hostile = (count: number): string => Array.from({ length: count }, (_, at) => (at % 3 === 0 ? `@misc{b${at}, title = {never closed @a{ @ ${at}` : entry(at))).join('\n');
    // CPU time of this process, not the wall clock: under `npm test` other suites share the 2 cores, and a
    // read that waited for the CPU is not a read that did more work.
    const cpuMs = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const time = (count: number): { ms: number; parsed: number } => {
      const text = hostile(count);
      const first = full(text);
      // An entry near the end that is whole (every third one is broken).
      const changed = (count - 2) % 3 === 0 ? count - 3 : count - 2;
      const edited = text.replace(entry(changed), `@a{k${changed},title={changed}}`);
      assert.notEqual(edited, text);
      let best = Infinity;
      let parsed = -1;
      for (let round = 0; round < 3; round++) {
        const start = cpuMs();
        const read = again(edited, first);
        best = Math.min(best, cpuMs() - start);
        parsed = bibtexReadCounts(read)?.parsed ?? -1;
      }
      return { ms: best, parsed };
    };
    const small = time(5_000);
    const large = time(80_000);
    console.log(`      read again after one change: ${small.ms.toFixed(1)} ms of CPU for 5,000 entries, ${large.ms.toFixed(1)} ms for 80,000`);
    // Only the changed entry is read again (broken entries are always looked at again: they are never kept).
    assert.equal(small.parsed, 1);
    assert.equal(large.parsed, 1);
    // Sixteen times the file costs about sixteen times as much; quadratic work would cost 256 times. The bound
    // sits between them, a factor of four from each, so a pause cannot fail a linear read nor hide a quadratic one.
    assert.ok(large.ms < 64 * Math.max(small.ms, 2), `${large.ms.toFixed(0)} ms of CPU for 80,000 entries against ${small.ms.toFixed(1)} ms for 5,000`);
  });

  it('hashes each entry as entryHash hashes its text, whatever its line endings', () => {
    fc.assert(fc.property(fc.array(part, { maxLength: 20 }), fc.boolean(), (parts, crlf) => {
      const text = crlf ? parts.join('').replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\r\n\r') : parts.join('');
      for (const entry of runToEnd(readBibSourceSteps(text, 'refs.bib')).entries) assert.equal(entry.hash, entryHash(text.slice(entry.start, entry.end)));
    }), { numRuns: 200 });
  });
});

describe('library: the papers an update changed', () => {
  it('are what comparing every paper by id gives, when most papers stay where they were', () => {
    const paper = (id: string, version: number): Paper => ({ id, key: id, title: `${id} v${version}` } as unknown as Paper);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 40 }), fc.array(fc.tuple(fc.constantFrom('change', 'drop', 'add', 'move'), fc.nat()), { maxLength: 8 }), (ids, edits) => {
      const before = [...new Set(ids)].map((id) => paper(`p${id}`, 0));
      const after = [...before];
      for (const [kind, at] of edits) {
        const where = after.length === 0 ? 0 : at % after.length;
        if (kind === 'change' && after.length > 0) after[where] = paper(after[where].id, at + 1);
        else if (kind === 'drop') after.splice(where, 1);
        else if (kind === 'add' && !after.some((known) => known.id === `q${at}`)) after.splice(where, 0, paper(`q${at}`, 0));
        else if (kind === 'move' && after.length > 0) after.push(...after.splice(where, 1));
      }
      const now = new Map(after.map((known) => [known.id, known]));
      const then = new Map(before.map((known) => [known.id, known]));
      const expected = { removed: before.filter((known) => now.get(known.id) !== known).map((known) => known.id), added: after.filter((known) => then.get(known.id) !== known) };
      const found = paperChanges(before, after);
      assert.deepEqual(new Set(found.removed), new Set(expected.removed));
      assert.deepEqual(new Set(found.added), new Set(expected.added));
    }), { numRuns: 300 });
  });
});
