// Menus where they belong (issue 20): the editor's context menu holds one "Paper Scout" submenu, in
// the languages where citing applies (LaTeX here) and, elsewhere, only with text selected; none in a
// JSON file without a selection. Right-clicked as a user would, in a folder of the scratch workspace of
// its own (PAPER_SCOUT_E2E_WORKSPACE), with a screenshot of each menu.
import { ok } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { screenshotFailuresAndCleanUp, subfolderUrl, Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const workspace = process.env.PAPER_SCOUT_E2E_WORKSPACE ?? '';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'editor-menu');

const FOLDER = 'editor-menu';
const SUBMENU = 'Paper Scout';

describe(`Paper Scout in the editor's context menu (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    folder = join(workspace, FOLDER);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'training.json'), '{\n  "model": "llama-7b",\n  "description": "Low-rank adapters on a frozen base model",\n  "lora": { "rank": 8, "alpha": 16 }\n}\n');
    writeFileSync(join(folder, 'method.tex'), '\\section{Method}\nWe fine-tune with low-rank adapters, which train two small matrices beside every frozen weight.\n');
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  /** The context menu open in the page (VS Code draws it in a shadow root, which locators pierce). */
  const menu = (): Locator => wb.page.locator('.monaco-menu-container .monaco-menu').first();

  /** The labels of the open context menu's entries. */
  async function menuLabels(container: Locator = menu()): Promise<string[]> {
    await container.waitFor({ timeout: 10_000 });
    const labels = await container.locator('.action-item .action-label').allTextContents();
    return labels.map((label) => label.trim()).filter(Boolean);
  }

  /** Right-clicks the editor's text on the line holding `text`. */
  async function rightClickOn(text: string): Promise<void> {
    const line = wb.page.locator('.part.editor .view-line').filter({ hasText: text }).first();
    await line.waitFor({ timeout: 15_000 });
    await line.click({ button: 'right' });
  }

  /** Closes the context menu (Escape closes an open submenu first, then the menu). */
  async function closeMenu(): Promise<void> {
    for (let presses = 0; presses < 3 && (await menu().isVisible()); presses++) await wb.page.keyboard.press('Escape');
    await menu().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  it('shows no Paper Scout entry in a JSON file without a selection', async () => {
    await wb.openFile('training.json');
    await rightClickOn('llama-7b');
    const labels = await menuLabels();
    ok(labels.some((label) => /^(Cut|Copy|Paste|Command Palette)/.test(label)), `not the editor's context menu: ${labels.join(' | ')}`);
    ok(!labels.some((label) => label.includes('Paper Scout') || label.includes('Paper')), `Paper Scout in a JSON file's menu: ${labels.join(' | ')}`);
    await wb.screenshot('json context menu');
    await closeMenu();
  });

  it('in a JSON file with text selected, offers only the search for the selection', async () => {
    // The line of the description selected, as with the keyboard.
    await wb.page.locator('.part.editor .view-line').filter({ hasText: 'Low-rank adapters' }).first().click();
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Shift+Home');
    await wb.page.locator('.part.editor .selected-text').first().waitFor({ timeout: 10_000 });
    await rightClickOn('Low-rank adapters');
    const labels = await menuLabels();
    ok(labels.includes(SUBMENU), `no Paper Scout submenu with a selection: ${labels.join(' | ')}`);
    await menu().locator('.action-item').filter({ hasText: SUBMENU }).first().hover();
    const submenu = wb.page.locator('.monaco-menu-container .monaco-menu').nth(1);
    const entries = await menuLabels(submenu);
    ok(entries.length === 1 && entries[0].startsWith('Search Papers for Selection'), `the JSON submenu offers: ${entries.join(' | ')}`);
    await wb.screenshot('json context menu with a selection');
    await closeMenu();
  });

  it('holds the citation entries in one Paper Scout submenu in a LaTeX file', async () => {
    await wb.openFile('method.tex');
    await rightClickOn('low-rank adapters');
    const labels = await menuLabels();
    ok(labels.filter((label) => label === SUBMENU).length === 1, `not one Paper Scout submenu: ${labels.join(' | ')}`);
    ok(!labels.some((label) => /Suggest Papers|Insert Citation/.test(label)), `Paper Scout entries outside the submenu: ${labels.join(' | ')}`);
    await menu().locator('.action-item').filter({ hasText: SUBMENU }).first().hover();
    const submenu = wb.page.locator('.monaco-menu-container .monaco-menu').nth(1);
    const entries = await menuLabels(submenu);
    ok(entries.some((entry) => entry.startsWith('Suggest Papers for This Passage')) && entries.some((entry) => entry.startsWith('Insert Citation')),
      `the LaTeX submenu offers: ${entries.join(' | ')}`);
    ok(!entries.some((entry) => entry.startsWith('Search Papers for Selection')), 'a selection entry without a selection');
    await wb.screenshot('latex context menu paper scout submenu');
    await closeMenu();
  });
});
