import assert from 'node:assert/strict';
import { citationSyntax, citationSyntaxOfFile, isProseLanguage, LATEX_LANGUAGES, MARKDOWN_LANGUAGES } from '../../src/core/languages';
import { activationLanguages, servedLanguages } from '../../src/core/sourceText/languages';
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

  it('serves prose, LaTeX, BibTeX and code with comments, and no data or configuration language', () => {
    const served = servedLanguages();
    for (const language of [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES, 'bibtex', 'plaintext', 'python', 'typescript', 'rust', 'r', 'julia', 'cpp', 'html']) {
      assert.ok(served.includes(language), language);
    }
    for (const language of ['json', 'jsonc', 'yaml', 'toml', 'ini', 'log', 'Log', 'csv', 'git-commit', 'scminput', 'dotenv']) assert.ok(!served.includes(language), language);
    assert.deepEqual(served, [...new Set(served)].sort(), 'sorted, each once');
  });

  it('activates the extension for the languages it serves but plain text, which VS Code uses for its own input boxes', () => {
    const onLanguage = (readManifest().activationEvents ?? []).filter((event) => event.startsWith('onLanguage:')).map((event) => event.slice('onLanguage:'.length));
    assert.deepEqual(onLanguage, activationLanguages());
    assert.deepEqual(servedLanguages().filter((language) => !onLanguage.includes(language)), ['plaintext']);
  });
});
