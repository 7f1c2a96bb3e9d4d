// Drives the VS Code workbench in a page as a user would (mouse and keyboard), with a screenshot per step.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The workbench URL that opens `sub`, a folder inside the scratch workspace (`workspaceDir` on disk, from
 * PAPER_SCOUT_E2E_WORKSPACE), instead of the workspace itself: a test can give that folder its own
 * `.vscode/settings.json` and files without touching what the other tests see.
 */
export function subfolderUrl(url: string, host: string, workspaceDir: string, sub: string): string {
  const target = new URL(url);
  // code-server opens a path on disk; @vscode/test-web serves the workspace as vscode-test-web://mount/.
  target.searchParams.set('folder', host === 'node' ? join(workspaceDir, sub) : `vscode-test-web://mount/${sub}`);
  return target.toString();
}

/** What a UI test file holds on to while it runs: the browser, its workbench, and a folder of its own. */
export interface TestFileState {
  browser?: { close(): Promise<void> };
  wb?: Workbench;
  /** A folder the test made inside the scratch workspace, removed at the end. */
  folder?: string;
}

/**
 * Registers the hooks every UI test file needs: a screenshot of each failed test, and at the end the
 * browser closed and the test's own folder (if any) removed. `state` is read when the hooks run.
 */
export function screenshotFailuresAndCleanUp(state: () => TestFileState): void {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await state().wb?.screenshot(`failed ${this.currentTest.title}`).catch(() => {});
  });
  after(async () => {
    const { browser, folder } = state();
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
}

/** Page object for one VS Code window. */
export class Workbench {
  private shots = 0;

  constructor(readonly page: Page, private readonly screenshotDir: string) {
    mkdirSync(screenshotDir, { recursive: true });
  }

  /** Loads the workbench and waits until it is ready for input. */
  async open(url: string): Promise<void> {
    await this.page.goto(url, { timeout: 60_000 });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
    await this.page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  }

  /** Saves a numbered screenshot and returns its path. */
  async screenshot(name: string): Promise<string> {
    this.shots++;
    const file = join(this.screenshotDir, `${String(this.shots).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    console.log(`      screenshot: ${file}`);
    return file;
  }

  /** The quick input widget (command palette, quick open, quick picks). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Rows of the open quick input. */
  get quickRows(): Locator {
    return this.quickInput.locator('.monaco-list-row');
  }

  /**
   * Runs a command by its palette title. Right after load the palette may answer "No matching commands"
   * for a while, so it retries until the command shows up or `timeoutMs` passes.
   */
  async runCommand(title: string, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.openPalette();
      const row = this.quickRows.filter({ hasText: title }).first();
      try {
        // In the try: a palette that closed meanwhile (the focus taken by what an earlier step started) is opened again.
        await this.quickInput.locator('input').fill(`>${title}`, { timeout: 3_000 });
        await row.waitFor({ timeout: 3_000 });
        // Enter, not a click: the quick pick a command opens can appear under the mouse and take the click.
        const focused = this.quickRows.and(this.page.locator('.focused')).first();
        if (!((await focused.textContent({ timeout: 1_000 })) ?? '').includes(title)) throw new Error(`"${title}" is not the first match`);
        await this.page.keyboard.press('Enter');
        // Until the palette has closed (or given its input to the command's own quick pick), typing would go to it.
        await this.page.waitForFunction(() => {
          const input = document.querySelector<HTMLInputElement>('.quick-input-widget input');
          const widget = document.querySelector<HTMLElement>('.quick-input-widget');
          return !widget || widget.style.display === 'none' || !input?.value.startsWith('>');
        }, undefined, { timeout: 10_000 });
        return;
      } catch (error) {
        await this.page.keyboard.press('Escape');
        if (Date.now() > deadline) throw new Error(`command "${title}" never appeared in the palette: ${String(error)}`, { cause: error });
        await sleep(1_000);
      }
    }
  }

  /** Runs "Paper Scout: Search Papers" and types `query` once the search's own input has the focus (not the editor behind the palette). */
  async searchPapers(query: string): Promise<void> {
    await this.runCommand('Paper Scout: Search Papers');
    const input = this.quickInput.locator('input[placeholder^="Search papers"]');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('placeholder')?.startsWith('Search papers') === true, undefined, { timeout: 15_000 });
    await this.page.keyboard.type(query, { delay: 20 });
  }

  /** Opens the command palette (F1), retrying until it takes typing. */
  async openPalette(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      try {
        await this.quickInputTakesTyping(3_000);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
  }

  /**
   * Waits until the quick input is open and takes typing: shown, its input focused, and not closing. A quick
   * input closes when it loses the focus, and while it fades out VS Code keeps it on screen but inert, where
   * Playwright waits in vain to type ("element is inert").
   */
  async quickInputTakesTyping(timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(() => {
      const widget = document.querySelector<HTMLElement>('.quick-input-widget');
      const input = widget?.querySelector('input');
      return !!widget && !!input && widget.style.display !== 'none' && !widget.inert && !widget.classList.contains('quick-input-widget-closing')
        && document.activeElement === input;
    }, undefined, { timeout: timeoutMs });
  }

  /** Opens a workspace file from the Explorer (Quick Open has no file search in the web host). */
  async openFile(name: string): Promise<void> {
    await this.runCommand('View: Show Explorer');
    const row = this.page.locator('.part.sidebar .explorer-folders-view .monaco-list-row').filter({ hasText: name }).first();
    await row.dblclick({ timeout: 15_000 });
    await this.page.locator(`.tabs-container .tab[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
  }

  /** The activity bar entry of a view container. */
  activityItem(label: string): Locator {
    return this.page.locator(`.part.activitybar [aria-label^="${label}"]`).first();
  }

  /** Rows of the trees in the side bar. */
  get sidebarRows(): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row');
  }

  /** The text of the active editor, as shown. */
  async editorText(): Promise<string> {
    const lines = this.page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first();
    return (await lines.innerText()).replace(/\u00a0/g, ' ');
  }

  /** The content frame of the visible webview (VS Code nests it in two iframes). */
  webview(): FrameLocator {
    return this.page.locator('iframe.webview.ready').last().contentFrame().frameLocator('#active-frame');
  }

  /**
   * The same content frame as a Playwright Frame, to evaluate in (the page's own DOM, CSP, scripts),
   * once `selector` shows in it.
   */
  async webviewFrame(selector = 'body', timeoutMs = 30_000): Promise<Frame> {
    await this.webview().locator(selector).first().waitFor({ timeout: timeoutMs });
    const outer = await (await this.page.locator('iframe.webview.ready').last().elementHandle())?.contentFrame();
    const inner = await (await outer?.locator('#active-frame').elementHandle())?.contentFrame();
    if (!inner) throw new Error('the webview has no content frame');
    return inner;
  }

  /**
   * Picks a colour theme by its label in "Preferences: Color Theme", as a user would, and waits until
   * the workbench wears it (`kind`: the workbench's theme class: vs, vs-dark, hc-black or hc-light).
   */
  async colorTheme(label: string, kind: 'vs' | 'vs-dark' | 'hc-black' | 'hc-light'): Promise<void> {
    await this.openPalette();
    await this.quickInput.locator('input').fill('>Preferences: Color Theme');
    await this.enterOnRow('Preferences: Color Theme');
    await this.page.waitForFunction(() => !document.querySelector<HTMLInputElement>('.quick-input-widget input')?.value.startsWith('>'),
      undefined, { timeout: 10_000 });
    await this.quickInput.locator('input').fill(label);
    await this.enterOnRow(label);
    await this.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 10_000 });
  }

  /**
   * Rests the pointer on `target` until `shown` (its hover) is visible. The workbench drops a hover whose
   * element is re-rendered under a still pointer (a tree refreshing as the papers or the citation counts
   * come in), and shows none again until the pointer moves: so the pointer leaves and comes back, as a user's
   * would, until the hover shows or `timeoutMs` ends.
   */
  async hoverUntilShown(target: Locator, shown: Locator, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await target.hover();
      try {
        await shown.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(5_000, deadline - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      await this.page.mouse.move(700, 450);
    }
  }

  /**
   * In the open quick input, moves the focus with the arrow keys onto the row labelled exactly `label`
   * and presses Enter (not a click: see runCommand).
   */
  async enterOnRow(label: string, timeoutMs = 10_000): Promise<void> {
    const exact = (row: string) => `${row} .label-name`;
    const matches = async (selector: string) => (await this.page.locator(selector).allTextContents()).some((text) => text.trim() === label);
    const row = '.quick-input-widget .monaco-list-row';
    const deadline = Date.now() + timeoutMs;
    while (!(await matches(exact(row)))) {
      if (Date.now() > deadline) throw new Error(`no "${label}" in the quick input`);
      await sleep(200);
    }
    for (let step = 0; !(await matches(exact(`${row}.focused`))); step++) {
      if (step > 30) throw new Error(`"${label}" never got the focus in the quick input`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }
}
