/** User-defined citation formats: text with `{placeholder}`s filled from a paper. */
import * as z from '../zod';
import type { Paper } from '../types';
import { escapeBibtexLiteral, escapeBibtexTitle } from './bibtexEscape';
import { UNKNOWN_DATE_LABEL } from './displayText';
import { readableTitle } from './latexText';
import { authorsNote, publishedParts } from './paperFacts';
import { paperLookupUrls } from './urls';

/** The placeholders a template may use, each with what it is replaced by (for settings and docs). */
export const TEMPLATE_PLACEHOLDERS = {
  title: 'the title as readable text (LaTeX rendered: S²FT)',
  rawTitle: 'the title as the corpus holds it (with LaTeX: S$^{2}$FT)',
  year: 'the year, or "n.d." when unknown',
  month: 'the month as two digits, or empty',
  date: 'the date as YYYY-MM-DD (as far as known), or empty',
  key: 'the citation key',
  url: 'a Hugging Face papers search for the title',
  arxivUrl: 'an arXiv title search',
  topics: 'the topics, comma-separated',
  authors: 'what is known of the authors ("6 authors", "Organization: X"), or empty',
  upvotes: 'the Hugging Face upvotes, or empty',
  id: 'the paper id',
} as const;

/** The name of a template placeholder. */
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** One user-defined citation format, as written in the settings. */
export const citationTemplateSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'name must not be empty')),
  template: z.string().check(z.minLength(1, 'template must not be empty')),
  description: z.optional(z.string()),
});

/** A user-defined citation format. */
export type CitationTemplate = z.infer<typeof citationTemplateSchema>;

/** Matches `{{`, `}}` (literal braces) and `{name}` placeholders. */
const TOKEN = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Reads the templates setting. Good templates are kept even when others are bad; each problem is one
 * message naming the template's index (and name when it has one): a bad shape, an unknown
 * placeholder, a repeated name. `undefined` and `null` mean no templates. Never throws.
 */
export function parseTemplates(value: unknown): { templates: CitationTemplate[]; errors: string[] } {
  const templates: CitationTemplate[] = [];
  const errors: string[] = [];
  if (value === undefined || value === null) return { templates, errors };
  if (!Array.isArray(value)) {
    return { templates, errors: [`expected a list of templates ({ "name", "template", "description"? }), got ${describe(value)}`] };
  }
  const names = new Set<string>();
  value.forEach((item: unknown, index) => {
    const parsed = citationTemplateSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
        errors.push(`[${index}]${path}: ${issue.message}`);
      }
      return;
    }
    const template = parsed.data;
    const where = `[${index}] "${template.name}"`;
    const unknown = unknownPlaceholders(template.template);
    if (unknown.length > 0) {
      errors.push(`${where}: unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}; known: ${Object.keys(TEMPLATE_PLACEHOLDERS).map((name) => `{${name}}`).join(', ')}; write {{ and }} for literal braces`);
      return;
    }
    if (names.has(template.name)) {
      errors.push(`${where}: another template already has this name`);
      return;
    }
    names.add(template.name);
    templates.push(template);
  });
  return { templates, errors };
}

/** How a citation is rendered for the document it goes into. */
export interface RenderOptions {
  /**
   * The document is LaTeX: what comes from the paper carries no LaTeX command of its own (a title's
   * `\input{...}` would run). `rawTitle` keeps only the LaTeX that formats text (`escapeBibtexTitle`);
   * every other value is escaped as text (`escapeBibtexLiteral`). The template's own text is kept.
   */
  latex?: boolean;
}

/**
 * A paper cited with a template: each `{placeholder}` replaced by its value (see
 * `TEMPLATE_PLACEHOLDERS`), `{{` and `}}` by literal braces, so `\cite{{{key}}}` gives `\cite{awq2023}`.
 * Unknown placeholders are left as written.
 */
export function renderTemplate(template: CitationTemplate | string, paper: Paper, options: RenderOptions = {}): string {
  const text = typeof template === 'string' ? template : template.template;
  const values = options.latex ? latexSafe(placeholderValues(paper)) : placeholderValues(paper);
  return text.replace(TOKEN, (token: string, name: string | undefined) => {
    if (name === undefined) return token[0];
    return Object.hasOwn(values, name) ? values[name as TemplatePlaceholder] : token;
  });
}

/** The value of every placeholder for a paper. */
export function placeholderValues(paper: Paper): Record<TemplatePlaceholder, string> {
  const date = publishedParts(paper.published);
  const two = (value: number): string => String(value).padStart(2, '0');
  const urls = paperLookupUrls(paper);
  return {
    title: readableTitle(paper.title),
    rawTitle: paper.title,
    year: date ? String(date.year) : UNKNOWN_DATE_LABEL,
    month: date?.month ? two(date.month) : '',
    date: date ? [String(date.year), ...(date.month ? [two(date.month)] : []), ...(date.month && date.day ? [two(date.day)] : [])].join('-') : '',
    key: paper.key,
    url: urls.huggingFace,
    arxivUrl: urls.arxiv,
    topics: paper.topics.join(', '),
    authors: authorsNote(paper),
    upvotes: paper.upvotes === null ? '' : String(paper.upvotes),
    id: paper.id,
  };
}

/** The values with nothing in them a LaTeX document would run: see `RenderOptions.latex`. */
function latexSafe(values: Record<TemplatePlaceholder, string>): Record<TemplatePlaceholder, string> {
  const safe = { ...values };
  for (const name of Object.keys(safe) as TemplatePlaceholder[]) safe[name] = name === 'rawTitle' ? escapeBibtexTitle(safe[name]) : escapeBibtexLiteral(safe[name]);
  return safe;
}

/** The placeholder names in a template that are not known, each once. */
function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(TOKEN)) {
    if (match[1] !== undefined && !Object.hasOwn(TEMPLATE_PLACEHOLDERS, match[1])) unknown.add(match[1]);
  }
  return [...unknown];
}

function describe(value: unknown): string {
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
