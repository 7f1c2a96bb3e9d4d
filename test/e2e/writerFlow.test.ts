// The writer's flow (issue 21), as a user meets it in a real VS Code in Chromium: the Topics view at the
// default sidebar width (titles first, facts after them, no placeholders, the cited count in sight), the
// completion list as a key is typed in one go, a passage citation landing on a new line of a Python
// comment, the panel going back by keyboard, and a topic chip revealing its paper on the first click.
// The test runs in a folder of its own inside the scratch workspace, with the notes open from the start (a
// workspace of Markdown alone is read for citations only once a citing document is opened). Screenshots per step.
import { ok, strictEqual } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { readableText } from '../../src/core/citations/latexText';
import type { Corpus, Paper } from '../../src/core/types';
import { screenshotFailuresAndCleanUp, subfolderUrl, Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const workspace = process.env.PAPER_SCOUT_E2E_WORKSPACE ?? '';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'writer');
const corpus: Corpus = JSON.parse(readFileSync(join(root, 'dist', 'corpus.json'), 'utf8'));

const FOLDER = 'writer';
/** Rows of the Topics view: topics at level 1, papers at level 2. */
const TOPIC_ROWS = '.part.sidebar .monaco-list-row[aria-level="1"]';
const PAPER_ROWS = '.part.sidebar .monaco-list-row[aria-level="2"]';

const PYTHON = [
  'import torch',
  '',
  '',
  'def prune_heads(model, threshold):',
  '    # Score each attention head by how much the loss changes when it is masked, and',
  '    # prune the heads whose importance falls below the threshold.',
  '    return model',
  '',
].join('\n');

/** The bundled paper with this key. */
function paperWithKey(key: string): Paper {
  const paper = corpus.papers.find((candidate) => candidate.key === key);
  ok(paper, `dist/corpus.json has no paper ${key}`);
  return paper;
}

