// mentionsFalsePositives (issue 20): Markdown that other people wrote, the READMEs, CHANGELOGs and
// other .md files of this project's npm dependencies (node_modules, nested ones included), read by the
// citation index as the extension and `refs` read a workspace. Every citation found there is a false
// positive (they are GitHub mentions, npm scopes, decorators, e-mail addresses): the goal is 0.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CitationIndex } from '../src/core/references/citationIndex';
import { DEFAULT_MAX_FILE_BYTES } from '../src/core/references/citationIndexBuild';
import { scanKeySpans } from '../src/core/references/scanCitations';
import { languageIdForPath, textKind } from '../src/core/languages';

/** The mentions figures in `npm run bench -- --json`. */
export const mentionsReportSchema = z.object({
  /** Markdown files read. */
  files: z.number().int().nonnegative(),
  /** Files with at least one `@` outside an e-mail address where pandoc would start a citation. */
  filesWithAt: z.number().int().nonnegative(),
  /** Bare `@word`s in files that show no sign of citing: mentions, counted only for a known key. */
  mentions: z.number().int().nonnegative(),
  /** Citations the index reports over these files (with the bundled papers' keys known): false positives. */
  mentionsFalsePositives: z.number().int().nonnegative(),
  /** The files they are in, for the notes (at most 5). */
  examples: z.array(z.string()),
});

export type MentionsReport = z.infer<typeof mentionsReportSchema>;

/** Every Markdown file under `dir`, nested `node_modules` included, symbolic links not followed. */
function markdownFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) markdownFiles(path, found);
    else if (entry.isFile() && textKind(languageIdForPath(entry.name) ?? '') === 'markdown') found.push(path);
  }
  return found;
}

/** Reads the Markdown under `root` (the project's node_modules) with the index, the bundled papers' keys known. */
export function measureMentions(root: string, paperKeys: ReadonlySet<string>): MentionsReport {
  const files = markdownFiles(root).sort();
  const index = new CitationIndex({ isKnown: (key) => paperKeys.has(key) });
  let filesWithAt = 0;
  let mentions = 0;
  for (const file of files) {
    if (statSync(file).size > DEFAULT_MAX_FILE_BYTES) continue;
    const text = readFileSync(file, 'utf8');
    const spans = scanKeySpans(text, 'markdown');
    if (spans.length > 0) filesWithAt++;
    mentions += spans.filter((span) => span.kind === 'mention').length;
    index.updateFile(file.slice(root.length + 1), text, 'markdown');
  }
  const citations = index.allCitations();
  return {
    files: files.length,
    filesWithAt,
    mentions,
    mentionsFalsePositives: citations.length,
    examples: [...new Set(citations.map((citation) => `${citation.file}:${citation.line} @${citation.key}`))].slice(0, 5),
  };
}

/** The table lines of the mentions section of `npm run bench`. */
export function formatMentions(report: MentionsReport, row: (label: string, value: string) => void): void {
  row('files', `${report.files} Markdown files under node_modules; ${report.filesWithAt} hold an @key, ${report.mentions} bare mentions`);
  row('mentionsFalsePositives', `${report.mentionsFalsePositives}   (citations found there; goal 0)${report.examples.length > 0 ? `: ${report.examples.join(', ')}` : ''}`);
}
