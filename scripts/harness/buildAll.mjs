// Builds the extension (npm run build: dist/, dist/corpus.json) and the unit, integration and UI test bundles.
// Usage: node scripts/harness/buildAll.mjs   (with PAPER_SCOUT_SKIP_BUILD=1 the exported buildAll() does nothing)
import { buildTests } from './buildTests.mjs';
import { root } from './paths.mjs';
import { run, step } from './proc.mjs';

/** Builds everything the integration and UI runs load, unless `force` is false and PAPER_SCOUT_SKIP_BUILD=1. */
export async function buildAll({ force = false } = {}) {
  if (!force && process.env.PAPER_SCOUT_SKIP_BUILD === '1') return;
  step('building the extension and the unit tests (node esbuild.config.mjs --tests), and the other test bundles');
  await run(process.execPath, ['esbuild.config.mjs', '--tests'], { cwd: root, timeoutMs: 3 * 60_000 });
  await buildTests();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildAll({ force: true }).catch((error) => { console.error(`[harness] ${error.message}`); process.exit(1); });
}
