/**
 * The shape of a topic rule, as in the bundled taxonomy, a corpus file's `topics` and the
 * `paperScout.topics` setting. Kept with the topics (the corpus schema uses it, never the other way).
 */
import { cleanText } from '../cleanText';
import * as z from '../zod';

/** A topic term: a phrase matched on word boundaries, or a regular expression with `regex: true`. */
export const topicTermSchema = z.object({
  match: z.string().check(z.minLength(1), z.maxLength(200)),
  weight: z.number().check(z.gte(-10), z.lte(10)),
  regex: z.optional(z.boolean()),
});

/** One topic rule; the name and description lose control characters (see `cleanText`). */
export const topicRuleSchema = z.object({
  name: z.string().check(z.overwrite((text) => cleanText(text)), z.trim(), z.minLength(1), z.maxLength(80)),
  icon: z._default(z.string().check(z.regex(/^[a-z0-9-]+$/, 'a codicon id such as "beaker"')), 'tag'),
  description: z._default(z.string().check(z.overwrite((text) => cleanText(text)), z.maxLength(300)), ''),
  terms: z.array(topicTermSchema).check(z.maxLength(500)),
});
