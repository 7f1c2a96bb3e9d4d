import assert from 'node:assert/strict';
import { commentStyle, wrapAsComment } from '../../../src/core/citations/comment';

const TEXT = 'Paper Scout: S²FT: Efficient LLM Fine-tuning (n.d.) <https://huggingface.co/papers?q=S2FT>';

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
    assert.equal(wrapAsComment(TEXT, 'xml'), `<!-- ${TEXT} -->`);
    assert.equal(wrapAsComment(TEXT, 'markdown'), `<!-- ${TEXT} -->`);
    assert.equal(wrapAsComment(TEXT, 'css'), `/* ${TEXT} */`);
  });

  it('defuses an end marker inside a block comment', () => {
    assert.equal(wrapAsComment('a --> b', 'html'), '<!-- a - - > b -->');
    assert.equal(wrapAsComment('a */ b', 'css'), '/* a * / b */');
  });

  it('prefixes every line, and puts a multi-line block on lines of its own', () => {
    assert.equal(wrapAsComment('one\n\ntwo', 'python'), '# one\n#\n# two');
    assert.equal(wrapAsComment('one\ntwo', 'html'), '<!--\none\ntwo\n-->');
  });

  it('leaves plain text and JSON alone and gives unknown languages //', () => {
    assert.equal(wrapAsComment(TEXT, 'plaintext'), TEXT);
    assert.equal(wrapAsComment(TEXT, 'json'), TEXT);
    assert.deepEqual(commentStyle('some-new-language'), { line: '//' });
  });
});
