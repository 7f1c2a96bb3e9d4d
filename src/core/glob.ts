/**
 * Glob patterns as VS Code reads them in `files.exclude` and `search.exclude` (and `refs --exclude`),
 * matched against `/`-separated relative paths in time linear in the path, whatever the pattern:
 * each glob becomes a regular expression run by RE2, which never backtracks, so a setting such as
 * `*a*a*a*a*a*a*a*a*a*a*a*a*b` costs what `**\/node_modules` costs. A backtracking engine spent
 * minutes on such a pattern for every path of a workspace.
 *
 * The syntax: `*` any run of characters within a path segment, `?` one such character, `**` any
 * number of whole segments (none included), `{a,b}` either pattern (nested too), `[0-9]` and
 * `[!0-9]` (or `[^0-9]`) a character of a range or outside it. Dot files are matched like others.
 * Any other character stands for itself; `\` makes the next one stand for itself.
 */
import type { RE2JS } from 're2js';
import { re2 } from './re2';

/** The longest glob read: longer ones are refused (they exclude nothing a user means). */
export const MAX_GLOB_LENGTH = 1000;

/** How deep `{...}` groups may nest. */
const MAX_BRACE_DEPTH = 10;

/** A glob that cannot be used, and why. */
export interface GlobProblem {
  pattern: string;
  problem: string;
}

/** Globs compiled into one matcher. */
export interface GlobMatcher {
  /** True when some glob matches the whole of `path`. */
  readonly matches: (path: string) => boolean;
  /** The globs left out, and why. */
  problems: GlobProblem[];
}

/** Compiles `patterns` into one matcher; a glob that cannot be compiled is left out and named in `problems`. */
export function compileGlobs(patterns: readonly string[]): GlobMatcher {
  const sources: string[] = [];
  const problems: GlobProblem[] = [];
  for (const pattern of patterns) {
    if (pattern.length > MAX_GLOB_LENGTH) {
      problems.push({ pattern, problem: `longer than ${MAX_GLOB_LENGTH} characters` });
      continue;
    }
    try {
      sources.push(globToRegExp(pattern));
    } catch (error) {
      problems.push({ pattern, problem: (error as Error).message });
    }
  }
  if (sources.length === 0) return { matches: () => false, problems };
  let compiled: RE2JS;
  try {
    compiled = re2().compile(`(?:${sources.join('|')})`, re2().DOTALL);
  } catch (error) {
    return { matches: () => false, problems: [...problems, { pattern: patterns.join(', '), problem: (error as Error).message }] };
  }
  return { matches: (path) => compiled.testExact(path), problems };
}

/**
 * The RE2 regular expression (without anchors: it is matched against whole paths) that matches what
 * `glob` matches. Throws when a group nests too deep.
 */
export function globToRegExp(glob: string): string {
  return new GlobTranslator(glob).translate();
}

/** Characters RE2 reads as syntax outside a character class. */
const SPECIAL = /[\\^$.|?*+()[\]{}]/;

class GlobTranslator {
  private at = 0;

  constructor(private readonly glob: string) {}

  translate(): string {
    return this.sequence(0, false);
  }

  /** Reads up to the end (or, inside a group, up to its `,` or `}`). */
  private sequence(depth: number, inGroup: boolean): string {
    let out = '';
    const glob = this.glob;
    while (this.at < glob.length) {
      const char = glob[this.at];
      if (inGroup && (char === ',' || char === '}')) break;
      if (char === '/' && glob.startsWith('**', this.at + 1) && endsPattern(glob[this.at + 3], inGroup)) {
        // A trailing `/**`: everything below, and the folder itself (as VS Code reads it).
        out += '(?:/.*)?';
        this.at += 3;
      } else if (char === '*') {
        out += this.stars();
      } else if (char === '?') {
        out += '[^/]';
        this.at++;
      } else if (char === '[') {
        out += this.characterClass();
      } else if (char === '{') {
        out += this.group(depth);
      } else if (char === '\\' && this.at + 1 < glob.length) {
        out += literal(glob[this.at + 1]);
        this.at += 2;
      } else {
        out += literal(char);
        this.at++;
      }
    }
    return out;
  }

  /**
   * `*` or `**`. A `**` that is a whole segment matches any number of segments: `**\/` at the start or
   * after a `/` any leading folders (none included), and `**` alone anything. (A trailing `/**` is read
   * with its slash, in `sequence`.) Any other run of stars is one `*`.
   */
  private stars(): string {
    const glob = this.glob;
    const start = this.at;
    while (this.at < glob.length && glob[this.at] === '*') this.at++;
    const run = this.at - start;
    const segmentStart = start === 0 || glob[start - 1] === '/' || glob[start - 1] === '{' || glob[start - 1] === ',';
    const next = glob[this.at];
    if (run >= 2 && segmentStart) {
      if (next === '/') {
        this.at++;
        return '(?:[^/]*/)*';
      }
      if (next === undefined || next === '}' || next === ',') return '.*';
    }
    return '[^/]*';
  }

  /** `[...]`: a class of characters within a segment; a `[` never closed stands for itself. */
  private characterClass(): string {
    const glob = this.glob;
    let cursor = this.at + 1;
    let negated = false;
    if (glob[cursor] === '!' || glob[cursor] === '^') {
      negated = true;
      cursor++;
    }
    let body = '';
    let first = true;
    while (cursor < glob.length && (glob[cursor] !== ']' || first)) {
      const char = glob[cursor];
      if (char === '/') break;
      if (char === '\\' && cursor + 1 < glob.length) {
        body += `\\x{${glob.codePointAt(cursor + 1)!.toString(16)}}`;
        cursor += 2;
      } else if (char === '-' && !first && glob[cursor + 1] !== ']' && cursor + 1 < glob.length) {
        body += '-';
        cursor++;
      } else {
        const code = glob.codePointAt(cursor)!;
        body += `\\x{${code.toString(16)}}`;
        cursor += code > 0xffff ? 2 : 1;
      }
      first = false;
    }
    if (glob[cursor] !== ']' || body === '') {
      this.at++;
      return literal('[');
    }
    this.at = cursor + 1;
    return negated ? `[^/${body}]` : `[${body}]`;
  }

  /** `{a,b,...}`: one of the patterns; a `{` never closed stands for itself. */
  private group(depth: number): string {
    if (depth >= MAX_BRACE_DEPTH) throw new Error(`groups {...} nest deeper than ${MAX_BRACE_DEPTH}`);
    const start = this.at;
    this.at++;
    const alternatives: string[] = [];
    for (;;) {
      alternatives.push(this.sequence(depth + 1, true));
      const char = this.glob[this.at];
      if (char === ',') {
        this.at++;
        continue;
      }
      if (char === '}') {
        this.at++;
        return `(?:${alternatives.join('|')})`;
      }
      // Never closed: the brace stands for itself, and what follows is read again as plain pattern.
      this.at = start + 1;
      return literal('{');
    }
  }
}

/** True when `next` (the character after a `**`) ends the pattern, or the alternative of a group it is in. */
function endsPattern(next: string | undefined, inGroup: boolean): boolean {
  return next === undefined || (inGroup && (next === '}' || next === ','));
}

function literal(char: string): string {
  return SPECIAL.test(char) ? `\\${char}` : char;
}
