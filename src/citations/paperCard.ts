/**
 * The text of a paper as completion items and hovers show it: a one-line detail, an abstract
 * excerpt, and the Markdown card of the hover. Pure (no `vscode`); all paper text is escaped, so a
 * title or abstract can never add links, images, HTML or command links of its own.
 */
import { COMMANDS } from '../commands/commandIds';
import { authorsShort, citationFacts, type CitablePaper } from '../core/citations/citationFacts';
import { clipAtWord, dateLabel, escapeMarkdown, markdownText, yearLabel } from '../core/citations/displayText';
import { readableText } from '../core/citations/latexText';
import { authorsNote } from '../core/citations/paperFacts';
import type { Paper } from '../core/types';

/** How long a completion row's readable label (its short title) may be. */
const SHORT_TITLE_LENGTH = 48;

/**
 * A paper's short title: the name before the title's colon when there is a short one ("LQ-LoRA"), else
 * the readable title cut between words.
 */
export function shortTitle(paper: Pick<Paper, 'title'>): string {
  const title = readableText(paper.title);
  const colon = title.indexOf(':');
  if (colon > 0 && colon <= 40) return title.slice(0, colon).trim();
  return clipAtWord(title, SHORT_TITLE_LENGTH);
}

/**
 * A completion row: the key, and beside it a readable label — the short title, the year and the first
 * author, each where known ("LQ-LoRA · 2023 · Guo et al."). The shape of VS Code's `CompletionItemLabel`.
 */
export function completionLabel(paper: CitablePaper): { label: string; description: string } {
  const facts = citationFacts(paper);
  const parts = [shortTitle(paper), facts.date ? String(facts.date.year) : '', authorsShort(facts)];
  return { label: paper.key, description: parts.filter(Boolean).join(' · ') };
}

/** The completion item's detail: the readable title and the year (`n.d.` when unknown). */
export function completionDetail(paper: Paper): string {
  return `${readableText(paper.title)} (${yearLabel(paper.published)})`;
}

/**
 * What VS Code filters completion items by: `prefix` (the text the item replaces before the key, such
 * as `@`), the key, then the title's words and the year, so typing a title word finds the paper.
 * VS Code scores only the first 128 characters, so the title is cut there.
 */
export function completionFilterText(paper: Paper, prefix = ''): string {
  return `${prefix}${paper.key} ${readableText(paper.title)} ${yearLabel(paper.published)}`.slice(0, 128);
}

/**
 * The first sentences of the abstract, up to about `maxLength` characters: cut at the last sentence
 * end that fits, else at a word, with an ellipsis when something was left out.
 */
export function abstractExcerpt(abstract: string, maxLength = 360): string {
  const text = abstract.replace(/\s+/g, ' ').trim();
  if (text.length <= maxLength) return text;
  const head = text.slice(0, maxLength + 1);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  if (sentenceEnd >= maxLength / 2) return `${head.slice(0, sentenceEnd + 1)} …`;
  const wordEnd = head.lastIndexOf(' ');
  return `${head.slice(0, wordEnd > 0 ? wordEnd : maxLength).replace(/[\s,;:]+$/, '')} …`;
}

/** The facts line of a card: date (`n.d.` when unknown), topics, upvotes, authors, as escaped Markdown. */
function factsLine(paper: Paper): string {
  const facts = [markdownText(dateLabel(paper.published))];
  if (paper.topics.length > 0) facts.push(paper.topics.map(markdownText).join(', '));
  if (paper.upvotes !== null) facts.push(`${paper.upvotes} ${paper.upvotes === 1 ? 'upvote' : 'upvotes'}`);
  const authors = authorsNote(paper);
  if (authors) facts.push(markdownText(authors));
  return facts.join(' · ');
}

/** The readable abstract's first sentences as Markdown: escaped, with links that stop where the URL does. */
function abstractMarkdown(paper: Paper, maxLength: number): string {
  return markdownText(abstractExcerpt(readableText(paper.abstract), maxLength));
}

/** The readable title as escaped Markdown on one line. */
function titleMarkdown(paper: Paper): string {
  return escapeMarkdown(readableText(paper.title));
}

/** A completion item's documentation: facts line and abstract excerpt, as escaped Markdown. */
export function completionDocumentation(paper: Paper): string {
  const parts = [`**${titleMarkdown(paper)}**`, factsLine(paper)];
  const excerpt = abstractMarkdown(paper, 360);
  if (excerpt) parts.push(excerpt);
  return parts.join('\n\n');
}

/**
 * The `command:` link that opens a paper in the panel: the Open Paper command, then its arguments (the
 * paper id) as URI-encoded JSON, as VS Code's trusted Markdown expects.
 */
export function openPaperCommandUri(paper: Pick<Paper, 'id'>): string {
  return `command:${COMMANDS.openPaper}?${encodeURIComponent(JSON.stringify([paper.id]))}`;
}

/** A key as inline code: backticks cannot occur in keys, and are dropped should one ever. */
function keyCode(key: string): string {
  return `\`${key.replace(/`/g, '')}\``;
}

/**
 * The hover card: the title linking to the paper panel, the key, the facts line (date, topics,
 * upvotes, authors) and the first lines of the abstract, as Markdown where only the link is not
 * escaped paper text. `citedAs` is the key the document wrote; when it is one of the paper's old keys
 * (an alias), the card says which key the paper has now.
 */
export function hoverCard(paper: Paper, citedAs: string = paper.key): string {
  const openUri = openPaperCommandUri(paper);
  const key = citedAs === paper.key ? keyCode(paper.key) : `${keyCode(citedAs)} (an older key of ${keyCode(paper.key)})`;
  const parts = [
    `**[${titleMarkdown(paper)}](${openUri} "Open in Paper Scout")**`,
    `${key} · ${factsLine(paper)}`,
  ];
  const excerpt = abstractMarkdown(paper, 420);
  if (excerpt) parts.push(excerpt);
  parts.push(`[Open in Paper Scout](${openUri})`);
  return parts.join('\n\n');
}
