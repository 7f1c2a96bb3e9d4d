// Debian's Chromium driven by playwright-core, set up as HARNESS.md records: headless, no sandbox, and a
// persistent profile that allows third-party cookies (webviews on <uuid>.localhost need a service worker).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath } from './paths.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Launches Chromium with a fresh persistent profile; `close()` also deletes the profile. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM=/path)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'paper-scout-chromium-'));
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath, headless: true, args: ARGS, viewport, timeout: 60_000,
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page: context.pages()[0] ?? (await context.newPage()), close };
}

/**
 * Opens `url` in a page that reports extension tests through the workbench's automation hooks; each
 * log line goes to `onLog`. Resolves with the exit code the extension host reports, or rejects after
 * `timeoutMs`.
 */
export async function runTestPage(url, { onLog, timeoutMs }) {
  const browser = await launchBrowser();
  try {
    let reportExit;
    const exited = new Promise((resolve) => { reportExit = resolve; });
    await browser.page.exposeFunction('codeAutomationLog', (type, args) => {
      onLog(type, format(...(Array.isArray(args) ? args : [args])));
    });
    await browser.page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    browser.page.on('pageerror', (error) => onLog('pageerror', String(error)));
    await browser.page.goto(url, { timeout: 60_000 });
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no exit code from the extension host within ${timeoutMs / 1000}s`)), timeoutMs);
    });
    try {
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close();
  }
}
