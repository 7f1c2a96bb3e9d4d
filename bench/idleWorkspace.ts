// idleWorkspace (issue 20): Paper Scout in a window where nothing cites, the window most users open. A
// synthetic code workspace of 20,000 files (Python, TypeScript, Go, Rust, JSON, YAML, a README full of
// @mentions, no LaTeX, no .bib, no citation), one of its code files open. The real extension bundle is
// activated in a fake `vscode` that counts what it does (bench/child/fakeVscode.ts), each run in a fresh
// process. Goals: 0 files read, 0 watchers, activation at most twice the JSON parse floor, and the
// extension host idle afterwards.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { median, round } from './stats';
import { seededRandom } from '../evaluation/seededRandom';

const ms = z.number().nonnegative();

/** The idle workspace figures in `npm run bench -- --json`. */
export const idleWorkspaceReportSchema = z.object({
  files: z.number().int().positive(),
  runs: z.number().int().positive(),
  /** The first read + JSON.parse of the bundled corpus in the same process: cold, as `activate()` is (the budget's floor). */
  floorMs: ms,
  /** The same, warm (the median of five more): a stricter floor, reported beside it. */
  warmFloorMs: ms,
  /** Median time to load the extension bundle (`require`: compiling it and running its top level), before `activate()`. */
  loadMs: ms,
  /** Median time of `activate()`. */
  activateMs: ms,
  /** Median CPU time the process spent in `activate()` (what a busy machine does not inflate as it does wall time). */
  activateCpuMs: ms,
  /** Median event-loop busy time of the extension host in the window after activation. */
  busyAfterActivationMs: ms,
  windowMs: z.number().int().positive(),
  /** Workspace files whose contents the extension read (the most of any run). */
  filesRead: z.number().int().nonnegative(),
  /** Workspace folders it listed. */
  foldersListed: z.number().int().nonnegative(),
  /** File system watchers it made. */
  watchers: z.number().int().nonnegative(),
  /** VS Code file searches it asked for (they run outside the extension host), by pattern. */
  searches: z.array(z.string()),
  /** Parts of the API the fake host only stubs that activation touched (empty when it covers all). */
  stubbed: z.array(z.string()),
});

export type IdleWorkspaceReport = z.infer<typeof idleWorkspaceReportSchema>;

const CODE: ReadonlyArray<{ ext: string; text: (i: number) => string }> = [
  { ext: 'py', text: (i) => `import os\n\n\ndef handler_${i}(event, context):\n    """Reads the event and returns the status for the queue."""\n    # Retries are handled by the caller; see @retry in decorators.py.\n    return {"status": 200, "id": os.environ.get("ID", "${i}")}\n` },
  { ext: 'ts', text: (i) => `import { Injectable } from '@nestjs/common';\n\n/** Service ${i}: keeps the cache warm. @see CacheModule */\n@Injectable()\nexport class Service${i} {\n  // A map, not an object: keys come from users.\n  private readonly cache = new Map<string, number>();\n  get(key: string): number | undefined { return this.cache.get(key); }\n}\n` },
  { ext: 'go', text: (i) => `package handlers\n\n// Handle${i} answers health checks; contact @sre-team on call.\nfunc Handle${i}() int {\n\treturn 200\n}\n` },
  { ext: 'rs', text: (i) => `/// Parses record ${i}; the format is documented in README.md.\npub fn parse_${i}(input: &str) -> Option<u32> {\n    // Leading whitespace is allowed.\n    input.trim().parse().ok()\n}\n` },
  { ext: 'json', text: (i) => `{\n  "name": "@acme/module-${i}",\n  "version": "1.0.${i % 10}",\n  "author": "dev${i}@acme.dev"\n}\n` },
  { ext: 'yaml', text: (i) => `# Deployment ${i}, owned by @platform-team\nreplicas: ${1 + (i % 5)}\nimage: registry.acme.dev/app:${i}\n` },
];

const README = `# acme monorepo\n\nInstall with \`npm install\`, then \`npm install @acme/cli @types/node\`.\nThanks @octocat, @jane-doe and [@alice](https://github.com/alice) for the reviews;\nquestions to @platform-team or maintainers@acme.dev.\n\n\`\`\`ts\n@Component({ selector: 'app-root' })\nexport class App {}\n\`\`\`\n`;

