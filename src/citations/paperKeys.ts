import type * as vscode from 'vscode';
import { paperCitedAs, papersByKey } from '../core/citations/keyAliases';
import type { Paper } from '../core/types';

/** What the citation features need from the extension's paper store (`PaperStore` is one). */
export interface PaperList {
  readonly papers: readonly Paper[];
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once the papers are read, reading them if nothing has yet (the store reads them on first use). */
  whenLoaded?(): Promise<void>;
}

/**
 * The store's papers by every key that cites them: each paper's key and its aliases (old keys, keys
 * users' files gave it), so a document written with an old key still finds its paper. Rebuilt
 * whenever the store holds a new list of papers.
 */
export class PaperKeys {
  private indexed: readonly Paper[] | undefined;
  private byKey = new Map<string, Paper>();
  private keySet: ReadonlySet<string> = new Set();

  constructor(private readonly list: PaperList) {}

  /** The papers, in the store's order. */
  get papers(): readonly Paper[] {
    return this.list.papers;
  }

  /** Resolves once the papers are read (at once for a list that is always loaded). */
  async whenLoaded(): Promise<void> {
    await this.list.whenLoaded?.();
  }

  /** The paper this key (its key or one of its aliases) cites. */
  get(key: string): Paper | undefined {
    return this.current().byKey.get(key);
  }

  /**
   * The paper `key` cites, as cited by it: for an alias, the same paper with the alias as its key,
   * so an exported entry carries the key the document uses (`\cite{galore_nd}` needs `@misc{galore_nd,`).
   */
  citedAs(key: string): Paper | undefined {
    const paper = this.get(key);
    return paper && paperCitedAs(paper, key);
  }

  /** Every key and alias that cites a paper. */
  keys(): ReadonlySet<string> {
    return this.current().keySet;
  }

  private current(): this {
    const papers = this.list.papers;
    if (papers !== this.indexed) {
      this.indexed = papers;
      this.byKey = papersByKey(papers);
      this.keySet = new Set(this.byKey.keys());
    }
    return this;
  }
}
