import type { Paper } from './paper';

export type { Paper } from './paper';

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
