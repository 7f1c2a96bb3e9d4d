import assert from 'node:assert/strict';
import fc from 'fast-check';
import ts from 'typescript';
import { commentBody, oneLine, wrapAsComment } from '../../../src/core/citations/comment';
import { commentStyle } from '../../../src/core/languages';
import { commentCitationAt, openCommentAt } from '../../../src/core/citations/commentContext';
import { CITATION_FORMATS, formatCitation } from '../../../src/core/citations/formats';
import { renderTemplate, TEMPLATE_PLACEHOLDERS } from '../../../src/core/citations/templates';
import { makePaper } from './fixtures';

const TEXT = 'S²FT: Efficient LLM Fine-tuning (n.d.), https://huggingface.co/papers?q=S2FT';

/** Every character that ends a line in some language, and other control and invisible characters. */
const LINE_BREAKS = ['\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029'];
const HOSTILE = [...LINE_BREAKS, '\u0000', '\u001b', '\u007f', '\u009b', '\u202e', '\u2066', '\u200b', '\ufeff', '\t'];
/** What could end or extend a comment in one language or another. */
const MARKERS = ['*/', '/*', '-->', '--!>', '<!--', '--', '?>', '\\', '^', ' _', '*)', '(*', '*@', '#}', '--}}', '"', '{|', '%', 'coding: latin-1', ' vim: set ft=x:'];

const LINE_LANGUAGES = ['typescript', 'javascript', 'c', 'cpp', 'php', 'rust', 'go', 'python', 'shellscript', 'makefile', 'yaml', 'lua', 'sql', 'haskell', 'latex', 'matlab', 'clojure', 'ini', 'vb', 'vba', 'fortran', 'bat', 'some-new-language'];
const BLOCK_LANGUAGES = ['html', 'xml', 'markdown', 'mdx', 'vue', 'css', 'ocaml', 'pascal', 'razor', 'handlebars', 'jinja', 'twig'];

/** True when `line` is exactly one comment of the language, ending nowhere before its end and not continuing past it. */
function isOneCommentLine(line: string, languageId: string): boolean {
  // eslint-disable-next-line no-control-regex -- line breaks are what this looks for
  if (/[\n\r\u000b\u000c\u0085\u2028\u2029]/.test(line)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/.test(line)) return false;
  if (/coding[:=]|(?<![A-Za-z])vim?:/.test(line)) return false;
  const style = commentStyle(languageId)!;
  if ('line' in style) {
    if (!line.startsWith(`${style.line} `) && line !== style.line) return false;
    if (/\\\s*$/.test(line) || (languageId === 'bat' && /\^\s*$/.test(line)) || (['vb', 'vba'].includes(languageId) && /_\s*$/.test(line))) return false;
    return !(languageId === 'php' && line.includes('?>'));
  }
  const [start, end] = style.block;
  if (!line.startsWith(`${start} `) || !line.endsWith(` ${end}`)) return false;
  const inner = line.slice(start.length, line.length - end.length);
  if (inner.includes(end) || inner.includes(start)) return false;
  if (start === '<!--' && inner.includes('--')) return false;
  if (end.includes('*/') && inner.includes('*/')) return false;
  return !(languageId === 'ocaml' && inner.includes('"'));
}

/** Scans `code` as TypeScript: the kinds of its tokens, trivia included, and the text of each comment. */
function tokens(code: string): { kind: ts.SyntaxKind; text: string }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, code);
  const found: { kind: ts.SyntaxKind; text: string }[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) found.push({ kind, text: scanner.getTokenText() });
  return found;
}

