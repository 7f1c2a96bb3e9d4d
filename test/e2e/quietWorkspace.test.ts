// A workspace that cites nothing (issue 20), as a user meets it: a folder of the scratch workspace with
// code and a README full of @mentions, no LaTeX and no .bib. Paper Scout reads none of its files, so the
// paper panel's Cited In section says so and offers to look; pressed, the button reads the workspace,
// code comments included, and lists the place that cites the paper.
import { ok } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/harness/browser.mjs';
import { readableTitle } from '../../src/core/citations/latexText';
import type { Corpus, Paper } from '../../src/core/types';
import { screenshotFailuresAndCleanUp, subfolderUrl, Workbench } from './workbench';

const url = process.env.PAPER_SCOUT_E2E_URL ?? '';
const host = process.env.PAPER_SCOUT_E2E_HOST ?? 'node';
const workspace = process.env.PAPER_SCOUT_E2E_WORKSPACE ?? '';
const root = process.env.PAPER_SCOUT_ROOT ?? process.cwd();
const screenshots = join(process.env.PAPER_SCOUT_SCREENSHOTS ?? join(root, 'test-results', 'screenshots', `e2e-${host}`), 'quiet-workspace');
const corpus: Corpus = JSON.parse(readFileSync(join(root, 'dist', 'corpus.json'), 'utf8'));

const FOLDER = 'quiet-workspace';

describe(`Paper Scout in a workspace that cites nothing (${host} host)`, function () {
  this.timeout(120_000);
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let wb: Workbench;
  let folder = '';
  const awq: Paper | undefined = corpus.papers.find((paper) => paper.key === 'awq2023');

  before(async () => {
    ok(url, 'PAPER_SCOUT_E2E_URL is not set (run through scripts/harness/e2e.mjs)');
    ok(workspace, 'PAPER_SCOUT_E2E_WORKSPACE is not set (run through scripts/harness/e2e.mjs)');
    ok(awq, 'dist/corpus.json has no paper awq2023');
    folder = join(workspace, FOLDER);
    mkdirSync(join(folder, 'src'), { recursive: true });
    writeFileSync(join(folder, 'README.md'), '# quantizer\n\nThanks @octocat and [@alice](https://github.com/alice); install @types/node first.\n');
    writeFileSync(join(folder, 'src', 'quantize.py'), 'def quantize(weights):\n    # Activation-aware scaling, after @cite:awq2023.\n    return weights\n');
    browser = await launchBrowser();
    wb = new Workbench(browser.page, screenshots);
    await wb.open(subfolderUrl(url, host, workspace, FOLDER));
  });

  screenshotFailuresAndCleanUp(() => ({ browser, wb, folder }));

  it("says in the paper panel that it has not looked, and finds the code comment citing the paper once asked", async () => {
    const paper = awq as Paper;
    await wb.searchPapers('awq');
    await wb.enterOnRow(readableTitle(paper.title), 30_000);
    const section = wb.webview().locator('section.cited-in');
    const look = section.locator('button').filter({ hasText: 'Look for Citations' });
    await look.waitFor({ timeout: 30_000 });
    ok((await section.innerText()).includes('has not read its files'), await section.innerText());
    await look.scrollIntoViewIfNeeded();
    await wb.screenshot('cited in section of a workspace that cites nothing');
    await look.click();
    const place = section.locator('button.cited-place').filter({ hasText: 'src/quantize.py:2' }).first();
    await place.waitFor({ timeout: 30_000 });
    await wb.screenshot('cited in section after looking');
  });
});
