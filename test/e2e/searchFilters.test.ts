// Filters in the search as a user meets them, in a real VS Code in Chromium: `?` lists the filters,
// choosing one puts it into the query and lists its values, a filtered search names its filters in
// the title, and an unknown filter is shown as such. Run by scripts/harness/e2e.mjs; a screenshot per step.
import { ok } from 'node:assert';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { QUERY_FILTERS } from '../../src/core/search/queryFilters';
import { Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'filters');

describe(`Paper Scout search filters (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(url);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.screenshot(`failed ${this.currentTest.title}`).catch(() => {});
  });

  after(async () => { await browser?.close(); });

  const input = () => wb.quickInput.locator('input');
  const title = () => wb.quickInput.locator('.quick-input-title');

  it('lists the filters with descriptions and examples when ? is typed', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    await input().waitFor({ state: 'visible' });
    await wb.page.keyboard.type('?');
    for (const filter of QUERY_FILTERS) await wb.quickRows.filter({ hasText: filter.syntax }).first().waitFor({ timeout: 30_000 });
    const text = (await wb.quickInput.innerText()).replace(/\s+/g, ' ');
    ok(text.includes(`e.g. ${QUERY_FILTERS[0].example}`) && text.includes(QUERY_FILTERS[0].description), `no description or example: ${text.slice(0, 300)}`);
    await wb.screenshot('search filter help');
  });

  it('puts the filter chosen into the query and lists its values', async () => {
    await wb.page.keyboard.press('Enter'); // the first filter: topic
    await wb.page.waitForFunction(() => document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value === 'topic:', undefined, { timeout: 10_000 });
    await wb.quickRows.filter({ hasText: 'Quantization' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('search filter topics');
  });

  it('shows a filtered search with its filters in the title', async () => {
    await input().fill('');
    await wb.page.keyboard.type('topic:quantization after:2024-01 sort:date llm', { delay: 10 });
    await wb.page.waitForFunction(() => /sorted by date/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const heading = (await title().innerText()).trim();
    ok(heading.includes('topic:quantization') && heading.includes('after:2024-01-01'), `title: ${heading}`);
    // While "llm" is still being typed, "l" alone matches nothing: wait for the whole query's papers.
    await wb.page.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('.quick-input-widget .monaco-list-row'));
      return rows.length >= 3 && !rows.some((row) => row.textContent?.includes('Search arXiv'));
    }, undefined, { timeout: 30_000 }).catch(() => { throw new Error('no results under the filters'); });
    await wb.screenshot('search filtered');
  });

  it('shows an unknown filter as such, and searches the rest', async () => {
    await input().fill('');
    await wb.page.keyboard.type('venue:icml lora', { delay: 10 });
    await wb.quickRows.filter({ hasText: 'venue:icml' }).first().waitFor({ timeout: 30_000 });
    // While 'lora' is still being typed, 'venue:icml' alone has no papers: wait for the whole query's.
    await wb.quickRows.filter({ hasText: /LoRA|Low-Rank/i }).first().waitFor({ timeout: 30_000 });
    const text = (await wb.quickInput.innerText()).replace(/\s+/g, ' ');
    ok(/Not searched: venue:icml/.test(text) && /unknown filter "venue:"/.test(text), `no problem shown: ${text.slice(0, 300)}`);
    ok(/LoRA|Low-Rank/i.test(text), `the rest of the query was not searched: ${text.slice(0, 300)}`);
    // The problem stays in sight, but Enter would take the first paper.
    await wb.page.waitForFunction(() => {
      const focused = document.querySelector('.quick-input-widget .monaco-list-row.focused')?.textContent ?? '';
      return focused.length > 0 && !focused.includes('Not searched');
    }, undefined, { timeout: 10_000 });
    await wb.screenshot('search unknown filter');
    await wb.page.keyboard.press('Escape');
  });
});
