/**
 * The bibliographies a document says it uses: LaTeX's `\bibliography{refs,other}` (`.bib` added when
 * the name has no ending), biblatex's `\addbibresource{refs.bib}` (and `\addglobalbib`,
 * `\addsectionbib`), and Pandoc's `bibliography:` in the YAML front matter (one path or a list).
 * Paths are as written; the caller resolves them against the document's folder.
 */
import { parse as parseYaml } from 'yaml';

const LATEX_BIBLIOGRAPHY = /\\(bibliography|addbibresource|addglobalbib|addsectionbib)\s*(?:\[[^\]\n]{0,200}\]\s*)?\{([^{}\n]{1,1000})\}/g;
/** Front matter is read only this far into a document. */
const FRONT_MATTER_LIMIT = 64 * 1024;

/** The bibliography files `text` (a document of the kind `syntax` says) declares, each once, in order. */
export function declaredBibliographies(text: string, syntax: 'latex' | 'markdown'): string[] {
  const found = syntax === 'latex' ? latexBibliographies(text) : [...frontMatterBibliographies(text), ...latexBibliographies(text)];
  // eslint-disable-next-line no-control-regex -- a path with a control character in it is no file name
  return [...new Set(found.map((path) => path.trim()).filter((path) => path.length > 0 && path.length <= 1000 && !/[\u0000-\u001f]/.test(path)))];
}

function latexBibliographies(text: string): string[] {
  if (!text.includes('\\')) return [];
  const paths: string[] = [];
  for (const match of text.matchAll(LATEX_BIBLIOGRAPHY)) {
    // A `%` before the command on its line makes it a comment (looked for a bounded way back).
    const before = text.slice(Math.max(0, match.index - 500), match.index);
    if (before.slice(before.lastIndexOf('\n') + 1).includes('%')) continue;
    const plain = match[1] === 'bibliography';
    for (const name of plain ? match[2].split(',') : [match[2]]) {
      const path = name.trim();
      if (path) paths.push(plain && !/\.[A-Za-z]{2,8}$/.test(path) ? `${path}.bib` : path);
    }
  }
  return paths;
}

/** `bibliography:` of a Markdown document's YAML front matter (`---` on the first line, to `---` or `...`). */
function frontMatterBibliographies(text: string): string[] {
  const head = text.slice(0, FRONT_MATTER_LIMIT);
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head);
  if (!match || !/^bibliography\s*:/m.test(match[1])) return [];
  let front: unknown;
  try {
    front = parseYaml(match[1], { maxAliasCount: 0, prettyErrors: false, uniqueKeys: false });
  } catch {
    return [];
  }
  const value = (front as { bibliography?: unknown } | null)?.bibliography;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
