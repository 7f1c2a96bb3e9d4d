// The paper panel's script (bundled to dist/webview/main.js). It builds the page from the paper the
// extension sends, with DOM calls and textContent only: no corpus string is ever parsed as HTML.
import type { CitedInView, ExtensionMessage, FormatView, PanelHistoryView, PanelState, PaperView, WebviewMessage } from '../shared/panelProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

/** Creates an element with a class and text (as text, never HTML). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, className: string, action: Record<string, string>, title?: string): HTMLButtonElement {
  const node = element('button', className, label);
  node.type = 'button';
  for (const [name, value] of Object.entries(action)) node.dataset[name] = value;
  if (title) node.title = title;
  return node;
}

/**
 * A link that only the extension opens, after checking it is http(s). It has no `href`: VS Code's
 * webview opens any clicked `<a href>` by itself, which would open the page twice and around the
 * extension's check. Role, tab stop and Enter (see the keydown listener) keep it a link for keyboard
 * and screen-reader users.
 */
function link(url: string, text = url): HTMLElement {
  if (!/^https?:\/\//i.test(url)) return element('span', 'url', text);
  const anchor = element('a', 'url', text);
  anchor.setAttribute('role', 'link');
  anchor.tabIndex = 0;
  anchor.title = url;
  anchor.dataset.action = 'openLink';
  anchor.dataset.url = url;
  return anchor;
}

function section(title: string, id: string): HTMLElement {
  const node = element('section', id);
  node.setAttribute('aria-labelledby', `${id}-heading`);
  const heading = element('h2', undefined, title);
  heading.id = `${id}-heading`;
  node.append(heading);
  return node;
}

/** What is known of the paper's date, authors and upvotes; what is not known is left out. */
function metaLine(paper: PaperView): string {
  const parts = paper.published ? [paper.published] : [];
  if (paper.venue) parts.push(paper.venue);
  if (paper.authorsCount !== null && !paper.authors) parts.push(`${paper.authorsCount} ${paper.authorsCount === 1 ? 'author' : 'authors'}`);
  if (paper.organization) parts.push(paper.organization);
  if (paper.upvotes !== null) parts.push(`▲ ${paper.upvotes} ${paper.upvotes === 1 ? 'upvote' : 'upvotes'}`);
  return parts.join(' · ');
}

function formatBlock(paper: PaperView, format: FormatView): HTMLElement {
  const block = element('div', 'format');
  const head = element('div', 'format-head');
  const label = element('span', 'format-label', format.label);
  const description = element('span', 'format-description', format.description);
  const buttons = element('span', 'format-buttons');
  buttons.append(
    button('Insert', 'secondary', { action: 'insertCitation', format: format.id }, `Insert as ${format.label} in the editor`),
    button('Copy', 'secondary', { action: 'copyCitation', format: format.id }, `Copy as ${format.label}`),
  );
  head.append(label, description, buttons);
  const text = element('pre', 'format-text');
  text.append(element('code', undefined, format.text));
  block.append(head, text);
  block.dataset.paperId = paper.id;
  return block;
}

/** The "Cited in" section: each place in the workspace that cites the paper, as a button that opens it. */
function citedInSection(view: CitedInView): HTMLElement {
  const node = section('Cited In', 'cited-in');
  if (view.state === 'off') {
    node.append(element('p', 'status', 'Workspace citations are off (setting: Paper Scout › Workspace Citations: Enabled).'));
    return node;
  }
  if (view.state === 'idle') {
    node.append(
      element('p', 'status', 'Nothing in this workspace cites yet (no LaTeX, BibTeX or citing Markdown file), so Paper Scout has not read its files.'),
      button('Look for Citations', 'secondary', { action: 'findCitations' }, 'Read the workspace\'s files for citations, @cite: comments in code included'),
    );
    return node;
  }
  if (view.places.length === 0) {
    node.append(element('p', 'status', view.state === 'building' ? 'Looking for citations in the workspace…' : 'Not cited in this workspace.'));
    return node;
  }
  node.append(element('p', 'status', view.total === 1 ? 'One place in this workspace:' : `${view.total} places in this workspace:`));
  const list = element('ul', 'cited-list');
  // Two places on one line read the same by file and line: those say their column too.
  const lines = new Map<string, number>();
  for (const place of view.places) lines.set(`${place.uri}:${place.line}`, (lines.get(`${place.uri}:${place.line}`) ?? 0) + 1);
  for (const place of view.places) {
    const item = element('li');
    const where = `${place.file}:${place.line}${(lines.get(`${place.uri}:${place.line}`) ?? 0) > 1 ? `:${place.column}` : ''}`;
    item.append(button(where, 'cited-place', { action: 'openCitation', uri: place.uri, line: String(place.line), column: String(place.column) },
      `Open ${place.file} at line ${place.line}, column ${place.column}`));
    list.append(item);
  }
  node.append(list);
  if (view.total > view.places.length) node.append(element('p', 'status', `…and ${view.total - view.places.length} more places.`));
  if (view.state === 'building') node.append(element('p', 'status', 'Still looking in the rest of the workspace…'));
  return node;
}

/**
 * The "Sources" section: the entries of the user's library that are the paper (each a button that
 * opens the entry, named by file and line), whether it is one of the bundled corpus's papers, then the
 * user's other files it was read from.
 */
function sourcesSection(paper: PaperView): HTMLElement {
  const node = section('Sources', 'sources');
  if (paper.library.length > 0) {
    node.append(element('p', 'status', paper.library.length === 1 ? 'In your library:' : `In your library, ${paper.library.length} entries:`));
    const list = element('ul', 'library-list');
    paper.library.forEach((entry, index) => {
      const item = element('li');
      item.append(button(`${entry.name}:${entry.line}`, 'library-entry', { action: 'openLibraryEntry', index: String(index) }, `Open ${entry.file} at line ${entry.line}`));
      item.append(element('span', 'library-key', ` @${entry.type}{${entry.key}}`));
      list.append(item);
    });
    node.append(list);
  }
  if (paper.bundled) node.append(element('p', 'status bundled-source', `${paper.library.length > 0 ? 'Also in' : 'From'} the bundled corpus (Hugging Face Daily Papers), which ships with Paper Scout.`));
  if (paper.sources.length > 0) {
    const shown = paper.sources.slice(0, 8);
    node.append(element('p', 'status', `${paper.library.length > 0 || paper.bundled ? 'Also read from your file' : 'Read from your file'}${paper.sources.length > 1 ? 's' : ''} ${shown.join(', ')}${paper.sources.length > shown.length ? ` and ${paper.sources.length - shown.length} more` : ''}.`));
  }
  if (paper.library.length === 0 && paper.sources.length === 0 && !paper.bundled) node.append(element('p', 'status', 'No source file is known.'));
  return node;
}

/**
 * Puts a new "Cited in" section in place of the old one, keeping the keyboard focus on the same entry
 * while the panel has the focus. An entry stays the iframe's active element after the user opened its
 * place in an editor; focusing its successor then would pull the focus back from that editor.
 */
function updateCitedIn(view: CitedInView): void {
  const old = app.querySelector('section.cited-in');
  if (!old) return;
  const buttons = Array.from(old.querySelectorAll('button'));
  const focused = document.hasFocus() ? buttons.findIndex((candidate) => candidate === document.activeElement) : -1;
  const fresh = citedInSection(view);
  old.replaceWith(fresh);
  if (focused < 0) return;
  const next = fresh.querySelectorAll('button');
  const heading = fresh.querySelector('h2') as HTMLElement;
  heading.tabIndex = -1; // focusable from script only, for when the entry that had the focus is gone
  (next[Math.min(focused, next.length - 1)] ?? heading).focus();
}

/** The back and forward buttons, each naming the paper it goes to; disabled where there is none. */
function historyBar(history: PanelHistoryView): HTMLElement {
  const nav = element('nav', 'history');
  nav.setAttribute('aria-label', 'Paper history');
  const back = button('← Back', 'secondary history-button', { action: 'navigate', direction: 'back' },
    history.back ? `Back to “${history.back.title}” (Alt+Left)` : 'No paper to go back to');
  const forward = button('Forward →', 'secondary history-button', { action: 'navigate', direction: 'forward' },
    history.forward ? `Forward to “${history.forward.title}” (Alt+Right)` : 'No paper to go forward to');
  back.disabled = !history.back;
  forward.disabled = !history.forward;
  nav.append(back, forward);
  return nav;
}

function render(paper: PaperView, relatedPending: boolean, history: PanelHistoryView, state: PanelState): void {
  const header = element('header');
  if (history.back || history.forward) header.append(historyBar(history));
  const title = element('h1', 'title', paper.title);
  title.tabIndex = -1;
  header.append(title);
  if (paper.authors) header.append(element('p', 'authors', paper.authors));
  const meta = metaLine(paper);
  if (meta) header.append(element('p', 'meta', meta));
  const key = element('p', 'key');
  key.append('Citation key ', element('code', undefined, paper.key));
  header.append(key);
  if (paper.topics.length > 0) {
    const topics = element('ul', 'topics');
    topics.setAttribute('aria-label', 'Topics');
    for (const topic of paper.topics) {
      const item = element('li');
      item.append(button(topic, 'chip', { action: 'revealTopic', topic }, `Show this paper under “${topic}” in the Topics view`));
      topics.append(item);
    }
    header.append(topics);
  }
  const actions = element('div', 'actions');
  actions.append(
    button('Insert Citation…', 'primary', { action: 'insertCitation' }, 'Choose a format and insert the citation in the editor'),
    button('Copy Citation', 'secondary', { action: 'copyCitation' }, 'Copy the citation in the format for the last editor'),
  );
  header.append(actions);

  const abstract = section('Abstract', 'abstract');
  abstract.append(element('p', 'abstract-text', paper.abstract || 'No abstract.'));

  const links = section('Links', 'links');
  if (paper.identifiers.length > 0) {
    const own = element('ul', 'link-list');
    for (const identifier of paper.identifiers) {
      const item = element('li');
      item.append(link(identifier.url, identifier.label));
      own.append(item);
    }
    links.append(element('h3', undefined, 'This paper'), own);
  }
  if (paper.links.length > 0) {
    const list = element('ul', 'link-list');
    for (const url of paper.links) {
      const item = element('li');
      item.append(link(url));
      list.append(item);
    }
    links.append(element('h3', undefined, 'In the abstract'), list);
  }
  const lookup = element('ul', 'link-list');
  for (const [label, url] of [['Search arXiv', paper.lookup.arxiv], ['Search Hugging Face Papers', paper.lookup.huggingFace]]) {
    const item = element('li');
    item.append(link(url, label));
    lookup.append(item);
  }
  links.append(element('h3', undefined, 'Look it up'), lookup);

  const cite = section('Cite', 'cite');
  if (paper.missing.length > 0) {
    cite.append(element('p', 'status missing', `Not known for this paper: ${listed(paper.missing)}. The citations below hold only what is known; add the paper to your own library for a full entry.`));
  }
  for (const format of paper.formats) cite.append(formatBlock(paper, format));

  const related = section('Related Papers', 'related');
  if (relatedPending) related.append(element('p', 'status', 'Finding related papers…'));
  else if (paper.related.length === 0) related.append(element('p', 'status', 'No related papers found.'));
  else {
    const list = element('ul', 'related-list');
    for (const other of paper.related) {
      const item = element('li');
      item.append(button(other.title, 'related-paper', { action: 'openPaper', paperId: other.id }, 'Open this paper'));
      if (other.published) item.append(element('span', 'related-date', other.published));
      list.append(item);
    }
    related.append(list);
  }

  const previous = app.dataset.paperId;
  app.replaceChildren(header, abstract, citedInSection(paper.citedIn), sourcesSection(paper), links, cite, related);
  app.dataset.paperId = paper.id;
  vscode.setState(state);
  if (previous !== paper.id) {
    window.scrollTo(0, 0);
    if (previous) title.focus();
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function showStatus(text: string, className = 'status'): void {
  app.replaceChildren(element('p', className, text));
}

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  switch (message.type) {
    case 'show':
      render(message.paper, message.relatedPending === true, message.history, message.state);
      break;
    case 'citedIn':
      if (app.dataset.paperId === message.paperId) updateCitedIn(message.citedIn);
      break;
    case 'missing':
      showStatus(message.reason, 'status error');
      break;
    case 'status':
      showStatus(message.text);
      break;
  }
});

app.addEventListener('click', (event) => {
  const target = (event.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target) return;
  event.preventDefault();
  const paperId = app.dataset.paperId ?? '';
  const { action, format, url, topic, direction } = target.dataset;
  switch (action) {
    case 'navigate':
      if (direction === 'back' || direction === 'forward') vscode.postMessage({ type: 'navigate', direction });
      break;
    case 'openLink':
      if (url) vscode.postMessage({ type: 'openLink', url });
      break;
    case 'revealTopic':
      if (topic) vscode.postMessage({ type: 'revealTopic', topic });
      break;
    case 'openPaper':
      if (target.dataset.paperId) vscode.postMessage({ type: 'openPaper', paperId: target.dataset.paperId });
      break;
    case 'openLibraryEntry':
      if (target.dataset.index) vscode.postMessage({ type: 'openLibraryEntry', paperId, index: Number(target.dataset.index) });
      break;
    case 'openCitation':
      if (target.dataset.uri) {
        vscode.postMessage({ type: 'openCitation', paperId, uri: target.dataset.uri, line: Number(target.dataset.line), column: Number(target.dataset.column) });
      }
      break;
    case 'insertCitation':
    case 'copyCitation':
      vscode.postMessage({ type: action, paperId, ...(format ? { format } : {}) });
      break;
    default:
      // Not an action of this page: nothing to do.
      break;
    case 'findCitations':
      vscode.postMessage({ type: 'findCitations' });
      break;
  }
});

// Links are not buttons: Enter activates them as it would a real link.
app.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.matches('a[data-action]')) {
    event.preventDefault();
    target.click();
  }
});

// Alt+Left and Alt+Right go back and forward through the workbench's keybindings (VS Code forwards
// the keys to them); the page itself has no history of its own to move through.
window.addEventListener('keydown', (event) => {
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) event.preventDefault();
});

// The mouse's back and forward buttons.
window.addEventListener('mouseup', (event) => {
  if (event.button !== 3 && event.button !== 4) return;
  event.preventDefault();
  vscode.postMessage({ type: 'navigate', direction: event.button === 3 ? 'back' : 'forward' });
});

vscode.postMessage({ type: 'ready' });
