import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch/posix';
import { compileGlobs, globToRegExp, MAX_GLOB_LENGTH } from '../../../src/core/glob';

// Issue 24, item 6: exclude globs from files.exclude, search.exclude and `refs --exclude` are
// matched by RE2 (no backtracking). picomatch, the backtracking matcher used before, is the oracle
// for what a glob means on generated short globs and paths; the time a hostile glob costs is
// `hostileGlobRatio` in `npm run bench`.

const matches = (glob: string, path: string): boolean => compileGlobs([glob]).matches(path);

describe('exclude globs (linear, on RE2)', () => {
  it('reads VS Code glob syntax: *, ?, **, {a,b}, [0-9], [!0-9], escapes, dot files', () => {
    assert.equal(matches('**/node_modules', 'node_modules'), true);
    assert.equal(matches('**/node_modules', 'a/b/node_modules'), true);
    assert.equal(matches('**/node_modules', 'a/node_modules/x'), false, 'the folder, not what is in it (PathFilter checks parents)');
    assert.equal(matches('drafts/*.md', 'drafts/a.md'), true);
    assert.equal(matches('drafts/*.md', 'drafts/sub/a.md'), false, '* stays within a segment');
    assert.equal(matches('drafts/**/*.md', 'drafts/sub/deeper/a.md'), true);
    assert.equal(matches('drafts/**/*.md', 'drafts/a.md'), true, '** may stand for no folder');
    assert.equal(matches('out/**', 'out/a/b.tex'), true);
    assert.equal(matches('**/*.{tmp,bak}', 'x/y.bak'), true);
    assert.equal(matches('**/*.{tmp,bak}', 'x/y.tex'), false);
    assert.equal(matches('v[0-9].tex', 'v7.tex'), true);
    assert.equal(matches('v[!0-9].tex', 'v7.tex'), false);
    assert.equal(matches('v[!0-9].tex', 'vx.tex'), true);
    assert.equal(matches('v?.tex', 'v/.tex'), false, '? is not a separator');
    assert.equal(matches('**/.git', 'a/.git'), true, 'dot files match like others');
    assert.equal(matches('*.md', '.hidden.md'), true);
    assert.equal(matches('a\\*b', 'a*b'), true);
    assert.equal(matches('a\\*b', 'axb'), false);
    assert.equal(matches('{a,{b,c}}.md', 'c.md'), true, 'groups nest');
    assert.equal(matches('a.(x)+|y$^', 'a.(x)+|y$^'), true, 'regular-expression syntax stands for itself');
    assert.equal(matches('[unclosed', '[unclosed'), true);
    assert.equal(matches('{unclosed', '{unclosed'), true);
  });

  it('refuses what it cannot use, and says why, keeping the other patterns', () => {
    const globs = compileGlobs(['x'.repeat(MAX_GLOB_LENGTH + 1), `${'{'.repeat(12)}a${'}'.repeat(12)}`, '**/build']);
    assert.deepEqual(globs.problems.map((problem) => problem.problem), [`longer than ${MAX_GLOB_LENGTH} characters`, 'groups {...} nest deeper than 10']);
    assert.equal(globs.matches('a/build'), true);
  });

  it('matches the hostile glob of the issue, and many such globs at once, against long paths', () => {
    const hostile = '*a*a*a*a*a*a*a*a*a*a*a*a*b';
    const globs = compileGlobs([hostile, '**/*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c', '{*a,*a*a,*a*a*a}{*a,*a*a}*d']);
    const path = 'a'.repeat(4000);
    assert.equal(globs.matches(path), false);
    assert.equal(globs.matches(`${path}b`), true);
  });

  // picomatch reads `[!a]` as the class of `!` and `a` (VS Code, and this matcher, as "not a"): the oracle gets
  // `[^a]`; and its `*` matches nothing after a dot that ends a name (`*.*` misses `a.`): no name ends so.
  it('means what picomatch (the backtracking matcher it replaced) means, on generated globs and paths', () => {
    const segmentPiece = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[^a]', '{a,b}', '{a,bb}', 'x-y');
    const segment = fc.array(segmentPiece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')).filter((part) => part !== '.' && part !== '..');
    const glob = fc.array(fc.oneof(segment, fc.constant('**')), { minLength: 1, maxLength: 4 })
      .map((segments) => segments.join('/'))
      // picomatch reads `**` inside a segment (`**a`) as crossing folders; VS Code, and this matcher, as `*`.
      .filter((pattern) => !/\*\*\/\*\*/.test(pattern) && pattern.split('/').every((part) => part === '**' || !part.includes('**')));
    const path = fc.array(fc.array(fc.constantFrom('a', 'b', '.', 'x', '-', 'y', 'bb'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')).filter((part) => part !== '.' && part !== '..' && !part.endsWith('.')), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
    fc.assert(
      fc.property(glob, path, (pattern, candidate) => {
        // `x/**` also matches the folder `x` itself, as in VS Code (picomatch does so for some `x` only).
        const expected = picomatch(pattern, { dot: true })(candidate) || (pattern.endsWith('/**') && picomatch(pattern.slice(0, -3), { dot: true })(candidate));
        assert.equal(matches(pattern, candidate), expected, `${pattern} on ${candidate} (${globToRegExp(pattern)})`);
      }),
      { numRuns: 4000 },
    );
  });
});
