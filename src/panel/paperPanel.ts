import * as vscode from 'vscode';
import { clipAtWord } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import type { SearchResult } from '../core/search/paperIndex';
import type { Paper } from '../core/types';
import { availableFormats } from '../citations/formatRegistry';
import type { CitationWriter } from '../citations/insert';
import { PANEL_HISTORY_LIMIT, panelStateSchema, webviewMessageSchema, type CitedInView, type ExtensionMessage, type PanelHistoryView, type PanelState, type PaperLinkView, type WebviewMessage } from '../shared/panelProtocol';
import type { PaperStore } from '../core/store/paperStore';
import { affects, reusePanel, SETTINGS } from '../settings/settings';
import { libraryUri } from '../library/libraryEntryText';
import { isWebUrl, paperView } from './paperView';

/** What the panel asks the rest of the extension to do. */
export interface PanelActions {
  /** Reveals the topic in the Topics view and selects the paper `paperId` under it. */
  revealTopic(topic: string, paperId: string): Promise<unknown>;
}

/** Where papers are cited in the workspace, for the panel's "Cited in" section. */
export interface CitedInSource {
  /** The places citing `paper` by its key or an old key. */
  view(paper: Pick<Paper, 'key' | 'aliases'>): CitedInView;
  /** Fires when places may have changed. */
  readonly onDidChange: vscode.Event<void>;
  /** Opens a place citing `paper` in an editor (not over `besideColumn`); false when it no longer cites it. */
  open(paper: Pick<Paper, 'key' | 'aliases'>, place: { uri: string; line: number; column: number }, besideColumn?: vscode.ViewColumn): Promise<boolean>;
  /** Looks for citations in a workspace where nothing showed it cites (the index was idle). */
  find(): Promise<void>;
}

/** The "Cited in" section when nothing reports citations. */
const NOT_INDEXED: CitedInView = { state: 'off', places: [], total: 0 };

/** A message the webview sent, and whether it passed validation (for logs and tests). */
export interface PanelMessageEvent {
  paperId: string;
  message: unknown;
  accepted: boolean;
}

/** An open paper panel, as the API reports it. */
export interface PanelInfo {
  paperId: string;
  visible: boolean;
  active: boolean;
  /**
   * Whether its page has loaded: its script sent `ready`, and the panel has not been hidden since (VS Code
   * unloads a hidden webview's page and loads it again when it is shown).
   */
  loaded: boolean;
  /** The "Cited in" section as last sent to the webview. */
  citedIn?: CitedInView;
  /** The ids of the related papers last sent to the webview (undefined while they are being found). */
  related?: string[];
  /** The papers it can go back to (oldest first) and forward to (nearest first). */
  back: string[];
  forward: string[];
}

/** What the manager keeps for each panel: its paper, where it can go back and forward to, and what was last sent (to send only changes). */
interface PanelEntry {
  paperId: string;
  /** The papers shown before, oldest first. */
  back: string[];
  /** The papers gone back from, nearest first. */
  forward: string[];
  citedIn?: CitedInView;
  related?: string[];
}

const RELATED_COUNT = 6;

/**
 * The paper panels: one reused panel or one per paper (setting `paperScout.panel.reuse`), each a
 * webview that gets its paper by message and renders it itself. Restored after a reload.
 */
