// A scratch copy of a fixture workspace (test/fixtures/workspace unless told): the tests write files into the workspace
// (users' corpora, exported .bib files, scratch documents), and VS Code for the Web saves edits by itself, so
// every run opens a copy and the fixture stays as committed.
// Usage: node scripts/harness/scratchWorkspace.mjs <dir>   (replaces <dir> with a fresh copy; for .vscode/launch.json)
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtureWorkspace } from './paths.mjs';

/**
 * Copies `fixture` (the main fixture workspace by default; an integration session's own otherwise) into `dir`
 * (a new temporary folder named after `prefix` when none is given); returns the folder.
 */
export function scratchWorkspace({ prefix = 'paper-scout-workspace-', dir, fixture = fixtureWorkspace } = {}) {
  const target = dir ?? mkdtempSync(join(tmpdir(), prefix));
  if (dir) rmSync(dir, { recursive: true, force: true });
  cpSync(fixture, target, { recursive: true });
  return target;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv[2]) { console.error('usage: scratchWorkspace.mjs <dir>'); process.exit(2); }
  scratchWorkspace({ dir: resolve(process.argv[2]) });
}
