// A mocha reporter: mocha's spec output, plus the counts written to test-results/results/<suite>.json
// for scripts/test-all.mjs. Usage: mocha --reporter ./scripts/harness/countingReporter.cjs --reporter-option suite=unit
const { writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { Spec } = require('mocha').reporters;

class CountingReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    const suite = options?.reporterOptions?.suite ?? process.env.PAPER_SCOUT_SUITE ?? 'mocha';
    const counts = { passed: 0, failed: 0, skipped: 0 };
    runner.on('pass', () => { counts.passed++; });
    runner.on('fail', () => { counts.failed++; });
    runner.on('pending', () => { counts.skipped++; });
    runner.once('end', () => {
      const dir = join(__dirname, '..', '..', 'test-results', 'results');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${suite}.json`), JSON.stringify(counts, null, 2) + '\n');
    });
  }
}

module.exports = CountingReporter;
