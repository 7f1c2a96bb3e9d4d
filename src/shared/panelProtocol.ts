/**
 * The message protocol between the paper panel (extension side, `src/panel/`) and its webview
 * (`src/webview/`). Both sides import this one module: the webview only its types (so zod stays out
 * of the webview bundle), the extension also the schemas, with which it validates every message the
 * webview sends. Anything that fails them is ignored and logged.
 */
import * as z from '../core/zod';

/**
 * A citation format id: a built-in one (`bibtex`, ...) or `template:<name>` for a user template. The
 * extension looks it up among the formats it offers and ignores one it does not know.
 */
// eslint-disable-next-line no-control-regex -- a template name holds no control character
export const citationFormatSchema = z.string().check(z.regex(/^(?:[a-z][a-z-]{0,20}|template:[^\u0000-\u001f]{1,100})$/, 'a citation format id'));

const paperId = z.string().check(z.minLength(1), z.maxLength(300));

/** A 1-based line or column number. */
const place = z.int().check(z.minimum(1), z.maximum(2 ** 31 - 1));

/** Messages the webview sends to the extension. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  /** The script has loaded and wants the paper to show. */
  z.strictObject({ type: z.literal('ready') }),
  /** Open an http(s) link (from the abstract or the lookup links) in the browser. */
  z.strictObject({ type: z.literal('openLink'), url: z.string().check(z.maxLength(4096)) }),
  /** Open another paper (a related one) in the panel. */
  z.strictObject({ type: z.literal('openPaper'), paperId }),
  /** Insert the paper's citation in the last active editor; without a format, ask which. */
  z.strictObject({ type: z.literal('insertCitation'), paperId, format: z.optional(citationFormatSchema) }),
  /** Copy the paper's citation; without a format, the default for the last active editor. */
  z.strictObject({ type: z.literal('copyCitation'), paperId, format: z.optional(citationFormatSchema) }),
  /** Reveal a topic in the Topics tree. */
  z.strictObject({ type: z.literal('revealTopic'), topic: z.string().check(z.minLength(1), z.maxLength(200)) }),
  /** Open the entry of the user's library that is the paper (`index` in the `library` list the panel was sent). */
  z.strictObject({ type: z.literal('openLibraryEntry'), paperId, index: z.int().check(z.minimum(0), z.maximum(10_000)) }),
  /** Open a place that cites the paper (one the panel was sent; the extension checks it still is). */
  z.strictObject({ type: z.literal('openCitation'), paperId, uri: z.string().check(z.minLength(1), z.maxLength(4096)), line: place, column: place }),
  /** Look for citations in a workspace the index left idle (nothing in it showed it cites). */
  z.strictObject({ type: z.literal('findCitations') }),
  /** Go back to the paper shown before, or forward again (the panel's buttons, the mouse's back and forward buttons). */
  z.strictObject({ type: z.literal('navigate'), direction: z.enum(['back', 'forward']) }),
]);

/** A message from the webview, once validated. */
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;

/** A citation format as the panel lists it, with the paper's citation in it. */
export interface FormatView {
  id: string;
  label: string;
  description: string;
  text: string;
}

/** A paper link for lists (related papers). */
export interface PaperLinkView {
  id: string;
  title: string;
  published: string | null;
}

/** A place in the workspace that cites a paper. */
export interface CitationPlaceView {
  /** The file's URI, sent back to open it. */
  uri: string;
  /** The file as the user knows it: its path in the workspace (or an untitled document's name). */
  file: string;
  /** 1-based line and column (UTF-16 units) of the key. */
  line: number;
  column: number;
}

/** Where in the workspace a paper is cited. */
export interface CitedInView {
  /**
   * `off`: the workspace citations setting is off; `idle`: nothing in the workspace showed it cites, so
   * the citation index read no file (the panel offers to look); `building`: the citation index has not
   * read every file yet.
   */
  state: 'off' | 'idle' | 'building' | 'ready';
  /** The places, by file and line (the first few hundred). */
  places: CitationPlaceView[];
  /** How many places cite the paper in all. */
  total: number;
}

/** An entry of the user's library that is the paper: its file, line, key and type. */
export interface LibraryEntryView {
  /** The file's name, and its path as the user knows it. */
  name: string;
  file: string;
  line: number;
  key: string;
  type: string;
}

/** Everything the panel shows about one paper; every string is shown as text, never as HTML. */
export interface PaperView {
  id: string;
  key: string;
  /** The title with its LaTeX fragments made readable. */
  title: string;
  /** The authors as the user's library names them ("Ashish Vaswani, Noam Shazeer and 6 others"), or "". */
  authors: string;
  /** Where it was published (journal, proceedings), or "". */
  venue: string;
  /** The paper's own links (DOI, arXiv, URL): a label and an http(s) URL each. */
  identifiers: { label: string; url: string }[];
  /** The entries of the user's library that are this paper (empty when it is not in the library). */
  library: LibraryEntryView[];
  /** Whether the paper is one of the bundled corpus's (Hugging Face Daily Papers pages read when the extension was built). */
  bundled: boolean;
  /** The user's other files the paper was read from (page dumps, corpus JSON), by file name; never the bundled pages. */
  sources: string[];
  published: string | null;
  upvotes: number | null;
  authorsCount: number | null;
  organization: string | null;
  topics: string[];
  abstract: string;
  /** http(s) links found in the abstract. */
  links: string[];
  lookup: { arxiv: string; huggingFace: string };
  related: PaperLinkView[];
  formats: FormatView[];
  /** What a citation cannot say because it is not known ("authors", "date"); empty when nothing is missing. */
  missing: string[];
  citedIn: CitedInView;
}

/** Where the panel can go back or forward to: the paper there, by title (undefined when there is none). */
export interface PanelHistoryView {
  back?: PaperLinkView;
  forward?: PaperLinkView;
}

/** Messages the extension sends to the webview. */
export type ExtensionMessage =
  /**
   * Show this paper; `relatedPending` while related papers are still being found; `history` for the
   * back and forward buttons; `state` for the webview to keep (`setState`), to be restored by.
   */
  | { type: 'show'; paper: PaperView; relatedPending?: boolean; history: PanelHistoryView; state: PanelState }
  /** Where the shown paper is cited, when that changed. */
  | { type: 'citedIn'; paperId: string; citedIn: CitedInView }
  | { type: 'missing'; paperId: string; reason: string }
  | { type: 'status'; text: string };

/** What the webview keeps with `setState`, so the serializer can restore the panel (and where it can go back to) after a reload. */
export interface PanelState {
  paperId: string;
  /** The papers shown before, oldest first, and those gone back from, nearest first. */
  back?: string[];
  forward?: string[];
}

/** How many papers the panel remembers each way. */
export const PANEL_HISTORY_LIMIT = 50;

const paperIds = z.array(paperId).check(z.maxLength(PANEL_HISTORY_LIMIT));

/** Validates persisted webview state (it may come from an older version or be corrupt). */
export const panelStateSchema = z.looseObject({ paperId, back: z.optional(paperIds), forward: z.optional(paperIds) });
