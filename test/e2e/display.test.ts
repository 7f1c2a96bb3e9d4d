// What a writer sees (issues 14 and 21): the Topics view sorted by upvotes at the default sidebar width, a
// paper's tooltip, the paper panel in the dark theme, a topic chip revealing the paper in the view,
// and search results as VS Code shows a quick pick (the typed text highlighted). The test runs in a
// folder of its own (a subfolder of the scratch workspace) whose settings choose the dark theme and
// the upvote order, so the other UI tests see neither; no search result is picked (picked searches are
// remembered).
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
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'display');
const corpus: Corpus = JSON.parse(readFileSync(join(root, 'dist', 'corpus.json'), 'utf8'));

const FOLDER = 'display';
/** Rows of the Topics view: topics at level 1, papers at level 2. */
const PAPER_ROWS = '.part.sidebar .monaco-list-row[aria-level="2"]';

describe(`Paper Scout as a writer reads it (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';
  /** The first paper of the first topic, as the view sorted by upvotes shows it. */
  let paper: Paper | undefined;

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    folder = join(workspace, FOLDER);
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({
      'workbench.colorTheme': 'Default Dark Modern',
      'paperScout.sortBy': 'upvotes',
    }, null, 2));
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
    await wb.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 30_000 });
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  it('sorted by upvotes, says so and leads every paper row with its title, the upvotes first after it, at the default sidebar width', async () => {
    await wb.activityItem('Paper Scout').click({ timeout: 30_000 });
    const topic = wb.page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
    await topic.waitFor({ timeout: 30_000 });
    await topic.click();
    if ((await topic.getAttribute('aria-expanded')) !== 'true') await wb.page.keyboard.press('ArrowRight');
    const first = wb.page.locator(PAPER_ROWS).first();
    await first.waitFor({ timeout: 15_000 });
    await wb.page.locator('.part.sidebar').getByText('Sorted: most upvoted first.').first().waitFor({ state: 'visible', timeout: 10_000 });
    const labels = await wb.page.locator(`${PAPER_ROWS} .label-name`).allTextContents();
    const titles = new Set(corpus.papers.map((candidate) => readableText(candidate.title)));
    ok(labels.length > 0 && labels.every((label) => titles.has(label.trim())), `rows that do not lead with the title: ${labels.filter((label) => !titles.has(label.trim())).join(' | ')}`);
    const descriptions = await wb.page.locator(`${PAPER_ROWS} .label-description`).allTextContents();
    ok(descriptions.every((text) => text === '' || /^▲ \d+/.test(text.trim())), `a description that does not lead with the upvotes: ${descriptions.find((text) => text !== '' && !text.trim().startsWith('▲'))}`);
    ok(!descriptions.some((text) => text.includes('▲ –') || text.includes('n.d.')), 'a placeholder for an unknown value');
    // The title starts inside the sidebar and fills the row.
    const sidebar = await wb.page.locator('.part.sidebar').boundingBox();
    const label = await first.locator('.label-name').boundingBox();
    ok(sidebar && label && label.x + 40 < sidebar.x + sidebar.width, 'the row\'s label starts outside the sidebar');
    const title = labels[0].trim();
    paper = corpus.papers.find((candidate) => readableText(candidate.title) === title);
    ok(paper, `no paper titled "${title}"`);
    await wb.screenshot('topics sorted by upvotes');
  });

  it('shows a tooltip of whole words: title, date and upvotes, and the start of the abstract', async () => {
    ok(paper);
    // The topic row's own tooltip, shown while the mouse rested on it, would cover the paper rows below it.
    await wb.page.mouse.move(700, 450);
    await wb.page.locator('.context-view p').first().waitFor({ state: 'hidden', timeout: 10_000 });
    const hover = wb.page.locator('.workbench-hover, .monaco-hover').filter({ hasText: readableText(paper.title).slice(0, 30) }).first();
    await wb.hoverUntilShown(wb.page.locator(PAPER_ROWS).first(), hover);
    const text = ((await hover.innerText()) ?? '').replace(/\s+/g, ' ');
    const words = readableText(paper.abstract).split(' ').slice(0, 8).join(' ');
    ok(text.includes(words), `the tooltip does not show "${words}" with whole words: ${text.slice(0, 300)}`);
    ok(!text.includes('&nbsp;') && !(await hover.innerHTML()).includes('&amp;nbsp;'), 'the tooltip shows space entities');
    await wb.screenshot('paper tooltip');
    await wb.page.mouse.move(700, 450);
  });

  it('opens the paper panel in the dark theme with one background per citation block', async () => {
    ok(paper);
    await wb.page.locator('.context-view p').first().waitFor({ state: 'hidden', timeout: 10_000 });
    await wb.page.locator(PAPER_ROWS).first().click();
    const frame = await wb.webviewFrame('h1.title');
    await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 10_000 });
    const blocks = await frame.evaluate(() => Array.from(document.querySelectorAll('.format-text')).map((pre) => ({
      pre: getComputedStyle(pre).backgroundColor,
      code: getComputedStyle(pre.querySelector('code')!).backgroundColor,
    })));
    ok(blocks.length > 0, 'no citation blocks');
    for (const block of blocks) {
      strictEqual(block.code, 'rgba(0, 0, 0, 0)', 'the code inside a citation block has a background of its own (one per line)');
      ok(block.pre !== 'rgba(0, 0, 0, 0)', 'the citation block has no background');
    }
    await wb.screenshot('paper panel dark');
    await frame.evaluate(() => document.getElementById('cite-heading')?.scrollIntoView({ block: 'start' }));
    await wb.screenshot('paper panel dark citation formats');
    await frame.evaluate(() => window.scrollTo(0, 0));
  });

  it('reveals a topic from the panel with the paper selected under it', async () => {
    ok(paper);
    const topicName = paper.topics[paper.topics.length - 1];
    await wb.webview().locator('.topics button').filter({ hasText: topicName }).first().click();
    // The reveal ends with the row selected and the tree holding the focus: until then it takes the focus
    // from whatever the next step opens (the command palette, which closes when it loses the focus).
    const selected = wb.page.locator(`${PAPER_ROWS}.selected.focused`).first();
    await selected.waitFor({ timeout: 15_000 });
    await wb.page.waitForFunction(() => !!document.activeElement?.closest('.part.sidebar .monaco-list'), undefined, { timeout: 15_000 });
    const label = (await selected.getAttribute('aria-label')) ?? '';
    ok(label.startsWith(readableText(paper.title)), `the selected row is "${label}", not the paper`);
    await wb.screenshot('topic revealed with the paper selected');
  });

  it('shows search results as VS Code shows a quick pick: the typed text highlighted in the titles that hold it, those first', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    await wb.quickInput.locator('input').waitFor({ state: 'visible' });
    // Paper Scout uses only public API: VS Code matches the typed text against every title it is given
    // (none is hidden: each item is alwaysShow), highlights it, and lists the titles it starts first.
    await wb.page.keyboard.type('galore', { delay: 20 });
    const first = wb.quickRows.first();
    await first.filter({ hasText: 'GaLore: Memory-Efficient' }).waitFor({ timeout: 30_000 });
    const highlighted = await first.locator('.label-name .highlight').allTextContents();
    strictEqual(highlighted.join(''), 'GaLore', `the first row's highlights are ${JSON.stringify(highlighted)}`);
    ok((await wb.quickRows.count()) > 1, 'the other results stay listed');
    await wb.screenshot('search results with the typed text highlighted');
    // When nothing matches, the line that says so stays in sight while the text is there (VS Code drops
    // separators from a quick pick while it matches typed text, so the line is a row of its own).
    await wb.quickInput.locator('input').fill('zzyzxq');
    await wb.quickRows.nth(1).filter({ hasText: 'Search arXiv' }).waitFor({ timeout: 30_000 });
    await wb.quickRows.first().filter({ hasText: 'No papers match "zzyzxq"' }).waitFor({ timeout: 5_000 });
    await wb.screenshot('search without a match');
    await wb.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden', timeout: 5_000 });
  });
});
