import assert from 'node:assert/strict';
import { citationForLanguage as forLanguage, planInsertion } from '../../../src/citations/citationText';
import { takesCitationsAsWritten } from '../../../src/core/languages';
import { formatCitation, type CitationFormat } from '../../../src/core/citations/formats';
import type { Paper } from '../../../src/core/types';

const paper: Paper = {
  id: 's2ft', key: 's2ft2024', title: 'S$^{2}$FT: Efficient Fine-Tuning', abstract: 'We propose S2FT.',
  published: '2024-12-09', upvotes: 3, authorsCount: 5, organization: null, topics: ['Parameter-Efficient Fine-Tuning'],
  links: [], sources: ['page.txt'],
};

/** A paper whose every text field holds each character some language reads as a line break. */
function makeHostile(): Paper {
  const breaks = 'a\rb\nc\u0085d\u2028e\u2029f\u000bg\u000ch';
  return { ...paper, title: `T ${breaks}`, organization: `O ${breaks}`, topics: [`Topic ${breaks}`], published: null };
}

const citationForLanguage = (cited: Paper, format: CitationFormat, languageId: string) => forLanguage(formatCitation(cited, format), format, languageId);

describe('citations: citation text for a document', () => {
  it('keeps prose formats as they read in Markdown and LaTeX', () => {
    assert.deepEqual(citationForLanguage(paper, 'latex', 'latex'), { text: '\\cite{s2ft2024}', lineComment: false });
    assert.match(citationForLanguage(paper, 'markdown', 'markdown').text, /^\[S²FT: Efficient Fine-Tuning\]\(https:/);
    assert.ok(takesCitationsAsWritten('markdown') && takesCitationsAsWritten('latex') && !takesCitationsAsWritten('python'));
  });

  it('writes any format as a comment in code, line or block as the language has', () => {
    const python = citationForLanguage(paper, 'comment', 'python');
    assert.equal(python.lineComment, true);
    assert.match(python.text, /^# S²FT: Efficient Fine-Tuning \(2024\), https:/);
    const bibtex = citationForLanguage(paper, 'bibtex', 'rust');
    assert.match(bibtex.text, /^\/\/ @misc\{s2ft2024, title = \{\{S\$\^\{2\}\$FT: Efficient Fine-Tuning\}\}, year = \{2024\},[^\n]*\}$/, bibtex.text);
    const css = citationForLanguage(paper, 'comment', 'css');
    assert.equal(css.lineComment, false);
    assert.match(css.text, /^\/\* .* \*\/$/);
    assert.match(citationForLanguage(paper, 'comment', 'latex').text, /^% S²FT: Efficient Fine-Tuning \(2024\), https:/);
  });

  it('puts a line comment at the cursor only where it cannot swallow code', () => {
    const comment = { text: '# cite', lineComment: true };
    assert.deepEqual(planInsertion(comment, '', 0, 0), { line: 0, character: 0, text: '# cite' });
    assert.deepEqual(planInsertion(comment, 'x = 1', 3, 5), { line: 3, character: 5, text: ' # cite' });
    assert.deepEqual(planInsertion(comment, '    return g(x)', 2, 13), { line: 2, character: 0, text: '    # cite\n' });
    const twoLines = { text: '# a\n# b', lineComment: true };
    assert.deepEqual(planInsertion(twoLines, '  ', 1, 2), { line: 1, character: 2, text: '# a\n  # b' });
    assert.deepEqual(planInsertion(twoLines, '  x = 1', 1, 7), { line: 1, character: 0, text: '  # a\n  # b\n' });
  });

  it('joins a comment open at the cursor without a second marker, in every comment syntax', () => {
    const joined = forLanguage('GaLore (n.d.), https://x', 'comment', 'python', 'x = 1  # memory trick from ');
    assert.deepEqual(joined, { text: 'GaLore (n.d.), https://x', lineComment: false });
    assert.deepEqual(planInsertion(joined, 'x = 1  # memory trick from ', 0, 27), { line: 0, character: 27, text: 'GaLore (n.d.), https://x' });
    assert.equal(forLanguage('GaLore', 'comment', 'typescript', 'f(); // see').text, ' GaLore');
    assert.equal(forLanguage('a */ b', 'comment', 'css', '/* see ').text, 'a * / b');
    assert.equal(forLanguage('a --> b', 'comment', 'markdown', '<!-- see ').text, 'a - -> b');
    assert.equal(forLanguage('x', 'latex', 'latex', '% see ').text, 'x', 'a prose format in a LaTeX comment stays as it reads');
  });

  it('starts a comment of its own where the marker is inside a string, not a comment', () => {
    const citation = forLanguage('GaLore', 'comment', 'python', 'url = "a # b" + ');
    assert.deepEqual(citation, { text: '# GaLore', lineComment: true });
  });

  it('keeps every line break of every field out of a citation in code', () => {
    const hostile = makeHostile();
    for (const [languageId, before] of [['python', ''], ['python', '# see '], ['javascript', 'x(); // '], ['html', '<!-- '], ['c', '/* ']]) {
      const { text } = citationForLanguage(hostile, 'comment', languageId);
      assert.ok(!/[\r\n\u0085\u2028\u2029]/.test(text), `${languageId}: ${JSON.stringify(text)}`);
      const joined = forLanguage(formatCitation(hostile, 'bibtex'), 'bibtex', languageId, before).text;
      assert.ok(!/[\r\n\u0085\u2028\u2029]/.test(joined), `${languageId} after ${before}: ${JSON.stringify(joined)}`);
    }
  });

  it('inserts prose and block comments exactly at the cursor', () => {
    assert.deepEqual(planInsertion({ text: '\\cite{k}', lineComment: false }, 'see  here', 0, 4), { line: 0, character: 4, text: '\\cite{k}' });
  });
});
