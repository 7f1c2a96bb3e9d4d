import * as assert from '../assert';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/types';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, scratchDocument, workspaceRoot } from '../helpers';

/** What the command resolves to (see src/citations/exportBibliography.ts). */
interface ExportResult {
  target: string;
  written: boolean;
  added: string[];
  updated: string[];
  unchanged: string[];
  keptTheirs: string[];
  unknown: string[];
}

const MARKER = '% paper-scout';

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
    assert.ok(text.startsWith(`${MARKER}\n@misc{${a.key},\n  title = {{`), text.slice(0, 120));
    assert.strictEqual(count(text, `${MARKER}\n@misc{`), 2);
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
    const stale = `@article{mine, title = {Mine}}\n\n${MARKER}\n@misc{${a.key},\n  title = {{An old title}}\n}\n`;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(stale));
    const result = await exportFrom('python', `# uses @cite:${a.key}\n`, target);
    assert.deepStrictEqual(result.updated, [a.key]);
    const text = await readText(target);
    assert.ok(text.startsWith(`@article{mine, title = {Mine}}\n\n${MARKER}\n@misc{${a.key},\n  title = {{`));
    assert.ok(!text.includes('An old title'));
    assert.strictEqual(count(text, `@misc{${a.key},`), 1);
  });
});
