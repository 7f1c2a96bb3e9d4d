/**
 * What a paper is, defined once: `paperSchema`, which every paper from a page dump or a user's file
 * passes (the bundled corpus passed it when the build wrote it), and `Paper`, the type inferred from it.
 */
import { isPublishedDate } from './calendar';
import { cleanText } from './cleanText';
import * as z from './zod';

/** A one-line text field, control characters removed (see `cleanText`). */
const line = (): z.ZodMiniString => z.string().check(z.overwrite((text) => cleanText(text)));

/**
 * What a citation key Paper Scout makes is: lowercase ASCII letters and digits, with a single `_`, `:`
 * or `-` between them, never first or last. Every reader then reads the whole key: pandoc (and Paper
 * Scout's own scanner) ends a key before trailing or doubled punctuation (`[@liger-]` cites `liger`,
 * another paper), and the comment trigger's key ends in a letter, digit or `_`. The corpus schema, the
 * old keys and the issued keys all hold to it; every key Paper Scout makes already does. A key of the
 * user's library is kept as the library writes it (`LIBRARY_KEY`).
 */
export const CITATION_KEY = /^[a-z0-9]+(?:[_:-][a-z0-9]+)*$/;

/** What `CITATION_KEY` asks, in words for messages. */
const CITATION_KEY_RULE = 'a citation key: lowercase letters and digits, with single "_", ":" or "-" between them (not at the end)';

/** A citation key Paper Scout makes: what every citation reader reads whole (`CITATION_KEY`). */
export const citationKeySchema = z.string().check(z.regex(CITATION_KEY, CITATION_KEY_RULE));

/**
 * What a key the user's library gives may be, kept as written (`Vaswani2017Attention`,
 * `DBLP:conf/nips/VaswaniSPUJGKP17`): one token that BibTeX, biber and LaTeX's `\cite{}` read as a key:
 * no white space, none of `"#%'(),={}\\~`, at most 200 characters. Every `CITATION_KEY` is one.
 */
export const LIBRARY_KEY = /^[^\s"#%'(),={}\\~\p{Cc}]{1,200}$/u;

/** A key the user's library gives (`LIBRARY_KEY`). */
export const libraryKeySchema = z.string().check(z.regex(LIBRARY_KEY, 'a citation key (no spaces or any of "#%\'(),={}\\~, at most 200 characters)'));

/** An arXiv identifier without its version: new style (`1706.03762`) or old (`hep-th/9901001`). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

/** A person's name as a library gives it: the family name (or the whole name of an organisation) and the given names. */
export const personSchema = z.object({
  family: line().check(z.minLength(1)),
  given: z.optional(line().check(z.minLength(1))),
});

/** One entry of the user's library that is a paper: which file, at which line, under which key and type. */
export const libraryRecordSchema = z.object({
  /** The file as messages and the UI name it (a path, or a URI when it is not a local file). */
  file: line().check(z.minLength(1)),
  /** Where the file is, for opening it: a URI string in the extension, a path in the CLI. */
  location: line().check(z.minLength(1)),
  /** The entry's key, exactly as the library writes it. */
  key: libraryKeySchema,
  /** 1-based line of the entry's start. */
  line: z.int().check(z.positive()),
  /** 1-based column of the key on that line, when known. */
  column: z.optional(z.int().check(z.positive())),
  /** The entry type as the library writes it (`article`, `inproceedings`, CSL `paper-conference`). */
  type: line().check(z.minLength(1)),
});

/**
 * One paper. Page papers and corpus JSON papers hold to the same rules: keys Paper Scout makes
 * (`CITATION_KEY`; only a paper of the user's library keeps the library's keys), real calendar dates
 * in `YEAR_RANGE`, upvotes a safe non-negative integer, and no control characters in any text (only
 * the abstract may keep line breaks).
 */
export const paperSchema = z.object({
  /** Stable, unique slug made from the title. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase slug')),
  /**
   * Citation key, unique within a corpus: the key the user's library gives the paper, kept exactly as
   * written, else one Paper Scout made (see `citations/citationKey.ts`).
   */
  key: libraryKeySchema,
  /**
   * Other keys that cite this paper: keys it had under an earlier key rule, and keys users' files gave
   * it. Unique within a corpus together with every `key`; absent when there are none.
   */
  aliases: z.optional(z.array(libraryKeySchema)),
  title: line().check(z.minLength(1)),
  abstract: z.string().check(z.overwrite((text) => cleanText(text, { multiline: true }))),
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY" (as far as the source knows it), or null when it gives no date. */
  published: z.nullable(z.string().check(z.refine(isPublishedDate, 'a real date "YYYY-MM-DD", "YYYY-MM" or "YYYY" from 1900 to 2100'))),
  upvotes: z.nullable(z.int().check(z.nonnegative())),
  authorsCount: z.nullable(z.int().check(z.positive())),
  organization: z.nullable(line().check(z.minLength(1))),
  topics: z.array(line()),
  links: z.array(line().check(z.regex(/^https?:\/\//, 'an http(s) URL'))),
  /** File names of the pages the paper was read from. */
  sources: z.array(line()),
  /** The authors, as the user's library names them (papers read from pages have only `authorsCount`). */
  authors: z.optional(z.array(personSchema)),
  /** The editors, as the user's library names them. */
  editors: z.optional(z.array(personSchema)),
  /** The library's author list ends with "and others": more authors than `authors` names. */
  moreAuthors: z.optional(z.literal(true)),
  /** Where it was published: the journal, the proceedings (booktitle) or CSL's container-title. */
  venue: z.optional(line().check(z.minLength(1))),
  /** The library's keywords (tags). */
  keywords: z.optional(z.array(line().check(z.minLength(1)))),
  /** The DOI, without a resolver prefix ("10.48550/arXiv.1706.03762"). */
  doi: z.optional(line().check(z.regex(/^10\.\S+$/, 'a DOI ("10.…")'))),
  /** The arXiv identifier ("1706.03762", "hep-th/9901001"), without a version. */
  arxiv: z.optional(line().check(z.regex(ARXIV_ID, 'an arXiv id ("1706.03762" or "hep-th/9901001")'))),
  /** The library's own link for the paper. */
  url: z.optional(line().check(z.regex(/^https?:\/\/\S+$/, 'an http(s) URL'))),
  /** The entries of the user's library (`.bib`, CSL-JSON, CSL YAML) that are this paper, first the one that gives its key. */
  library: z.optional(z.array(libraryRecordSchema)),
}).check(
  // A paper not of the user's library has keys Paper Scout makes, which every citation reader reads whole.
  z.refine((paper) => paper.library !== undefined || CITATION_KEY.test(paper.key), { error: CITATION_KEY_RULE, path: ['key'] }),
  z.refine((paper) => paper.library !== undefined || (paper.aliases ?? []).every((alias) => CITATION_KEY.test(alias)), { error: `each alias is ${CITATION_KEY_RULE}`, path: ['aliases'] }),
);

/** A paper as Paper Scout stores it in the corpus file and works with it everywhere. */
export type Paper = z.infer<typeof paperSchema>;

/** A person's name as a library gives it (see `personSchema`). */
export type PersonName = z.infer<typeof personSchema>;

/** One entry of the user's library that is a paper (see `libraryRecordSchema`). */
export type LibraryRecord = z.infer<typeof libraryRecordSchema>;
