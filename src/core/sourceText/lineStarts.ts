/**
 * Converts between offsets in a text and 1-based line and column numbers. Columns count UTF-16 code
 * units, as JavaScript strings and VS Code's `Position.character` do (VS Code's character is the
 * column minus one): an emoji before a key counts as two columns.
 */
import { partitionPoint } from '../binarySearch';

export class LineStarts {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** Number of lines (a text ending with a line break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of `offset`. */
  position(offset: number): { line: number; column: number } {
    const starts = this.starts;
    const line = Math.max(0, partitionPoint(starts.length, (index) => starts[index] <= offset) - 1);
    return { line: line + 1, column: offset - starts[line] + 1 };
  }

  /**
   * The offset of 1-based `line` and `column`, clamped into the text: a line past the end is the end,
   * a column past the line's end is the line's end (before its line break).
   */
  offset(line: number, column: number): number {
    if (line > this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, line - 1)];
    const next = line < this.starts.length ? this.starts[line] - 1 : this.text.length;
    const lineEnd = next > start && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    return Math.min(start + Math.max(0, column - 1), lineEnd);
  }
}

/**
 * Line and column of offsets visited in increasing order, counting line breaks as it goes, without
 * an array of line starts (so scanning a large file for a few citations allocates next to nothing).
 */
export class ForwardPosition {
  private line = 1;
  private lineStart = 0;
  private nextBreak: number;

  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }

  /** The 1-based line and column of `offset`, which must not be less than the last one asked. */
  at(offset: number): { line: number; column: number } {
    while (this.nextBreak >= 0 && this.nextBreak < offset) {
      this.line++;
      this.lineStart = this.nextBreak + 1;
      this.nextBreak = this.text.indexOf('\n', this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}
