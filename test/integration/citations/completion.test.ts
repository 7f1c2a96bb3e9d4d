import * as assert from '../assert';
import * as vscode from 'vscode';
import type { Paper } from '../../../src/core/types';
import { readableText } from '../../../src/core/citations/latexText';
import { api, closeAllEditors, scratchDocument } from '../helpers';

/** The label of a completion item as a string. */
function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The text an item inserts, as a string. */
function insertText(item: vscode.CompletionItem): string {
  const text = item.insertText ?? label(item);
  return typeof text === 'string' ? text : text.value;
}

/** The range an item replaces (the replacing one when VS Code gives both). */
function replaceRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const range = item.range;
  return range && 'replacing' in range ? range.replacing : range;
}

/** Opens an untitled document and asks every completion provider at the end of its text. */
async function completionsAtEnd(language: string, content: string, trigger?: string, resolve = 0): Promise<vscode.CompletionItem[]> {
  const { document } = await scratchDocument(language, content);
  const end = document.positionAt(content.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end, trigger, resolve);
  return list.items;
}

/** Paper Scout's own items: references (word-based suggestions may repeat a key seen in another document). */
function paperScoutLabels(items: vscode.CompletionItem[]): string[] {
  return items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map(label);
}

/** The item offering `paper`, failing with what was offered when there is none. */
function itemFor(items: vscode.CompletionItem[], paper: Paper): vscode.CompletionItem {
  // Word-based suggestions may offer the same word; Paper Scout's items are references.
  const item = items.find((candidate) => label(candidate) === paper.key && candidate.kind === vscode.CompletionItemKind.Reference);
  assert.ok(item, `no completion for ${paper.key} among ${items.length} items: ${items.slice(0, 5).map(label).join(', ')}`);
  return item;
}

async function setSetting(name: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('paperScout').update(name, value, vscode.ConfigurationTarget.Global);
}

