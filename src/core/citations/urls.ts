import type { Paper } from '../types';
import { readableTitle } from './latexText';

/** Where a paper can be looked up: an arXiv search and a Hugging Face papers search. */
export interface PaperLookupUrls {
  arxiv: string;
  huggingFace: string;
}

/**
 * Links where a paper can be found. The corpus has no arXiv ids (and the links in an abstract point
 * to code or to other papers), so these are title searches:
 * `https://huggingface.co/papers?q=<words>` and `https://arxiv.org/search/?query=<words>&searchtype=title`.
 * The words are the readable title folded to ASCII letters, digits and hyphens, joined by `+`, so
 * the URLs carry no `%`, `#`, braces or spaces and go into BibTeX, Markdown and comments unescaped.
 */
export function paperLookupUrls(paper: Pick<Paper, 'title'>): PaperLookupUrls {
  const query = searchWords(paper.title);
  return {
    arxiv: `https://arxiv.org/search/?query=${query}&searchtype=title`,
    huggingFace: `https://huggingface.co/papers?q=${query}`,
  };
}

/** The title's words for a search query: ASCII letters, digits and hyphens, joined by `+`. */
function searchWords(title: string): string {
  const ascii = readableTitle(title).normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.split(/[^A-Za-z0-9-]+/).filter((word) => /[A-Za-z0-9]/.test(word)).join('+');
}

/** arXiv and Hugging Face Papers searches for what the user typed (for a search that found nothing here). */
export function webSearchUrls(query: string): PaperLookupUrls {
  const encoded = encodeURIComponent(query.trim());
  return {
    arxiv: `https://arxiv.org/search/?query=${encoded}&searchtype=all`,
    huggingFace: `https://huggingface.co/papers?q=${encoded}`,
  };
}
