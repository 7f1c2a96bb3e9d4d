/**
 * CSL items, as Zotero (with or without Better BibTeX) and Pandoc write them, read into library
 * entries: CSL-JSON (an array of items) and CSL YAML (`references:`, as Pandoc reads it). Each item is
 * checked with zod on its own, so one bad item costs only itself and is reported with its line and
 * JSON path; both are read item by item, in steps, linear in the file's size.
 */
import { parse as parseYaml } from 'yaml';
import { entryHash } from '../citations/bibFile';
import { LIBRARY_KEY } from '../paper';
import { readJsonArraySteps } from '../corpus/jsonPapers';
import { clip } from '../corpus/records';
import { formatPath } from '../diagnostics';
import type { Progress } from '../slices';
import { ForwardPosition } from '../sourceText/lineStarts';
import type { Diagnostic, PersonName } from '../types';
import * as z from '../zod';
import {
  arxivFromLink, dateFromParts, isoDateText, normalizeArxiv, normalizeDoi, normalizeUrl, splitKeywords,
  type LibraryEntry, type LibraryFileRead, type LibraryFormat,
} from './libraryEntry';

const text = (): z.ZodMiniOptional<z.ZodMiniUnion<[z.ZodMiniString, z.ZodMiniNumber]>> => z.optional(z.union([z.string(), z.number()]));

const nameSchema = z.looseObject({
  family: text(),
  given: text(),
  literal: text(),
  'non-dropping-particle': text(),
  'dropping-particle': text(),
  suffix: text(),
});

const datePart = z.union([z.number(), z.string()]);

/** A CSL date: `{date-parts: [[2017, 6, 12]]}`, `{raw: "2017-06-12"}`, an EDTF string or year (YAML), or pandoc-citeproc's `[{year: 2017}]`. */
const dateSchema = z.union([
  z.looseObject({ 'date-parts': z.optional(z.array(z.array(datePart))), raw: z.optional(z.string()), literal: z.optional(z.string()) }),
  z.string(),
  z.number(),
  z.array(z.looseObject({ year: z.optional(datePart), month: z.optional(datePart), day: z.optional(datePart) })),
]);

/** One CSL item: the fields Paper Scout reads (every other field is allowed and left alone). */
export const cslItemSchema = z.looseObject({
  id: z.union([z.string().check(z.minLength(1)), z.number()]),
  type: z.optional(z.string()),
  'citation-key': z.optional(z.string()),
  title: text(),
  author: z.optional(z.array(nameSchema)),
  editor: z.optional(z.array(nameSchema)),
  issued: z.optional(dateSchema),
  'container-title': text(),
  'collection-title': text(),
  'event-title': text(),
  DOI: text(),
  URL: text(),
  number: text(),
  note: text(),
  abstract: text(),
  keyword: text(),
});

type CslItem = z.infer<typeof cslItemSchema>;
type CslName = z.infer<typeof nameSchema>;

/** Reads CSL-JSON: a top-level array of items, one `JSON.parse` and one check per item. */
export function* readCslJsonSteps(source: string, file: string): Generator<Progress, LibraryFileRead> {
  const reader = new ItemReader('csl-json', file, source);
  const problem = yield* readJsonArraySteps(source, file, (value, index, from, to) => reader.add(value, index, from, source.slice(from, to)));
  if (problem) reader.diagnostics.push(problem);
  // An array that breaks off before its `]` is a file caught half-written.
  return { ...reader.result(), truncated: problem !== null && !source.trimEnd().endsWith(']') };
}

/**
 * Reads CSL YAML: the `references:` list of a YAML document (or a document that is a list), each item
 * parsed with the `yaml` library on its own. Items are found by their `- ` at the list's indentation.
 */
export function* readCslYamlSteps(source: string, file: string): Generator<Progress, LibraryFileRead> {
  const reader = new ItemReader('csl-yaml', file, source);
  const items = yamlListItems(source);
  if (!items) return readWholeYaml(source, reader);
  let lastFailed = false;
  for (const [index, item] of items.entries()) {
    const body = source.slice(item.start, item.end);
    lastFailed = true;
    let value: unknown;
    try {
      value = parseYaml(dedent(body, item.indent), { maxAliasCount: 0, prettyErrors: false, uniqueKeys: false });
    } catch (error) {
      reader.diagnostics.push({ file, line: reader.lineOf(item.start), message: `item ${index + 1} is not valid YAML (${clip((error as Error).message.split('\n')[0])}); it is left out`, severity: 'error' });
      continue;
    }
    lastFailed = !reader.add(Array.isArray(value) ? value[0] : value, index, item.start, body);
    if (index % 64 === 63) yield { done: item.end, total: source.length };
  }
  // A last item that breaks off is what a file caught half-written looks like.
  return { ...reader.result(), truncated: lastFailed };
}

