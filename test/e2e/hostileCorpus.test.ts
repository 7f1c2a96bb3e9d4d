// A hostile corpus in a real VS Code, as a user meets it (issue 7, point 4): a folder whose settings
// point Paper Scout at a corpus JSON whose title, abstract, organization and topics hold <script>,
// <img onerror>, <svg onload>, javascript: URLs and CSS injection. The user finds the paper with the
// search and opens it from its topic in the sidebar; the test checks that the text shows literally,
// that no element was made from it, that nothing ran (no dialog, no request to pwned.invalid, nothing
// in the console), that the panel's CSP is in place (with controls showing the checks can see a
// refusal), how a link opens, and that the panel and the sidebar stay readable in light, dark and
// high-contrast themes. The folder (a subfolder of the scratch workspace, opened on its own through
// PAPER_SCOUT_E2E_WORKSPACE) is the test's alone and is removed afterwards; the theme goes to its
// settings and no search is picked (picked ones are remembered), so the other UI tests see nothing.
import { ok, strictEqual, deepStrictEqual } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Request } from 'playwright-core';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { readableAbstract, readableTitle } from '../../src/core/citations/latexText';
import { HOSTILE_ABSTRACT, HOSTILE_TITLE, hostileCorpusJson } from '../fixtures/hostile/payloads';
import { readPanel, settledContrast } from './panelDom';
import { screenshotFailuresAndCleanUp, subfolderUrl, Workbench, sleep } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const workspace = process.env.PAPER_SCOUT_E2E_WORKSPACE ?? '';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'hostile');

/** The test's own folder inside the scratch workspace. */
const FOLDER = 'hostile-corpus';
const CORPUS_FILE = 'hostile-papers.json';
/** Where every payload would send something if it ever ran. */
const PWNED = 'pwned.invalid';
/** Elements the panel's script builds; anything else in its page came from somewhere else. */
const PANEL_TAGS = new Set(['html', 'head', 'meta', 'link', 'title', 'body', 'main', 'header', 'h1', 'h2', 'h3', 'p', 'code', 'pre',
  'ul', 'li', 'button', 'div', 'section', 'span', 'a', 'script', 'style']); // script and style: checked one by one
/** Colour themes to look at: the setting's value (seeded), the picker's label, and the workbench's class. */
const THEMES = [
  { label: 'Light Modern', kind: 'vs', body: 'vscode-light' },
  { label: 'Dark Modern', kind: 'vs-dark', body: 'vscode-dark' },
  { label: 'Dark High Contrast', kind: 'hc-black', body: 'vscode-high-contrast' },
  { label: 'Light High Contrast', kind: 'hc-light', body: 'vscode-high-contrast-light' },
] as const;

