import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assignTopics, compileTopics, MAX_TOPIC_ABSTRACT, MAX_TOPIC_TITLE } from '../../../src/core/topics/assignTopics';
import { compileTerm, mayMatch, textWindows, wordsOf, type TermMatcher } from '../../../src/core/topics/termMatcher';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { parseUserTopics } from '../../../src/core/topics/userTopics';
import type { TopicTerm } from '../../../src/core/types';

// Topic terms from settings must never hang the host (issue 13, item 1). Correctness only here: what is
// accepted, what is refused with which message, and that accepted patterns count what JavaScript's own
// engine counts. The time ratio against benign patterns is `hostileTopicRatio` in `npm run bench`.

const SETTING = 'paperScout.topics';
let topicCount = 0;
const topicOf = (term: TopicTerm): unknown => ({ name: `Mine ${topicCount++}`, icon: 'tag', description: '', terms: [term] });

function matcherOf(term: TopicTerm): TermMatcher {
  const compiled = compileTerm(term);
  assert.ok(!('problem' in compiled), `refused ${term.match}: ${'problem' in compiled ? compiled.problem : ''}`);
  return compiled;
}

/** What JavaScript's own (backtracking) engine counts: the reference on texts short enough for it. */
/**
 * What a regular-expression term counts, by JavaScript's own engine: nothing when the text does not
 * match; else the windows of the text (`textWindows`) it matches in, at least one, at most `limit`.
 */
function windowCount(source: string, text: string, limit: number): number {
  const regex = new RegExp(source, 'u');
  if (!regex.test(text)) return 0;
  let count = 0;
  for (const window of textWindows(text)) if (regex.test(window) && ++count >= limit) break;
  return Math.max(1, count);
}

/** Catastrophic shapes for a backtracking engine: nested quantifiers, overlapping alternatives, counted repeats. */
const hostileShape = fc
  .tuple(
    fc.constantFrom('\\w', '\\d', '.', 'a', '[a-z]', '\\s', '\\w\\s?', 'a|a', 'a|aa', '\\w|\\d', '.*a', 'x+x+'),
    fc.constantFrom('+', '*', '{2,}', '{1,30}'),
    fc.constantFrom('+', '*', '{25}', '{2,40}'),
    fc.constantFrom('', '^'),
    fc.constantFrom('$', ':$', 'b', '!', ''),
  )
  .map(([inner, innerQ, outerQ, start, end]) => `${start}((?:${inner})${innerQ})${outerQ}${end}`);