/**
 * A YAML document whose list is not written as a block list (`references: [...]`), parsed whole: its
 * items are checked as usual, each reported at the document's first line.
 */
function readWholeYaml(source: string, reader: ItemReader): LibraryFileRead {
  let document: unknown;
  try {
    document = parseYaml(source, { maxAliasCount: 0, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    reader.report(1, `not valid YAML (${clip((error as Error).message.split('\n')[0])})`);
    return reader.result();
  }
  const references = Array.isArray(document) ? document : (document as { references?: unknown } | null)?.references;
  if (!Array.isArray(references)) {
    reader.report(null, 'no "references:" list of CSL items found (CSL YAML, as Pandoc reads it, is a "references:" list)');
    return reader.result();
  }
  references.forEach((item, index) => reader.add(item, index, 0, JSON.stringify(item) ?? ''));
  return reader.result();
}

/** An item of a YAML block list: where its text is, and the indentation of its `- `. */
interface YamlItem {
  start: number;
  end: number;
  indent: number;
}

/**
 * The items of the top-level `references:` list (or of a document that is a block list), found line by
 * line: an item starts with `- ` at the list's indentation and runs to the next one, or to the first
 * line less indented (the next key) or a document marker. Null when there is no such list. Linear.
 */
function yamlListItems(source: string): YamlItem[] | null {
  const items: YamlItem[] = [];
  let listIndent = -1;
  let inList = false;
  let current: YamlItem | null = null;
  const close = (at: number): void => {
    if (current) {
      current.end = at;
      items.push(current);
      current = null;
    }
  };
  for (let lineStart = 0; lineStart < source.length; ) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? source.length : newline;
    const next = newline < 0 ? source.length : newline + 1;
    let indent = 0;
    while (source[lineStart + indent] === ' ') indent++;
    const content = source.slice(lineStart + indent, Math.min(lineEnd, lineStart + indent + 16));
    const blank = content.trim() === '' || content.startsWith('#');
    if (!inList) {
      if (indent === 0 && /^references:\s*(?:#.*)?$/.test(source.slice(lineStart, Math.min(lineEnd, lineStart + 64)).trimEnd())) inList = true;
      else if (indent === 0 && items.length === 0 && listIndent < 0 && content.startsWith('- ') && !/^---/.test(content)) {
        inList = true;
        continue; // this line is the list's first item
      }
    } else if (!blank) {
      if (listIndent < 0 && content.startsWith('-')) listIndent = indent;
      if (listIndent >= 0 && indent === listIndent && (content.startsWith('- ') || /^-\s*$/.test(content))) {
        close(lineStart);
        current = { start: lineStart, end: lineStart, indent };
      } else if (listIndent < 0 || indent <= listIndent) {
        // The next key, a document marker, or a list that never started: the list ends here.
        close(lineStart);
        break;
      }
    }
    lineStart = next;
  }
  close(source.length);
  return inList ? items : null;
}

/** The lines of `body` without the first `indent` spaces of each (an item of an indented list, made top-level). */
function dedent(body: string, indent: number): string {
  if (indent === 0) return body;
  const prefix = ' '.repeat(indent);
  return body.split('\n').map((line) => (line.startsWith(prefix) ? line.slice(indent) : line.trimStart())).join('\n');
}

/** Checks items one at a time and turns them into entries, reporting each bad one at its line. */
class ItemReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly entries: LibraryEntry[] = [];
  private readonly keys = new Map<string, number>();
  private readonly lines: ForwardPosition;

  constructor(private readonly format: LibraryFormat, private readonly file: string, source: string) {
    this.lines = new ForwardPosition(source);
  }

  /** The 1-based line of `offset`; offsets must come in increasing order. */
  lineOf(offset: number): number {
    return this.lines.at(offset).line;
  }

  /** Reads the item at `index` (at `offset`); false when it is left out (reported). */
  add(value: unknown, index: number, offset: number, itemText: string): boolean {
    const line = this.lineOf(offset);
    const checked = cslItemSchema.safeParse(value);
    if (!checked.success) {
      for (const issue of checked.error.issues.slice(0, 3)) {
        this.diagnostics.push({ file: this.file, line, path: formatPath([index, ...issue.path]), message: `${issue.message}; the item is left out`, severity: 'error' });
      }
      return false;
    }
    const item = checked.data;
    const key = String(item['citation-key'] ?? item.id).trim();
    if (!LIBRARY_KEY.test(key)) {
      this.report(line, `the item's id "${clip(key)}" cannot be a citation key (it has spaces or one of "#%'(),={}\\~); the item is left out`);
      return false;
    }
    const first = this.keys.get(key);
    if (first !== undefined) {
      this.report(line, `the key "${clip(key)}" is defined again (first at line ${first}); the first item is kept`, 'warning');
      return true;
    }
    this.keys.set(key, line);
    const title = richText(item.title, this.format);
    if (!title) {
      this.report(line, `the item "${clip(key)}" has no title, so it is not shown as a paper`, 'warning');
      return true;
    }
    const doi = item.DOI !== undefined ? normalizeDoi(String(item.DOI)) : null;
    const url = item.URL !== undefined ? normalizeUrl(String(item.URL)) : null;
    const authors = people(item.author);
    this.entries.push({
      key,
      type: item.type ?? 'article',
      line,
      hash: entryHash(itemText),
      title,
      abstract: richText(item.abstract, this.format),
      authors: authors.names,
      editors: people(item.editor).names,
      moreAuthors: authors.more,
      published: cslDate(item.issued),
      venue: richText(item['container-title'] ?? item['collection-title'] ?? item['event-title'], this.format) || null,
      keywords: item.keyword !== undefined ? splitKeywords(String(item.keyword)) : [],
      doi,
      arxiv: cslArxiv(item, doi, url),
      url,
    });
    return true;
  }

  result(): LibraryFileRead {
    return { format: this.format, entries: this.entries, diagnostics: this.diagnostics };
  }

  report(line: number | null, message: string, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push({ file: this.file, line, message, severity });
  }
}

/**
 * A CSL text field as plain text: CSL's HTML-like rich text (`<i>`, `<b>`, `<sup>`, `<span class="nocase">`)
 * and, in YAML (Markdown for Pandoc), `*emphasis*` and `**strong**` markers dropped; white space collapsed.
 */
function richText(value: string | number | undefined, format: LibraryFormat): string {
  if (value === undefined) return '';
  let result = String(value).replace(/<\/?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^<>]{0,200})?>/gi, '');
  if (format === 'csl-yaml') result = result.replace(/(\*{1,2})(?=\S)([^*\n]{1,1000}?)(?<=\S)\1/g, '$2');
  return result.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** CSL names as people: `family` (with its particles and suffix) and `given`, or a `literal` name; `others` means et al. */
function people(names: readonly CslName[] | undefined): { names: PersonName[]; more: boolean } {
  const result: PersonName[] = [];
  let more = false;
  for (const name of names ?? []) {
    const literal = name.literal !== undefined ? String(name.literal).trim() : '';
    const family = [name['non-dropping-particle'], name.family, name.suffix].filter((part) => part !== undefined && String(part).trim()).map(String).join(' ').trim();
    const given = [name.given, name['dropping-particle']].filter((part) => part !== undefined && String(part).trim()).map(String).join(' ').trim();
    if (literal.toLowerCase() === 'others' || (family.toLowerCase() === 'others' && !given)) {
      more = true;
      continue;
    }
    if (literal) result.push({ family: literal });
    else if (family) result.push(given ? { family, given } : { family });
    else if (given) result.push({ family: given });
  }
  return { names: result, more };
}

/** A CSL date as far as it is known (the start of a range), or null. */
function cslDate(issued: CslItem['issued']): string | null {
  if (issued === undefined) return null;
  if (typeof issued === 'string' || typeof issued === 'number') return isoDateText(String(issued));
  if (Array.isArray(issued)) {
    const first = issued[0];
    return first && first.year !== undefined ? dateFromParts(Number(first.year), Number(first.month) || null, Number(first.day) || null) : null;
  }
  const parts = issued['date-parts']?.[0];
  if (parts && parts.length > 0 && Number.isInteger(Number(parts[0]))) return dateFromParts(Number(parts[0]), Number(parts[1]) || null, Number(parts[2]) || null);
  if (issued.raw) return isoDateText(issued.raw);
  return issued.literal ? isoDateText(issued.literal) : null;
}

/** The arXiv id: an arXiv DOI or URL, else `number` (Zotero writes "arXiv:1706.03762") or a note saying so. */
function cslArxiv(item: CslItem, doi: string | null, url: string | null): string | null {
  for (const link of [doi, url]) {
    const id = link ? arxivFromLink(link) : null;
    if (id) return id;
  }
  const number = item.number !== undefined ? String(item.number) : '';
  const container = item['container-title'] !== undefined ? String(item['container-title']) : '';
  if (/^arxiv/i.test(number) || /arxiv/i.test(container)) {
    const id = normalizeArxiv(number);
    if (id) return id;
  }
  const note = item.note !== undefined ? /arxiv:\s*(\S+)/i.exec(String(item.note)) : null;
  return note ? normalizeArxiv(note[1]) : null;
}
