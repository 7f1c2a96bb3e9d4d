import assert from 'node:assert/strict';
import { documentFormat, latexCitationFormat, usesPandocCitations } from '../../../src/core/insertion/documentStyle';

describe('documentStyle: Markdown', () => {
  it('uses pandoc citations when it cites a key in brackets', () => {
    assert.equal(usesPandocCitations('As shown [@galore].'), true);
    assert.equal(usesPandocCitations('As shown [see -@galore, p. 3; @awq].'), true);
    assert.equal(usesPandocCitations('Wrapped [see\n@galore].'), false, 'a bracket on another line is not counted');
  });

  it('uses pandoc citations when its front matter declares a bibliography or a style', () => {
    assert.equal(usesPandocCitations('---\ntitle: Notes\nbibliography: refs.bib\n---\n\nText.'), true);
    assert.equal(usesPandocCitations('---\nreferences:\n- id: a\n...\nText.'), true);
    assert.equal(usesPandocCitations('---\ntitle: Notes\n---\n\nbibliography: not front matter'), false);
  });

  it('does not for mentions, e-mail addresses, links or code', () => {
    assert.equal(usesPandocCitations('ping @ann, write to me@example.com, see [the docs](https://x.io/@a).'), false);
    assert.equal(usesPandocCitations('Code: `[@key]` and\n\n```\n[@key]\n```\n'), false);
    assert.equal(usesPandocCitations('A [link] then @ann.'), false);
  });

  it('gives [@key] to a document that uses pandoc, the Markdown link to one that does not', () => {
    assert.equal(documentFormat('As shown [@galore].', 'markdown'), 'pandoc');
    assert.equal(documentFormat('Plain notes.', 'markdown'), 'markdown');
    assert.equal(documentFormat('As shown [@galore].', 'quarto'), 'pandoc');
  });
});

describe('documentStyle: LaTeX', () => {
  it('cites with the command the document uses', () => {
    assert.equal(latexCitationFormat('See \\citep{a} and \\citet{b}.'), 'citep');
    assert.equal(latexCitationFormat('See \\autocite{a} and \\textcite{b}.'), 'autocite');
    assert.equal(latexCitationFormat('See \\cite{a}.'), 'latex');
    assert.equal(latexCitationFormat('See \\cite{a}, \\parencite{b}, \\parencite{c} and \\citep{d}.'), 'autocite');
  });

  it('follows the package loaded when nothing is cited yet', () => {
    assert.equal(latexCitationFormat('\\usepackage[round]{natbib}\n\\begin{document}'), 'citep');
    assert.equal(latexCitationFormat('\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{refs.bib}'), 'autocite');
    assert.equal(latexCitationFormat('\\usepackage{amsmath,natbib}'), 'citep');
    assert.equal(latexCitationFormat('\\documentclass{article}'), 'latex');
  });

  it('is linear on hostile preambles', () => {
    assert.equal(latexCitationFormat(`\\usepackage${' '.repeat(100000)}[${'a'.repeat(100000)}`), 'latex');
    assert.equal(latexCitationFormat(`\\${'a'.repeat(200000)}cit`), 'latex');
  });
});

describe('documentStyle: other languages', () => {
  it('gives BibTeX to .bib files, plain text to other prose, a comment to code', () => {
    assert.equal(documentFormat('', 'bibtex'), 'bibtex');
    assert.equal(documentFormat('', 'plaintext'), 'plain');
    assert.equal(documentFormat('', 'python'), 'comment');
  });
});
