import assert from 'node:assert/strict';
import {
  activationLanguages, citationSyntax, commentStyle, commentSyntax, fileExtensionsOfKind, knownExtensions, LANGUAGES, languageIdForPath,
  languagesOfKind, LATEX_LANGUAGES, MARKDOWN_LANGUAGES, servedLanguages, takesCitationsAsWritten, textKind,
} from '../../src/core/languages';
import { readManifest } from './manifest';

describe('languages: the one table of languages', () => {
  it('sorts languages into Markdown, LaTeX, bibliographies, prose and code; an unknown id is code', () => {
    assert.deepEqual(['markdown', 'quarto', 'mdx', 'latex', 'tex', 'context', 'rsweave', 'bibtex', 'biblatex', 'plaintext', 'git-commit', 'python', 'json', 'no-such-language'].map(textKind),
      ['markdown', 'markdown', 'markdown', 'latex', 'latex', 'latex', 'latex', 'bibtex', 'bibtex', 'prose', 'prose', 'code', 'code', 'code']);
  });

  it('reads ConTeXt as LaTeX everywhere: its kind, its citations, its comments, its activation', () => {
    assert.equal(textKind('context'), 'latex');
    assert.equal(citationSyntax('context'), 'latex');
    assert.deepEqual(commentStyle('context'), { line: '%' });
    assert.ok(LATEX_LANGUAGES.includes('context'));
    assert.equal(languageIdForPath('slides.mkiv'), 'context');
  });

  it('keeps BibTeX apart from prose: entries define keys, and a citation goes in as written', () => {
    assert.notEqual(textKind('bibtex'), 'prose');
    assert.ok(!languagesOfKind('prose').includes('bibtex'));
    assert.equal(citationSyntax('bibtex'), 'code');
    assert.ok(takesCitationsAsWritten('bibtex'));
    assert.deepEqual(commentStyle('bibtex'), { line: '%' });
  });

  it('takes citations as written in every language but code, and as a comment in code', () => {
    for (const [id, language] of Object.entries(LANGUAGES)) assert.equal(takesCitationsAsWritten(id), language.kind !== 'code', id);
    assert.ok(!takesCitationsAsWritten('some-new-language'));
  });

  it('tells a file\'s language by its ending or name, in any case, and nothing for what it does not read', () => {
    assert.deepEqual(['a.md', 'b.QMD', 'c/d.Rmd', 'e.mdx', 'f.tex', 'g.ltx', 'h.sty', 'i.dtx', 'j.Rnw', 'k.bib', 'l.txt', 'm.py', 'C:\\x\\Makefile', 'Dockerfile', 'CMakeLists.txt', 'Makefile.am', 'n.png', 'README', '.bib'].map(languageIdForPath),
      ['markdown', 'quarto', 'rmd', 'mdx', 'latex', 'latex', 'latex', 'doctex', 'rsweave', 'bibtex', 'plaintext', 'python', 'makefile', 'dockerfile', 'cmake', 'makefile', undefined, undefined, undefined]);
    assert.deepEqual(['a.md', 'b.QMD', 'c/d.Rmd', 'e.tex', 'f.ltx', 'g.py', 'README', 'x.md/y.txt'].map((path) => citationSyntax(languageIdForPath(path) ?? '')),
      ['markdown', 'markdown', 'markdown', 'latex', 'latex', 'code', 'code', 'code']);
  });

  it('gives each file ending and name to one language only, in lower case without a dot', () => {
    const owners = new Map<string, string[]>();
    for (const [id, language] of Object.entries(LANGUAGES)) {
      for (const ending of [...(language.extensions ?? []), ...(language.names ?? []).map((name) => `name:${name}`)]) owners.set(ending, [...(owners.get(ending) ?? []), id]);
    }
    for (const [ending, ids] of owners) {
      assert.equal(ids.length, 1, `${ending} belongs to ${ids.join(' and ')}`);
      assert.match(ending, /^(name:[a-z0-9.]+|[a-z0-9]+)$/, ending);
    }
    assert.deepEqual(new Set(knownExtensions()), new Set([...owners.keys()].filter((ending) => !ending.startsWith('name:'))));
    assert.deepEqual(new Set(fileExtensionsOfKind('markdown')), new Set(['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'qmd', 'rmd', 'mdx']));
    for (const extension of knownExtensions()) assert.equal(textKind(languageIdForPath(`file.${extension}`)!), LANGUAGES[languageIdForPath(`file.${extension}`)!].kind);
  });

  it('writes comments as each language does: HTML in Markdown, % in LaTeX, none in plain text and data, // where unknown', () => {
    for (const id of MARKDOWN_LANGUAGES.filter((language) => language !== 'mdx')) assert.deepEqual(commentStyle(id), { block: ['<!--', '-->'] }, id);
    assert.deepEqual(commentStyle('mdx'), { block: ['{/*', '*/}'] });
    for (const id of [...LATEX_LANGUAGES, ...languagesOfKind('bibtex')]) assert.deepEqual(commentStyle(id), { line: '%' }, id);
    assert.equal(commentStyle('plaintext'), null);
    assert.equal(commentStyle('json'), null);
    assert.deepEqual(commentStyle('git-commit'), { line: '#' });
    assert.deepEqual(commentStyle('python'), { line: '#' });
    assert.deepEqual(commentStyle('some-new-language'), { line: '//' });
    assert.deepEqual(commentStyle('constructor'), { line: '//' }, 'an id that is a property of every object is still unknown');
  });

  it('reads comments with what each language adds: C blocks after //, docstrings, long strings, no quotes in markup', () => {
    assert.deepEqual(commentSyntax('typescript'), { line: ['//'], blocks: [['/*', '*/']], quotes: ['"', "'"], longStrings: ['`'], docstrings: false });
    assert.deepEqual(commentSyntax('python'), { line: ['#'], blocks: [], quotes: ['"', "'"], longStrings: ['"""', "'''"], docstrings: true });
    assert.deepEqual(commentSyntax('php').line, ['//', '#']);
    assert.deepEqual(commentSyntax('julia').blocks, [['#=', '=#']]);
    assert.deepEqual(commentSyntax('html'), { line: [], blocks: [['<!--', '-->']], quotes: [], longStrings: [], docstrings: false });
    assert.deepEqual(commentSyntax('clojure').quotes, ['"']);
    assert.deepEqual(commentSyntax('plaintext'), { line: [], blocks: [], quotes: ['"', "'"], longStrings: [], docstrings: false });
  });

  it('serves prose, LaTeX, BibTeX and code with comments, and no data or configuration language', () => {
    const served = servedLanguages();
    for (const language of [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES, 'bibtex', 'plaintext', 'python', 'typescript', 'rust', 'r', 'julia', 'cpp', 'html']) {
      assert.ok(served.includes(language), language);
    }
    for (const language of ['json', 'jsonc', 'yaml', 'toml', 'ini', 'log', 'Log', 'csv', 'git-commit', 'scminput', 'dotenv', 'no-such-language']) assert.ok(!served.includes(language), language);
    assert.deepEqual(served, [...new Set(served)].sort(), 'sorted, each once');
  });

  it('activates the extension for the languages it serves but plain text, which VS Code uses for its own input boxes', () => {
    const onLanguage = (readManifest().activationEvents ?? []).filter((event) => event.startsWith('onLanguage:')).map((event) => event.slice('onLanguage:'.length));
    assert.deepEqual(onLanguage, activationLanguages());
    assert.deepEqual(servedLanguages().filter((language) => !onLanguage.includes(language)), ['plaintext']);
    for (const language of [...MARKDOWN_LANGUAGES, ...LATEX_LANGUAGES]) assert.ok(onLanguage.includes(language), language);
  });
});