describe('wrapAsComment', () => {
  const lineComments: [prefix: string, languages: string[]][] = [
    ['//', ['typescript', 'javascript', 'rust', 'go', 'c', 'cpp', 'java', 'csharp']],
    ['#', ['python', 'shellscript', 'r', 'julia', 'yaml', 'toml', 'ruby', 'perl']],
    ['--', ['lua', 'sql', 'haskell']],
    ['%', ['latex', 'matlab']],
    [';', ['clojure', 'ini']],
    ["'", ['vb']],
  ];
  for (const [prefix, languages] of lineComments) {
    it(`uses ${prefix} for ${languages.join(', ')}`, () => {
      for (const language of languages) assert.equal(wrapAsComment(TEXT, language), `${prefix} ${TEXT}`, language);
    });
  }

  it('uses block comments for markup and CSS', () => {
    assert.equal(wrapAsComment(TEXT, 'html'), `<!-- ${TEXT} -->`);
    assert.equal(wrapAsComment(TEXT, 'markdown'), `<!-- ${TEXT} -->`);
    assert.equal(wrapAsComment(TEXT, 'css'), `/* ${TEXT} */`);
  });

  it('defuses end markers, -- in HTML, PHP\'s ?> and what would continue a line comment', () => {
    assert.equal(wrapAsComment('a --> b --!> c -- d', 'html'), '<!-- a - -> b - -!> c - - d -->');
    assert.equal(wrapAsComment('a */ b /* c', 'css'), '/* a * / b / * c */');
    assert.equal(wrapAsComment('a (* b *) c "d', 'ocaml'), "(* a ( * b * ) c 'd *)");
    assert.equal(wrapAsComment('ends in a backslash \\', 'c'), '// ends in a backslash');
    assert.equal(wrapAsComment('ends in a caret^', 'bat'), ':: ends in a caret');
    assert.equal(wrapAsComment('continues _', 'vba'), "' continues");
    assert.equal(wrapAsComment('x ?> <?php system("id");', 'php'), '// x ? > <?php system("id");');
    assert.equal(wrapAsComment('-*- coding: latin-1 -*- vim: set x:', 'python'), '# -*- coding : latin-1 -*- vim : set x:');
  });

  it('makes every line break and control character a space: one line, whatever the text', () => {
    assert.equal(wrapAsComment('ACME\ros.system("rm -rf /")', 'python'), '# ACME os.system("rm -rf /")');
    assert.equal(wrapAsComment('a\u2028alert(1)\u2029b\u0085c\r\nd\u202eevil', 'javascript'), '// a alert(1) b c d evil');
    assert.equal(oneLine('one\n\ntwo'), 'one two');
  });

  it('leaves plain text and JSON alone and gives unknown languages //', () => {
    assert.equal(wrapAsComment(TEXT, 'plaintext'), TEXT);
    assert.equal(wrapAsComment(TEXT, 'json'), TEXT);
    assert.equal(wrapAsComment(TEXT, 'some-new-language'), `// ${TEXT}`);
  });

  it('is exactly one comment line for every format and template, with any line break or marker in any field, in every language (property)', () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE, ...MARKERS), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const template = Object.keys(TEMPLATE_PLACEHOLDERS).map((name) => `{${name}}`).join(' \r\n ');
    fc.assert(fc.property(hostile, hostile, hostile, fc.constantFrom(...LINE_LANGUAGES, ...BLOCK_LANGUAGES), (title, organization, topic, languageId) => {
      const paper = makePaper({ title: `T${title}`, organization, topics: [topic], published: '2024-01-02' });
      const texts = [...CITATION_FORMATS.map((format) => formatCitation(paper, format.id)), renderTemplate(template, paper)];
      for (const text of texts) {
        const comment = wrapAsComment(text, languageId);
        assert.ok(isOneCommentLine(comment, languageId), `${languageId}: ${JSON.stringify(comment)}`);
      }
    }), { numRuns: 1500 });
  });

  it('in JavaScript and TypeScript, as TypeScript\'s own scanner reads it, is one comment and the next line is code (property)', () => {
    const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE, ...MARKERS), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(fc.property(hostile, fc.constantFrom('comment', 'bibtex', 'plain', 'markdown'), (field, format) => {
      const paper = makePaper({ title: `T${field}`, organization: field, topics: [field] });
      const comment = wrapAsComment(formatCitation(paper, format), 'typescript');
      const found = tokens(`run();${comment}\nafter();`).filter((token) => token.kind !== ts.SyntaxKind.WhitespaceTrivia);
      assert.deepEqual(found.map((token) => token.kind), [
        ts.SyntaxKind.Identifier, ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.SemicolonToken,
        ts.SyntaxKind.SingleLineCommentTrivia, ts.SyntaxKind.NewLineTrivia,
        ts.SyntaxKind.Identifier, ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.SemicolonToken,
      ], JSON.stringify(comment));
      assert.equal(found[4].text, comment);
    }), { numRuns: 1000 });
  });
});

describe('a citation inside an existing comment', () => {
  it('finds the comment open at the cursor, outside strings and URLs', () => {
    assert.deepEqual(openCommentAt('x = 1  # optimizer memory trick from ', 'python'), { kind: 'line', prefix: '#', leader: '       # ' });
    assert.equal(openCommentAt('s = "# not a comment', 'python'), null);
    assert.equal(openCommentAt('s = "# still a string" + x', 'python'), null);
    assert.equal(openCommentAt('echo $# ${#x}', 'shellscript'), null);
    assert.equal(openCommentAt('fetch("http://x.io") ', 'javascript'), null);
    assert.equal(openCommentAt('fn f<\'a>(x: &\'a str) ', 'rust'), null);
    assert.deepEqual(openCommentAt('fn f<\'a>(x: &\'a str) // see ', 'rust')?.kind, 'line');
    assert.deepEqual(openCommentAt('call(/* see ', 'typescript'), { kind: 'block', start: '/*', end: '*/' });
    assert.equal(openCommentAt('call(/* done */ ', 'typescript'), null);
    assert.deepEqual(openCommentAt(' * See ', 'typescript'), { kind: 'block', start: '/*', end: '*/' });
    assert.equal(openCommentAt('100\\% sure', 'latex'), null);
    assert.deepEqual(openCommentAt('text % note: ', 'latex')?.kind, 'line');
    assert.deepEqual(openCommentAt('<p><!-- see ', 'html'), { kind: 'block', start: '<!--', end: '-->' });
    assert.equal(openCommentAt('# anything', 'plaintext'), null);
  });

  it('joins it without a second marker, and starts a comment elsewhere', () => {
    assert.deepEqual(commentCitationAt(TEXT, 'python', 'x = 1  # optimizer memory trick from '), { text: TEXT, joined: true });
    assert.deepEqual(commentCitationAt(TEXT, 'python', 'x = 1  # from'), { text: ` ${TEXT}`, joined: true });
    assert.deepEqual(commentCitationAt(TEXT, 'python', 'x = 1  '), { text: `# ${TEXT}`, joined: false });
    assert.deepEqual(commentCitationAt('a */ b', 'typescript', 'call(/* see '), { text: 'a * / b', joined: true });
    assert.deepEqual(commentCitationAt('x --> y', 'markdown', 'Text <!-- from '), { text: 'x - -> y', joined: true });
  });

  it('joins any comment with one line that cannot end it (property)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...HOSTILE, ...MARKERS, 'a', ' '), { maxLength: 10 }).map((parts) => parts.join('')), (text) => {
      const body = commentCitationAt(text, 'typescript', 'call(/* see ').text;
      assert.ok(isOneCommentLine(`/* ${body} */`, 'css'), JSON.stringify(body));
      assert.equal(commentCitationAt(text, 'python', '# see ').text, commentBody(text, { line: '#' }, 'python'));
    }), { numRuns: 500 });
  });
});