/** The file open in the window, relative to the workspace: the Python file whose opening started Paper Scout. */
export const OPEN_FILE = 'src/main.py';

/** Writes the synthetic code workspace of `count` files under `dir`. */
export function writeIdleWorkspace(dir: string, count: number, seed = 20): void {
  const random = seededRandom(seed);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'README.md'), README);
  writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## 2.0.0\n- Bump @babel/core (#12) by [@dependabot](https://github.com/apps/dependabot)\n- Thanks @jane-doe!\n');
  writeFileSync(join(dir, 'package.json'), '{ "name": "@acme/monorepo", "private": true, "devDependencies": { "@types/node": "^20.0.0" } }\n');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, OPEN_FILE), CODE[0].text(0));
  for (let i = 1; i < count - 3; i++) {
    const module = `module${i % 200}`;
    const kind = CODE[Math.floor(random() * CODE.length)];
    const folder = join(dir, 'src', module, i % 3 === 0 ? 'nested' : '');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `file${i}.${kind.ext}`), kind.text(i));
  }
}

/**
 * Runs the benchmark `runs` times, each in a fresh process (out/bench/idleWorkspace.js), over a
 * workspace of `files` files written under `workDir` (removed afterwards).
 */
export function measureIdleWorkspace(workDir: string, files: number, runs: number, windowMs: number): IdleWorkspaceReport {
  const dir = join(workDir, 'idle-workspace');
  const root = resolve('.');
  try {
    writeIdleWorkspace(dir, files);
    const results = Array.from({ length: runs }, () => {
      const output = execFileSync(process.execPath, [join(__dirname, 'idleWorkspace.js'), root, dir, join(__dirname, 'extension.js'), String(windowMs), OPEN_FILE], {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      });
      return JSON.parse(output.trim().split('\n').pop() as string) as {
        floorMs: number; warmFloorMs: number; loadMs: number; activateMs: number; activateCpuMs: number; busyAfterActivationMs: number; filesRead: number; foldersListed: number; searches: string[]; watchers: string[]; missing: string[];
      };
    });
    const last = results[results.length - 1];
    return idleWorkspaceReportSchema.parse({
      files,
      runs,
      floorMs: round(median(results.map((result) => result.floorMs)), 2),
      warmFloorMs: round(median(results.map((result) => result.warmFloorMs)), 2),
      loadMs: round(median(results.map((result) => result.loadMs)), 2),
      activateMs: round(median(results.map((result) => result.activateMs)), 2),
      activateCpuMs: round(median(results.map((result) => result.activateCpuMs)), 2),
      busyAfterActivationMs: round(median(results.map((result) => result.busyAfterActivationMs)), 2),
      windowMs,
      filesRead: Math.max(...results.map((result) => result.filesRead)),
      foldersListed: Math.max(...results.map((result) => result.foldersListed)),
      watchers: Math.max(...results.map((result) => result.watchers.length)),
      searches: last.searches,
      stubbed: last.missing,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table lines of the idle workspace section of `npm run bench`. */
export function formatIdleWorkspace(report: IdleWorkspaceReport, row: (label: string, value: string) => void): void {
  row('workspace', `${report.files.toLocaleString('en-US')} code files, no citation; a Python file open; ${report.runs} fresh processes`);
  row('activateMs', `${report.activateMs.toFixed(1)}   (CPU ${report.activateCpuMs.toFixed(1)}; ${(report.activateMs / report.floorMs).toFixed(1)}× the first read + JSON.parse of the corpus in the same process, ${report.floorMs.toFixed(2)} ms, the budget's floor; ${(report.activateMs / report.warmFloorMs).toFixed(1)}× a warm one, ${report.warmFloorMs.toFixed(2)} ms)`);
  row('loadMs', `${report.loadMs.toFixed(1)}   (loading the bundle before activate(): compiling it and running its top level; not in the budget)`);
  row('busyAfterActivationMs', `${report.busyAfterActivationMs.toFixed(1)}   (event-loop busy time in the ${report.windowMs} ms after activation)`);
  row('filesRead / watchers', `${report.filesRead} / ${report.watchers}   (${report.foldersListed} folders listed; file searches by VS Code: ${report.searches.join(', ') || 'none'})`);
  if (report.stubbed.length > 0) row('API only stubbed', report.stubbed.join(', '));
}
