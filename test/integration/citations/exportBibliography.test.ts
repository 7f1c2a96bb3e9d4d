import * as assert from '../assert';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/types';
import { COMMANDS } from '../../../src/commands/commandIds';
import { markerLine } from '../../../src/core/citations/bibFile';
import { formatCitation } from '../../../src/core/citations/formats';
import { api, closeAllEditors, enterOn, hooks, scratchDocument, waitFor, within, workspaceRoot } from '../helpers';

/** What the command resolves to (see src/citations/exportBibliography.ts). */
interface ExportResult {
  target: string;
  written: boolean;
  added: string[];
  updated: string[];
  unchanged: string[];
  keptEdits: string[];
  keptTheirs: string[];
  unknown: string[];
  documents: number;
  citingDocuments: number;
}

/** What the command resolves to when it refuses the target (see `ExportBibliographyRefusal`). */
interface ExportRefusal {
  target: string;
  written: false;
  refused: string;
  message: string;
  realTarget?: string;
}

/** The marker line Paper Scout writes above an entry: the marker and a 16-digit hash. */
const MARKED = /^% paper-scout [0-9a-f]{16}$/;

/** A user's own .bib text: a comment, a string macro, an entry, and an entry for `clashKey`. */
function foreignBib(clashKey: string): string {
  return [
    '% My references (hand-kept)',
    '@string{ neurips = "NeurIPS" }',
    '',
    '@article{vaswani2017,',
    '  title   = {Attention Is All You Need},',
    '  journal = neurips,',
    '  year    = 2017',
    '}',
    '',
    `@inproceedings{${clashKey},`,
    '  title = {My own entry for this paper},',
    '  note  = "kept as written"',
    '}',
    '',
  ].join('\n');
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** How often `needle` occurs in `text`. */
function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe('citations: export bibliography', () => {
  let papers: readonly Paper[];
  let folder: vscode.Uri;

  before(async () => {
    papers = (await api()).papers();
    folder = vscode.Uri.joinPath(workspaceRoot(), `.paper-scout-export-test-${Date.now().toString(36)}`);
    await vscode.workspace.fs.createDirectory(folder);
  });

  after(async () => {
    if (folder) await Promise.resolve(vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false })).catch(() => undefined);
  });

  afterEach(closeAllEditors);

  /** Exports the keys cited in an untitled document of `language` holding `content` to `target`. */
  async function exportFrom(language: string, content: string, target: vscode.Uri): Promise<ExportResult> {
    const { document } = await scratchDocument(language, content);
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(COMMANDS.exportBibliography,
      { scope: 'document', document: document.uri.toString(), target: target.toString() });
    assert.ok(result, 'the export returned nothing');
    return result;
  }

  it('writes the BibTeX entries of the papers a LaTeX document cites, each under the marker', async () => {
    const [a, b] = papers;
    const target = vscode.Uri.joinPath(folder, 'new.bib');
    const result = await exportFrom('latex', `Text \\cite{${a.key}, vaswani2017} and \\citep[p.~2]{${b.key}}.\n`, target);
    assert.deepStrictEqual(result.added, [a.key, b.key]);
    assert.deepStrictEqual(result.unknown, ['vaswani2017']);
    const text = await readText(target);
    const lines = text.split('\n');
    assert.ok(MARKED.test(lines[0]), `no hashed marker above the first entry: ${lines[0]}`);
    assert.ok(lines.slice(1).join('\n').startsWith(`@misc{${a.key},\n  title = {{`), text.slice(0, 120));
    assert.strictEqual(lines.filter((line) => MARKED.test(line)).length, 2);
    assert.ok(text.includes(`@misc{${b.key},`));
    assert.ok(!text.includes('vaswani2017'), 'a key that is not a Paper Scout paper was written');
    const leftovers = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.endsWith('.tmp'));
    assert.deepStrictEqual(leftovers, [], 'temporary files left behind');
  });

  it('merges into an existing file: keeps foreign entries byte for byte, never duplicates a key', async () => {
    const [a, b, c] = papers;
    const target = vscode.Uri.joinPath(folder, 'existing.bib');
    const original = foreignBib(a.key);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(original));

    const first = await exportFrom('markdown', `As shown [@${a.key}; @${b.key}] and @${c.key}.\n`, target);
    assert.deepStrictEqual(first.keptTheirs, [a.key]);
    assert.deepStrictEqual(first.added, [b.key, c.key]);
    const merged = await readText(target);
    assert.ok(merged.startsWith(original), 'the user\'s text changed');
    assert.strictEqual(count(merged.toLowerCase(), `{${a.key.toLowerCase()},`), 1, `${a.key} is in the file more than once`);
    assert.strictEqual(count(merged, `@misc{${b.key},`), 1);
    assert.strictEqual(count(merged, `@misc{${c.key},`), 1);

    const again = await exportFrom('markdown', `Only [@${b.key}] now.\n`, target);
    assert.strictEqual(again.written, false, 'an export with nothing new rewrote the file');
    assert.deepStrictEqual(again.unchanged, [b.key]);
    assert.strictEqual(await readText(target), merged, 'entries for keys no longer cited were dropped');
  });

  it('replaces an entry it wrote when the paper\'s entry changed, and nothing else', async () => {
    const [a] = papers;
    const target = vscode.Uri.joinPath(folder, 'stale.bib');
    const staleEntry = `@misc{${a.key},\n  title = {{An old title}}\n}`;
    const stale = `@article{mine, title = {Mine}}\n\n${markerLine(staleEntry)}\n${staleEntry}\n`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(stale));
    const result = await exportFrom('python', `# uses @cite:${a.key}\n`, target);
    assert.deepStrictEqual([result.updated, result.keptEdits], [[a.key], []]);
    const text = await readText(target);
    assert.ok(text.startsWith(`@article{mine, title = {Mine}}\n\n${markerLine(formatCitation(a, 'bibtex'))}\n@misc{${a.key},\n  title = {{`), text);
    assert.ok(!text.includes('An old title'));
    assert.strictEqual(count(text, `@misc{${a.key},`), 1);
  });

  it('keeps an entry the user edited since it was written, and reports it', async () => {
    const [a, b] = papers;
    const target = vscode.Uri.joinPath(folder, 'edited.bib');
    const written = await exportFrom('latex', `\\cite{${a.key}}\n`, target);
    assert.deepStrictEqual(written.added, [a.key]);
    const withAuthors = (await readText(target)).replace(`@misc{${a.key},\n`, `@misc{${a.key},\n  author = {Ada Lovelace and Alan Turing},\n`);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(withAuthors));
    const again = await exportFrom('latex', `\\cite{${a.key}} and \\cite{${b.key}}\n`, target);
    assert.deepStrictEqual([again.keptEdits, again.added, again.updated], [[a.key], [b.key], []]);
    const text = await readText(target);
    assert.ok(text.startsWith(withAuthors), 'the edited entry changed');
    assert.ok(text.includes('author = {Ada Lovelace and Alan Turing}'));
  });

  it('writes an entry cited by an old key under that key', async () => {
    const old = papers.find((paper) => (paper.aliases ?? []).length > 0);
    assert.ok(old, 'no bundled paper has an old key');
    const alias = old.aliases![0];
    const target = vscode.Uri.joinPath(folder, 'old-keys.bib');
    const result = await exportFrom('latex', `As in \\cite{${alias}}.\n`, target);
    assert.deepStrictEqual([result.added, result.unknown], [[alias], []]);
    const text = await readText(target);
    assert.ok(text.includes(`@misc{${alias},\n  title = {{`), text.slice(0, 200));
    assert.ok(!text.includes(`@misc{${old.key},`), 'the entry is under the paper\'s new key, which the document does not cite');
  });

  it('finds what the citation index finds: every group of a multicite command, nothing in comments or verbatim', async () => {
    const [a, b, c, d] = papers;
    const target = vscode.Uri.joinPath(folder, 'scanner.bib');
    const content = [
      `\\cites[see][4]{${a.key}}[5]{${b.key}}`,
      `% \\cite{${c.key}} (commented out)`,
      '\\begin{verbatim}',
      `\\cite{${d.key}}`,
      '\\end{verbatim}',
      `\\verb|\\cite{${c.key}}|`,
    ].join('\n');
    const result = await exportFrom('latex', content, target);
    assert.deepStrictEqual(result.added, [a.key, b.key]);
    const text = await readText(target);
    assert.ok(!text.includes(`{${c.key},`) && !text.includes(`{${d.key},`), 'a key in a comment or verbatim was exported');
  });

  it('exports the workspace\'s citations from the citation index, a file not yet opened included', async () => {
    const testHooks = await hooks();
    await testHooks.workspaceCitations.whenBuilt();
    // Papers no file of the workspace cites yet, so what the export writes of them comes from this test's file.
    const [e, f, g] = papers.filter((paper) => testHooks.workspaceCitations.citationsOf(paper.key).length === 0).slice(-3);
    const source = vscode.Uri.joinPath(folder, 'chapter.tex');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(`\\cites{${e.key}}[p.~2]{${f.key}}\n% \\cite{${g.key}}\n`));
    await waitFor(async () => {
      await testHooks.workspaceCitations.whenBuilt();
      return testHooks.workspaceCitations.citationsOf(f.key).some((place) => place.uri === source.toString());
    }, 'the citation index to read the new file');
    const target = vscode.Uri.joinPath(folder, 'workspace.bib');
    const result = await vscode.commands.executeCommand<ExportResult | undefined>(COMMANDS.exportBibliography, { scope: 'workspace', target: target.toString() });
    assert.ok(result && result.written, JSON.stringify(result));
    const text = await readText(target);
    assert.ok(text.includes(`@misc{${e.key},`) && text.includes(`@misc{${f.key},`), 'a key the citation index holds was not exported');
    assert.ok(!text.includes(`@misc{${g.key},`), 'a commented-out key was exported');
    assert.ok(result.documents >= 2 && result.citingDocuments >= 1);
  });

  it('refuses a target outside the workspace that was not chosen in a dialog, and writes nothing there', async () => {
    const [a] = papers;
    // Beside the workspace folder where there is a beside (the Node host's local folder); else the user's settings folder.
    const root = workspaceRoot();
    const name = `paper-scout-outside-${Date.now().toString(36)}.bib`;
    const outside = root.path.length > 1 ? vscode.Uri.joinPath(root, '..', name) : vscode.Uri.from({ scheme: 'vscode-userdata', path: `/User/${name}` });
    const { document } = await scratchDocument('latex', `\\cite{${a.key}}\n`);
    const result = await vscode.commands.executeCommand<ExportRefusal | undefined>(COMMANDS.exportBibliography,
      { scope: 'document', document: document.uri.toString(), target: outside.toString() });
    assert.ok(result && result.refused === 'outside the workspace', JSON.stringify(result));
    assert.ok(result.message.includes('outside the workspace') && result.message.includes('Other .bib File'), result.message);
    const there = await Promise.resolve(vscode.workspace.fs.stat(outside)).then(() => true, () => false);
    assert.strictEqual(there, false, 'the file outside the workspace was written');
  });

  it('takes two exports to one file in turn: both sets of entries are kept', async () => {
    const [a, b, c, d] = papers;
    const target = vscode.Uri.joinPath(folder, 'together.bib');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('@book{knuth1984, title = {The \\TeX book}}\n'));
    const first = await scratchDocument('latex', `\\cite{${a.key},${b.key}}\n`);
    const second = await scratchDocument('markdown', `[@${c.key}; @${d.key}]\n`);
    const run = (uri: vscode.Uri): Thenable<ExportResult | undefined> => vscode.commands.executeCommand<ExportResult | undefined>(COMMANDS.exportBibliography,
      { scope: 'document', document: uri.toString(), target: target.toString() });
    const results = await Promise.all([run(first.document.uri), run(second.document.uri)]);
    assert.deepStrictEqual(results.map((result) => result?.added), [[a.key, b.key], [c.key, d.key]]);
    const text = await readText(target);
    for (const paper of [a, b, c, d]) assert.strictEqual(count(text, `@misc{${paper.key},`), 1, `${paper.key} was lost or written twice`);
    assert.ok(text.startsWith('@book{knuth1984'), 'the user\'s entry changed');
  });

  it('asks for no overwrite when the chosen file exists: choosing it merges into it', async () => {
    const [a] = papers;
    // A folder of its own, so the document's .bib file is the first choice offered.
    const own = vscode.Uri.joinPath(folder, 'choose');
    await vscode.workspace.fs.createDirectory(own);
    const target = vscode.Uri.joinPath(own, 'refs.bib');
    const original = '@book{knuth1984, title = {The \\TeX book}}\n';
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(original));
    const source = vscode.Uri.joinPath(own, 'notes.md');
    await vscode.workspace.fs.writeFile(source, new TextEncoder().encode(`See [@${a.key}].\n`));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    const running = vscode.commands.executeCommand<ExportResult | undefined>(COMMANDS.exportBibliography, { scope: 'document' });
    // Enter once, on the document's own .bib file, the first choice once the files are listed: any further
    // question would leave the command waiting, and this wait would time out.
    const result = await within(enterOn('$(file) refs.bib', running), 20_000, 'the export after its file was chosen');
    assert.ok(result, 'the export was cancelled');
    assert.strictEqual(result.target, target.toString());
    assert.deepStrictEqual([result.added, result.documents, result.citingDocuments], [[a.key], 1, 1]);
    const text = await readText(target);
    assert.ok(text.startsWith(`${original}\n`), text);
    assert.ok(text.includes(`@misc{${a.key},`));
  });
});
