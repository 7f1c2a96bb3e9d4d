/**
 * Which workspace files the citation index reads: files of a kind it understands, not excluded by
 * glob patterns (the extension passes the keys of `files.exclude` and `search.exclude`), and never
 * inside `node_modules` or `.git`. Globs are VS Code's: `**`, `*`, `?`, `{a,b}`, `[0-9]`, matched
 * against the path relative to the workspace folder with `/` separators, dot files included, in
 * linear time whatever the pattern (see `core/glob.ts`).
 */
import { compileGlobs, type GlobProblem } from '../glob';
import { languageIdForPath } from '../languages';

/** Folders never indexed, wherever they are. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A `files.exclude`-style setting: glob -> true (excluded), false (not), or `{ when }` (a sibling condition). */
export type ExcludeSetting = Readonly<Record<string, boolean | { when: string } | null | undefined>>;

/**
 * The glob patterns of exclude settings that are switched on (`true`). Patterns with a `when` sibling
 * condition (`"*.js": { "when": "$(basename).ts" }`) are left out: they exclude generated files,
 * which hold no citations worth hiding.
 */
export function enabledPatterns(...settings: ReadonlyArray<ExcludeSetting | undefined>): string[] {
  const patterns = new Set<string>();
  for (const setting of settings) {
    for (const [pattern, value] of Object.entries(setting ?? {})) if (value === true) patterns.add(pattern);
  }
  return [...patterns];
}

/** How many folders' answers `skipsFolder` keeps before starting afresh. */
const MAX_REMEMBERED_FOLDERS = 20_000;

/** Decides, by relative path, which files the citation index reads. */
export class PathFilter {
  private readonly excluded: (path: string) => boolean;
  /** What `skipsFolder` answered, by folder. */
  private readonly folders = new Map<string, boolean>();
  /** Patterns that could not be used (too long, or groups nested too deep), and why. */
  readonly problems: readonly GlobProblem[];

  /** `patterns`: VS Code globs; a pattern that matches a folder excludes everything in it. */
  constructor(patterns: readonly string[] = []) {
    const valid = patterns.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, '')).filter((pattern) => pattern.length > 0);
    const globs = compileGlobs(valid);
    this.excluded = globs.matches;
    this.problems = globs.problems;
  }

  /** True when the folder at `relativePath` (`a/b`) is to be skipped with all it holds. */
  skipsFolder(relativePath: string): boolean {
    let skipped = this.folders.get(relativePath);
    if (skipped === undefined) {
      const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
      skipped = ALWAYS_SKIPPED_FOLDERS.has(name) || this.excluded(relativePath);
      // Most files share their folders with others: each folder is matched once.
      if (this.folders.size >= MAX_REMEMBERED_FOLDERS) this.folders.clear();
      this.folders.set(relativePath, skipped);
    }
    return skipped;
  }

  /**
   * True when the file at `relativePath` is indexed: a kind Paper Scout reads, outside skipped folders
   * and not matched by an exclude pattern (itself or a folder above it).
   */
  includesFile(relativePath: string): boolean {
    const path = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (languageIdForPath(path) === undefined || this.excluded(path)) return false;
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
      if (this.skipsFolder(path.slice(0, slash))) return false;
    }
    return true;
  }
}
