import assert from 'node:assert/strict';
import fc from 'fast-check';
import { baseCitationKey } from '../../../src/core/citations/citationKey';
import { readableTitle } from '../../../src/core/citations/latexText';

// Issue 13, items 3 and 7: a title's LaTeX is rendered without deep recursion (nesting at any depth
// neither overflows the stack nor takes quadratic time) and without prototype lookups (`\constructor`
// is an unknown command, not Object's). Time ratios belong in `npm run bench` (hostileLatexRatio).

describe('readable titles from hostile LaTeX', () => {
  it('renders nesting of any depth, at several sizes, keeping the letters', () => {
    for (const depth of [10, 1000, 5000, 20000]) {
      const superscripts = `Deep $${'x^{'.repeat(depth)}y${'}'.repeat(depth)}$ Title`;
      const accents = `${'\\"{'.repeat(depth)}o${'}'.repeat(depth)} Title`;
      const braces = `${'{'.repeat(depth)}Braced${'}'.repeat(depth)} Title`;
      for (const title of [superscripts, accents, braces]) {
        const text = readableTitle(title);
        assert.ok(text.endsWith('Title'), `${depth}: ${text.slice(-40)}`);
        assert.ok(!/[{}$\\]/.test(text), `${depth}: no LaTeX left in ${text.slice(0, 40)}`);
      }
      assert.match(baseCitationKey(superscripts, '2024-01-03'), /^deep.*2024$/);
    }
  });

  it('renders the shallow nesting real titles use as before', () => {
    assert.equal(readableTitle('S$^{2}$FT: Efficient'), 'S²FT: Efficient');
    assert.equal(readableTitle('Schr\\"{o}dinger and $x^{y^{2}}$'), 'Schrödinger and x^(y²)');
  });

  it('never reads a command or character from Object.prototype', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf', 'isPrototypeOf']) {
      const text = readableTitle(`\\${name}: a paper $^{${name}}$`);
      assert.ok(!/native code|function|\[object/.test(text), text);
    }
    fc.assert(fc.property(fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)), fc.string({ maxLength: 8 }), (name, rest) => {
      assert.ok(!/native code/.test(readableTitle(`\\${name}${rest} $_${name}$`)));
    }));
  });
});