describe(`Paper Scout with a hostile corpus (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';
  const dialogs: string[] = [];
  const pwnedRequests: string[] = [];
  const pwnedFailures: string[] = [];
  const newPages: string[] = [];
  const consoleLines: string[] = [];
  const linkRequests: string[] = [];
  /** What clicking the abstract's link did. */
  let linkClick: { prompts: number; windows: string[]; requests: string[] } | undefined;
  /** Console lines from this index on came from the CSP controls below. */
  let controlsFrom = Infinity;
  const pageErrors: string[] = [];

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    folder = join(workspace, FOLDER);
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, CORPUS_FILE), hostileCorpusJson());
    // The theme is set here too, so the theme picker writes its choice to this folder's settings
    // (VS Code writes where a setting is already set), not to the user settings the other tests share.
    writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({
      'paperScout.corpus.sources': [CORPUS_FILE],
      'workbench.colorTheme': 'Default Dark Modern',
    }, null, 2));

    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    const { page, context } = browser;
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    const onRequest = (request: Request) => {
      if (request.url().includes(PWNED)) pwnedRequests.push(`${request.method()} ${request.url()}`);
      if (request.url().includes('example.org')) linkRequests.push(`${request.isNavigationRequest() ? 'navigate' : request.resourceType()} ${request.url()}`);
    };
    context.on('request', onRequest);
    context.on('requestfailed', (request) => {
      if (request.url().includes(PWNED)) pwnedFailures.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    context.on('page', (opened) => newPages.push(opened.url() || 'about:blank'));
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    // Every console message of the page and its frames (the webview's included): a CSP refusal, an
    // ignored alert() in the sandboxed webview, or an error thrown by injected code would show here.
    page.on('console', (message: ConsoleMessage) => consoleLines.push(`${message.type()}: ${message.text()} (${message.location().url})`));
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
    await wb.screenshot('hostile workspace loaded');
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  it('finds the hostile paper with "Paper Scout: Search Papers"; the result shows its title as text', async () => {
    await wb.runCommand('Paper Scout: Search Papers');
    await wb.quickInput.locator('input').waitFor({ state: 'visible' });
    await wb.page.keyboard.type('Hostile Paper', { delay: 20 });
    const row = wb.quickRows.filter({ hasText: 'Hostile Paper' }).first();
    await row.waitFor({ timeout: 30_000 });
    const label = (await row.locator('.label-name').first().textContent()) ?? '';
    ok(label.includes('<script>') && label.includes('<img src=x onerror='), `the result's label does not show the tags as text: ${label}`);
    strictEqual(await wb.quickInput.locator('img, script, svg, iframe').count(), 0, 'the search made elements from the title');
    await wb.screenshot('hostile search result');
    // Closed without picking: a picked result is remembered as a recent search, in state that code-server
    // shares with the other UI tests. The paper is opened from the Topics view instead.
    await wb.page.keyboard.press('Escape');
    await wb.quickInput.waitFor({ state: 'hidden', timeout: 5_000 });
  });

  it('opens the paper from its topic in the sidebar; the panel shows title, abstract, organization and topic as literal text', async () => {
    await wb.activityItem('Paper Scout').click({ timeout: 30_000 });
    // The hostile topic is a tree item whose label is the markup, as text.
    const topic = wb.sidebarRows.filter({ hasText: '<img src=x onerror=alert(1)>' }).first();
    await topic.waitFor({ timeout: 30_000 });
    await topic.click();
    if ((await topic.getAttribute('aria-expanded')) !== 'true') await wb.page.keyboard.press('ArrowRight');
    const paperRow = wb.page.locator('.part.sidebar .monaco-list-row[aria-level="2"]').filter({ hasText: 'Hostile Paper' }).first();
    await paperRow.waitFor({ timeout: 15_000 });
    const rowText = (await paperRow.textContent()) ?? '';
    ok(rowText.includes('<script>'), `the tree item does not show the title's tags as text: ${rowText}`);
    strictEqual(await wb.page.locator('.part.sidebar .monaco-list-row img:not([class*="icon"])').count(), 0, 'the sidebar made an image from corpus text');
    await paperRow.click();
    const frame = await wb.webviewFrame('h1.title');
    await sleep(2_000); // time for anything that would run (onerror, onload) to have run
    const dom = await frame.evaluate(readPanel);
    strictEqual(dom.title, readableTitle(HOSTILE_TITLE), 'the title is not the readable form of the corpus title');
    ok(dom.title.includes('<script>') && dom.title.includes('</script>') && dom.title.includes('<img src=x onerror="'), `the title does not show its tags: ${dom.title}`);
    strictEqual(dom.abstract, readableAbstract(HOSTILE_ABSTRACT), 'the abstract is not the readable form of the corpus abstract');
    for (const literal of ['<svg onload="', '<a href="javascript:', '<style>body{background:url(https://pwned.invalid/css)}</style>', '<iframe src="javascript:alert(1)">', "{{constructor.constructor('alert(1)')()}}", '${alert(1)}']) {
      // As readable text: LaTeX grouping braces go (`{{x}}` reads `x`), the markup stays as text.
      ok(dom.abstract.includes(readableAbstract(literal)), `the abstract does not show ${readableAbstract(literal)}`);
    }
    ok(dom.meta.includes('<b onmouseover="') && dom.meta.includes('>Evil Org</b>'), `the organization is not shown literally: ${dom.meta}`);
    deepStrictEqual(dom.topics, ['<img src=x onerror=alert(1)>'], 'the topic chip is not shown literally');
    await wb.screenshot('hostile paper panel');
  });

  it('made no element from corpus text: no img, svg, iframe, style, script, handler or javascript: URL', async () => {
    const dom = await (await wb.webviewFrame('h1.title')).evaluate(readPanel);
    deepStrictEqual(dom.tags.filter((tag) => !PANEL_TAGS.has(tag)), [], `elements the panel does not make: ${dom.tags.join(', ')}`);
    // VS Code adds its own <style id="_defaultStyles"> (theme variables) to the head of every webview.
    deepStrictEqual(dom.styles, [{ id: '_defaultStyles', inHead: true, pwned: false }], `style elements: ${JSON.stringify(dom.styles)}`);
    // Scripts: VS Code's API script (which it puts in the head before the page's CSP) and the panel's own.
    const [vscodeScript, panelScript, ...others] = dom.scripts;
    deepStrictEqual(others, [], `scripts in the page: ${JSON.stringify(dom.scripts)}`);
    ok(vscodeScript?.id === '_vscodeApiScript' && !vscodeScript.src && vscodeScript.inHead && vscodeScript.beforeCsp, `not VS Code's API script: ${JSON.stringify(vscodeScript)}`);
    ok(panelScript && /\/dist\/webview\/main\.js$/.test(new URL(panelScript.src).pathname) && !panelScript.inHead, `not the panel's own script: ${JSON.stringify(panelScript)}`);
    strictEqual(dom.stylesheets.length, 1, `stylesheets: ${dom.stylesheets.join(', ')}`);
    ok(/^stylesheet .*\/media\/panel\.css$/.test(dom.stylesheets[0]), `not the panel's stylesheet: ${dom.stylesheets[0]}`);
    deepStrictEqual(dom.handlers, [], 'inline event handlers in the page');
    // Links carry no href (VS Code's webview would open a clicked href itself): only data-url, which the extension checks.
    deepStrictEqual(dom.hrefs, [], 'href or src attributes in the page');
    for (const url of dom.linkUrls) ok(/^https?:\/\//i.test(url), `a link that is not http(s): ${url}`);
    ok(dom.linkUrls.includes('https://example.org/ok'), `the abstract's http(s) link is missing: ${dom.linkUrls.join(', ')}`);
    strictEqual(dom.childFrames, 0, 'the panel holds a frame');
    strictEqual(dom.bodyBackgroundImage, 'none', 'CSS from the corpus applies to the page');
    deepStrictEqual(dom.overflowing, [], 'text runs out of its box (long unbroken corpus text)');
  });

  it("keeps the panel's Content Security Policy: default-src 'none', and its script allowed by nonce only", async () => {
    const frame = await wb.webviewFrame('h1.title');
    const dom = await frame.evaluate(readPanel);
    ok(dom.csp, 'the panel has no CSP meta tag');
    const directives = new Map(dom.csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    deepStrictEqual(directives.get('default-src'), ["'none'"], `default-src: ${dom.csp}`);
    const scriptSrc = directives.get('script-src') ?? [];
    ok(scriptSrc.length === 1 && /^'nonce-[0-9a-f]{32}'$/.test(scriptSrc[0]), `script-src is not a single nonce: ${dom.csp}`);
    const panelScript = dom.scripts.find((script) => script.src);
    // Chromium hides a nonce from the DOM once the CSP applies; when it does show, it is the CSP's.
    if (panelScript?.nonce) strictEqual(`'nonce-${panelScript.nonce}'`, scriptSrc[0], "the panel's script does not carry the CSP's nonce");
    ok(!/unsafe-inline|unsafe-eval|\*(?!\.)/.test(dom.csp), `the CSP allows too much: ${dom.csp}`);
    // Controls: an image from the corpus's host and an inline script are refused by the CSP, and the
    // refusals reach this test's console listener, so the silence checked next means something.
    controlsFrom = consoleLines.length;
    await frame.evaluate((pwned) => {
      new Image().src = `https://${pwned}/control`;
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inlineRan = "yes"';
      document.body.append(script);
      script.remove();
    }, PWNED);
    const deadline = Date.now() + 5_000;
    while (!consoleLines.some((line) => line.includes(`${PWNED}/control`)) && Date.now() < deadline) await sleep(100);
    ok(consoleLines.some((line) => line.includes(`${PWNED}/control`) && /Content Security Policy/i.test(line)),
      `the CSP did not refuse the control image (or its console message was not seen):\n${consoleLines.join('\n')}`);
    // The request listener sees even a load the CSP blocks: a payload's load would show below.
    ok(pwnedRequests.some((line) => line.endsWith(`${PWNED}/control`)), `the request listener did not see the control image: ${JSON.stringify(pwnedRequests)}`);
    ok(pwnedFailures.some((line) => line.includes(`${PWNED}/control`)), `the control image was not blocked: ${JSON.stringify(pwnedFailures)}`);
    strictEqual(await frame.evaluate(() => document.body.dataset.inlineRan ?? 'no'), 'no', 'an inline script ran in the panel');
  });

  it('ran nothing: no dialog, no request to pwned.invalid, no window opened, no CSP refusal or error from the payloads', async () => {
    const fromPayloads = consoleLines.slice(0, controlsFrom).filter((line) => /pwned|alert\(|Refused|Content Security Policy|Uncaught|acquireVsCodeApi/i.test(line));
    deepStrictEqual(fromPayloads, [], 'the console shows something the payloads would cause');
    deepStrictEqual(dialogs, [], 'a dialog appeared');
    deepStrictEqual(pwnedRequests.filter((line) => !line.endsWith(`${PWNED}/control`)), [], 'a request went to pwned.invalid');
    deepStrictEqual(newPages, [], 'a window was opened');
    deepStrictEqual(pageErrors.filter((error) => error.includes(PWNED) || /acquireVsCodeApi/.test(error)), [], 'a payload threw');
    // A link the extension were asked to open would open a window or a VS Code dialog.
    strictEqual(await wb.page.locator('.monaco-dialog-box').count(), 0, 'VS Code shows a dialog');
  });

  it("opens the abstract's http(s) link only through VS Code's opener, which asks first", async () => {
    const frame = await wb.webviewFrame('h1.title');
    const pagesBefore = newPages.length;
    const requestsBefore = linkRequests.length;
    const started = Date.now();
    const events: string[] = [];
    await frame.locator('a[data-url="https://example.org/ok"]').first().click();
    // Answer every prompt with Cancel, counting them, until none comes for 3 s.
    const dialog = wb.page.locator('.monaco-dialog-box');
    let prompts = 0;
    for (;;) {
      const shown = await dialog.waitFor({ timeout: prompts === 0 ? 10_000 : 3_000 }).then(() => true, () => false);
      if (!shown) break;
      const text = (await dialog.textContent()) ?? '';
      events.push(`${Date.now() - started} ms: prompt "${text.replace(/^.*?(Do you want)/, '$1')}"; windows so far ${newPages.length - pagesBefore}`);
      ok(/open the external website\?\s*https:\/\/example\.org\/ok/.test(text), `VS Code's prompt does not name the link: ${text}`);
      if (++prompts === 1) await wb.screenshot('link asks before opening');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      if (prompts > 5) break;
    }
    linkClick = { prompts, windows: newPages.slice(pagesBefore), requests: linkRequests.slice(requestsBefore) };
    console.log(`      link click: ${prompts} prompt(s) (each cancelled), windows ${JSON.stringify(linkClick.windows)}, requests ${JSON.stringify(linkClick.requests)}\n        ${events.join('\n        ')}`);
    for (const page of browser.context.pages()) if (page !== wb.page) await page.close();
    ok(prompts >= 1, 'VS Code did not ask before opening the link');
    for (const request of linkClick.requests) strictEqual(request, 'navigate https://example.org/ok', 'something other than the clicked link was loaded');
    ok(await frame.locator('h1.title').isVisible(), 'the panel navigated away from the paper');
  });

  it("sends the link through the extension's openExternal, which asks first (a script's click: VS Code's own link handling ignores those)", async () => {
    const frame = await wb.webviewFrame('h1.title');
    const pagesBefore = newPages.length;
    await frame.evaluate(() => document.querySelector<HTMLElement>('a[data-url="https://example.org/ok"]')?.click());
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    ok(/open the external website\?\s*https:\/\/example\.org\/ok/.test((await dialog.textContent()) ?? ''), 'the prompt does not name the link');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
    await sleep(3_000);
    deepStrictEqual(newPages.slice(pagesBefore), [], 'a window opened although the prompt was cancelled');
    strictEqual(await dialog.count(), 0, 'a second prompt');
  });

  it('opens nothing when the user cancels the prompt (the link is opened once, not twice)', function () {
    ok(linkClick, 'the link was not clicked');
    if (linkClick.windows.length > 0 && linkClick.prompts === 1) {
      // VS Code's webview host opens any clicked <a href> itself, besides the extension's openExternal;
      // the panel's links therefore have no href. This fails if one ever gets one again.
      throw new Error(`the link opened in ${linkClick.windows.length} window(s) although its one prompt was cancelled`);
    }
    strictEqual(linkClick.prompts, 1, 'the link asked more than once');
    deepStrictEqual(linkClick.windows, [], 'a window opened although the prompt was cancelled');
  });

  it('reads well in light, dark and high-contrast themes (panel and sidebar)', async () => {
    await wb.sidebarRows.filter({ hasText: 'Hostile Paper' }).first().waitFor({ timeout: 15_000 }); // the sidebar as left above
    const report: string[] = [];
    const weak: string[] = [];
    for (const theme of THEMES) {
      await wb.colorTheme(theme.label, theme.kind);
      const frame = await wb.webviewFrame('h1.title');
      await frame.waitForFunction((cls) => document.body.classList.contains(cls), theme.body, { timeout: 10_000 });
      const ratios = await settledContrast(frame);
      report.push(`${theme.label}: ${Object.entries(ratios).map(([selector, ratio]) => `${selector} ${ratio}`).join(', ')}`);
      for (const [selector, ratio] of Object.entries(ratios)) if (ratio < 4.5) weak.push(`${theme.label}: ${selector} ${ratio}`);
      await wb.screenshot(`theme ${theme.label}`);
      await frame.evaluate(() => document.getElementById('cite-heading')?.scrollIntoView({ block: 'start' })); // formats, related papers
      await wb.screenshot(`theme ${theme.label} cite`);
      await frame.evaluate(() => window.scrollTo(0, 0));
    }
    console.log(`      contrast:\n        ${report.join('\n        ')}`);
    deepStrictEqual(weak, [], 'text below WCAG AA contrast (4.5:1)');
    // code-server keeps user settings on the server, shared with the other UI tests: the theme must have
    // gone to this folder's settings. (The web host keeps them in this test's own browser profile.)
    if (host === 'node') {
      const settings = JSON.parse(readFileSync(join(folder, '.vscode', 'settings.json'), 'utf8'));
      strictEqual(settings['workbench.colorTheme'], 'Default High Contrast Light', "the theme picker did not write to the test folder's settings");
    }
  });
});
