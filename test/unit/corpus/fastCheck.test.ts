import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCorpus } from '../../../src/core/corpus/buildCorpus';
import { checkPaperFast, checkTopicFast } from '../../../src/core/corpus/fastCheck';
import { paperSchema } from '../../../src/core/corpus/schema';
import { topicRuleSchema } from '../../../src/core/topics/topicSchema';
import { DEFAULT_TOPICS } from '../../../src/core/topics/taxonomy';
import { readLegacyKeys, readPages } from '../pages';

describe('the hand-written fast check agrees with the zod schema', () => {
  const { corpus } = buildCorpus(readPages(), DEFAULT_TOPICS, { legacyKeys: readLegacyKeys() });
  const fieldValue = fc.oneof(
    fc.constant(null), fc.constant(undefined), fc.integer({ min: -3, max: 3 }), fc.double(), fc.string({ maxLength: 8 }),
    fc.constantFrom('', 'a-b', 'A', '2024-01-01', '2024/01/01', 'https://x.io', 'javascript:x', ' ', 'x_y'),
    // Issue 13: impossible dates, unsafe integers and control characters.
    fc.constantFrom('2025-02-29', '2024-02-29', '1899-12-31', '2101-01-01', '0000-00-00', 'a\u001b[2Jb', 'x\ty', 'bell\u0007', 'c1\u009b', 'line\nbreak', 1e26, 2 ** 53),
    fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('https://a.b', 'ftp://a', 'https://a.b/\u001b', 'x\u0085'), fc.integer()), { maxLength: 3 }),
    fc.constantFrom(['galore_nd'], ['awq2023', 'a:b'], ['Not A Key'], []),
  );

  it('accepts every bundled paper and topic exactly as zod parses them', () => {
    for (const paper of corpus.papers) assert.deepEqual(checkPaperFast(paper), paperSchema.parse(paper));
    for (const topic of corpus.topics) assert.deepEqual(checkTopicFast(topic), topicRuleSchema.parse(topic));
  });

  it('never accepts a mutated paper that zod rejects, and gives zod\'s output when it accepts', () => {
    const keys = ['id', 'key', 'aliases', 'title', 'abstract', 'published', 'upvotes', 'authorsCount', 'organization', 'topics', 'links', 'sources', '__proto__', 'extra'];
    fc.assert(
      fc.property(fc.nat(corpus.papers.length - 1), fc.constantFrom(...keys), fieldValue, (index, key, value) => {
        const mutated: Record<string, unknown> = { ...corpus.papers[index] };
        if (value === undefined) delete mutated[key];
        else Object.defineProperty(mutated, key, { value, enumerable: true, configurable: true, writable: true });
        const fast = checkPaperFast(mutated);
        const slow = paperSchema.safeParse(mutated);
        if (fast) {
          assert.ok(slow.success, `fast check accepted what zod rejects: ${key}=${JSON.stringify(value)}`);
          assert.deepEqual(fast, slow.data);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a mutated topic that zod rejects', () => {
    fc.assert(
      fc.property(fc.nat(DEFAULT_TOPICS.length - 1), fc.constantFrom('name', 'icon', 'description', 'terms'), fieldValue, (index, key, value) => {
        const mutated: Record<string, unknown> = { ...DEFAULT_TOPICS[index], [key]: value };
        const fast = checkTopicFast(mutated);
        if (fast) assert.deepEqual(fast, topicRuleSchema.parse(mutated));
      }),
      { numRuns: 1000 },
    );
  });
});
