import type * as vscode from 'vscode';
import { papersByKey } from '../core/citations/keyAliases';
import type { Paper } from '../core/types';

/** What the citation features need from the extension's paper store (`PaperStore` is one). */
export interface PaperList {
  readonly papers: readonly Paper[];
  readonly onDidChange: vscode.Event<void>;
}

/** The store's papers by citation key or old key (alias), rebuilt whenever the store holds a new list of papers. */
export class PaperKeys {
  private indexed: readonly Paper[] | undefined;
  private byKey = new Map<string, Paper>();
  private keySet: ReadonlySet<string> = new Set();

  constructor(private readonly list: PaperList) {}

  /** The papers, in the store's order. */
  get papers(): readonly Paper[] {
    return this.list.papers;
  }

  /** The paper with this citation key, or with it as an old key. */
  get(key: string): Paper | undefined {
    return this.current().byKey.get(key);
  }

  /** Every known key. */
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
