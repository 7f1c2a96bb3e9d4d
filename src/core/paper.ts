/**
 * What a paper is, defined once: `paperSchema`, which every paper from a page dump or a user's file
 * passes (the bundled corpus passed it when the build wrote it), and `Paper`, the type inferred from it.
 */
import { isIsoCalendarDate } from './calendar';
import { cleanText } from './cleanText';
import * as z from './zod';

/** A one-line text field, control characters removed (see `cleanText`). */
const line = (): z.ZodMiniString => z.string().check(z.overwrite((text) => cleanText(text)));

/**
 * What a citation key is: lowercase ASCII letters and digits, with a single `_`, `:` or `-` between
 * them, never first or last. Every reader then reads the whole key: pandoc (and Paper Scout's own
 * scanner) ends a key before trailing or doubled punctuation (`[@liger-]` cites `liger`, another
 * paper), and the comment trigger's key ends in a letter, digit or `_`. The corpus schema, the old
 * keys and the issued keys all hold to it; every key Paper Scout makes already does.
 */
export const CITATION_KEY = /^[a-z0-9]+(?:[_:-][a-z0-9]+)*$/;

/** What `CITATION_KEY` asks, in words for messages. */
const CITATION_KEY_RULE = 'a citation key: lowercase letters and digits, with single "_", ":" or "-" between them (not at the end)';

/** A citation key: what every citation reader reads whole (`CITATION_KEY`). */
export const citationKeySchema = z.string().check(z.regex(CITATION_KEY, CITATION_KEY_RULE));

/**
 * One paper. Page papers and corpus JSON papers hold to the same rules: real calendar dates in
 * `YEAR_RANGE`, upvotes a safe non-negative integer, and no control characters in any text (only the
 * abstract may keep line breaks).
 */
export const paperSchema = z.object({
  /** Stable, unique slug made from the title. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase slug')),
  /** Citation key (see `citations/citationKey.ts`), unique within a corpus. */
  key: citationKeySchema,
  /**
   * Other keys that cite this paper: keys it had under an earlier key rule, and keys users' files gave
   * it. Unique within a corpus together with every `key`; absent when there are none.
   */
  aliases: z.optional(z.array(citationKeySchema)),
  title: line().check(z.minLength(1)),
  abstract: z.string().check(z.overwrite((text) => cleanText(text, { multiline: true }))),
  /** "YYYY-MM-DD", or null when the source pages do not give a date. */
  published: z.nullable(z.string().check(z.refine(isIsoCalendarDate, 'a real date "YYYY-MM-DD" from 1900 to 2100'))),
  upvotes: z.nullable(z.int().check(z.nonnegative())),
  authorsCount: z.nullable(z.int().check(z.positive())),
  organization: z.nullable(line().check(z.minLength(1))),
  topics: z.array(line()),
  links: z.array(line().check(z.regex(/^https?:\/\//, 'an http(s) URL'))),
  /** File names of the pages the paper was read from. */
  sources: z.array(line()),
});

/** A paper as Paper Scout stores it in the corpus file and works with it everywhere. */
export type Paper = z.infer<typeof paperSchema>;
