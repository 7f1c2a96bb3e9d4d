/**
 * "Suggest Papers for This Passage": a quick pick of the papers about the passage at the cursor, each
 * with the passage's words it matched; choosing one inserts its citation. It says so when there is no
 * passage at the cursor, when no paper matches, and when the index could not be made.
 */
import * as vscode from 'vscode';
import { labelText } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import { matchedWords, passageQueryAt, suggestPapers, type PaperSearch, type PassageRequest } from '../core/passage/suggest';
import { isCancellation } from '../core/cancellation';
import { cutAtRelevance } from '../core/search/relevanceCutoff';
import type { Paper } from '../core/types';
import { watchQuickPick } from '../views/openQuickPick';
import { PickWork } from '../views/pickWork';

/** What a suggestion pick put on show (for the test hooks): its state, the passage's words, and the papers with their matched words. */
export interface SuggestionsShown {
  state: 'papers' | 'no passage' | 'no papers' | 'no index';
  words: string[];
  papers: Array<{ id: string; key: string; matched: string[] }>;
  /** How many papers wait behind "Show N More Papers" (scored below the relevance floor). */
  heldBack?: number;
}

/** What the pick needs and what its items do. */
export interface SuggestPickOptions {
  request: PassageRequest;
  /** The search index (made on first use). */
  search(): Promise<PaperSearch>;
  /** Cites the chosen paper where a writer cites the passage (the end of its sentence, a comment line after its comment). */
  onAccept(paper: Paper): unknown;
  /** Cites the paper at the cursor instead (the item's Insert at Cursor button). */
  onInsertAtCursor(paper: Paper): unknown;
  onCopy(paper: Paper): unknown;
  onOpen(paper: Paper): unknown;
  /** Opens the ordinary search, with `query` typed. */
  searchPapers(query: string): unknown;
  showLog(): void;
  onDidShow?(shown: SuggestionsShown): void;
}

type PaperItem = vscode.QuickPickItem & { paper: Paper; matched: string[] };
type ActionItem = vscode.QuickPickItem & { action?: () => unknown; keepOpen?: boolean };
type Item = PaperItem | ActionItem;

/** At most this many papers are suggested. */
const SUGGESTION_LIMIT = 20;
/** At most this many matched words are shown per paper. */
const MATCHED_SHOWN = 6;
const CURSOR_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert Citation at the Cursor' };
const COPY_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy Citation' };
const OPEN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('preview'), tooltip: 'Open Paper' };

/** Shows the papers about the request's passage; resolves when the pick closes. */
export async function showSuggestPick(options: SuggestPickOptions): Promise<void> {
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Papers for This Passage';
  pick.placeholder = 'Finding papers about the passage at the cursor…';
  pick.matchOnDescription = true;
  pick.busy = true;
  let open = true;
  /** What the items' choices started: the pick settles once it has. */
  const work = new PickWork(new Promise<void>((resolve) => { const once = pick.onDidHide(() => { once.dispose(); resolve(); }); }));
  const closed = new Promise<void>((resolve, reject) => {
    const disposables = [
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0];
        if (!item) return;
        if ('paper' in item) {
          pick.hide();
          work.runOnceHidden(() => options.onAccept(item.paper));
        } else if (item.action) {
          const { action } = item;
          if (item.keepOpen) {
            work.run(action);
          } else {
            pick.hide();
            work.runOnceHidden(action);
          }
        }
      }),
      pick.onDidTriggerItemButton(({ item, button }) => {
        if (!('paper' in item)) return;
        if (button === COPY_BUTTON) work.run(() => options.onCopy(item.paper));
        else if (button === CURSOR_BUTTON) {
          pick.hide();
          work.runOnceHidden(() => options.onInsertAtCursor(item.paper));
        } else if (button === OPEN_BUTTON) {
          pick.hide();
          work.runOnceHidden(() => options.onOpen(item.paper));
        }
      }),
      watchQuickPick(pick),
      pick.onDidHide(() => {
        open = false;
        for (const disposable of disposables) disposable.dispose();
        pick.dispose();
        work.settled().then(resolve, reject);
      }),
    ];
  });
  pick.show();
  const shown = await suggestionItems(options);
  if (!open) return closed; // closed while the index was made
  pick.busy = false;
  pick.placeholder = shown.placeholder;
  const held = shown.more ?? [];
  pick.items = held.length > 0 ? [...shown.items, {
    label: `$(ellipsis) Show ${held.length} More ${held.length === 1 ? 'Paper' : 'Papers'}`,
    description: 'less relevant',
    keepOpen: true,
    action: () => {
      pick.items = [...shown.items, ...held];
      pick.activeItems = [held[0]];
      options.onDidShow?.({ ...shown.report, papers: [...shown.report.papers, ...held.map(({ paper, matched }) => ({ id: paper.id, key: paper.key, matched }))], heldBack: 0 });
    },
  }] : shown.items;
  options.onDidShow?.(shown.report);
  return closed;
}

