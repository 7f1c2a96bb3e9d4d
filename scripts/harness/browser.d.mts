// Types of browser.mjs for the TypeScript UI tests.
import type { BrowserContext, Page } from 'playwright-core';

/** Launches Chromium with a fresh persistent profile; `close()` also deletes the profile. */
export function launchBrowser(options?: { viewport?: { width: number; height: number } }): Promise<{
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}>;

/** Opens `url` and resolves with the exit code the extension host reports through the automation hooks. */
export function runTestPage(url: string, options: { onLog(type: string, text: string): void; timeoutMs: number }): Promise<number>;
