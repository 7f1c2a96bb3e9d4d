import * as assert from '../assert';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/commands/commandIds';
import { readableText } from '../../../src/core/citations/latexText';
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
    assert.ok(text.includes(readableText(paper.abstract).split(/\s+/).slice(0, 4).join(' ')), 'card lacks the start of the abstract');
    assert.ok(card.value.includes(`command:paperScout.openPaper?${encodeURIComponent(JSON.stringify([paper.id]))}`), 'card lacks the open link');
  });

  it('shows the card over [@key] in Markdown and over a bare key in a code comment', async () => {
    const papers = (await api()).papers();
    const paper = papers[0];
    const markdown = `As shown [@${paper.key}].`;
    assert.ok((await hoversAt('markdown', markdown, markdown.indexOf(paper.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)));
    // Written bare, only a key that cannot be a plain word counts (one with a digit or _).
    const distinctive = papers.find((candidate) => /[\d_]/.test(candidate.key))!;
    const code = `# see ${distinctive.key}\n`;
    assert.ok((await hoversAt('python', code, code.indexOf(distinctive.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)));
  });

  it('shows a key that is a plain word only in citation syntax, not the same word in prose', async () => {
    const plain = (await api()).papers().find((candidate) => /^[a-z]+$/.test(candidate.key));
    assert.ok(plain, 'no paper has a one-word key');
    const cited = `See \\cite{${plain.key}}.`;
    assert.ok((await hoversAt('latex', cited, cited.indexOf(plain.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)), 'no card in \\cite{}');
    const prose = `We ${plain.key} here.`;
    assert.ok(!(await hoversAt('markdown', prose, prose.indexOf(plain.key) + 1)).some((c) => c.value.includes(COMMANDS.openPaper)), 'a card over a plain word');
  });

  it('shows the paper cited by an old key, and says which key it has now', async () => {
    const old = (await api()).papers().find((candidate) => (candidate.aliases ?? []).length > 0);
    assert.ok(old, 'no bundled paper has an old key');
    const alias = old.aliases![0];
    const content = `\\cite{${alias}}`;
    const card = (await hoversAt('latex', content, content.indexOf(alias) + 1)).find((c) => c.value.includes(COMMANDS.openPaper));
    assert.ok(card, 'no card over the old key');
    assert.ok(card.value.includes(`command:paperScout.openPaper?${encodeURIComponent(JSON.stringify([old.id]))}`), 'the card is not the paper\'s');
    assert.ok(unescaped(card.value).includes(`\`${alias}\` (an older key of \`${old.key}\`)`), card.value.slice(0, 300));
  });

  it('shows nothing over a word that is no key', async () => {
    const content = '\\cite{vaswani2017}';
    const cards = await hoversAt('latex', content, 8);
    assert.ok(!cards.some((c) => c.value.includes(COMMANDS.openPaper)));
  });
});