describe(`Paper Scout UI: the writer's flow (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';
  const awq = paperWithKey('awq2023');

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    folder = join(workspace, FOLDER);
    mkdirSync(folder, { recursive: true });
    // Notes that cite AWQ twice (its row says so) and hold the words VS Code would otherwise suggest.
    writeFileSync(join(folder, 'notes.md'), 'Quantized weights [@awq2023] keep accuracy; Quantizing activations is harder [@awq2023].\n\n');
    writeFileSync(join(folder, 'prune.py'), PYTHON);
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
    // The writer opens their notes: a Markdown document that cites with brackets wakes the citation
    // index (issue 20: a workspace of Markdown alone reads nothing until a citing document is opened).
    await wb.openFile('notes.md');
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  it('reveals a paper from its topic chip on the first click, with the Topics view never opened before', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    await wb.page.waitForFunction(() => document.activeElement?.getAttribute('placeholder')?.startsWith('Search papers') === true, undefined, { timeout: 15_000 });
    await wb.page.keyboard.type('awq', { delay: 20 });
    await wb.enterOnRow(readableText(awq.title), 30_000);
    const chip = wb.webview().locator('.topics button.chip').filter({ hasText: awq.topics[0] }).first();
    await chip.waitFor({ timeout: 30_000 });
    await chip.click();
    const selected = wb.page.locator(`${PAPER_ROWS}.selected`).first();
    await selected.waitFor({ timeout: 15_000 });
    ok(((await selected.getAttribute('aria-label')) ?? '').startsWith(readableText(awq.title)), `the selected row is not ${awq.key}`);
    await wb.screenshot('topic chip revealed the paper on the first click');
  });

  it('shows the Topics view at the default width: titles first, known facts after them, the cited count in sight', async () => {
    const rows = await wb.page.locator(`${PAPER_ROWS} .label-name`).allTextContents();
    ok(rows.length > 3, 'the topic is expanded');
    const titles = new Set(corpus.papers.map((paper) => readableText(paper.title)));
    ok(rows.every((label) => titles.has(label.trim())), `rows that do not lead with the title: ${rows.filter((label) => !titles.has(label.trim())).slice(0, 3).join(' | ')}`);
    const descriptions = await wb.page.locator(`${PAPER_ROWS} .label-description`).allTextContents();
    ok(!descriptions.some((text) => /n\.d\.|▲ –/.test(text)), `a placeholder for an unknown value: ${descriptions.find((text) => /n\.d\.|▲ –/.test(text))}`);
    const topics = await wb.page.locator(`${TOPIC_ROWS} .label-description`).allTextContents();
    ok(topics.length > 0 && topics.every((count) => /^\d+$/.test(count.trim())), `topic counts: ${topics.join(', ')}`);
    // The cited count: a badge at the row's right end, inside the sidebar, whatever the title's length.
    const row = wb.page.locator(PAPER_ROWS).filter({ hasText: readableText(awq.title) }).first();
    await wb.page.waitForFunction((title) => Array.from(document.querySelectorAll('.part.sidebar .monaco-list-row[aria-level="2"]'))
      .some((candidate) => candidate.getAttribute('aria-label')?.startsWith(title) && candidate.getAttribute('aria-label')?.includes('cited 2 times')), readableText(awq.title), { timeout: 30_000 });
    const badge = await row.evaluate((element) => {
      const label = element.querySelector('.monaco-icon-label');
      const after = label ? getComputedStyle(label, '::after').content : '';
      const box = element.getBoundingClientRect();
      const sidebar = document.querySelector('.part.sidebar')!.getBoundingClientRect();
      return { after, inside: box.right <= sidebar.right + 1 };
    });
    ok(badge.after.includes('2') && badge.inside, `no cited badge "2" in sight: ${JSON.stringify(badge)}`);
    await wb.screenshot('topics at the default width');
  });

  it('lists papers as a key is typed in one go: [@qlora finds lqlora, one row each, no words of the document', async () => {
    await wb.openFile('notes.md');
    await wb.page.locator('.part.editor .view-line').last().click();
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.type('See [@qlora');
    const rows = wb.page.locator('.editor-widget.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: 'lqlora' }).first().waitFor({ timeout: 30_000 });
    const labels = (await wb.page.locator('.editor-widget.suggest-widget .monaco-list-row .label-name').allTextContents()).map((label) => label.trim());
    strictEqual(new Set(labels).size, labels.length, `a paper listed twice: ${labels.join(', ')}`);
    ok(!labels.some((label) => /^quantiz/i.test(label)), `a word of the document among the keys: ${labels.join(', ')}`);
    const row = await rows.filter({ hasText: 'lqlora' }).first().innerText();
    ok(row.includes('LQ-LoRA'), `the row has no readable label: ${row}`);
    await wb.screenshot('completion rows for [@qlora');
    await wb.page.keyboard.press('Escape');
  });

  it('cites a passage in a Python comment on a new comment line after the block, in its indentation, and gives the editor the focus', async () => {
    await wb.openFile('prune.py');
    await wb.page.locator('.part.editor .view-line').filter({ hasText: 'importance falls below' }).first().click();
    await wb.runCommand('Paper Scout: Suggest Papers for This Passage');
    const first = wb.quickRows.first();
    await first.waitFor({ timeout: 30_000 });
    const title = (await first.locator('.label-name').first().innerText()).trim();
    await wb.enterOnRow(title);
    await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    const added = await wb.page.waitForFunction(() => {
      const lines = Array.from(document.querySelectorAll('.part.editor .editor-instance .view-line'))
        .map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top).map((line) => line.text);
      const at = lines.findIndex((line) => line.includes('importance falls below'));
      return at >= 0 && lines[at + 1]?.startsWith('    # ') && lines.slice(at + 1).find((line) => line.trim() === 'return model') ? lines : false;
    }, undefined, { timeout: 15_000 }).then((handle) => handle.jsonValue() as Promise<string[]>);
    const at = added.findIndex((line) => line.includes('importance falls below'));
    const citation = added.slice(at + 1, added.findIndex((line) => line.trim() === 'return model'));
    ok(citation.length > 0 && citation.every((line) => line.startsWith('    # ') && line.length <= 80), `the citation lines: ${JSON.stringify(citation)}`);
    ok(citation.join(' ').includes(title.slice(0, 20)), `the citation is not of "${title}": ${JSON.stringify(citation)}`);
    await wb.page.locator('.part.editor .monaco-editor.focused').first().waitFor({ timeout: 10_000 });
    await wb.screenshot('passage citation in a python comment');
  });

  it('goes back in the paper panel with Alt+Left after following a related paper', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    await wb.page.waitForFunction(() => document.activeElement?.getAttribute('placeholder')?.startsWith('Search papers') === true, undefined, { timeout: 15_000 });
    await wb.page.keyboard.type('galore', { delay: 20 });
    const galore = paperWithKey('galore');
    await wb.enterOnRow(readableText(galore.title), 30_000);
    const heading = wb.webview().locator('h1.title');
    await heading.filter({ hasText: readableText(galore.title) }).waitFor({ timeout: 30_000 });
    const related = wb.webview().locator('button.related-paper').first();
    await related.waitFor({ timeout: 30_000 });
    const other = (await related.innerText()).trim();
    await related.click();
    await heading.filter({ hasText: other }).waitFor({ timeout: 15_000 });
    const back = wb.webview().locator('nav.history button').first();
    strictEqual(await back.getAttribute('title'), `Back to “${readableText(galore.title)}” (Alt+Left)`);
    await wb.screenshot('panel after following a related paper');
    await heading.focus();
    await wb.page.keyboard.press('Alt+ArrowLeft');
    await heading.filter({ hasText: readableText(galore.title) }).waitFor({ timeout: 15_000 });
    await wb.screenshot('panel back with alt+left');
  });
});
