/** A paper as Paper Scout stores it in the corpus file and works with it everywhere. */
export interface Paper {
  /** Stable, unique slug made from the title. */
  id: string;
  /**
   * Citation key, unique within a corpus: the key the user's library gives the paper, kept exactly as
   * written, else one Paper Scout made (see `citations/citationKey.ts`).
   */
  key: string;
  /**
   * Other keys that cite this paper: keys it had under an earlier key rule, and keys users' files gave
   * it. Unique within a corpus together with every `key`; absent when there are none.
   */
  aliases?: string[];
  title: string;
  abstract: string;
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY" (as far as the source knows it), or null when it gives no date. */
  published: string | null;
  upvotes: number | null;
  authorsCount: number | null;
  organization: string | null;
  topics: string[];
  links: string[];
  /** File names of the pages the paper was read from. */
  sources: string[];
  /** The authors, as the user's library names them (papers read from pages have only `authorsCount`). */
  authors?: PersonName[];
  /** The editors, as the user's library names them. */
  editors?: PersonName[];
  /** The library's author list ends with "and others": more authors than `authors` names. */
  moreAuthors?: true;
  /** Where it was published: the journal, the proceedings (booktitle) or CSL's container-title. */
  venue?: string;
  /** The library's keywords (tags). */
  keywords?: string[];
  /** The DOI, without a resolver prefix ("10.48550/arXiv.1706.03762"). */
  doi?: string;
  /** The arXiv identifier ("1706.03762", "hep-th/9901001"), without a version. */
  arxiv?: string;
  /** The library's own link for the paper. */
  url?: string;
  /** The entries of the user's library (`.bib`, CSL-JSON, CSL YAML) that are this paper, first the one that gives its key. */
  library?: LibraryRecord[];
}

/** A person's name as a library gives it: the family name (or the whole name of an organisation) and the given names. */
export interface PersonName {
  family: string;
  given?: string;
}

/** One entry of the user's library that is a paper: which file, at which line, under which key and type. */
export interface LibraryRecord {
  /** The file as messages and the UI name it (a path, or a URI when it is not a local file). */
  file: string;
  /** Where the file is, for opening it: a URI string in the extension, a path in the CLI. */
  location: string;
  /** The entry's key, exactly as the library writes it. */
  key: string;
  /** 1-based line of the entry's start. */
  line: number;
  /** 1-based column of the key on that line, when known. */
  column?: number;
  /** The entry type as the library writes it (`article`, `inproceedings`, CSL `paper-conference`). */
  type: string;
}

/** Something the parser or loader skipped or could not read, with where it was. */
export interface Diagnostic {
  file: string;
  /** 1-based line, or null when the problem is with the whole file. */
  line: number | null;
  /** JSON path (as zod reports it) for JSON inputs. */
  path?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** One topic of the taxonomy, kept as data so users can add or override topics. */
export interface TopicRule {
  name: string;
  /** Codicon id without the `$()` wrapper, e.g. "symbol-numeric". */
  icon: string;
  description: string;
  /** Weighted terms or regular-expression patterns matched against title and abstract. */
  terms: TopicTerm[];
}

export interface TopicTerm {
  /** A plain phrase (matched on word boundaries, case-insensitive) or, with `regex: true`, a pattern. */
  match: string;
  weight: number;
  regex?: boolean;
}

/** The bundled corpus file. */
export interface Corpus {
  version: 1;
  topics: TopicRule[];
  papers: Paper[];
}