export class PaperPanels implements vscode.Disposable {
  static readonly viewType = 'paperScout.paper';
  private readonly panels = new Map<vscode.WebviewPanel, PanelEntry>();
  private shared: vscode.WebviewPanel | undefined;
  /** The panels whose page has loaded (see `PanelInfo.loaded`). */
  private readonly loaded = new Set<vscode.WebviewPanel>();
  private readonly messageEmitter = new vscode.EventEmitter<PanelMessageEvent>();
  /** Fires for every message a webview sends, valid or not. */
  readonly onDidReceiveMessage = this.messageEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: PaperStore,
    private readonly log: vscode.LogOutputChannel,
    /** Inserts and copies the citations the panel's buttons ask for. */
    private readonly citations: CitationWriter,
    private readonly actions: PanelActions,
    private readonly citedIn?: CitedInSource,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PaperPanels.viewType, {
        deserializeWebviewPanel: async (panel, state) => {
          const parsed = panelStateSchema.safeParse(state);
          if (!parsed.success) this.log.warn('a paper panel was restored without a valid paper id; it shows a notice');
          this.attach(panel, parsed.success ? parsed.data.paperId : '', parsed.success ? { back: parsed.data.back ?? [], forward: parsed.data.forward ?? [] } : undefined);
          if (reusePanel() && !this.shared) this.shared = panel;
        },
      }),
      store.onDidChange(() => this.refreshAll()),
      ...(citedIn ? [citedIn.onDidChange(() => this.refreshCitedIn())] : []),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, SETTINGS.templates)) this.refreshAll(); // templates add formats
      }),
    );
  }

  /** Opens `paperId` in the reused panel, its own panel, or a new one. */
  async open(paperId: string, options: { preserveFocus?: boolean } = {}): Promise<void> {
    const paper = this.store.paper(paperId);
    const reuse = reusePanel();
    const existing = reuse ? this.shared : [...this.panels].find(([, entry]) => entry.paperId === paperId)?.[0];
    if (existing) {
      const entry = this.panels.get(existing);
      if (entry && entry.paperId !== paperId) this.show(existing, entry, paperId, [...entry.back, entry.paperId], []);
      existing.reveal(undefined, options.preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PaperPanels.viewType, panelTitle(paper), {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: options.preserveFocus,
    });
    this.attach(panel, paperId);
    if (reuse) this.shared = panel;
  }

  /**
   * Shows the paper before (or after) the one the panel shows: the panel that has the focus, or the
   * one given. False when there is nowhere to go.
   */
  navigate(direction: 'back' | 'forward', panel = [...this.panels.keys()].find((candidate) => candidate.active)): boolean {
    const entry = panel && this.panels.get(panel);
    if (!panel || !entry) return false;
    const known = (id: string): boolean => this.store.paper(id) !== undefined;
    if (direction === 'back') {
      const back = entry.back.filter(known);
      const target = back.pop();
      if (target === undefined) return false;
      this.show(panel, entry, target, back, [entry.paperId, ...entry.forward]);
    } else {
      const [target, ...forward] = entry.forward.filter(known);
      if (target === undefined) return false;
      this.show(panel, entry, target, [...entry.back, entry.paperId], forward);
    }
    return true;
  }

  /** Puts `paperId` in `panel` with this history (each side kept to its last `PANEL_HISTORY_LIMIT`). */
  private show(panel: vscode.WebviewPanel, entry: PanelEntry, paperId: string, back: string[], forward: string[]): void {
    this.panels.set(panel, { paperId, back: back.slice(-PANEL_HISTORY_LIMIT), forward: forward.slice(0, PANEL_HISTORY_LIMIT) });
    panel.title = panelTitle(this.store.paper(paperId));
    this.post(panel);
  }

  /** Where the panel can go back and forward to, as its buttons show it. */
  private historyView(entry: PanelEntry | undefined): PanelHistoryView {
    const link = (id: string | undefined): PaperLinkView | undefined => {
      const paper = id === undefined ? undefined : this.store.paper(id);
      return paper && { id: paper.id, title: readableText(paper.title), published: paper.published };
    };
    const back = entry?.back.filter((id) => this.store.paper(id) !== undefined);
    const forward = entry?.forward.filter((id) => this.store.paper(id) !== undefined);
    return { back: link(back?.[back.length - 1]), forward: link(forward?.[0]) };
  }

  /** What the webview keeps to restore the panel after a reload. */
  private stateOf(entry: PanelEntry): PanelState {
    return { paperId: entry.paperId, back: entry.back, forward: entry.forward };
  }

  /** The open panels. */
  list(): PanelInfo[] {
    return [...this.panels].map(([panel, { paperId, citedIn, related, back, forward }]) =>
      ({ paperId, visible: panel.visible, active: panel.active, loaded: this.loaded.has(panel), citedIn, related, back: [...back], forward: [...forward] }));
  }

  /** Sends each panel where its paper is cited, when that changed. */
  private refreshCitedIn(): void {
    for (const [panel, entry] of this.panels) {
      const paper = this.store.paper(entry.paperId);
      if (!paper || !entry.citedIn) continue; // not shown yet: the next 'show' carries it
      const citedIn = this.citedInView(paper);
      if (JSON.stringify(citedIn) === JSON.stringify(entry.citedIn)) continue;
      entry.citedIn = citedIn;
      void panel.webview.postMessage({ type: 'citedIn', paperId: paper.id, citedIn } satisfies ExtensionMessage);
    }
  }

  private citedInView(paper: Paper): CitedInView {
    return this.citedIn?.view(paper) ?? NOT_INDEXED;
  }

  private refreshAll(): void {
    for (const panel of this.panels.keys()) this.post(panel);
  }

  private attach(panel: vscode.WebviewPanel, paperId: string, history = { back: [] as string[], forward: [] as string[] }): void {
    this.panels.set(panel, { paperId, ...history });
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [media, script] };
    panel.iconPath = {
      light: vscode.Uri.joinPath(media, 'paper-light.svg'),
      dark: vscode.Uri.joinPath(media, 'paper-dark.svg'),
    };
    panel.title = panelTitle(this.store.paper(paperId));
    panel.webview.html = html(panel.webview, media, script);
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(panel, message)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.loaded.delete(panel);
      }),
      panel.onDidDispose(() => {
        this.panels.delete(panel);
        this.loaded.delete(panel);
        if (this.shared === panel) this.shared = undefined;
        for (const subscription of subscriptions) subscription.dispose();
      }),
    ];
  }

  /** Validates a webview message and acts on it; anything else is ignored and logged. Resolves once it is handled. */
  private receive(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const paperId = this.panels.get(panel)?.paperId ?? '';
    const parsed = webviewMessageSchema.safeParse(raw);
    this.messageEmitter.fire({ paperId, message: raw, accepted: parsed.success });
    if (!parsed.success) {
      this.log.warn(`ignored a malformed message from the paper panel: ${preview(raw)} (${parsed.error.issues.map((issue) => issue.message).join('; ')})`);
      return Promise.resolve();
    }
    return this.handle(panel, parsed.data).catch((error: unknown) => {
      this.log.error(`paper panel: handling ${parsed.data.type} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  }

  /** Handles `message` as if the webview of the panel showing `paperId` had sent it (a test hook: the button's own path). */
  receiveAsFromWebview(paperId: string, message: unknown): Promise<void> {
    const panel = [...this.panels].find(([, entry]) => entry.paperId === paperId)?.[0];
    if (!panel) return Promise.reject(new Error(`no panel shows ${paperId}`));
    return this.receive(panel, message);
  }

  private async handle(panel: vscode.WebviewPanel, message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.loaded.add(panel);
        this.post(panel);
        return;
      case 'openLink':
        if (!isWebUrl(message.url)) {
          this.log.warn(`paper panel: refused to open a link that is not http(s): ${preview(message.url)}`);
          return;
        }
        await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        return;
      case 'openPaper':
        await this.open(message.paperId);
        return;
      case 'navigate':
        this.navigate(message.direction, panel);
        return;
      case 'revealTopic':
        await this.actions.revealTopic(message.topic, this.panels.get(panel)?.paperId ?? '');
        return;
      case 'openLibraryEntry': {
        const record = this.store.paper(message.paperId)?.library?.[message.index];
        if (!record) return;
        try {
          const document = await vscode.workspace.openTextDocument(libraryUri(record));
          const line = Math.min(record.line - 1, document.lineCount - 1);
          await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, 0) });
        } catch (error) {
          void vscode.window.showWarningMessage(`Paper Scout could not open ${record.file}: ${error instanceof Error ? error.message : String(error)}`);
        }
        return;
      }
      case 'openCitation': {
        const paper = this.store.paper(message.paperId);
        if (!paper || !this.citedIn) return;
        if (!(await this.citedIn.open(paper, message, panel.viewColumn))) {
          void vscode.window.showInformationMessage(`That place no longer cites ${paper.key}; the list of places is updated.`);
          this.refreshCitedIn();
        }
        return;
      }
      case 'findCitations':
        await this.citedIn?.find();
        return;
      case 'insertCitation':
      case 'copyCitation': {
        const paper = this.store.paper(message.paperId);
        if (!paper) {
          this.log.warn(`paper panel: no paper with id ${preview(message.paperId)}`);
          return;
        }
        // "Insert Citation…" sends no format: the user picks one.
        if (message.type === 'insertCitation') await this.citations.insert(paper, message.format ? { format: message.format } : { pickFormat: true });
        else await this.citations.copy(paper, message.format);
      }
    }
  }

  /** Sends the panel its paper (or why it cannot show it). */
  private post(panel: vscode.WebviewPanel): void {
    const entry = this.panels.get(panel);
    const paperId = entry?.paperId ?? '';
    const paper = this.store.paper(paperId);
    let message: ExtensionMessage;
    if (paper) {
      panel.title = panelTitle(paper); // a panel restored before the corpus loaded was titled "Paper"
      if (this.store.index.current()) {
        void this.postWithRelated(panel, paper);
        return;
      }
      // Related papers need the index; show the paper at once and again with them once it is made.
      void this.store.index.ready().then(() => { if (this.panels.get(panel)?.paperId === paperId) this.post(panel); }, (error: unknown) => {
        this.log.info(`paper panel: no related papers (${error instanceof Error ? error.message : String(error)})`);
      });
      const citedIn = this.citedInView(paper);
      if (entry) {
        entry.citedIn = citedIn;
        entry.related = undefined;
      }
      message = { type: 'show', paper: paperView(paper, [], availableFormats(), citedIn, this.store.bundledSources(paper.id)), relatedPending: true, history: this.historyView(entry), state: entry ? this.stateOf(entry) : { paperId } };
    } else if (this.store.state.kind === 'loading') {
      message = { type: 'status', text: 'Loading papers…' };
    } else {
      message = { type: 'missing', paperId, reason: paperId ? 'This paper is no longer in the corpus.' : 'This panel has no paper to show.' };
    }
    void panel.webview.postMessage(message);
  }

  /** Sends the paper with the papers most like it (`related()`, in the search worker for a large corpus). */
  private async postWithRelated(panel: vscode.WebviewPanel, paper: Paper): Promise<void> {
    let related: SearchResult[] = [];
    try {
      related = await this.store.index.ask((engine) => engine.related(paper.id, RELATED_COUNT));
    } catch (error) {
      this.log.info(`paper panel: no related papers (${error instanceof Error ? error.message : String(error)})`);
    }
    const entry = this.panels.get(panel);
    if (entry?.paperId !== paper.id) return; // the panel shows another paper by now
    entry.related = related.map((result) => result.paper.id);
    entry.citedIn = this.citedInView(paper);
    void panel.webview.postMessage({ type: 'show', paper: paperView(paper, related, availableFormats(), entry.citedIn, this.store.bundledSources(paper.id)), history: this.historyView(entry), state: this.stateOf(entry) } satisfies ExtensionMessage);
  }

  dispose(): void {
    for (const panel of [...this.panels.keys()]) panel.dispose();
    this.messageEmitter.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function panelTitle(paper: Paper | undefined): string {
  return paper ? clipAtWord(readableText(paper.title), 48) : 'Paper';
}

function preview(value: unknown): string {
  let text: string;
  try { text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value); } catch { text = String(value); }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** The page: a CSP that allows only our stylesheet and our nonce'd script; the script renders everything. */
function html(webview: vscode.Webview, media: vscode.Uri, script: vscode.Uri): string {
  const nonce = makeNonce();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(script, 'main.js'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css.toString()}">
<title>Paper Scout</title>
</head>
<body>
<main id="app" aria-live="polite"><p class="status">Loading…</p></main>
<script nonce="${nonce}" src="${js.toString()}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
