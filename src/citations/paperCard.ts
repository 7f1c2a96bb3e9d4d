/**
 * The text of a paper as completion items and hovers show it: a one-line detail, an abstract
 * excerpt, and the Markdown card of the hover. Pure (no `vscode`); all paper text is escaped, so a
 * title or abstract can never add links, images, HTML or command links of its own.
 */
import { COMMANDS } from '../commands/commandIds';
import { readableTitle } from '../core/citations/latexText';
import { authorsNote } from '../core/citations/paperFacts';
import type { Paper } from '../core/types';

/** Escapes every character that Markdown could read as syntax, and folds line breaks into spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&=:"'$^]/g, '\\$&');
}

/** The year, or "n.d." when unknown. */
export function paperYear(paper: Pick<Paper, 'published'>): string {
  return /^(\d{4})/.exec(paper.published ?? '')?.[1] ?? 'n.d.';
}

/** The completion item's detail: the readable title and the year. */
export function completionDetail(paper: Paper): string {
  return `${readableTitle(paper.title)} (${paperYear(paper)})`;
}

/**
 * What VS Code filters completion items by: `prefix` (the text the item replaces before the key, such
 * as `@`), the key, then the title's words and the year, so typing a title word finds the paper.
 * VS Code scores only the first 128 characters, so the title is cut there.
 */
export function completionFilterText(paper: Paper, prefix = ''): string {
  return `${prefix}${paper.key} ${readableTitle(paper.title)} ${paperYear(paper)}`.slice(0, 128);
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

/** The facts line of a card: date, topics, upvotes, authors, as escaped Markdown. */
function factsLine(paper: Paper): string {
  const facts = [paper.published ? escapeMarkdown(paper.published) : 'date unknown'];
  if (paper.topics.length > 0) facts.push(paper.topics.map(escapeMarkdown).join(', '));
  if (paper.upvotes !== null) facts.push(`${paper.upvotes} ${paper.upvotes === 1 ? 'upvote' : 'upvotes'}`);
  const authors = authorsNote(paper);
  if (authors) facts.push(escapeMarkdown(authors));
  return facts.join(' · ');
}

/** A completion item's documentation: facts line and abstract excerpt, as escaped Markdown. */
export function completionDocumentation(paper: Paper): string {
  const parts = [`**${escapeMarkdown(readableTitle(paper.title))}**`, factsLine(paper)];
  const excerpt = abstractExcerpt(paper.abstract);
  if (excerpt) parts.push(escapeMarkdown(excerpt));
  return parts.join('\n\n');
}

/**
 * The `command:` link that opens a paper in the panel: the Open Paper command, then its arguments (the
 * paper id) as URI-encoded JSON, as VS Code's trusted Markdown expects.
 */
export function openPaperCommandUri(paper: Pick<Paper, 'id'>): string {
  return `command:${COMMANDS.openPaper}?${encodeURIComponent(JSON.stringify([paper.id]))}`;
}

/**
 * The hover card: the title linking to the paper panel, the key, the facts line (date, topics,
 * upvotes, authors) and the first lines of the abstract, as Markdown where only the link is not
 * escaped paper text.
 */
export function hoverCard(paper: Paper): string {
  const openUri = openPaperCommandUri(paper);
  const title = escapeMarkdown(readableTitle(paper.title));
  const parts = [
    `**[${title}](${openUri} "Open in Paper Scout")**`,
    `\`${paper.key.replace(/`/g, '')}\` · ${factsLine(paper)}`,
  ];
  const excerpt = abstractExcerpt(paper.abstract, 420);
  if (excerpt) parts.push(escapeMarkdown(excerpt));
  parts.push(`[Open in Paper Scout](${openUri})`);
  return parts.join('\n\n');
}
