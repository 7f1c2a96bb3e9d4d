// The user's library as a user meets it in a real VS Code (issue 19): a folder with a refs.bib (as
// Better BibTeX writes it) and a LaTeX paper that declares it. Typing \cite{ offers the library's
// keys with their authors and year; the paper panel of a library paper shows its authors, venue, the
// DOI and arXiv links, and the library entry it came from, which opens refs.bib at its line. The
// folder is the test's alone (opened on its own) and is removed afterwards. Screenshots per step.
import { ok } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { screenshotFailuresAndCleanUp, subfolderUrl, Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const workspace = process.env.PAPER_SCOUT_E2E_WORKSPACE ?? '';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'library');

const FOLDER = 'library-ui';

const REFS = `@inproceedings{vaswaniAttentionAllYou2017,
  title = {Attention Is {{All}} You {{Need}}},
  booktitle = {Advances in {{Neural Information Processing Systems}}},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N and Kaiser, {\\L}ukasz and Polosukhin, Illia},
  year = {2017},
  month = dec,
  doi = {10.48550/arXiv.1706.03762},
  eprint = {1706.03762},
  archiveprefix = {arXiv},
  abstract = {The dominant sequence transduction models are based on complex recurrent or convolutional neural networks. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.},
  keywords = {transformers,attention}
}

@article{mullerTokenization2021,
  title = {Tokenization for {{M}}{\\"u}ller and {{Garc{\\'\\i}a}}},
  author = {M{\\"u}ller, J{\\"o}rg and Garc{\\'\\i}a, Mar{\\'\\i}a},
  journal = {Journal of Machine Learning Research},
  date = {2021-12-01}
}
`;

const PAPER = `\\documentclass{article}
\\begin{document}
The Transformer relies on attention alone.
\\bibliography{refs}
\\end{document}
`;

describe(`Paper Scout with your library (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    folder = join(workspace, FOLDER);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'paper.tex'), PAPER);
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  it('offers the library\'s keys after \\cite{, each with its authors and year', async () => {
    await wb.openFile('paper.tex');
    await wb.page.locator('.part.editor .view-line').filter({ hasText: 'attention alone' }).first().click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type(' \\cite{', { delay: 30 });
    const widget = wb.page.locator('.editor-widget.suggest-widget');
    const row = widget.locator('.monaco-list-row').filter({ hasText: 'vaswaniAttentionAllYou2017' }).first();
    // The library is read once the LaTeX document is open: ask again until its keys are offered.
    for (let attempt = 0; ; attempt++) {
      if (await row.isVisible().catch(() => false)) break;
      // The message is read only on failure: reading a list that is not open would wait 30 s for it.
      if (attempt >= 20) throw new Error(`the completion list does not offer the library key: ${await widget.innerText({ timeout: 1000 }).catch(() => '(no list)')}`);
      await wb.page.keyboard.press('Escape');
      await wb.page.keyboard.press('Control+Space');
      await row.waitFor({ timeout: 1500 }).catch(() => undefined);
    }
    // VS Code shows the detail of the focused row: go down to the key, as a user would. The list may
    // open with no row focused yet: that is read as it is (a locator's innerText would wait 30 s for one).
    const focused = widget.locator('.monaco-list-row.focused');
    const focusedText = async (): Promise<string> => ((await focused.count()) === 0 ? '' : focused.first().innerText({ timeout: 5000 }).catch(() => ''));
    for (let down = 0; !(await focusedText()).includes('vaswaniAttentionAllYou2017'); down++) {
      ok(down < 10, `the key is not among the first rows: ${await widget.innerText()}`);
      await wb.page.keyboard.press('ArrowDown');
    }
    // Its detail names the title, the year and the authors (as 'Attention Is All You Need · 2017 · Vaswani et al.').
    await wb.page.waitForFunction(() => {
      const text = document.querySelector('.editor-widget.suggest-widget .monaco-list-row.focused')?.textContent ?? '';
      return /\b2017\b/.test(text) && text.includes('Vaswani et al.');
    }, undefined, { timeout: 5000 })
      .catch(async () => { throw new Error(`the row does not show the authors and year: ${await focused.innerText()}`); });
    await wb.screenshot('library keys after cite');
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForFunction(() => (document.querySelector('.part.editor .editor-instance .view-lines')?.textContent ?? '').includes('\\cite{vaswaniAttentionAllYou2017'), undefined, { timeout: 10_000 });
  });

  it('shows a library paper in the panel: authors, venue, DOI and arXiv links, and the entry it came from', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    const input = wb.quickInput.locator('input[placeholder^="Search papers"]');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await wb.page.waitForFunction(() => document.activeElement?.getAttribute('placeholder')?.startsWith('Search papers') === true, undefined, { timeout: 15_000 });
    await wb.page.keyboard.type('author:vaswani attention', { delay: 20 });
    const result = wb.quickRows.filter({ hasText: 'Attention Is All You Need' }).first();
    await result.waitFor({ timeout: 30_000 });
    ok((await result.innerText()).includes('in your library (refs.bib)'), `the result does not say it is in the library: ${await result.innerText()}`);
    await wb.screenshot('library paper in search');
    await wb.enterOnRow('Attention Is All You Need', 30_000);
    const panel = wb.webview();
    await panel.locator('p.authors').filter({ hasText: 'Ashish Vaswani' }).waitFor({ timeout: 30_000 });
    const authors = (await panel.locator('p.authors').innerText()).trim();
    ok(authors.startsWith('Ashish Vaswani, Noam Shazeer, Niki Parmar'), authors);
    ok((await panel.locator('p.meta').innerText()).includes('Advances in Neural Information Processing Systems'));
    ok((await panel.locator('p.key code').innerText()).includes('vaswaniAttentionAllYou2017'));
    const links = await panel.locator('section.links a').allInnerTexts();
    ok(links.includes('DOI 10.48550/arXiv.1706.03762') && links.includes('arXiv:1706.03762'), links.join(' | '));
    const entry = panel.locator('section.sources button.library-entry').first();
    ok((await entry.innerText()).includes('refs.bib:1'), await entry.innerText());
    await panel.locator('section.sources').scrollIntoViewIfNeeded();
    await wb.screenshot('library paper panel');
    await entry.click();
    await wb.page.locator('.tabs-container .tab[aria-label*="refs.bib"]').first().waitFor({ timeout: 15_000 });
    await wb.screenshot('library entry opened');
  });
});
