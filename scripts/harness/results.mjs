// Result files: every suite writes test-results/results/<suite>.json ({ passed, failed, skipped }) and
// scripts/test-all.mjs sums them. A suite that writes none has crashed and counts as failed.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './paths.mjs';

/** The marker line report.ts prints from inside an extension host. */
export const RESULT_MARKER = 'PAPER_SCOUT_RESULT';

/** Path of a suite's result file. */
export function resultFile(suite) {
  return join(resultsDir, 'results', `${suite}.json`);
}

/** Removes a suite's previous result so a crash cannot reuse it. */
export function clearResult(suite) {
  rmSync(resultFile(suite), { force: true });
}

/** Writes a suite's counts. */
export function writeResult(suite, counts) {
  mkdirSync(join(resultsDir, 'results'), { recursive: true });
  writeFileSync(resultFile(suite), JSON.stringify({ passed: 0, failed: 0, skipped: 0, ...counts }, null, 2) + '\n');
}

/** Reads a suite's counts, or null when it wrote none. */
export function readResult(suite) {
  try { return JSON.parse(readFileSync(resultFile(suite), 'utf8')); } catch { return null; }
}

/** Counts from a `PAPER_SCOUT_RESULT {...}` line, or null. */
export function parseMarker(line) {
  const at = line.indexOf(RESULT_MARKER + ' ');
  if (at < 0) return null;
  try { return JSON.parse(line.slice(at + RESULT_MARKER.length + 1).trim()); } catch { return null; }
}
