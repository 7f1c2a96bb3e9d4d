// Per-run logs: every `npm start` / `npm test` (and every harness script run on its own) writes its logs to a
// folder of its own, test-results/logs/<date>-<time>-<command>/, so a run never overwrites the logs of the
// one before. Child processes find the same folder through PAPER_SCOUT_RUN_LOGS. Node built-ins only: the
// set-up runs this before node_modules exists.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { resultsDir, root } from './paths.mjs';

/** Where the per-run log folders live. */
export const logsRoot = join(resultsDir, 'logs');
/** How many run folders are kept; older ones are deleted when a new run starts. */
const KEEP_RUNS = 20;
const RUN_FOLDER = /^\d{8}-\d{6}-/;

/** `20261130-234512`: local date and time, sortable, safe in file names. */
function timestamp(date = new Date()) {
  const two = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

/** Deletes all but the newest `KEEP_RUNS` run folders. */
function pruneOldRuns() {
  let runs;
  try { runs = readdirSync(logsRoot).filter((name) => RUN_FOLDER.test(name)).sort(); } catch { return; }
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS))) {
    rmSync(join(logsRoot, old), { recursive: true, force: true });
  }
}

/**
 * This run's log folder, made on first call and named after `command` (default: the script's name); later
 * calls, and child processes started with this process's environment, get the same folder.
 */
export function runLogDir(command = basename(process.argv[1] ?? 'run').replace(/\.[cm]?js$/, '')) {
  const inherited = process.env.PAPER_SCOUT_RUN_LOGS;
  if (inherited) {
    mkdirSync(inherited, { recursive: true });
    return inherited;
  }
  mkdirSync(logsRoot, { recursive: true });
  pruneOldRuns();
  const base = `${timestamp()}-${command}`;
  for (let attempt = 1; ; attempt++) {
    const dir = join(logsRoot, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      mkdirSync(dir);
      process.env.PAPER_SCOUT_RUN_LOGS = dir;
      return dir;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
}

/** The path of `name` in this run's log folder. */
export function logFile(name) {
  return join(runLogDir(), name);
}

/** `path` relative to the repository when it is inside it, for shorter messages. */
export function shortPath(path) {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') ? inside : path;
}

/** The non-empty lines of a log file (none when it cannot be read). */
function readLines(path) {
  try { return readFileSync(path, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== ''); } catch { return []; }
}

/**
 * Prints the end of a log that explains a failure, framed so it stands out, with the log's path. The first
 * lines that say "error" are printed too when they come before the end: a compiler's "fatal error: x.h: No
 * such file" or npm's own reason often stands well before the last lines.
 */
export function printLogTail(path, count = 20) {
  const lines = readLines(path);
  if (lines.length === 0) {
    console.error(`(the log ${shortPath(path)} is empty)`);
    return;
  }
  const tailStart = Math.max(0, lines.length - count);
  // `npm http fetch` lines name packages (error-ex, ...), not errors.
  const firstError = lines.findIndex((line) => /\berror\b/i.test(line) && !line.startsWith('npm http'));
  if (firstError >= 0 && firstError < tailStart) {
    console.error(`--- the first error in ${shortPath(path)} ---`);
    for (const line of lines.slice(firstError, Math.min(firstError + 3, tailStart))) console.error(line);
  }
  console.error(`--- last ${lines.length - tailStart} lines of ${shortPath(path)} ---`);
  for (const line of lines.slice(tailStart)) console.error(line);
  console.error(`--- full log: ${path}`);
}