describe('topic patterns from settings (hostile input)', function () {
  this.timeout(120000);

  it('runs the shapes of the issue in linear time with the right answer, at several sizes', () => {
    const shapes = [String.raw`^(\w+\s?)+$`, String.raw`(\w+\s?)+:$`, '(.*a){25}'];
    const rules = parseUserTopics(shapes.map((match, index) => ({ name: `T${index}`, terms: [{ match, weight: 5, regex: true }] })), SETTING);
    assert.deepEqual(rules.diagnostics, []);
    const { topics } = compileTopics(rules.rules);
    const [whole, colon, manyA] = shapes.map((match) => matcherOf({ match, weight: 5, regex: true }));
    for (const size of [10, 1000, 100000]) {
      const words = 'word '.repeat(size);
      assert.deepEqual([whole.count(`${words}!`, 3), whole.count(words, 3)], [0, 1], `${size} words`);
      assert.deepEqual([colon.count(`${words}!`, 3), colon.count(`${words}:`, 3)], [0, 1], `${size} words`);
      // Each window of 400 characters with 25 a's counts: three of them once the text is long enough.
      assert.deepEqual([manyA.count('b'.repeat(size), 3), manyA.count(`${'a'.repeat(size)}!`, 3)], [0, size >= 25 ? windowCount('(.*a){25}', `${'a'.repeat(size)}!`, 3) : 0], `${size} a's`);
      assert.equal(manyA.count(`${'a'.repeat(size)}!`, 3), size >= 1000 ? 3 : 0, `${size} a's in windows`);
      assert.deepEqual(assignTopics('Title!', `${words}!`, topics), ['Other'], `${size} words then "!"`);
      assert.deepEqual(assignTopics('Title words:', `${words}!`, topics), ['T1']);
    }
  });

  it('accepts generated hostile shapes as linear-time patterns that count what JavaScript counts, or refuses them with a reason', () => {
    let accepted = 0;
    fc.assert(
      // Texts of at most 10 characters: JavaScript's own engine needs seconds for some shapes beyond that.
      fc.property(hostileShape, fc.stringMatching(/^[ab1 x:!]{0,10}$/), (source, text) => {
        const { rules, diagnostics } = parseUserTopics([topicOf({ match: source, weight: 4, regex: true })], SETTING);
        if (rules.length === 0) {
          // Only nested counts RE2 will not expand (over 1000 copies, or a program over 500) are refused.
          assert.equal(diagnostics.length, 1);
          assert.equal(diagnostics[0].path, '[0].terms[0].match');
          assert.match(diagnostics[0].message, /invalid repeat count|too complex/, source);
          return;
        }
        accepted++;
        assert.deepEqual(diagnostics, [], source);
        assert.equal(matcherOf({ match: source, weight: 4, regex: true }).count(text, 3), windowCount(source, text, 3), `${source} on "${text}"`);
      }),
      { numRuns: 400 },
    );
    assert.ok(accepted > 200, `${accepted} of 400 accepted`);
  });

  it('finishes generated hostile shapes on long adversarial texts, with the same count at every length', () => {
    fc.assert(
      fc.property(hostileShape, fc.constantFrom('a', 'x', '1', 'word ', 'b'), (source, unit) => {
        const compiled = compileTerm({ match: source, weight: 4, regex: true });
        if ('problem' in compiled) return;
        // One unit repeated then "!": past the largest repeat count (40 x 30) the answer no longer depends on the length.
        const counts = [2000, 20000].map((size) => compiled.count(`${unit.repeat(size)}!`, 3));
        assert.equal(counts[0], counts[1], source);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses backreferences, lookahead, huge repeats and invalid syntax, naming the setting and the entry', () => {
    const entries = [
      topicOf({ match: 'fine', weight: 1 }),
      topicOf({ match: String.raw`(\w+)\1`, weight: 1, regex: true }),
      topicOf({ match: 'RAG(?![a-z])', weight: 1, regex: true }),
      topicOf({ match: '(a{1000}){1000}', weight: 1, regex: true }),
      topicOf({ match: '[\\s\\S]{900}', weight: 1, regex: true }),
      topicOf({ match: '([unclosed', weight: 1, regex: true }),
      topicOf({ match: 'a*b*c', weight: 1 }),
    ];
    const { rules, diagnostics } = parseUserTopics(entries, SETTING);
    assert.equal(rules.length, 1);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.path]), [2, 3, 4, 5, 6, 7].map((index) => [SETTING, `[${index - 1}].terms[0].match`]));
    const messages = diagnostics.map((d) => d.message);
    assert.match(messages[0], /cannot be matched in linear time/);
    assert.match(messages[1], /cannot be matched in linear time/);
    assert.match(messages[2], /cannot be matched in linear time/);
    assert.match(messages[3], /too complex/);
    assert.match(messages[4], /not a valid regular expression/);
    assert.match(messages[5], /must end a word/);
  });

  it('reads at most the first 8,000 characters of an abstract, so a 1 MB abstract costs what a long real one does', () => {
    const { topics } = compileTopics([...DEFAULT_TOPICS, ...parseUserTopics([topicOf({ match: '(.*a){25}', weight: 5, regex: true })], SETTING).rules]);
    const start = 'We quantize the weights of large language models to 4-bit with low-rank adapters (LoRA). ';
    const huge = `${start.repeat(80)}${'Pruning and sparsity of experts in a mixture of experts. '.repeat(20_000)}`;
    assert.ok(huge.length > 1_000_000);
    assert.deepEqual(assignTopics('A Title', huge, topics), assignTopics('A Title', huge.slice(0, MAX_TOPIC_ABSTRACT), topics));
    assert.deepEqual(assignTopics('x'.repeat(MAX_TOPIC_TITLE) + ' Pruning', start, topics), assignTopics('x'.repeat(MAX_TOPIC_TITLE), start, topics), 'a title past its limit');
  });

  it('still accepts ordinary patterns and phrases', () => {
    const benign = [String.raw`\bLoRA\b`, String.raw`\b(LLM|LLMs)\b`, 'quantiz(e|ation|ed)', String.raw`(?<![A-Za-z])RAG\b`, String.raw`\d+-bit`, String.raw`\b\w+former\b`, String.raw`\p{Lu}{3,}`, 'NeRF|Gaussian splatting', String.raw`\bGPT-\d+\b`, String.raw`KV[ -]cache`];
    const phrases = ['quantiz*', 'sparse* model*', 'low-bit', 'n:m', 'mixture of experts', 'fine-tun*', '2:4'];
    const entries = [...benign.map((match) => topicOf({ match, weight: 2, regex: true })), ...phrases.map((match) => topicOf({ match, weight: 2 }))];
    assert.deepEqual(parseUserTopics(entries, SETTING).diagnostics, []);
    assert.deepEqual(compileTopics(DEFAULT_TOPICS).diagnostics, [], 'every bundled term compiles');
    fc.assert(
      fc.property(fc.constantFrom(...benign), fc.stringMatching(/^[A-Za-z0-9 \-:]{0,40}$/), (source, text) => {
        assert.equal(matcherOf({ match: source, weight: 1, regex: true }).count(text, 3), windowCount(source, text, 3));
      }),
      { numRuns: 400 },
    );
  });

  it('skips a text by its words only when the phrase cannot match it', () => {
    const phrases = DEFAULT_TOPICS.flatMap((rule) => rule.terms).filter((term) => !term.regex);
    const letters = fc.constantFrom('q', 'u', 'a', 'n', 't', 'i', 'z', 'Q', 'S', 's', '\u017f', 'k', 'K', '\u212a', 'é', '-', ' ', '1', 'b', 'l', 'o', 'w');
    fc.assert(
      fc.property(fc.constantFrom(...phrases), fc.array(letters, { maxLength: 30 }), fc.nat(40), (term, noise, at) => {
        const words = term.match.replace(/\*/g, 'ing');
        const text = noise.slice(0, at).join('') + (at % 3 === 0 ? words.toUpperCase() : words) + noise.slice(at).join('');
        const matcher = matcherOf(term);
        if (matcher.count(text, 1) > 0) assert.ok(mayMatch(matcher.needle, wordsOf(text), (prefix) => [...wordsOf(text)].some((word) => word.startsWith(prefix))), `${term.match} in "${text}"`);
      }),
      { numRuns: 2000 },
    );
    // Every character that matches an ASCII letter or digit case-insensitively folds to exactly that one.
    for (let code = 0x80; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (code >= 0xd800 && code <= 0xdfff) continue;
      for (const ascii of 'abcdefghijklmnopqrstuvwxyz0123456789') {
        if (new RegExp(ascii, 'iu').test(char)) assert.deepEqual([...wordsOf(char)], [ascii], `U+${code.toString(16)}`);
      }
    }
  });
});
