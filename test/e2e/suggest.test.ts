// Papers for a passage and citations in the workspace (issue 15), as a user meets them in a real
// VS Code in Chromium: "Suggest Papers for This Passage" from the command palette with the cursor in
// a paragraph of notes.md, the paper chosen cited at the sentence's end, and the paper panel's "Cited in"
// section, whose entry opens the citing line. Run by scripts/harness/e2e.mjs; screenshots per step.
import { ok } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { readableTitle } from '../../src/core/citations/latexText';
import type { Corpus, Paper } from '../../src/core/types';
import { Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`);
const corpus: Corpus = JSON.parse(readFileSync(join(root, 'dist', 'corpus.json'), 'utf8'));

/** The bundled paper with this key (notes.md is written about these). */
function paperWithKey(key: string): Paper {
  const paper = corpus.papers.find((candidate) => candidate.key === key);
  ok(paper, `dist/corpus.json has no paper ${key}`);
  return paper;
}

describe(`Paper Scout UI: papers for a passage, citations in the workspace (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  const galore = paperWithKey('galore');
  const awq = paperWithKey('awq2023');

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    browser = await launchBrowser();
    wb = new Workbench(browser.page, join(screenshots, 'suggest'));
    await wb.open(url);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed ${this.currentTest.title}`).catch(() => {});
  });

  after(async () => { await browser?.close(); });

  it('suggests papers for the paragraph at the cursor, with the words each matched', async () => {
    await wb.openFile('notes.md');
    await wb.page.locator('.part.editor .view-line').filter({ hasText: 'fits in memory' }).first().click();
    // As a writer would: a space before the full stop, and the cursor after it.
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('ArrowLeft');
    await wb.page.keyboard.type(' ');
    await wb.runCommand('Paper Scout: Suggest Papers for This Passage');
    const row = wb.quickRows.filter({ hasText: readableTitle(galore.title) }).first();
    await row.waitFor({ timeout: 30_000 });
    ok((await row.innerText()).includes('matched:'), `the row does not say which words matched: ${await row.innerText()}`);
    await wb.screenshot('suggestion quick pick');
  });

  it('cites the chosen paper at the end of the sentence, in the style notes.md cites with', async () => {
    await wb.enterOnRow(readableTitle(galore.title));
    await wb.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.page.waitForFunction((key) => {
      const text = document.querySelector('.part.editor .editor-instance .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? '';
      return text.includes(`fits in memory [@${key}].`);
    }, galore.key, { timeout: 15_000 }).catch(async () => {
      throw new Error(`notes.md does not show [@${galore.key}] before the full stop after "fits in memory ":\n${await wb.editorText()}`);
    });
    await wb.screenshot('suggested citation inserted');
  });

  it("lists where a paper is cited in its panel's Cited In section, and opens the citing line from there", async () => {
    await wb.searchPapers('awq');
    await wb.enterOnRow(readableTitle(awq.title), 30_000);
    const place = wb.webview().locator('section.cited-in button.cited-place').filter({ hasText: 'notes.md:8' }).first();
    await place.waitFor({ timeout: 30_000 });
    await place.scrollIntoViewIfNeeded();
    await wb.screenshot('panel cited in section');
    // As a reader would: a click on the entry. What the writer then sees, and what the check reads, is the
    // editor of notes.md: the keyboard focus in it, the current line 8 and the key (seven characters) selected.
    // Not the status bar: it follows the workbench's active group, which VS Code may set back to the panel's
    // after the editor took the focus (it learns of a webview's focus by polling it every 250 ms, in
    // webview/browser/pre/index.html), while the focus and the selection stay in notes.md.
    await place.click();
    await wb.page.waitForFunction(() => {
      const group = [...document.querySelectorAll('.editor-group-container')]
        .find((candidate) => (candidate.querySelector('.tab.active')?.getAttribute('aria-label') ?? '').includes('notes.md'));
      const editor = group?.querySelector('.monaco-editor');
      if (!editor || !editor.contains(document.activeElement)) return false;
      const line = editor.querySelector('.line-numbers.active-line-number')?.textContent?.trim();
      const selected = editor.querySelector('.view-overlays .selected-text');
      return line === '8' && selected !== null;
    }, undefined, { timeout: 15_000 }).catch(async () => {
      const active = await wb.page.evaluate(() => document.activeElement?.closest('.editor-group-container')?.querySelector('.tab.active')?.getAttribute('aria-label') ?? 'none');
      throw new Error(`notes.md does not have the focus with line 8's key selected (the focus is in: ${active}): ${await wb.page.locator('.part.statusbar').innerText()}`);
    });
    await wb.screenshot('citing line opened from the panel');
  });
});
