import * as assert from '../assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/commands/commandIds';
import { api, closeAllEditors, scratchDocument } from '../helpers';

/** The Markdown of every hover at `offset` in an untitled document holding `content`. */
async function hoversAt(language: string, content: string, offset: number): Promise<vscode.MarkdownString[]> {
  const { document } = await scratchDocument(language, content);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
  return hovers.flatMap((hover) => hover.contents.filter((part): part is vscode.MarkdownString => typeof part === 'object' && 'value' in part));
}

/** Markdown with its backslash escapes removed, for comparing with plain text. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

describe('citations: hover', () => {
  before(async () => { await api(); });
  afterEach(closeAllEditors);

  it('shows the paper card over a key in \\cite{...}, with a link that opens the panel', async () => {
    const paper = (await api()).papers().find((candidate) => candidate.topics.length > 0 && candidate.abstract.length > 40)!;
    const content = `See \\cite{other, ${paper.key}} for details.`;
    const cards = await hoversAt('latex', content, content.indexOf(paper.key) + 2);
    const card = cards.find((markdown) => markdown.value.includes(COMMANDS.openPaper));
    assert.ok(card, `no Paper Scout hover; hovers: ${cards.map((c) => c.value.slice(0, 80)).join(' | ')}`);
    const text = unescaped(card.value);
    assert.ok(text.includes(paper.key), 'card lacks the key');
    assert.ok(text.includes(paper.topics[0]), `card lacks the topic ${paper.topics[0]}`);
    if (paper.published) assert.ok(text.includes(paper.published), 'card lacks the date');
    assert.ok(text.includes(paper.abstract.split(/\s+/).slice(0, 4).join(' ')), 'card lacks the start of the abstract');
    assert.ok(card.value.includes(`command:paperScout.openPaper?${encodeURIComponent(JSON.stringify([paper.id]))}`), 'card lacks the open link');
  });

  it('shows the card over [@key] in Markdown and over a bare key in a code comment', async () => {
    const paper = (await api()).papers()[0];
    const markdown = `As shown [@${paper.key}].`;
    assert.ok((await hoversAt('markdown', markdown, markdown.indexOf(paper.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)));
    const code = `# see ${paper.key}\n`;
    assert.ok((await hoversAt('python', code, code.indexOf(paper.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)));
  });

  it('shows nothing over a word that is no key', async () => {
    const content = '\\cite{vaswani2017}';
    const cards = await hoversAt('latex', content, 8);
    assert.ok(!cards.some((c) => c.value.includes(COMMANDS.openPaper)));
  });
});
