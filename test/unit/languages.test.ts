import assert from 'node:assert/strict';
import { citationSyntax, citationSyntaxOfFile, isProseLanguage, LATEX_LANGUAGES, MARKDOWN_LANGUAGES } from '../../src/core/languages';
import { readManifest } from './manifest';

describe('languages: the one list of prose languages', () => {
  it('sorts languages into Markdown, LaTeX and code', () => {
    assert.deepEqual(['markdown', 'quarto', 'latex', 'tex', 'python', 'plaintext'].map(citationSyntax),
      ['markdown', 'markdown', 'latex', 'latex', 'code', 'code']);
  });

  it('takes citations as written in prose and bibliography languages only', () => {
    for (const language of [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES, 'bibtex', 'plaintext']) assert.ok(isProseLanguage(language), language);
    for (const language of ['python', 'typescript', 'css', 'json']) assert.ok(!isProseLanguage(language), language);
  });

  it('tells a file\'s citation syntax by its extension, in any case', () => {
    assert.deepEqual(['a.md', 'b.QMD', 'c/d.Rmd', 'e.tex', 'f.ltx', 'g.py', 'README', 'x.md/y.txt'].map(citationSyntaxOfFile),
      ['markdown', 'markdown', 'markdown', 'latex', 'latex', 'code', 'code', 'code']);
  });

  it('activates the extension for every Markdown and LaTeX language, and for no other language', () => {
    const onLanguage = (readManifest().activationEvents ?? []).filter((event) => event.startsWith('onLanguage:')).map((event) => event.slice('onLanguage:'.length));
    assert.deepEqual([...onLanguage].sort(), [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES].sort());
  });
});