/** The items for the request, the placeholder that goes with them, and what the test hooks hear. */
async function suggestionItems(options: SuggestPickOptions): Promise<{ items: Item[]; more?: PaperItem[]; placeholder: string; report: SuggestionsShown }> {
  const found = passageQueryAt(options.request);
  const words = found?.query.words ?? [];
  if (!found || words.length === 0) {
    return {
      placeholder: 'No passage at the cursor',
      report: { state: 'no passage', words, papers: [] },
      items: [
        { label: '$(info) No passage at the cursor', detail: 'Put the cursor in a paragraph of Markdown, LaTeX or text, or in a code comment, or select the passage.' },
        { label: '$(search) Search Papers…', description: 'search by title, abstract or key instead', action: () => options.searchPapers('') },
      ],
    };
  }
  let engine: PaperSearch;
  try {
    engine = await options.search();
  } catch (error) {
    const cancelled = isCancellation(error);
    return {
      placeholder: cancelled ? 'Indexing was cancelled' : 'The search index could not be made',
      report: { state: 'no index', words, papers: [] },
      items: [cancelled
        ? { label: '$(info) Indexing Was Cancelled', description: 'run the command again to index the papers' }
        : { label: '$(error) The Search Index Could Not Be Made', description: `${error instanceof Error ? error.message : String(error)} (choose to show the log)`, action: () => options.showLog() }],
    };
  }
  const suggested = await suggestPapers(engine, options.request, SUGGESTION_LIMIT);
  const results = suggested?.results ?? [];
  // What the papers are about: the passage's words that drove their ranking, not merely its heaviest words.
  const keyWords = suggested && suggested.keyWords.length > 0 ? suggested.keyWords : words;
  const about = `Papers about: ${keyWords.slice(0, 5).join(', ')}${keyWords.length > 5 ? ', …' : ''}`;
  if (results.length === 0) {
    const query = words.slice(0, 8).join(' ');
    return {
      placeholder: about,
      report: { state: 'no papers', words, papers: [] },
      items: [
        { label: '$(info) No papers match this passage', description: query },
        { label: '$(search) Search Papers for These Words', description: query, action: () => options.searchPapers(query) },
      ],
    };
  }
  const suggestions = results.map((result) => ({ result, matched: matchedWords(result, found.query) }));
  // The matched words lead the second line, where a long title cannot push them out of sight.
  const item = ({ result, matched }: (typeof suggestions)[number]): PaperItem => ({
    label: labelText(readableText(result.paper.title)),
    description: result.paper.published ?? undefined,
    detail: labelText(`${matched.length > 0 ? `matched: ${matched.slice(0, MATCHED_SHOWN).join(', ')} — ` : ''}${readableText(result.snippet)}`),
    buttons: [CURSOR_BUTTON, COPY_BUTTON, OPEN_BUTTON],
    paper: result.paper,
    matched,
  });
  // The list ends where relevance falls off; the rest is one choice away (see `showSuggestPick`).
  const heldBack = new Set(cutAtRelevance(results).more.map((result) => result.paper.id));
  const items: PaperItem[] = suggestions.filter(({ result }) => !heldBack.has(result.paper.id)).map(item);
  const more = suggestions.filter(({ result }) => heldBack.has(result.paper.id)).map(item);
  return {
    placeholder: `${about} (Enter cites the passage)`,
    report: { state: 'papers', words, papers: items.map(({ paper, matched }) => ({ id: paper.id, key: paper.key, matched })), heldBack: more.length },
    items,
    more,
  };
}