describe('citations: completion', () => {
  let papers: readonly Paper[];
  before(async () => { papers = (await api()).papers(); });
  afterEach(closeAllEditors);

  it('offers papers after \\cite{, each row the key with a readable label, inserting the key', async () => {
    const paper = papers.find((candidate) => candidate.published !== null) ?? papers[0];
    const content = `Prior work \\cite{${paper.key.slice(0, 3)}`;
    const items = await completionsAtEnd('latex', content, undefined, 400);
    const item = itemFor(items, paper);
    assert.strictEqual(insertText(item), paper.key);
    assert.ok(item.detail?.includes(paper.published ? paper.published.slice(0, 4) : 'n.d.'), `detail lacks the year: ${item.detail}`);
    assert.strictEqual(item.kind, vscode.CompletionItemKind.Reference);
    const row = item.label as vscode.CompletionItemLabel;
    assert.strictEqual(row.label, paper.key);
    const short = readableText(paper.title).split(':')[0].slice(0, 20);
    assert.ok(row.description?.includes(short) && row.description.includes(paper.published!.slice(0, 4)), `the row's label: ${row.description}`);
    const words = paper.title.split(/\s+/).filter((word) => /^[A-Za-z]{5,}$/.test(word)).slice(0, 2);
    for (const word of words) assert.ok(item.filterText?.includes(word), `filterText lacks the title word "${word}": ${item.filterText}`);
    const range = replaceRange(item);
    assert.ok(range && range.start.character === content.length - 3, 'replaces the key being typed');
    const documentation = item.documentation;
    assert.ok(documentation instanceof vscode.MarkdownString || typeof documentation === 'object', 'documentation is Markdown');
    const markdown = documentation as { isTrusted?: unknown; value: string };
    assert.ok(!markdown.isTrusted, 'documentation is not trusted');
    const excerpt = paper.abstract.split(/\s+/).slice(0, 3).join(' ');
    if (excerpt) {
      const value = markdown.value.replace(/\\(.)/g, '$1');
      assert.ok(value.includes(excerpt), `documentation lacks the abstract's start "${excerpt}": ${value.slice(0, 200)}`);
    }
  });

  it('keeps up as the key grows: every list is incomplete, [@qlora finds lqlora, one row per paper, no word suggestions', async () => {
    const lqlora = papers.find((paper) => paper.key === 'lqlora');
    assert.ok(lqlora, 'the bundled corpus has lqlora');
    // The words of the document are what VS Code's word-based suggestions would offer.
    const prose = 'Notes on quantized and Quantizing weights, qlora and lqlora, see ';
    for (const typed of ['', 'q', 'ql', 'qlo', 'qlor', 'qlora', 'lqlo']) {
      const content = `${prose}[@${typed}`;
      const { document } = await scratchDocument('markdown', content);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), typed ? undefined : '@');
      assert.ok(list.isIncomplete, `the list for "[@${typed}" is incomplete, so VS Code asks again as the key grows`);
      const labels = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).map(label);
      assert.ok(list.items.length > 0, `papers for "[@${typed}"`);
      // VS Code's word-based suggestions (kind Text) are left out beside papers; a language's own snippets (Markdown's "quote") are the user's to turn off.
      assert.deepStrictEqual(list.items.filter((item) => item.kind !== vscode.CompletionItemKind.Reference && item.kind !== vscode.CompletionItemKind.Snippet).map(label), [], `only papers for "[@${typed}", no word suggestions`);
      assert.ok(!labels.includes('quantized') && !labels.includes('Quantizing'), `words of the document among the keys: ${labels.join(', ')}`);
      assert.strictEqual(new Set(labels).size, labels.length, `one row per paper for "[@${typed}": ${labels.join(', ')}`);
      if (typed.length >= 2) assert.ok(labels.includes('lqlora'), `"[@${typed}" lists lqlora: ${labels.slice(0, 10).join(', ')}`);
      for (const item of list.items) assert.strictEqual(replaceRange(item)?.start.character, content.length - typed.length, 'replaces the key typed so far');
      await closeAllEditors();
    }
  });

  it('offers no paper in running text: a bare @, a bracket that is no citation, a plain word', async () => {
    for (const content of ['ping @', 'a [link', 'quantiz', 'mail me@', '[@key] and then qua']) {
      const { document } = await scratchDocument('markdown', content);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length), content.endsWith('@') ? '@' : undefined);
      assert.deepStrictEqual(paperScoutLabels(list.items), [], `papers were offered after "${content}"`);
      await closeAllEditors();
    }
  });

  it('finds papers by a title word after \\cite{prun, best first, at most 50, in an incomplete list VS Code keeps in order', async () => {
    const content = 'Sparse models \\cite{prun';
    const { document } = await scratchDocument('latex', content);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(content.length));
    const ours = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.ok(list.isIncomplete, 'the list is incomplete, so VS Code asks again as typing goes on');
    assert.ok(ours.length > 3 && ours.length <= 50, `${ours.length} items`);
    const byKey = new Map(papers.map((paper) => [paper.key, paper]));
    const titleOf = (item: vscode.CompletionItem): string => byKey.get(label(item))?.title ?? '';
    // The key that starts with what was typed first, then papers found by a title word.
    assert.ok(label(ours[0]).startsWith('prun'), `first: ${label(ours[0])}`);
    const byTitleWord = ours.filter((item) => !label(item).startsWith('prun') && /\bprun/i.test(titleOf(item)));
    assert.ok(byTitleWord.length >= 3, `papers with "prun…" in the title but not in the key: ${byTitleWord.map(label).join(', ')}`);
    const inTitle = ours.map((item) => /\bprun/i.test(titleOf(item)) || label(item).startsWith('prun'));
    assert.ok(inTitle.lastIndexOf(true) < inTitle.indexOf(false), `papers with the word in the title or key come before those with it only in the abstract: ${ours.map(label).join(', ')}`);
    for (const item of ours) {
      assert.ok(item.filterText?.startsWith('prun '), `VS Code filters by what was typed, so it keeps every item: ${item.filterText}`);
      assert.strictEqual(replaceRange(item)?.start.character, content.length - 4, 'replaces the key being typed');
    }
    assert.deepStrictEqual(new Set(ours.map((item) => item.sortText)).size, ours.length, 'each item has its own place');
  });

  it('offers papers after a comma in \\citep{...} and replaces only the key being typed', async () => {
    const paper = papers[1];
    const content = `\\citep[see][]{${papers[0].key}, ${paper.key.slice(0, 2)}`;
    const item = itemFor(await completionsAtEnd('latex', content, undefined), paper);
    assert.strictEqual(insertText(item), paper.key);
    const range = replaceRange(item);
    assert.strictEqual(range?.start.character, content.length - 2,
      `range ${JSON.stringify(item.range)} of ${JSON.stringify({ label: item.label, kind: item.kind, detail: item.detail })} in ${JSON.stringify(content)}`);
  });

  it('offers nothing of Paper Scout outside a citation command', async () => {
    const items = await completionsAtEnd('latex', '\\section{', '{');
    assert.ok(!paperScoutLabels(items).includes(papers[0].key), 'a paper was offered in \\section{');
  });

  it('offers papers after [@ in Markdown, and after @ once a key is started: [@key] outside brackets, the key inside them', async () => {
    const paper = papers[0];
    const outside = itemFor(await completionsAtEnd('markdown', `As shown @${paper.key.slice(0, 3)}`), paper);
    assert.strictEqual(insertText(outside), `[@${paper.key}]`);
    assert.strictEqual(replaceRange(outside)?.start.character, 'As shown '.length);
    assert.ok(outside.filterText?.startsWith(`@${paper.key.slice(0, 3)} @${paper.key}`), outside.filterText);

    const inside = itemFor(await completionsAtEnd('markdown', `As shown [see @${paper.key}`), paper);
    assert.strictEqual(insertText(inside), paper.key);
    assert.strictEqual(replaceRange(inside)?.start.character, 'As shown [see @'.length);
    const first = await completionsAtEnd('markdown', 'As shown [see @', '@');
    assert.ok(paperScoutLabels(first).length > 0, 'papers right after [see @');
  });

  it('offers nothing after an @ in an e-mail address', async () => {
    const items = await completionsAtEnd('markdown', 'write to me@', '@');
    assert.deepStrictEqual(paperScoutLabels(items), [], 'papers were offered in an e-mail address');
  });

  it('offers papers after the comment trigger in a code comment, not in code', async () => {
    const paper = papers[0];
    const item = itemFor(await completionsAtEnd('python', `x = 1  # see @cite:${paper.key}`), paper);
    assert.strictEqual(insertText(item), paper.key);
    assert.ok(paperScoutLabels(await completionsAtEnd('python', 'x = 1  # see @cite:', ':')).length > 0, 'papers right after the trigger');
    const inCode = await completionsAtEnd('python', 'x = "@cite:', ':');
    assert.deepStrictEqual(paperScoutLabels(inCode), [], 'papers were offered in a string');
  });

  it('inserts a user template after the trigger when the comment format names it, skipping bad templates', async () => {
    const paper = papers[0];
    try {
      await setSetting('citation.templates', [{ name: 'Short', template: '{title} ({year}) [{key}]' }, { name: 'Bad', template: '{nope}' }]);
      await setSetting('completion.commentFormat', 'Short');
      const content = `// based on @cite:${paper.key}`;
      const item = itemFor(await completionsAtEnd('typescript', content), paper);
      const year = paper.published?.slice(0, 4) ?? 'n.d.';
      assert.ok(insertText(item).endsWith(`(${year}) [${paper.key}]`), `inserted: ${insertText(item)}`);
      assert.strictEqual(replaceRange(item)?.start.character, '// based on '.length, 'the template replaces the trigger');
    } finally {
      await setSetting('completion.commentFormat', undefined);
      await setSetting('citation.templates', undefined);
    }
  });

  it('offers nothing when completion is turned off', async () => {
    try {
      await setSetting('completion.enabled', false);
      const items = await completionsAtEnd('latex', '\\cite{', '{');
      assert.deepStrictEqual(paperScoutLabels(items), [], 'papers were offered with completion turned off');
    } finally {
      await setSetting('completion.enabled', undefined);
    }
  });
});
