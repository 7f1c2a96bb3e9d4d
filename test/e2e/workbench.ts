// Drives the VS Code workbench in a page as a user would (mouse and keyboard), with a screenshot per step.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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
      await this.quickInput.locator('input').fill(`>${title}`);
      const row = this.quickRows.filter({ hasText: title }).first();
      try {
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
        if (Date.now() > deadline) throw new Error(`command "${title}" never appeared in the palette: ${error}`);
        await sleep(1_000);
      }
    }
  }

  /** Opens the command palette (F1), retrying until its input shows. */
  async openPalette(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      try {
        await this.quickInput.locator('input').waitFor({ state: 'visible', timeout: 3_000 });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
      }
    }
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
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }
}
